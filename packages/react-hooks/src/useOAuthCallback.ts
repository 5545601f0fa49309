'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import {
  completeLogin,
  getLoginCallbackStore,
  type CompleteLoginOptions,
  type LoginCallbackState,
} from '@deriv-auth/login';
import { useSession } from './DerivProvider.js';

// Layout effects run before the browser paints; servers run neither (and React 18 warns there).
const useBeforePaintEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** What the server and hydration render: the callback is looked at in the browser only. */
const IDLE: LoginCallbackState = Object.freeze({ status: 'idle' });
const getServerSnapshot = (): LoginCallbackState => IDLE;

/** Options of {@link useOAuthCallback}: those of `completeLogin` except the session. */
export type UseOAuthCallbackOptions = Omit<CompleteLoginOptions, 'session'>;

/**
 * Handles the login callback on the page Deriv redirects to: removes the tokens from the URL,
 * checks the one-time state, and authorizes the chosen account of the provider's session.
 *
 * @remarks
 * Runs `completeLogin` (from `@deriv-auth/login`) once per session, in a layout effect (before
 * the first paint; call `completeLogin` before `render()` to clean the URL even earlier).
 * StrictMode's double effects, several components using the hook, and remounts all share that one
 * run; unmounting only stops listening. The server and hydration render `{ status: 'idle' }`.
 *
 * The returned state is how login errors reach the UI: a denied, forged or replayed callback, no
 * account of the asked kind (`no_matching_account`), a revoked token (`session_ended`). A hook
 * reading the state counts as handling them, so nothing is logged to the console.
 *
 * With `newApi` (the login from `createNewApiLogin`, the provider's session created with
 * `newApi: { tokens: login.tokens }`), the same hook handles Deriv's New API callback
 * (`?code=..&state=..`): the code leaves the URL first, then is exchanged with the PKCE verifier,
 * and the chosen account's socket opens from a one-time URL.
 *
 * @param options - Which account to authorize (`'first'`, `'virtual'`, `'real'`,
 *   `{ prefer, fallback }` or a function), `newApi`, the storage key, and an injected environment.
 * @returns Where the callback stands: `idle`, `none` (not a callback), `pending`, `success` (with
 *   `account`, `returnTo`) or `error` (with `error`).
 * @throws {@link DerivReactError} `missing_provider` outside {@link DerivProvider}; failures of
 *   the login itself are returned as `{ status: 'error' }`, never thrown.
 * @example
 * ```tsx
 * import { useOAuthCallback } from '@deriv-auth/react-hooks';
 *
 * export function CallbackPage() {
 *   const callback = useOAuthCallback({ account: 'virtual' });
 *   if (callback.status === 'error') return <p role="alert">Login failed: {callback.error.code}</p>;
 *   if (callback.status === 'success') return <p>Signed in as {callback.account}</p>;
 *   return <p>Signing you in…</p>;
 * }
 * ```
 */
export function useOAuthCallback(options: UseOAuthCallbackOptions = {}): LoginCallbackState {
  const session = useSession();
  const store = getLoginCallbackStore(session);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const getSnapshot = useCallback(() => store.getSnapshot(), [store]);
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  // The latest options, for the one run per session: an inline chooser function, new on every
  // render, must neither restart the run nor be read stale. Layout effects run in order, so this
  // one has updated the ref when the run below starts.
  const latestOptions = useRef(options);
  useBeforePaintEffect(() => {
    latestOptions.current = options;
  });
  useBeforePaintEffect(() => {
    // Failures are published as state; the rejection itself needs no handler here.
    completeLogin({ ...latestOptions.current, session }).catch(() => undefined);
  }, [session]);
  return state;
}
