'use client';
import { useCallback, useEffect, useRef } from 'react';
import { startLogin, type StartLoginOptions } from '@deriv-auth/login';

/** Options of {@link useLogin}: those of `startLogin` from `@deriv-auth/login`. */
export type UseLoginOptions = StartLoginOptions;

/** What `login()` of {@link useLogin} may replace for one call; `undefined` keeps the hook's value. */
export type UseLoginOverrides = {
  [Key in keyof StartLoginOptions]?: StartLoginOptions[Key] | undefined;
};

/** What {@link useLogin} returns. */
export interface UseLoginResult {
  /**
   * Starts the login (`startLogin`); `overrides` replace the hook's options for this call (a
   * `returnTo` known only on click). Returns the login URL.
   */
  readonly login: (overrides?: UseLoginOverrides) => string;
}

/**
 * Gives a component a `login()` to call from a button: it creates the one-time state, keeps it for
 * this tab and sends the browser to Deriv's login page.
 *
 * @remarks
 * Nothing runs during render, so the hook is safe on a server; `login` is stable across renders
 * and always uses the latest options. It needs no {@link DerivProvider}.
 *
 * @param options - App id, login page options, `returnTo`, `ttlMs`, `environment`.
 * @returns `{ login }`; `login()` throws `DerivLoginError` (`storage_unavailable`, ...).
 * @example
 * ```tsx
 * import { useLogin } from '@deriv-auth/react-hooks';
 *
 * export function LoginButton() {
 *   const { login } = useLogin({ appId: 1089 });
 *   return <button onClick={() => login({ returnTo: location.pathname })}>Log in</button>;
 * }
 * ```
 */
export function useLogin(options: UseLoginOptions): UseLoginResult {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const login = useCallback((overrides: UseLoginOverrides = {}) => {
    const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
    return startLogin({ ...latest.current, ...Object.fromEntries(given) });
  }, []);
  return { login };
}
