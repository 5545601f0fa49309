/**
 * One request must never end the mock server: every example here killed the process before the
 * fix. Each is sent over raw TCP (or as a hand-made frame), then a healthy client must still get
 * `ping` -> `pong` from the same server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { closeCodeIn, encodeFrame, exchangeRaw, openRawWebSocket } from './test/rawSocket.js';
import { openClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
const escaped: unknown[] = [];
const recordEscape = (error: unknown): void => {
  escaped.push(error);
};

beforeAll(async () => {
  process.on('uncaughtException', recordEscape);
  process.on('unhandledRejection', recordEscape);
  server = await startMockServer();
});

afterAll(async () => {
  process.off('uncaughtException', recordEscape);
  process.off('unhandledRejection', recordEscape);
  await server.close();
});

afterEach(async () => {
  expect(escaped.splice(0), 'errors that escaped the server').toEqual([]);
  const healthy = await openClient(`${server.wsUrl}?app_id=1089`);
  expect((await healthy.call({ ping: 1 }))['ping']).toBe('pong');
  healthy.close();
});

const WS_PATH = '/websockets/v3?app_id=1089';

describe('request lines the URL parser cannot read', () => {
  it.each([
    ['GET // HTTP/1.1'],
    ['GET //x:99999 HTTP/1.1'],
    ['GET //x:99999/oauth2/authorize HTTP/1.1'],
    ['GET http://127.0.0.1:1/oauth2/authorize HTTP/1.1'],
    ['GET * HTTP/1.1'],
    ['POST //[::1 HTTP/1.1'],
  ])('answers %j with a 4xx on the HTTP route', async (line) => {
    const reply = await exchangeRaw(server.port, `${line}\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d /u);
  });

  it.each([['//'], ['//x:99999'], ['//x:99999/websockets/v3']])(
    'answers a WebSocket upgrade to %j with a 4xx',
    async (target) => {
      const reply = await exchangeRaw(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      expect(reply).toMatch(/^HTTP\/1\.1 4\d\d /u);
    },
  );
});

describe('frames ws refuses', () => {
  it.each([
    ['invalid UTF-8 in a text frame', { payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, 1007],
    ['RSV1 set without an extension', { rsv: 4, payload: Buffer.from('{"ping":1}') }, 1002],
    ['RSV2 and RSV3 set', { rsv: 3, payload: Buffer.from('{"ping":1}') }, 1002],
    ['a payload over the 1 MiB limit', { claimedLength: 2 * 1024 * 1024 }, 1009],
    ['a reserved opcode', { opcode: 3, payload: Buffer.from('x') }, 1002],
  ])('closes the connection on %s', async (_name, frame, code) => {
    const raw = await openRawWebSocket(server.port, WS_PATH);
    raw.socket.write(encodeFrame(frame));
    expect(closeCodeIn(await raw.closed)).toBe(code);
  });
});

describe('JSON nested too deep to walk', () => {
  it.each([
    ['arrays in passthrough', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
    ['objects in passthrough', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  ])('refuses %s with BadRequest and the req_id', async (_name, nest) => {
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    client.socket.send(`{"ping":1,"req_id":7,"passthrough":${nest(100_000)}}`);
    const reply = await client.next((message) => message['req_id'] === 7);
    expect(reply).toMatchObject({
      echo_req: {},
      error: { code: 'BadRequest' },
      msg_type: 'error',
      req_id: 7,
    });
    expect(server.received.at(-1)?.message).toBe('<nested too deeply>');
    client.close();
  });

  it('still answers a request nested to the limit', async () => {
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    const passthrough = JSON.parse(`${'{"a":'.repeat(63)}1${'}'.repeat(63)}`) as unknown;
    const reply = await client.call({ ping: 1, passthrough });
    expect(reply['ping']).toBe('pong');
    client.close();
  });
});
