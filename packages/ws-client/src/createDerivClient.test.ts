import { isDerivApiError } from '@deriv-auth/core';
import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import { createDerivClient } from './createDerivClient.js';
import { isDerivConnectionError } from './derivConnectionError.js';
import { EventTargetWebSocket } from './test/eventTargetWebSocket.js';
import {
  CANARY_TOKEN,
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  login,
  rejectionOf,
  startServer,
  defined,
} from './test/harness.js';

let server: MockServer;
let client: DerivClient;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  await server.close();
});

describe('createDerivClient', () => {
  it('connects lazily on the first request and answers a ping', async () => {
    client = connectClient(server);
    expect(client.getSnapshot()).toEqual({ status: 'idle', attempt: 0 });
    const reply = await client.ping();
    expect(reply.ping).toBe('pong');
    expect(client.getSnapshot().status).toBe('open');
  });

  it('sends the app id, language and brand in the socket URL', async () => {
    client = connectClient(server, { language: 'ES', brand: 'deriv' });
    await client.ping();
    expect(server.connections()[0]?.appId).toBe(1089);
  });

  it('authorizes with a token and validates the reply', async () => {
    const [account] = await login(server);
    client = connectClient(server);
    const authorize = await client.authorize(defined(account).token);
    expect(authorize.loginid).toBe('CR799393');
    expect(authorize.scopes).toContain('read');
    const balance = await client.send({ balance: 1 });
    expect(balance.balance?.loginid).toBe('CR799393');
  });

  it('works with an EventTarget-only WebSocket (the browser shape), incl. a lost connection', async () => {
    const [account] = await login(server);
    client = connectClient(server, { WebSocket: EventTargetWebSocket });
    expect((await client.authorize(defined(account).token)).loginid).toBe('CR799393');
    server.inject({ type: 'drop', onCall: 'balance' }, { times: 1 });
    const error = await rejectionOf(client.send({ balance: 1 }));
    expect(isDerivConnectionError(error) && error.code).toBe('connection_lost');
    expect((await client.send({ balance: 1 })).balance?.loginid).toBe('CR799393');
  });

  it('replaces a caller-supplied req_id with its own so requests never collide', async () => {
    client = connectClient(server);
    const [first, second] = await Promise.all([
      client.send({ time: 1, req_id: 7 }),
      client.send({ time: 1, req_id: 7 }),
    ]);
    expect(first.req_id).not.toBe(second.req_id);
    const sent = server.log().map((entry) => (entry.message as Record<string, unknown>)['req_id']);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('rejects a server error as a DerivApiError with code, msg_type, req_id and a redacted echo', async () => {
    client = connectClient(server);
    const error = await rejectionOf(client.authorize(CANARY_TOKEN));
    expect(isDerivApiError(error)).toBe(true);
    if (!isDerivApiError(error)) return;
    expect(error.code).toBe('InvalidToken');
    expect(error.msgType).toBe('authorize');
    expect(typeof error.reqId).toBe('number');
    expect(JSON.stringify(error.echoReq)).not.toContain(CANARY_TOKEN);
    expect(error.message).not.toContain(CANARY_TOKEN);
  });

  it('explains that OAuth tokens only work with the app id that issued them', async () => {
    const [account] = await login(server);
    await server.close();
    server = await startServer({ apps: [{ appId: 4242, redirectUri: 'http://localhost/cb' }] });
    // Same token string, but this server issued it to no app: register it for another app id.
    const other = await server.login({ appId: 4242, user: 'john' });
    client = connectClient(server);
    const error = await rejectionOf(client.authorize(defined(other.accounts[0]).token));
    // The token belongs to app 4242, the socket is app 1089.
    expect(isDerivApiError(error) && error.code).toBe('InvalidToken');
    expect(error.message).toMatch(/app id/i);
    expect(account).toBeDefined();
  });

  it('rejects at once when the signal is already aborted, and on abort while in flight', async () => {
    client = connectClient(server);
    await client.ping();
    const controller = new AbortController();
    controller.abort();
    const early = await rejectionOf(client.send({ time: 1 }, { signal: controller.signal }));
    expect(isDerivConnectionError(early) && early.code).toBe('aborted');
    server.inject({ type: 'noAnswer', call: 'time' }, { times: 1 });
    const later = new AbortController();
    const pending = client.send({ time: 1 }, { signal: later.signal });
    later.abort();
    const error = await rejectionOf(pending);
    expect(isDerivConnectionError(error) && error.code).toBe('aborted');
    expect(client.getDiagnostics().abortListeners).toBe(0);
  });

  it('rejects with queue_full when more requests wait than the queue holds', async () => {
    server.inject({ type: 'stallHandshake' }, { times: 1 });
    client = connectClient(server, { queue: { maxSize: 2 }, connectTimeoutMs: 200 });
    const waiting = [client.ping(), client.ping()];
    const error = await rejectionOf(client.ping());
    expect(isDerivConnectionError(error) && error.code).toBe('queue_full');
    await Promise.all(waiting);
  });

  it('rejects with not_connected when queueing is off and the socket is not ready', async () => {
    client = connectClient(server, { queue: false });
    const error = await rejectionOf(client.ping());
    expect(isDerivConnectionError(error) && error.code).toBe('not_connected');
  });

  it('fails with no_websocket when no constructor is given or global', async () => {
    const globals = globalThis as { WebSocket?: unknown };
    const saved = globals.WebSocket;
    delete globals.WebSocket;
    try {
      client = createDerivClient({ appId: 1089 });
      const error = await rejectionOf(client.ping());
      expect(isDerivConnectionError(error) && error.code).toBe('no_websocket');
    } finally {
      if (saved !== undefined) globals.WebSocket = saved;
    }
  });

  it('returns the same snapshot object until something changes', async () => {
    client = connectClient(server);
    const first = client.getSnapshot();
    expect(client.getSnapshot()).toBe(first);
    const seen: string[] = [];
    const unsubscribe = client.subscribe(() => seen.push(client.getSnapshot().status));
    await client.ping();
    unsubscribe();
    expect(seen).toEqual(['connecting', 'open']);
    expect(client.getSnapshot()).not.toBe(first);
  });

  it('shares one snapshot object between open clients (a fleet holds one, not one each)', async () => {
    client = connectClient(server);
    const other = connectClient(server);
    await Promise.all([client.ping(), other.ping()]);
    expect(client.getSnapshot()).toEqual({ status: 'open', attempt: 0 });
    expect(other.getSnapshot()).toBe(client.getSnapshot());
    expect(Object.isFrozen(client.getSnapshot())).toBe(true);
    await other.close();
    expect(other.getSnapshot()).toEqual({ status: 'closed', attempt: 0 });
    expect(client.getSnapshot().status).toBe('open');
  });

  it('sends nothing after close() and rejects with closed', async () => {
    client = connectClient(server);
    await client.ping();
    await client.close();
    const error = await rejectionOf(client.ping());
    expect(isDerivConnectionError(error) && error.code).toBe('closed');
    expect(client.getSnapshot().status).toBe('closed');
  });
});
