import type { DerivSession } from '@deriv-auth/ws-client';

/** The key under which the demo remembers which account was active (a login id, no secret). */
export const ACTIVE_ACCOUNT_KEY = 'deriv-demo:active-account';

/** Remembers the active account of this tab across reloads. */
export interface ActiveAccountMemory {
  /** The remembered login id, if it is one of `accounts`. */
  recall(accounts: readonly { readonly account: string }[]): string | undefined;
  /** Follows `session`: remembers each authorized account, forgets on sign-out. Returns the stop function. */
  follow(session: Pick<DerivSession, 'getSnapshot' | 'subscribe'>): () => void;
}

/**
 * The session stores the tokens of the login but not which account was active, so after a reload
 * it would authorize the first account again. The demo keeps the active login id beside it, in
 * the same per-tab storage, and asks for that account when it restores the session.
 *
 * @param storage - `sessionStorage`, or `undefined` to remember nothing (memory token storage).
 * @returns The memory.
 * @example
 * ```ts
 * const memory = createActiveAccountMemory(window.sessionStorage);
 * memory.follow(session);
 * ```
 */
export function createActiveAccountMemory(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
): ActiveAccountMemory {
  return {
    recall(accounts) {
      const remembered = storage?.getItem(ACTIVE_ACCOUNT_KEY) ?? undefined;
      return accounts.find(({ account }) => account === remembered)?.account;
    },
    follow(session) {
      return session.subscribe(() => {
        const snapshot = session.getSnapshot();
        if (snapshot.status === 'authorized' && snapshot.activeAccount !== undefined) {
          storage?.setItem(ACTIVE_ACCOUNT_KEY, snapshot.activeAccount);
        } else if (snapshot.accounts.length === 0) {
          storage?.removeItem(ACTIVE_ACCOUNT_KEY);
        }
      });
    },
  };
}
