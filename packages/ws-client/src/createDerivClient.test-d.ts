import type WebSocket from 'ws';
import type { WebSocketConstructorLike } from './webSocketLike.js';
import type { PingResponse } from '@deriv-auth/core';
import type { AuthorizeInput } from './authorizeWithToken.js';
import type { AuthorizeResult } from './authorizeResult.js';
import type { SendOptions } from './messageTypes.js';
import type { CreateDerivClientOptions } from './options.js';
import type { DerivSession, CreateDerivSessionOptions } from './sessionTypes.js';
import type { WebTokenStorageOptions } from './tokenStorage.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import type { DerivResponse } from './messageTypes.js';
import type { SessionSnapshot } from './sessionTypes.js';

declare const client: DerivClient;
declare const session: DerivSession;

describe('DerivClient types', () => {
  it('types replies by call', () => {
    expectTypeOf(client.send({ ping: 1 })).resolves.toEqualTypeOf<PingResponse>();
    expectTypeOf(client.send({ residence_list: 1 })).resolves.toEqualTypeOf<DerivResponse>();
    expectTypeOf(client.authorize('token')).resolves.toEqualTypeOf<AuthorizeResult>();
  });

  it('names the authorize result, with the fields Deriv always returns required', () => {
    expectTypeOf(session.authorize()).resolves.toEqualTypeOf<AuthorizeResult>();
    expectTypeOf<AuthorizeResult['loginid']>().toEqualTypeOf<string>();
    expectTypeOf<AuthorizeResult['balance']>().toEqualTypeOf<number>();
    expectTypeOf<AuthorizeResult['currency']>().toEqualTypeOf<string>();
    expectTypeOf<AuthorizeResult['scopes']>().toEqualTypeOf<string[]>();
  });

  it('keeps tokens out of the session snapshot type', () => {
    expectTypeOf<SessionSnapshot['accounts'][number]>().toEqualTypeOf<{
      readonly account: string;
      readonly currency: string;
    }>();
  });
});

describe('WebSocket constructors', () => {
  it('accepts the ws package and the DOM constructor', () => {
    expectTypeOf<typeof WebSocket>().toExtend<WebSocketConstructorLike>();
    expectTypeOf<typeof globalThis.WebSocket>().toExtend<WebSocketConstructorLike>();
  });
});

// Under exactOptionalPropertyTypes (on in this package), every optional option accepts `undefined`:
// `endpoint: import.meta.env.VITE_DERIV_ENDPOINT` must compile.
declare const maybe: string | undefined;
declare const maybeNumber: number | undefined;
describe('optional options accept undefined', () => {
  it('client, reconnect, keep-alive, queue, send, authorize, session and storage options', () => {
    expectTypeOf({
      appId: 1,
      endpoint: maybe,
      language: maybe,
      brand: maybe,
      WebSocket: undefined,
      requestTimeoutMs: maybeNumber,
      connectTimeoutMs: maybeNumber,
      keepAlive: { intervalMs: maybeNumber, timeoutMs: maybeNumber },
      reconnect: {
        maxAttempts: maybeNumber,
        initialDelayMs: maybeNumber,
        maxDelayMs: maybeNumber,
        jitter: maybeNumber,
        random: undefined,
        stableAfterMs: maybeNumber,
      },
      queue: { maxSize: maybeNumber },
      onEvent: undefined,
      clock: undefined,
    }).toExtend<CreateDerivClientOptions>();
    expectTypeOf({ signal: undefined, timeoutMs: maybeNumber }).toExtend<SendOptions>();
    expectTypeOf({
      token: 't',
      tokens: undefined,
      addToLoginHistory: undefined,
    }).toExtend<AuthorizeInput>();
    expectTypeOf({
      client: { appId: 1 },
      accounts: undefined,
      storage: undefined,
      checkScopes: undefined,
      authorizer: undefined,
      resume: undefined,
    }).toExtend<CreateDerivSessionOptions>();
    expectTypeOf({ key: maybe }).toExtend<WebTokenStorageOptions>();
  });
});
