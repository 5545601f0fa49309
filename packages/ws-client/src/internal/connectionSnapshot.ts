import type { ConnectionSnapshot, ConnectionStatus } from '../types.js';

/** The snapshot of a client that has not connected yet, shared by every such client. */
export const IDLE_SNAPSHOT: ConnectionSnapshot = Object.freeze({ status: 'idle', attempt: 0 });

/**
 * Snapshots with no attempt and no error, one per status, shared by every client: a fleet of open
 * clients holds one `open` snapshot, not one each.
 */
const SHARED_SNAPSHOTS: Partial<Record<ConnectionStatus, ConnectionSnapshot>> = {
  idle: IDLE_SNAPSHOT,
};

/** A change to a {@link ConnectionSnapshot}; `lastError: undefined` clears the error. */
export interface ConnectionSnapshotPatch {
  status?: ConnectionSnapshot['status'];
  attempt?: number;
  lastError?: Error | undefined;
}

/**
 * `previous` with `patch` applied, or `previous` itself when nothing changes (so the store
 * notifies no one and `useSyncExternalStore` re-renders nothing).
 */
export function nextConnectionSnapshot(
  previous: ConnectionSnapshot,
  patch: ConnectionSnapshotPatch,
): ConnectionSnapshot {
  const status = patch.status ?? previous.status;
  const attempt = patch.attempt ?? previous.attempt;
  const lastError = 'lastError' in patch ? patch.lastError : previous.lastError;
  if (
    previous.status === status &&
    previous.attempt === attempt &&
    previous.lastError === lastError
  )
    return previous;
  if (lastError === undefined && attempt === 0)
    return (SHARED_SNAPSHOTS[status] ??= Object.freeze({ status, attempt }));
  // Literal shapes, no `delete`: a deleted key would turn the snapshot into a dictionary-mode
  // object several times larger, held by every idle client.
  return Object.freeze(
    lastError === undefined ? { status, attempt } : { status, attempt, lastError },
  );
}
