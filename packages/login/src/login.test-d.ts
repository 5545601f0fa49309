import type { Authorize, DerivAuthError, SnapshotSource } from '@deriv-auth/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  completeLogin,
  createBrowserEnvironment,
  createNewApiLogin,
  getLoginCallbackStore,
  startLogin,
  type CompleteLoginResult,
  type DerivLoginErrorCode,
  type LoginCallbackState,
} from './index.js';

describe('public login types', () => {
  it('startLogin returns the URL and completeLogin a result narrowed by handled', () => {
    expectTypeOf(startLogin({ appId: 1089 })).toEqualTypeOf<string>();
    const newApi = createNewApiLogin({ clientId: 'myApp123', redirectUri: 'https://a.example/cb' });
    // The New API builds an S256 challenge with Web Crypto: the URL comes asynchronously.
    expectTypeOf(startLogin({ newApi })).toEqualTypeOf<Promise<string>>();
    // @ts-expect-error the New API login has no legacy app id
    void startLogin({ newApi, appId: 1089 });
    expectTypeOf(completeLogin).returns.toEqualTypeOf<Promise<CompleteLoginResult>>();
    const result = {} as CompleteLoginResult;
    if (result.handled) expectTypeOf(result.authorize).toEqualTypeOf<Authorize>();
    // @ts-expect-error the state is created by the SDK, never passed in
    void startLogin({ appId: 1089, state: 'chosen-by-app' });
  });

  it('the callback store is a read-only snapshot source narrowed by status', () => {
    const store = getLoginCallbackStore({});
    expectTypeOf(store).toEqualTypeOf<SnapshotSource<LoginCallbackState>>();
    const state = store.getSnapshot();
    if (state.status === 'error') expectTypeOf(state.error).toEqualTypeOf<DerivAuthError>();
    if (state.status === 'success')
      expectTypeOf(state.returnTo).toEqualTypeOf<string | undefined>();
    // @ts-expect-error only the SDK publishes a state
    store.setSnapshot({ status: 'none' }); // eslint-disable-line @typescript-eslint/no-unsafe-call
  });

  it('the login error codes are a closed union', () => {
    expectTypeOf<'login_not_started'>().toExtend<DerivLoginErrorCode>();
    // @ts-expect-error the redirect lacking an account is the session's `unknown_account`
    expectTypeOf<'account_not_found'>().toExtend<DerivLoginErrorCode>();
  });

  it('every optional option accepts undefined (exactOptionalPropertyTypes: env values)', () => {
    const fromEnv = undefined as string | undefined;
    const maybeNumber = undefined as number | undefined;
    startLogin({
      appId: 1089,
      oauthUrl: fromEnv,
      returnTo: fromEnv,
      ttlMs: maybeNumber,
      storageKey: fromEnv,
      navigate: undefined,
      environment: undefined,
    });
    const session = {} as Parameters<typeof completeLogin>[0]['session'];
    void completeLogin({
      session,
      account: undefined,
      storageKey: fromEnv,
      environment: undefined,
    });
    createBrowserEnvironment({ location: undefined, history: undefined, now: undefined });
  });
});
