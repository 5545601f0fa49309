/** An account as the chooser sees it: no token, so app code never handles one. */
export interface AccountSummary {
  readonly account: string;
  readonly currency: string;
}

/**
 * Which account {@link completeLogin} (and {@link useOAuthCallback}) authorizes: `'first'` (as
 * Deriv listed them), `'virtual'` (the first demo account, else the first), `'real'` (the first
 * real account, else the first), or a function returning the login id.
 */
export type AccountChoice =
  'first' | 'virtual' | 'real' | ((accounts: readonly AccountSummary[]) => string | undefined);
