import { isDerivApiError } from '@deriv-auth/core';
import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import { isDerivConnectionError } from './derivConnectionError.js';
import type { DerivClientEvent } from './options.js';
import {
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  login,
  rejectionOf,
  startServer,
  until,
  defined,
} from './test/harness.js';

let server: MockServer | undefined;
let client: DerivClient | undefined;

afterEach(async () => {
  if (client) {
    const diagnostics = client.getDiagnostics();
    expect(diagnostics.inflightRequests + diagnostics.queuedRequests).toBe(0);
    expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  }
  client = undefined;
  await server?.close();
  server = undefined;
});

const calls = (mock: MockServer, connectionId?: string): string[] =>
  mock.log(connectionId).map((entry) => entry.call ?? '?');

describe('faults against a real socket', () => {
  it('server closes mid-authorize: reconnects and authorizes on the new socket', async () => {
    server = await startServer();
    const [account] = await login(server);
    server.inject({ type: 'close', code: 1011, onCall: 'authorize' }, { times: 1 });
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { onEvent: (event) => events.push(event) });
    const authorize = await client.authorize(defined(account).token);
    expect(authorize.loginid).toBe('CR799393');
    expect(calls(server).filter((call) => call === 'authorize')).toHaveLength(2);
    expect(events.map((event) => event.type)).toContain('reconnect_scheduled');
    expect(client.getSnapshot()).toEqual({ status: 'open', attempt: 0 });
  });

  it('TCP drop: the in-flight request rejects with connection_lost, the next one succeeds re-authorized', async () => {
    server = await startServer();
    const [account] = await login(server);
    client = connectClient(server);
    await client.authorize(defined(account).token);
    server.inject({ type: 'drop', onCall: 'balance' }, { times: 1 });
    const error = await rejectionOf(client.send({ balance: 1 }));
    expect(isDerivConnectionError(error) && error.code).toBe('connection_lost');
    const balance = await client.send({ balance: 1 });
    expect(balance.balance?.loginid).toBe('CR799393');
  });

  it('TCP drop with nothing pending: reconnects on its own', async () => {
    server = await startServer();
    client = connectClient(server);
    await client.ping();
    const first = server.connections()[0]?.id;
    server.inject({ type: 'drop' });
    server.clearFaults();
    await until(
      () =>
        defined(server).connections().length === 1 &&
        defined(server).connections()[0]?.id !== first &&
        defined(client).getSnapshot().status === 'open',
    );
    expect((await client.ping()).ping).toBe('pong');
  });

  it('no answer: rejects with timeout and forgets the request', async () => {
    server = await startServer();
    client = connectClient(server);
    server.inject({ type: 'noAnswer', call: 'time' });
    const error = await rejectionOf(client.send({ time: 1 }, { timeoutMs: 100 }));
    expect(isDerivConnectionError(error) && error.code).toBe('timeout');
    expect(client.getDiagnostics().inflightRequests).toBe(0);
  });

  it('late answer after the timeout: ignored, and the client keeps working', async () => {
    server = await startServer();
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { onEvent: (event) => events.push(event) });
    server.inject({ type: 'delay', call: 'time', ms: 150 }, { times: 1 });
    const error = await rejectionOf(client.send({ time: 1 }, { timeoutMs: 50 }));
    expect(isDerivConnectionError(error) && error.code).toBe('timeout');
    await until(() => events.some((event) => event.type === 'ignored_message'));
    expect(events).toContainEqual({ type: 'ignored_message', reason: 'unknown_req_id' });
    expect((await client.send({ time: 1 })).msg_type).toBe('time');
  });

  it('unknown req_id: ignored; the request still settles by its timeout', async () => {
    server = await startServer();
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { onEvent: (event) => events.push(event) });
    server.inject({ type: 'unknownReqId', call: 'time' }, { times: 1 });
    const error = await rejectionOf(client.send({ time: 1 }, { timeoutMs: 150 }));
    expect(isDerivConnectionError(error) && error.code).toBe('timeout');
    expect(events).toContainEqual({ type: 'ignored_message', reason: 'unknown_req_id' });
  });

  it('malformed JSON: ignored without breaking the socket', async () => {
    server = await startServer();
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { onEvent: (event) => events.push(event) });
    server.inject({ type: 'malformed', call: 'time' }, { times: 1 });
    const error = await rejectionOf(client.send({ time: 1 }, { timeoutMs: 150 }));
    expect(isDerivConnectionError(error) && error.code).toBe('timeout');
    expect(events).toContainEqual({ type: 'ignored_message', reason: 'malformed' });
    expect((await client.ping()).ping).toBe('pong');
    expect(server.connections()).toHaveLength(1);
  });

  it('socket opening refused twice: the third attempt connects and the queued request goes out', async () => {
    server = await startServer();
    server.inject({ type: 'refuseHandshake', status: 503 }, { times: 2 });
    const attempts: number[] = [];
    client = connectClient(server, {
      onEvent: (event) => event.type === 'connecting' && attempts.push(event.attempt),
    });
    expect((await client.ping()).ping).toBe('pong');
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('socket opening refused for good: gives up after maxAttempts with reconnect_exhausted', async () => {
    server = await startServer();
    server.inject({ type: 'refuseHandshake' });
    client = connectClient(server, {
      reconnect: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 },
    });
    const error = await rejectionOf(client.ping());
    expect(isDerivConnectionError(error) && error.code).toBe('reconnect_exhausted');
    expect(client.getSnapshot().status).toBe('closed');
    expect(
      isDerivConnectionError(client.getSnapshot().lastError) && client.getSnapshot().lastError,
    ).toBe(error);
  });

  it('socket opening stalled: the connect deadline fails the attempt and the retry connects', async () => {
    server = await startServer();
    server.inject({ type: 'stallHandshake' }, { times: 1 });
    const events: DerivClientEvent[] = [];
    // Long enough that the healthy retry never hits it on a loaded machine (100 ms did, once).
    client = connectClient(server, {
      connectTimeoutMs: 1_000,
      onEvent: (event) => events.push(event),
    });
    expect((await client.ping()).ping).toBe('pong');
    expect(events.filter((event) => event.type === 'connecting')).toHaveLength(2);
  });

  it('server restart: re-authorizes before the queued request (sequence from the server log)', async () => {
    server = await startServer();
    const [account] = await login(server);
    client = connectClient(server);
    await client.authorize(defined(account).token);
    await server.restart();
    server.clearLog();
    await until(() => defined(client).getSnapshot().status !== 'open');
    const balance = await client.send({ balance: 1 });
    expect(balance.balance?.loginid).toBe('CR799393');
    expect(calls(server)).toEqual(['authorize', 'balance']);
  });

  it('requests made while authorize is in flight on an open socket wait for it', async () => {
    server = await startServer();
    const [account] = await login(server);
    client = connectClient(server);
    await client.ping();
    server.inject({ type: 'delay', call: 'authorize', ms: 100 }, { times: 1 });
    const authorizing = client.authorize(defined(account).token);
    await until(() => calls(defined(server)).includes('authorize'));
    const balance = await client.send({ balance: 1 });
    expect(balance.balance?.loginid).toBe('CR799393');
    await authorizing;
    expect(calls(server)).toEqual(['ping', 'authorize', 'balance']);
    // The server answers authorize 100 ms after it arrived; balance may only leave after that answer.
    const [, authorizeEntry, balanceEntry] = server.log();
    expect(defined(balanceEntry).at - defined(authorizeEntry).at).toBeGreaterThanOrEqual(90);
  });

  it('token revoked before a reconnect: the queued request fails with InvalidToken, no reconnect loop', async () => {
    server = await startServer();
    const [account] = await login(server);
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { onEvent: (event) => events.push(event) });
    await client.authorize(defined(account).token);
    server.revokeToken(defined(account).token);
    await server.restart();
    // The close event, not a status: the client can be open again before a poll sees it closed.
    await until(() => events.some((event) => event.type === 'close'));
    const error = await rejectionOf(client.send({ balance: 1 }));
    expect(isDerivApiError(error) && error.code).toBe('InvalidToken');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((event) => event.type === 'connecting')).toHaveLength(2);
    expect(client.getSnapshot().status).toBe('open');
    expect(calls(server).filter((call) => call === 'authorize')).toHaveLength(2);
  });

  it('InvalidAppID: rejects, closes for good, never retries', async () => {
    server = await startServer();
    const events: DerivClientEvent[] = [];
    client = connectClient(server, { appId: 31337, onEvent: (event) => events.push(event) });
    const error = await rejectionOf(client.ping());
    expect(isDerivApiError(error) && error.code).toBe('InvalidAppID');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.getSnapshot().status).toBe('closed');
    expect(events.filter((event) => event.type === 'connecting')).toHaveLength(1);
  });

  it('RateLimit: the error reaches the caller and nothing is retried behind its back', async () => {
    server = await startServer({ rateLimit: { maxRequests: 3, windowMs: 60_000 } });
    client = connectClient(server);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => defined(client).send({ time: 1 })),
    );
    const limited = results.filter(
      (result) =>
        result.status === 'rejected' &&
        isDerivApiError(result.reason) &&
        result.reason.code === 'RateLimit',
    );
    expect(limited.length).toBeGreaterThan(0);
    expect(calls(server).filter((call) => call === 'time')).toHaveLength(6);
    expect(server.connections()).toHaveLength(1);
  });

  it('close() while connecting: the waiting request rejects with closed', async () => {
    server = await startServer();
    server.inject({ type: 'stallHandshake' });
    client = connectClient(server);
    const pending = client.ping();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.getSnapshot().status).toBe('connecting');
    await client.close();
    const error = await rejectionOf(pending);
    expect(isDerivConnectionError(error) && error.code).toBe('closed');
  });

  it('dead peer: an unanswered keep-alive ping drops the socket and reconnects', async () => {
    server = await startServer();
    const events: DerivClientEvent[] = [];
    client = connectClient(server, {
      keepAlive: { intervalMs: 30, timeoutMs: 60 },
      onEvent: (event) => events.push(event),
    });
    await client.ping();
    server.inject({ type: 'noAnswer', call: 'ping' }, { times: 1 });
    await until(
      () =>
        events.some((event) => event.type === 'close') &&
        defined(client).getSnapshot().status === 'open',
    );
    expect(events.filter((event) => event.type === 'open')).toHaveLength(2);
  });

  it('dead peer after a wall-clock gap (throttled tab): the next send checks liveness at once', async () => {
    server = await startServer();
    let offset = 0;
    const events: DerivClientEvent[] = [];
    client = connectClient(server, {
      keepAlive: { intervalMs: 60_000, timeoutMs: 80 },
      clock: {
        now: () => Date.now() + offset,
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => {
          clearTimeout(handle as NodeJS.Timeout);
        },
      },
      onEvent: (event) => events.push(event),
    });
    await client.ping();
    server.inject({ type: 'noAnswer', call: 'ping' }, { times: 1 });
    offset = 10 * 60_000; // ten minutes passed while timers were throttled
    await client.send({ time: 1 });
    await until(() => events.some((event) => event.type === 'close'));
    await until(() => defined(client).getSnapshot().status === 'open');
    expect(events.filter((event) => event.type === 'open')).toHaveLength(2);
  });
});
