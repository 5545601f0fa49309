'use client';
import type { SessionSnapshot } from '@deriv-auth/ws-client';
import { useSessionSnapshot } from './useSessionSnapshot.js';

const selectConnection = (snapshot: SessionSnapshot): SessionSnapshot['connection'] =>
  snapshot.connection;

/**
 * Reads only the socket status (`idle`, `connecting`, `open`, `reconnecting`, `closed`); the
 * component re-renders when that string changes and for nothing else.
 *
 * @throws {@link DerivReactError} `missing_provider` outside {@link DerivProvider}.
 * @example
 * ```tsx
 * import { useConnectionStatus } from '@deriv-auth/react-hooks';
 *
 * export function ReconnectingBanner() {
 *   const status = useConnectionStatus();
 *   return status === 'reconnecting' ? <p role="status">Reconnecting…</p> : null;
 * }
 * ```
 */
export function useConnectionStatus(): SessionSnapshot['connection'] {
  return useSessionSnapshot(selectConnection);
}
