/** An account as the chooser sees it: no token, so app code never handles one. */
export interface AccountSummary {
  /** The login id (`CR799393`, `VRTC1859315`). */
  readonly account: string;
  /** The account's currency as the redirect carried it (`usd`). */
  readonly currency: string;
}

/** A kind of account, and what to do when the redirect carries none of that kind. */
export interface AccountPreference {
  /** The kind to authorize: a demo (`VR...`) or a real-money account. */
  readonly prefer: 'virtual' | 'real';
  /** No account of that kind: `'first'` takes the first Deriv listed, `'none'` (default) refuses. */
  readonly fallback?: 'first' | 'none' | undefined;
}

/**
 * Which account {@link completeLogin} (and React's `useOAuthCallback`) authorizes: `'first'` (as
 * Deriv listed them), `'virtual'` (the first demo account), `'real'` (the first real-money
 * account), `{ prefer, fallback: 'first' }` (that kind, else the first), or a function returning
 * the login id.
 *
 * @remarks
 * `'virtual'` and `'real'` never fall back: a user without a demo account is refused with
 * {@link DerivLoginError} `no_matching_account` instead of being signed in to real money. Ask for
 * a fallback explicitly with `{ prefer: 'virtual', fallback: 'first' }`.
 */
export type AccountChoice =
  | 'first'
  | 'virtual'
  | 'real'
  | AccountPreference
  | ((accounts: readonly AccountSummary[]) => string | undefined);
