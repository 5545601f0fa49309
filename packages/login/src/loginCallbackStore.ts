import { SnapshotStore, type DerivAuthError, type SnapshotSource } from '@deriv-auth/core';

/**
 * Where the handling of a login callback stands, for one session.
 *
 * - `idle`: not looked at yet (also what a server render and hydration see).
 * - `none`: looked at; this page is not a login callback.
 * - `pending`: tokens taken from the URL, the chosen account is being authorized.
 * - `success`: the account is authorized; `returnTo` is the checked same-origin path, if any.
 * - `error`: refused or failed; `error` says why (never containing a token).
 */
export type LoginCallbackState =
  | { readonly status: 'idle' }
  | { readonly status: 'none' }
  | { readonly status: 'pending' }
  | { readonly status: 'success'; readonly account: string; readonly returnTo?: string | undefined }
  | { readonly status: 'error'; readonly error: DerivAuthError };

/** The state before anything happened; one shared object so snapshots compare equal. */
const IDLE: LoginCallbackState = Object.freeze({ status: 'idle' });

/** What the SDK keeps per session: the store it writes, the half it hands out, the one run. */
interface CallbackEntry {
  readonly store: SnapshotStore<LoginCallbackState>;
  readonly source: SnapshotSource<LoginCallbackState>;
  promise?: Promise<unknown>;
}

// Keyed by session, so a session that is dropped takes its callback state with it.
const entries = new WeakMap<object, CallbackEntry>();

/** @internal The per-session record (created on first use). */
export function callbackEntry(session: object): CallbackEntry {
  let entry = entries.get(session);
  if (!entry) {
    const store = new SnapshotStore(IDLE);
    // Only the read half leaves the package: nobody outside can publish a state.
    const source: SnapshotSource<LoginCallbackState> = Object.freeze({
      getSnapshot: () => store.getSnapshot(),
      subscribe: (listener: () => void) => store.subscribe(listener),
    });
    entry = { store, source };
    entries.set(session, entry);
  }
  return entry;
}

/** @internal Publishes a new state to the subscribers of `session`'s store. */
export function setCallbackState(session: object, state: LoginCallbackState): void {
  callbackEntry(session).store.setSnapshot(Object.freeze(state));
}

/**
 * The store of where the login callback handled for `session` stands: `getSnapshot()` and
 * `subscribe(listener)`, the shape every framework binds (React's `useSyncExternalStore`, a Vue
 * `shallowRef`, a plain listener).
 *
 * @remarks
 * The same object for the life of the session, and its snapshot the same object until the state
 * changes. A subscriber counts as handling a failed login: {@link completeLogin} then logs nothing.
 *
 * @param session - The session given to {@link completeLogin}.
 * @example
 * ```ts
 * import { getLoginCallbackStore } from '@deriv-auth/login';
 * import type { DerivSession } from '@deriv-auth/ws-client';
 *
 * declare const session: DerivSession;
 * declare function showLoginButton(): void;
 *
 * const callback = getLoginCallbackStore(session);
 * callback.subscribe(() => {
 *   if (callback.getSnapshot().status === 'error') showLoginButton();
 * });
 * ```
 */
export function getLoginCallbackStore(session: object): SnapshotSource<LoginCallbackState> {
  return callbackEntry(session).source;
}
