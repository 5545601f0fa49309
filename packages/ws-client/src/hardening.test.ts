/**
 * Hostile servers and callers (issue 9): malformed replies, throwing listeners, a flapping server,
 * late socket errors, out-of-range timeouts, an unreachable endpoint. Each against a raw `ws`
 * server on loopback; none may let an exception escape or leave a request unsettled.
 */
import { createServer, type AddressInfo } from 'node:net';
import { isDerivApiError } from '@deriv-auth/core';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDerivClient, type DerivClient } from './createDerivClient.js';
import { isDerivConnectionError } from './derivConnectionError.js';
import type { DerivClientEvent } from './options.js';
import { manualClock } from './test/manualClock.js';
import { answer, countEscapes, startRawServer, type RawServer } from './test/rawServer.js';
import { CANARY_TOKEN, rejectionOf, until } from './test/harness.js';

let server: RawServer | undefined;
let client: DerivClient | undefined;
const escapes = countEscapes();
let escapesBefore = 0;

beforeEach(() => {
  escapesBefore = escapes.count;
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await server?.close();
  server = undefined;
  expect(escapes.count - escapesBefore).toBe(0);
});

const AUTHORIZED = { authorize: { loginid: 'CR1', scopes: ['read'], currency: 'USD', balance: 1 } };

/** JSON text of an object nested `depth` levels deep (built as text: `JSON.stringify` would overflow). */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
}

describe('a reply that cannot be understood', () => {
  const hostile: [string, (request: Record<string, unknown>) => string][] = [
    ['"error": null', (request) => answer(request, { error: null })],
    [
      'an error.code object without a usable toString',
      (request) => answer(request, { error: { code: { toString: 1 }, message: 'x' } }),
    ],
    [
      'a huge error.code',
      (request) => answer(request, { error: { code: 'X'.repeat(1_000_000), message: 'x' } }),
    ],
    ['a numeric error.message', (request) => answer(request, { error: { code: 'X', message: 7 } })],
    ['msg_type missing', (request) => JSON.stringify({ req_id: request['req_id'], ping: 'pong' })],
    [
      'echo_req nested 10,000 deep',
      (request) =>
        `{"msg_type":"ping","req_id":${String(request['req_id'])},"echo_req":${nested(10_000)},"error":{"code":"InputValidationFailed","message":"x"}}`,
    ],
    [
      'error.details nested 10,000 deep',
      (request) =>
        `{"msg_type":"ping","req_id":${String(request['req_id'])},"error":{"code":"InputValidationFailed","message":"x","details":${nested(10_000)}}}`,
    ],
  ];

  for (const [name, frame] of hostile) {
    it(`${name}: rejects the request it names, nothing throws`, async () => {
      server = await startRawServer((request, socket) => {
        socket.send(frame(request));
      });
      client = createDerivClient({ appId: 1, endpoint: server.url, WebSocket, reconnect: false });
      const error = await rejectionOf(client.ping());
      // A deep envelope is either refused here or, once core caps its redaction depth, a DerivApiError.
      expect(
        (isDerivConnectionError(error) && error.code === 'invalid_response') ||
          isDerivApiError(error),
      ).toBe(true);
      expect(client.getSnapshot().status).toBe('open');
    });
  }

  it('a frame naming no request is dropped, counted and reported', async () => {
    const events: DerivClientEvent[] = [];
    server = await startRawServer((request, socket) => {
      socket.send(JSON.stringify({ error: null, req_id: 'x' }));
      socket.send(JSON.stringify([1, 2]));
      socket.send(answer(request, { ping: 'pong' }));
    });
    client = createDerivClient({
      appId: 1,
      endpoint: server.url,
      WebSocket,
      onEvent: (event) => events.push(event),
    });
    await client.ping();
    expect(client.getDiagnostics().droppedMessages).toBe(2);
    expect(events).toContainEqual({ type: 'ignored_message', reason: 'malformed' });
  });
});

describe('throwing user callbacks', () => {
  it('an onEvent that throws on every event: send does not throw and every request settles', async () => {
    server = await startRawServer((request, socket) => {
      socket.send(answer(request, { ping: 'pong' }));
    });
    client = createDerivClient({
      appId: 1,
      endpoint: server.url,
      WebSocket,
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    const replies = await Promise.all([client.ping(), client.ping(), client.ping()]);
    expect(replies.map((reply) => reply.ping)).toEqual(['pong', 'pong', 'pong']);
    expect(client.getDiagnostics().listenerErrors).toBeGreaterThan(3);
  });

  it('a subscribe listener that throws: the error is counted, nothing escapes', async () => {
    server = await startRawServer((request, socket) => {
      socket.send(answer(request, { ping: 'pong' }));
    });
    client = createDerivClient({ appId: 1, endpoint: server.url, WebSocket });
    client.subscribe(() => {
      throw new Error('listener bug');
    });
    await client.ping();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.getDiagnostics().listenerErrors).toBeGreaterThan(0);
  });
});

describe('a flapping server', () => {
  it('authorizes then closes, forever: the client stops after maxAttempts', async () => {
    server = await startRawServer((request, socket) => {
      if ('authorize' in request) {
        socket.send(answer(request, AUTHORIZED));
        setTimeout(() => {
          socket.close(1011, 'flap');
        }, 5);
      }
    });
    client = createDerivClient({
      appId: 1,
      endpoint: server.url,
      WebSocket,
      reconnect: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
    });
    await client.authorize(CANARY_TOKEN);
    await until(() => defined(client).getSnapshot().status === 'closed', 10_000);
    const lastError = client.getSnapshot().lastError;
    expect(isDerivConnectionError(lastError) && lastError.code).toBe('reconnect_exhausted');
    expect(server.received.filter((request) => 'authorize' in request)).toHaveLength(4);
  });
});

describe('late errors after close()', () => {
  it('a bad frame after the close grace period does not crash the process', async () => {
    server = await startRawServer((request, socket) => {
      socket.send(answer(request, { ping: 'pong' }));
    });
    const clock = manualClock();
    client = createDerivClient({ appId: 1, endpoint: server.url, WebSocket, clock });
    await client.ping();
    const serverSocket = server.sockets[0] as unknown as { _socket: { write(data: Buffer): void } };
    void client.close();
    clock.advance(3_000); // the grace period ends before any close frame came back
    // A frame with reserved bits set: `ws` reports it as an `error` event on the client socket.
    serverSocket._socket.write(Buffer.from([0xf1, 0x00]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.getDiagnostics().socketListeners).toBe(0);
  });
});

describe('timeouts', () => {
  for (const value of [Number.NaN, -1, 0]) {
    it(`requestTimeoutMs ${value} is refused with invalid_setting`, () => {
      let caught: unknown;
      try {
        createDerivClient({ appId: 1, WebSocket, requestTimeoutMs: value });
      } catch (error) {
        caught = error;
      }
      expect(isDerivConnectionError(caught) && caught.code).toBe('invalid_setting');
    });

    it(`per-call timeoutMs ${value} rejects with invalid_setting`, async () => {
      client = createDerivClient({ appId: 1, WebSocket, endpoint: 'ws://127.0.0.1:9' });
      const error = await rejectionOf(client.ping({ timeoutMs: value }));
      expect(isDerivConnectionError(error) && error.code).toBe('invalid_setting');
    });
  }

  for (const value of [2 ** 31, Number.POSITIVE_INFINITY]) {
    it(`requestTimeoutMs ${value} is clamped: a silent server does not time the request out at once`, async () => {
      server = await startRawServer(() => undefined);
      client = createDerivClient({
        appId: 1,
        endpoint: server.url,
        WebSocket,
        requestTimeoutMs: value,
      });
      let settled = false;
      const reply = client.ping().finally(() => {
        settled = true;
      });
      const perCall = client.ping({ timeoutMs: value }).finally(() => {
        settled = true;
      });
      const both = Promise.allSettled([reply, perCall]);
      await until(() => defined(server).received.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      await client.close();
      await both;
    });
  }
});

describe('an unreachable endpoint', () => {
  it('authorize rejects at the request deadline with the connection failure as cause', async () => {
    const port = await freePort();
    const events: DerivClientEvent[] = [];
    client = createDerivClient({
      appId: 1,
      endpoint: `ws://127.0.0.1:${port}`,
      WebSocket,
      requestTimeoutMs: 300,
      reconnect: { initialDelayMs: 500, maxDelayMs: 30_000 },
      onEvent: (event) => events.push(event),
    });
    const [authorizeError, pingError] = await Promise.all([
      rejectionOf(client.authorize(CANARY_TOKEN)),
      rejectionOf(client.ping()),
    ]);
    expect(isDerivConnectionError(authorizeError) && authorizeError.code).toBe('timeout');
    expect(isDerivConnectionError(pingError) && pingError.code).toBe('timeout');
    const failure = events.find((event) => event.type === 'error');
    const cause = failure?.type === 'error' ? failure.error.cause : undefined;
    expect((cause as { code?: unknown } | undefined)?.code).toBe('ECONNREFUSED');
  });
});

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    probe.close(() => {
      resolve();
    });
  });
  return port;
}
