'use client';
import { useCallback } from 'react';
import type { SessionSnapshot } from '@deriv-auth/ws-client';
import { useSession } from './DerivProvider.js';
import { useSelectedSnapshot } from './internal/useSelectedSnapshot.js';

/**
 * What the server renders and hydration starts from: signed out, not connected. Tokens live only
 * in the browser, so a server can never render a signed-in session, and this keeps hydration equal.
 */
const SERVER_SNAPSHOT: SessionSnapshot = Object.freeze({
  status: 'signed_out',
  connection: 'idle',
  accounts: [],
  scopes: [],
});

const identity = <Value>(value: Value): Value => value;

/** Picks what a component needs from the session snapshot. */
export type SessionSelector<Selected> = (snapshot: SessionSnapshot) => Selected;

/**
 * Reads the whole session snapshot (status, connection, accounts, active account, authorize data,
 * scopes, error); the component re-renders whenever the session publishes a new snapshot.
 *
 * @remarks
 * One `useSyncExternalStore` call over `session.getSnapshot()` / `session.subscribe()`. The server
 * and hydration render a signed-out snapshot, so the markup always matches.
 *
 * @returns The current snapshot (the same object until something changes).
 * @throws {@link DerivReactError} `missing_provider` outside {@link DerivProvider}.
 * @example
 * ```tsx
 * import { useSessionSnapshot } from '@deriv-auth/react-hooks';
 *
 * export function SessionStatus() {
 *   const { status, error } = useSessionSnapshot();
 *   return <p>{error ? `Error: ${error.code}` : status}</p>;
 * }
 * ```
 * @see https://react.dev/reference/react/useSyncExternalStore
 */
export function useSessionSnapshot(): SessionSnapshot;
/**
 * Reads part of the session snapshot, re-rendering only when that part changes.
 *
 * @remarks
 * Selections are compared with `isEqual` (default `Object.is`): return fields of the snapshot, or
 * pass a structural `isEqual` for derived values (arrays, objects), else every new snapshot renders.
 *
 * @param selector - Picks the part to read.
 * @param isEqual - When two selections count as the same (default `Object.is`).
 * @returns The selected value.
 * @throws {@link DerivReactError} `missing_provider` outside {@link DerivProvider}.
 * @example
 * ```tsx
 * import { useSessionSnapshot } from '@deriv-auth/react-hooks';
 *
 * export function LoginId() {
 *   // Re-renders when the authorized account changes, not on every connection blip.
 *   const loginid = useSessionSnapshot((snapshot) => snapshot.authorize?.loginid);
 *   return <span>{loginid ?? 'signed out'}</span>;
 * }
 * ```
 */
export function useSessionSnapshot<Selected>(
  selector: SessionSelector<Selected>,
  isEqual?: (a: Selected, b: Selected) => boolean,
): Selected;
export function useSessionSnapshot<Selected>(
  selector: SessionSelector<Selected> = identity as SessionSelector<Selected>,
  isEqual?: (a: Selected, b: Selected) => boolean,
): Selected {
  const session = useSession();
  const subscribe = useCallback((onChange: () => void) => session.subscribe(onChange), [session]);
  const getSnapshot = useCallback(() => session.getSnapshot(), [session]);
  return useSelectedSnapshot(subscribe, getSnapshot, () => SERVER_SNAPSHOT, selector, isEqual);
}
