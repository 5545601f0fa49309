import type WebSocket from 'ws';
import type { WebSocketConstructorLike } from './webSocketLike.js';
import type { Authorize, PingResponse } from '@deriv-auth/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import type { DerivResponse } from './calls.js';
import type { SessionSnapshot } from './sessionTypes.js';

declare const client: DerivClient;

describe('DerivClient types', () => {
  it('types replies by call', () => {
    expectTypeOf(client.send({ ping: 1 })).resolves.toEqualTypeOf<PingResponse>();
    expectTypeOf(client.send({ residence_list: 1 })).resolves.toEqualTypeOf<DerivResponse>();
    expectTypeOf(client.authorize('token')).resolves.toEqualTypeOf<Authorize>();
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
