/**
 * Hostile-input suite for reply frames (issue 9): random JSON of any shape and depth, wrong types
 * in every envelope field, huge frames, random close codes and reasons. Properties: nothing
 * throws, every request settles, and a canary token the client sent never shows up in anything
 * observable.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDerivClient, type DerivClient } from './createDerivClient.js';
import type { DerivClientEvent } from './options.js';
import { decodeReply } from './internal/decodeReply.js';
import { SecretRegistry } from './internal/secretRegistry.js';
import { CANARY_TOKEN } from './test/harness.js';
import { countEscapes, startRawServer, type RawServer } from './test/rawServer.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };

const secrets = new SecretRegistry();
secrets.noteRequest({ authorize: CANARY_TOKEN });

/** Any JSON value, with the canary token among the strings. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, CANARY_TOKEN, `x ${CANARY_TOKEN} y`),
    fc.string(),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A field of the envelope: usually a plausible value, often any JSON at all. */
const field = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(plausible, anyJson);

const envelope = fc.record(
  {
    msg_type: field(fc.constantFrom('ping', 'authorize', 'balance')),
    req_id: field(fc.integer({ min: -2, max: 5 })),
    echo_req: anyJson,
    subscription: field(fc.record({ id: fc.string() })),
    error: field(
      fc.record(
        {
          code: field(
            fc.constantFrom('InvalidToken', 'RateLimit', 'InvalidAppID', 'X'.repeat(200)),
          ),
          message: field(fc.constantFrom(`Token ${CANARY_TOKEN} is bad`, 'Please log in.')),
          details: anyJson,
        },
        { requiredKeys: [] },
      ),
    ),
    ping: anyJson,
  },
  { requiredKeys: [] },
);

/** A frame: an envelope (possibly nested deep), any JSON, or not JSON at all. */
const frame = fc.oneof(
  envelope.map((value) => JSON.stringify(value)),
  fc.tuple(envelope, fc.integer({ min: 1, max: 3_000 })).map(([value, depth]) => {
    const text = JSON.stringify(value);
    return `{"msg_type":"ping","req_id":1,"echo_req":${'['.repeat(depth)}${']'.repeat(depth)},"x":${text}}`;
  }),
  anyJson.map((value) => JSON.stringify(value)),
  fc.string(),
);

function observable(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Error
        ? { message: item.message, cause: item.cause, fields: Object.entries(item) }
        : item,
    );
  } catch {
    // A successful reply may legitimately be thousands of levels deep: util.inspect still looks.
  }
  return `${json ?? ''} ${inspect(value, { depth: 6, showHidden: true })}`;
}

describe('decodeReply (the pure step the message listener calls)', () => {
  it('never throws, and its result never carries the canary token', () => {
    fc.assert(
      fc.property(frame, (text) => {
        const decoded = decodeReply(text, secrets);
        expect(['reply', 'error', 'ignored']).toContain(decoded.kind);
        if (decoded.kind === 'error') {
          expect(decoded.error).toBeInstanceOf(Error);
          const seen = `${decoded.error.message} ${observable(decoded.error)}`;
          expect(seen.includes(CANARY_TOKEN)).toBe(false);
        }
      }),
      { numRuns, ...seed },
    );
    // 100,000 runs in CI take about 40-75 s on a loaded 2-core machine.
  }, 240_000);

  it('a huge frame is decoded without throwing', () => {
    const huge = JSON.stringify({
      msg_type: 'ping',
      req_id: 1,
      error: { code: 'X', message: `${CANARY_TOKEN} `.repeat(200_000) },
    });
    const decoded = decodeReply(huge, secrets);
    expect(decoded.kind).toBe('error');
    if (decoded.kind === 'error') expect(decoded.error.message.includes(CANARY_TOKEN)).toBe(false);
  });
});

describe('hostile frames on a real socket', () => {
  // Each run is a round trip on loopback (about a millisecond or more): capped so that the file
  // stays well under a minute at FC_NUM_RUNS=100000; the pure property above carries the volume.
  const socketRuns = Math.min(numRuns, 100);
  let server: RawServer;
  let client: DerivClient;
  let next: { frame: string; close?: { code: number; reason: string } } = { frame: '' };
  const escapes = countEscapes();
  const events: DerivClientEvent[] = [];

  beforeAll(async () => {
    server = await startRawServer((request, socket) => {
      if (next.close) {
        socket.close(next.close.code, next.close.reason);
        return;
      }
      // The hostile frame, with this request's req_id when it has a numeric one.
      socket.send(next.frame.replace('"req_id":1,', `"req_id":${String(request['req_id'])},`));
    });
    client = createDerivClient({
      appId: 1,
      endpoint: server.url,
      WebSocket,
      requestTimeoutMs: 100,
      onEvent: (event) => events.push(event),
      reconnect: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 1_000_000 },
    });
    // The client has sent the canary (as a plain request, no authorization): it now knows the literal.
    next = { frame: '{"msg_type":"authorize","req_id":1,"authorize":{}}' };
    await client.send({ authorize: CANARY_TOKEN }).catch(() => undefined);
  });

  afterAll(async () => {
    await client.close();
    await server.close();
    escapes.stop();
  });

  it('every request settles, nothing escapes, no canary in errors, events or snapshots', async () => {
    await fc.assert(
      fc.asyncProperty(
        frame,
        fc.option(
          fc.record({
            code: fc.oneof(fc.constant(1000), fc.integer({ min: 3000, max: 4999 })),
            reason: fc.constantFrom(`revoked ${CANARY_TOKEN}`, '', 'bye'),
          }),
          { freq: 5 },
        ),
        async (text, close) => {
          next = close ? { frame: text, close } : { frame: text };
          // A successful reply is the caller's data, passed on as the server sent it; everything
          // the SDK writes (errors, events, snapshots) is checked.
          const error = await client.send({ ping: 1 }).then(
            () => undefined,
            (caught: unknown) => caught,
          );
          expect(observable(error).includes(CANARY_TOKEN)).toBe(false);
          expect(observable(events).includes(CANARY_TOKEN)).toBe(false);
          events.length = 0;
          expect(observable(client.getSnapshot()).includes(CANARY_TOKEN)).toBe(false);
          expect(client.getDiagnostics().inflightRequests).toBe(0);
          expect(escapes.count).toBe(0);
        },
      ),
      { numRuns: socketRuns, ...seed },
    );
  }, 240_000);
});
