import type WebSocket from 'ws';
import type { WebSocketConstructorLike } from './webSocketLike.js';
import type { DerivApi, PingResponse } from '@deriv-auth/core';
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
    expectTypeOf(
      client.send({ residence_list: 1 }),
    ).resolves.toEqualTypeOf<DerivApi.ResidenceListResponse>();
    expectTypeOf(client.send({ new_call: 1 } as never)).resolves.toEqualTypeOf<DerivResponse>();
    expectTypeOf(client.authorize('token')).resolves.toEqualTypeOf<AuthorizeResult>();
  });

  it('types every call from the generated schemas, on the client and the session', () => {
    expectTypeOf(
      client.send({ ticks_history: 'R_100', end: 'latest', style: 'candles', count: 10 }),
    ).resolves.toEqualTypeOf<DerivApi.TicksHistoryResponse>();
    expectTypeOf(
      session.send({ ticks_history: 'R_100', end: 'latest' }),
    ).resolves.toEqualTypeOf<DerivApi.TicksHistoryResponse>();
    expectTypeOf(
      session.send({ proposal_open_contract: 1, contract_id: 1 }),
    ).resolves.toEqualTypeOf<DerivApi.ProposalOpenContractResponse>();
    // The six validated calls keep their checked reply types.
    expectTypeOf(client.send({ balance: 1 })).resolves.toEqualTypeOf<
      import('@deriv-auth/core').BalanceResponse
    >();
  });

  it('rejects a misspelled field and a value outside an enum', () => {
    // @ts-expect-error `stlye` is not a field of ticks_history
    void client.send({ ticks_history: 'R_100', end: 'latest', stlye: 'ticks' });
    // @ts-expect-error `style` is 'candles' | 'ticks'
    void client.send({ ticks_history: 'R_100', end: 'latest', style: 'bars' });
    // @ts-expect-error `subscribe` only takes 1
    void session.send({ ticks: 'R_100', subscribe: 2 });
    // @ts-expect-error not a Deriv call
    void client.send({ tiks: 'R_100' });
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
