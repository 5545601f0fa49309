import type { DerivAuthError } from '@deriv-auth/core';
import type { AuthorizeResult, LogoutResult, SessionSnapshot } from '@deriv-auth/ws-client';
import { createNewApiLogin } from '@deriv-auth/login';
import { describe, expectTypeOf, it } from 'vitest';
import type { LoginCallbackState } from '@deriv-auth/login';
import {
  useConnectionStatus,
  useSessionActions,
  useSessionSnapshot,
  useLogin,
  useOAuthCallback,
} from './index.js';

describe('public hook types', () => {
  it('useSessionSnapshot returns the snapshot, or exactly what the selector returns', () => {
    expectTypeOf(useSessionSnapshot()).toEqualTypeOf<SessionSnapshot>();
    expectTypeOf(useSessionSnapshot((snapshot) => snapshot.authorize?.loginid)).toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf(useSessionSnapshot((snapshot) => snapshot.status)).toEqualTypeOf<
      SessionSnapshot['status']
    >();
    // isEqual is typed by the selection.
    useSessionSnapshot(
      (snapshot) => snapshot.scopes,
      (a, b) => {
        expectTypeOf(a).toEqualTypeOf<SessionSnapshot['scopes']>();
        return a.length === b.length;
      },
    );
    // @ts-expect-error the selector receives the snapshot, which has no `token`
    useSessionSnapshot((snapshot) => snapshot.token); // eslint-disable-line @typescript-eslint/no-unsafe-return
  });

  it('useConnectionStatus is the connection status union', () => {
    expectTypeOf(useConnectionStatus()).toEqualTypeOf<
      'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed'
    >();
  });

  it('useSessionActions exposes promise-returning actions', () => {
    const { authorize, switchAccount, logout } = useSessionActions();
    expectTypeOf(authorize).parameters.toEqualTypeOf<[account?: string]>();
    expectTypeOf(authorize).returns.toEqualTypeOf<Promise<AuthorizeResult>>();
    expectTypeOf(switchAccount).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(logout).returns.toEqualTypeOf<Promise<LogoutResult>>();
    // @ts-expect-error switching needs an account
    void switchAccount();
  });

  it('useLogin needs an app id and returns login(): string', () => {
    expectTypeOf(useLogin({ appId: 1089 }).login).returns.toEqualTypeOf<string>();
    const newApi = createNewApiLogin({ clientId: 'myApp123', redirectUri: 'https://a.example/cb' });
    // One option switches the flow; the New API's login() resolves the URL (Web Crypto digest).
    expectTypeOf(useLogin({ newApi }).login).returns.toEqualTypeOf<Promise<string>>();
    // @ts-expect-error the New API login has no legacy app id
    useLogin({ newApi, appId: 1089 });
    useLogin({ appId: '1089', returnTo: '/trade', ttlMs: 60_000, navigate: false });
    // @ts-expect-error the app id is required
    useLogin({});
    // @ts-expect-error the state is created by the SDK, never passed in
    useLogin({ appId: 1089, state: 'chosen-by-app' });
  });

  it('useOAuthCallback narrows by status', () => {
    const callback = useOAuthCallback({ account: 'virtual' });
    expectTypeOf(callback).toEqualTypeOf<LoginCallbackState>();
    if (callback.status === 'error') expectTypeOf(callback.error).toEqualTypeOf<DerivAuthError>();
    if (callback.status === 'success')
      expectTypeOf(callback.returnTo).toEqualTypeOf<string | undefined>();
    useOAuthCallback({ account: (accounts) => accounts[0]?.account });
    // @ts-expect-error the chooser sees no tokens
    useOAuthCallback({ account: (accounts) => accounts[0]?.token }); // eslint-disable-line @typescript-eslint/no-unsafe-return
    // @ts-expect-error unknown choice
    useOAuthCallback({ account: 'demo' });
  });

  it('every optional option accepts undefined (exactOptionalPropertyTypes: env values)', () => {
    const fromEnv = undefined as string | undefined;
    const maybeNumber = undefined as number | undefined;
    useLogin({ appId: 1089, returnTo: fromEnv }).login({ returnTo: fromEnv, ttlMs: maybeNumber });
    useOAuthCallback({ account: undefined, storageKey: fromEnv, environment: undefined });
    useOAuthCallback({ account: { prefer: 'virtual', fallback: undefined } });
  });
});
