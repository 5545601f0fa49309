'use client';
import { useCallback, useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { completeLogin, type CompleteLoginParameters } from './completeLogin.js';
import { useDerivSessionInstance } from './derivProvider.js';
import {
  IDLE_CALLBACK_STATE,
  getOAuthCallbackState,
  watchOAuthCallbackState,
  type OAuthCallbackState,
} from './oAuthCallbackState.js';

// Layout effects run before the browser paints; servers run neither (and React 18 warns there).
const useBeforePaintEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Parameters of {@link useOAuthCallback}: those of {@link completeLogin} except the session. */
export type UseOAuthCallbackParameters = Omit<CompleteLoginParameters, 'session'>;

/** What {@link useOAuthCallback} returns. */
export type UseOAuthCallbackReturnType = OAuthCallbackState;

/**
 * Handles the login callback on the page Deriv redirects to: removes the tokens from the URL,
 * checks the one-time state, and authorizes the chosen account of the provider's session.
 *
 * @remarks
 * Runs {@link completeLogin} once per session, in a layout effect (before the first paint; call
 * `completeLogin` before `render()` to clean the URL even earlier). StrictMode's double effects,
 * several components using the hook, and remounts all share that one run; unmounting only stops
 * listening. The server and hydration render `{ status: 'idle' }`.
 *
 * The returned state is how login errors reach the UI: a denied, forged or replayed callback, no
 * account of the asked kind (`no_matching_account`), a revoked token (`session_ended`). A hook
 * watching the state counts as handling them, so nothing is logged to the console.
 *
 * @param parameters - Which account to authorize (`'first'`, `'virtual'`, `'real'`,
 *   `{ prefer, fallback }` or a function), the storage key, and an injected environment.
 * @returns Where the callback stands: `idle`, `none` (not a callback), `pending`, `success` (with
 *   `account`, `returnTo`) or `error` (with `error`).
 * @throws {@link @deriv-auth/core!DerivAuthError} `missing_provider` outside {@link DerivProvider};
 *   failures of the login itself are returned as `{ status: 'error' }`, never thrown.
 * @example
 * ```tsx
 * const callback = useOAuthCallback({ account: 'virtual' })
 * if (callback.status === 'error') return <p>Login failed: {callback.error.code}</p>
 * if (callback.status === 'success') return <Navigate to={callback.returnTo ?? '/'} />
 * ```
 * @see {@link completeLogin}
 */
export function useOAuthCallback(
  parameters: UseOAuthCallbackParameters = {},
): UseOAuthCallbackReturnType {
  const session = useDerivSessionInstance();
  const subscribe = useCallback(
    (onChange: () => void) => watchOAuthCallbackState(session, onChange),
    [session],
  );
  const state = useSyncExternalStore(
    subscribe,
    () => getOAuthCallbackState(session),
    () => IDLE_CALLBACK_STATE,
  );
  useBeforePaintEffect(() => {
    // Failures are published as state; the rejection itself needs no handler here. `parameters`
    // may hold an inline chooser: the run happens once per session, not once per render.
    completeLogin({ ...parameters, session }).catch(() => undefined);
  }, [session]);
  return state;
}
