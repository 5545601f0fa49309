'use client';
import { useCallback, useEffect, useRef } from 'react';
import {
  startLogin,
  type StartLoginOptions,
  type StartNewApiLoginOptions,
} from '@deriv-auth/login';

/** Options of {@link useLogin}: those of `startLogin` from `@deriv-auth/login`. */
export type UseLoginOptions = StartLoginOptions;

/**
 * Options of {@link useLogin} for Deriv's New API: those of `startLogin({ newApi })`, with
 * `newApi` the login made by `createNewApiLogin` (OAuth 2.0 + PKCE).
 */
export type UseNewApiLoginOptions = StartNewApiLoginOptions;

/** What `login()` of {@link useLogin} may replace for one call; `undefined` keeps the hook's value. */
export type UseLoginOverrides = {
  [Key in keyof StartLoginOptions]?: StartLoginOptions[Key] | undefined;
};

/** What `login()` of the New API {@link useLogin} may replace for one call. */
export type UseNewApiLoginOverrides = {
  [Key in keyof StartNewApiLoginOptions]?: StartNewApiLoginOptions[Key] | undefined;
};

/** What {@link useLogin} returns. */
export interface UseLoginResult {
  /**
   * Starts the login (`startLogin`); `overrides` replace the hook's options for this call (a
   * `returnTo` known only on click). Returns the login URL.
   */
  readonly login: (overrides?: UseLoginOverrides) => string;
}

/** What {@link useLogin} returns with `newApi`: `login()` resolves to the authorize URL. */
export interface UseNewApiLoginResult {
  /**
   * Starts the New API login (`startLogin({ newApi })`): keeps the state and PKCE verifier for
   * this tab and leaves for the authorize page. Rejects with `DerivLoginError`
   * (`storage_unavailable`, ...).
   */
  readonly login: (overrides?: UseNewApiLoginOverrides) => Promise<string>;
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
export function useLogin(options: UseLoginOptions): UseLoginResult;
/**
 * The same hook for Deriv's New API: give `newApi` (from `createNewApiLogin`) and `login()` starts
 * the OAuth 2.0 + PKCE login instead; it returns a promise, because the PKCE challenge is a Web
 * Crypto digest.
 *
 * @param options - `newApi`, sign-up options, `returnTo`, `ttlMs`, `environment`.
 * @returns `{ login }`; `login()` rejects with `DerivLoginError` (`storage_unavailable`, ...).
 * @example
 * ```tsx
 * import { createNewApiLogin } from '@deriv-auth/login';
 * import { useLogin } from '@deriv-auth/react-hooks';
 *
 * const newApi = createNewApiLogin({ clientId: 'myApp123', redirectUri: 'https://app.example/cb' });
 *
 * export function LoginButton() {
 *   const { login } = useLogin({ newApi });
 *   return <button onClick={() => void login()}>Log in</button>;
 * }
 * ```
 */
export function useLogin(options: UseNewApiLoginOptions): UseNewApiLoginResult;
/**
 * The hook for an app that chooses its flow at run time (a setting, a flag): `login()` returns the
 * URL for the legacy flow and a promise of it for the New API.
 *
 * @param options - Either flow's options.
 * @returns `{ login }`.
 */
export function useLogin(options: UseLoginOptions | UseNewApiLoginOptions): {
  readonly login: (
    overrides?: UseLoginOverrides | UseNewApiLoginOverrides,
  ) => string | Promise<string>;
};
export function useLogin(options: UseLoginOptions | UseNewApiLoginOptions): {
  readonly login: (...overrides: never[]) => unknown;
} {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const login = useCallback((overrides: object = {}) => {
    const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
    // The options decide the flow (`newApi` or not); startLogin's overloads are one function.
    return (startLogin as (options: object) => string | Promise<string>)({
      ...latest.current,
      ...Object.fromEntries(given),
    });
  }, []);
  return { login };
}
