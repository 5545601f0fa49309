'use client';
import type { SessionSnapshot } from '@deriv-auth/ws-client';
import { useDerivSession } from './useDerivSession.js';

/** What {@link useConnectionStatus} returns. */
export type UseConnectionStatusReturnType = SessionSnapshot['connection'];

const selectConnection = (snapshot: SessionSnapshot): UseConnectionStatusReturnType =>
  snapshot.connection;

/**
 * Reads only the socket status (`idle`, `connecting`, `open`, `reconnecting`, `closed`); the
 * component re-renders when that string changes and for nothing else.
 *
 * @returns The connection status of the session's client.
 * @throws {@link @deriv-auth/core!DerivAuthError} `missing_provider` outside {@link DerivProvider}.
 * @example
 * ```tsx
 * const status = useConnectionStatus()
 * return status === 'reconnecting' ? <Banner>Reconnecting…</Banner> : null
 * ```
 * @see {@link useDerivSession}
 */
export function useConnectionStatus(): UseConnectionStatusReturnType {
  return useDerivSession(selectConnection);
}
