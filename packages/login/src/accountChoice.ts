/** An account as the chooser sees it: no token, so app code never handles one. */
export interface AccountSummary {
  readonly account: string;
  readonly currency: string;
}

/**
 * A kind of account with what to do when the redirect carries none of that kind:
 * `fallback: 'first'` takes the first account Deriv listed, `'none'` (the default) refuses.
 */
export interface AccountPreference {
  readonly prefer: 'virtual' | 'real';
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
