import type { DerivAuthError } from '@deriv-auth/core';

/**
 * Where the handling of a login callback stands, for one session.
 *
 * - `idle`: not looked at yet (also what a server render and hydration see).
 * - `none`: looked at; this page is not a login callback.
 * - `pending`: tokens taken from the URL, the chosen account is being authorized.
 * - `success`: the account is authorized; `returnTo` is the checked same-origin path, if any.
 * - `error`: refused or failed; `error` says why (never containing a token).
 */
export type OAuthCallbackState =
  | { readonly status: 'idle' }
  | { readonly status: 'none' }
  | { readonly status: 'pending' }
  | { readonly status: 'success'; readonly account: string; readonly returnTo?: string | undefined }
  | { readonly status: 'error'; readonly error: DerivAuthError };

interface CallbackEntry {
  state: OAuthCallbackState;
  promise?: Promise<unknown>;
  readonly listeners: Set<() => void>;
}

/** The state before anything happened; one shared object so snapshots compare equal. */
export const IDLE_CALLBACK_STATE: OAuthCallbackState = Object.freeze({ status: 'idle' });

const entries = new WeakMap<object, CallbackEntry>();

/** @internal The per-session record (created on first use). */
export function callbackEntry(session: object): CallbackEntry {
  let entry = entries.get(session);
  if (!entry) {
    entry = { state: IDLE_CALLBACK_STATE, listeners: new Set() };
    entries.set(session, entry);
  }
  return entry;
}

/** @internal Publishes a new state to the watchers of `session`. */
export function setCallbackState(session: object, state: OAuthCallbackState): void {
  const entry = callbackEntry(session);
  entry.state = Object.freeze(state);
  for (const listener of [...entry.listeners]) listener();
}

/**
 * Reads where the login callback handled for `session` stands (the `get` half of a get/watch pair,
 * so any framework can bind it).
 *
 * @param session - The session given to {@link completeLogin}.
 * @returns The current state: the same object until it changes.
 * @throws Never.
 * @example
 * ```ts
 * if (getOAuthCallbackState(session).status === 'error') showLoginButton()
 * ```
 * @see {@link watchOAuthCallbackState}
 */
export function getOAuthCallbackState(session: object): OAuthCallbackState {
  return entries.get(session)?.state ?? IDLE_CALLBACK_STATE;
}

/**
 * Calls `onChange` whenever the login callback state of `session` changes.
 *
 * @param session - The session given to {@link completeLogin}.
 * @param onChange - Called with no arguments; read {@link getOAuthCallbackState} inside.
 * @returns A function that stops watching.
 * @throws Never.
 * @example
 * ```ts
 * const stop = watchOAuthCallbackState(session, () => render(getOAuthCallbackState(session)))
 * ```
 * @see {@link getOAuthCallbackState}
 */
export function watchOAuthCallbackState(session: object, onChange: () => void): () => void {
  const { listeners } = callbackEntry(session);
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}
