'use client';
import { useCallback, useEffect, useRef } from 'react';
import { startLogin, type StartLoginParameters } from './startLogin.js';

/** Parameters of {@link useLogin}: those of {@link startLogin}. */
export type UseLoginParameters = StartLoginParameters;

/** What `login()` of {@link useLogin} may replace for one call; `undefined` keeps the hook's value. */
export type UseLoginOverrides = {
  [Key in keyof StartLoginParameters]?: StartLoginParameters[Key] | undefined;
};

/** What {@link useLogin} returns. */
export interface UseLoginReturnType {
  /**
   * Starts the login (see {@link startLogin}); `overrides` replace the hook's parameters for this
   * call (a `returnTo` known only on click). Returns the login URL.
   */
  readonly login: (overrides?: UseLoginOverrides) => string;
}

/**
 * Gives a component a `login()` to call from a button: it creates the one-time state, keeps it for
 * this tab and sends the browser to Deriv's login page.
 *
 * @remarks
 * Nothing runs during render, so the hook is safe on a server; `login` is stable across renders
 * and always uses the latest parameters. It needs no {@link DerivProvider}.
 *
 * @param parameters - App id, login page options, `returnTo`, `ttlMs`, `environment`.
 * @returns `{ login }`.
 * @throws Never itself; `login()` throws {@link DerivLoginError} (`storage_unavailable`, ...).
 * @example
 * ```tsx
 * const { login } = useLogin({ appId: 1089 })
 * return <button onClick={() => login({ returnTo: location.pathname })}>Log in</button>
 * ```
 * @see {@link startLogin}
 */
export function useLogin(parameters: UseLoginParameters): UseLoginReturnType {
  const latest = useRef(parameters);
  useEffect(() => {
    latest.current = parameters;
  });
  const login = useCallback((overrides: UseLoginOverrides = {}) => {
    const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
    return startLogin({ ...latest.current, ...Object.fromEntries(given) });
  }, []);
  return { login };
}
