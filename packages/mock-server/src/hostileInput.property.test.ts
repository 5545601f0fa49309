/**
 * The mock server under hostile input: random frames, random HTTP request heads, deep JSON, and a
 * canary token in every place a client puts one. Properties: nothing escapes as an uncaught
 * exception or unhandled rejection, the server keeps answering a healthy client, and the canary
 * never comes back in clear (echo_req, error messages, the received log, anything written to the
 * console).
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findValidationError, prepareRequest, readRequestFrame } from './internal/requestFrame.js';
import { startMockServer } from './startMockServer.js';
import {
  anyFrameTextArbitrary,
  canaryArbitrary,
  canaryRequestArbitrary,
  deepJsonArbitrary,
  rawFrameArbitrary,
  requestHeadArbitrary,
} from './test/hostileArbitraries.js';
import { encodeFrame, exchangeRaw, openRawWebSocket } from './test/rawSocket.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = Number(process.env['FC_SEED'] ?? 20_261_130);
// Properties that open a socket or send a request per run cost milliseconds each (a connection,
// a handshake, a round trip), against microseconds for the pure property: at 100 000 runs they
// would take many minutes on a loaded 2-core machine. They cap their own runs so the file stays
// well under a minute; the pure property over the same request handling takes the full count.
const socketRuns = (cap: number): number => Math.min(numRuns, cap);

let server: MockServer;
let healthy: TestClient;
const escaped: unknown[] = [];
const recordEscape = (error: unknown): void => {
  escaped.push(error);
};
/** Spies (calling through) on everything that writes to the console or the standard streams. */
const outputSpies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = [];

function captureOutput(): void {
  outputSpies.push(vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    outputSpies.push(vi.spyOn(console, method));
}

/** Everything written out so far, as text. */
function writtenOutput(): string[] {
  return outputSpies.flatMap((spy) =>
    spy.mock.calls.map((parameters) => parameters.map((parameter) => inspect(parameter)).join(' ')),
  );
}

beforeAll(async () => {
  process.on('uncaughtException', recordEscape);
  process.on('unhandledRejection', recordEscape);
  captureOutput();
  server = await startMockServer({ maxLogEntries: 200 });
  healthy = await openClient(`${server.wsUrl}?app_id=1089`);
});

afterAll(async () => {
  for (const spy of outputSpies.splice(0)) spy.mockRestore();
  process.off('uncaughtException', recordEscape);
  process.off('unhandledRejection', recordEscape);
  healthy.close();
  await server.close();
});

/** The server is still whole: nothing escaped, and the healthy client gets `pong`. */
async function expectServerHealthy(): Promise<void> {
  expect(escaped, 'errors that escaped the server').toEqual([]);
  expect((await healthy.call({ ping: 1 }))['ping']).toBe('pong');
}

/** The canary appears nowhere in `texts`, in the received log, or in anything written out. */
function expectCanaryHidden(canary: string, texts: readonly string[]): void {
  for (const text of [...texts, JSON.stringify(server.received), ...writtenOutput()])
    expect(text.includes(canary), `canary in ${text.slice(0, 200)}`).toBe(false);
}

/** Requests are generated around this placeholder; each run puts its own canary in its place. */
const PLACEHOLDER = '__canary__';
const withCanary = (request: Record<string, unknown>, canary: string): string =>
  JSON.stringify(request).replaceAll(PLACEHOLDER, canary);

describe('one text frame, handled without a socket', () => {
  it('never throws, and never shows the canary in echo_req, an error or the log entry', () => {
    fc.assert(
      fc.property(
        canaryArbitrary,
        fc.oneof(
          { weight: 3, arbitrary: canaryRequestArbitrary(PLACEHOLDER) },
          { weight: 1, arbitrary: fc.oneof(anyFrameTextArbitrary, deepJsonArbitrary(500)) },
        ),
        (canary, input) => {
          const text = typeof input === 'string' ? input : withCanary(input, canary);
          const frame = readRequestFrame(text);
          let reply: string;
          if ('refused' in frame) {
            reply = JSON.stringify({ error: frame.refused, req_id: frame.reqId });
          } else {
            const prepared = prepareRequest(frame.request);
            const error = findValidationError(frame.request, prepared.schema);
            reply = JSON.stringify({
              echo_req: prepared.echoRequest,
              error,
              log: prepared.redacted,
            });
          }
          expect(reply.includes(canary)).toBe(false);
        },
      ),
      { numRuns, seed },
    );
    // About 15 s at 100 000 runs on a loaded 2-core machine: more than the default 20 s allows for.
  }, 120_000);
});

describe('over the wire', () => {
  it('answers canary-bearing requests without showing the canary anywhere', async () => {
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    let reqId = 1_000;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        canaryArbitrary,
        canaryRequestArbitrary(PLACEHOLDER),
        async (issued, madeUp, request) => {
          // Half the runs use a token the server issued, so authorize succeeds and the
          // authorized handlers see it too.
          const canary = issued
            ? ((await server.login({ appId: 1089 })).accounts[0]?.token ?? madeUp)
            : madeUp;
          reqId += 1;
          const id = reqId;
          client.socket.send(withCanary({ ...request, req_id: id }, canary));
          const reply = await client.next((message) => message['req_id'] === id);
          expectCanaryHidden(canary, [JSON.stringify(reply)]);
          await expectServerHealthy();
        },
      ),
      { numRuns: socketRuns(1_000), seed },
    );
    client.close();
  }, 60_000);

  it('survives random frames of any header, opcode and payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawFrameArbitrary, { minLength: 1, maxLength: 3 }),
        async (frames) => {
          const raw = await openRawWebSocket(server.port, '/websockets/v3?app_id=1089');
          for (const frame of frames) raw.socket.write(encodeFrame(frame));
          raw.socket.end(encodeFrame({ opcode: 8, payload: Buffer.from([0x03, 0xe8]) }));
          await raw.closed;
          await expectServerHealthy();
        },
      ),
      { numRuns: socketRuns(1_000), seed },
    );
  }, 60_000);

  it('answers or closes on random request lines and headers', async () => {
    await fc.assert(
      fc.asyncProperty(requestHeadArbitrary, async (head) => {
        await exchangeRaw(server.port, Buffer.from(head, 'utf8'));
        await expectServerHealthy();
      }),
      { numRuns: socketRuns(1_000), seed },
    );
  }, 60_000);

  it('refuses deep JSON with BadRequest, keeps the req_id, and keeps serving', async () => {
    const client = await openClient(`${server.wsUrl}?app_id=1089`);
    await fc.assert(
      // Up to 90 000 levels: the deepest that stays under the 1 MiB frame limit for every shape.
      fc.asyncProperty(deepJsonArbitrary(90_000), async (text) => {
        client.messages.length = 0;
        client.socket.send(text);
        const reply = await client.next(() => true);
        if (text.startsWith('{"ping"')) expect(reply['req_id']).toBe(1);
        await expectServerHealthy();
      }),
      { numRuns: socketRuns(100), seed },
    );
    client.close();
  }, 60_000);
});
