'use client';
import { useMemo } from 'react';
import type { DerivSession } from '@deriv-auth/ws-client';
import { useSession } from './DerivProvider.js';

/** What {@link useSessionActions} returns: the session's actions, bound and stable across renders. */
export interface UseSessionActionsResult {
  /** Authorizes `account` (default: the active one, else the one the token storage remembers, else the first). */
  readonly authorize: DerivSession['authorize'];
  /** Switches the socket to another of the session's accounts. */
  readonly switchAccount: DerivSession['switchAccount'];
  /** Logs out on the server and forgets the accounts. */
  readonly logout: DerivSession['logout'];
}

/**
 * Returns the session's actions (`authorize`, `switchAccount`, `logout`), stable for the life of
 * the session so they can go into dependency lists and memoized children.
 *
 * @remarks
 * Reading the actions subscribes to nothing: a component that only acts never re-renders on
 * session changes. Each action returns the session's promise; its failures also land in the
 * snapshot's `error`, so a caller may ignore the rejection with `.catch(() => {})`.
 *
 * @throws {@link DerivReactError} `missing_provider` outside {@link DerivProvider}.
 * @example
 * ```tsx
 * import { useSessionActions } from '@deriv-auth/react-hooks';
 *
 * export function DemoAccountButton() {
 *   const { switchAccount } = useSessionActions();
 *   // Failures also land in the snapshot's `error`, which the page shows.
 *   return <button onClick={() => void switchAccount('VRTC1859315').catch(() => {})}>Demo</button>;
 * }
 * ```
 */
export function useSessionActions(): UseSessionActionsResult {
  const session = useSession();
  return useMemo(
    () => ({
      authorize: (account?: string) => session.authorize(account),
      switchAccount: (account: string) => session.switchAccount(account),
      logout: (options?: Parameters<DerivSession['logout']>[0]) => session.logout(options),
    }),
    [session],
  );
}
