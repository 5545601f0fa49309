/**
 * The New API routes under hostile input: random token-endpoint forms, random REST requests,
 * random authorize queries, random frames and canary-bearing requests on New API sockets.
 * Properties: nothing escapes as an uncaught exception, every answer has its documented shape
 * (RFC 6749 JSON, Deriv's REST envelope), an authorize request never redirects to a URI the client
 * did not register, a canary secret never comes back (answers, the received log, the console),
 * and a healthy client is still served.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer } from './startMockServer.js';
import {
  canaryArbitrary,
  canaryRequestArbitrary,
  rawFrameArbitrary,
} from './test/hostileArbitraries.js';
import { otpUrlOf, rest } from './test/newApiFlow.js';
import { encodeFrame, openRawWebSocket } from './test/rawSocket.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = Number(process.env['FC_SEED'] ?? 20_261_130);
// Every run here is an HTTP request or a socket (milliseconds each): at CI's 100 000 runs the file
// would take many minutes, so each property caps its runs and the file stays well under a minute.
const networkRuns = (cap: number): number => Math.min(numRuns, cap);

let server: MockServer;
let healthy: TestClient;
const escaped: unknown[] = [];
const recordEscape = (error: unknown): void => {
  escaped.push(error);
};
const outputSpies: { mock: { calls: unknown[][] }; mockRestore(): void }[] = [];

beforeAll(async () => {
  process.on('uncaughtException', recordEscape);
  process.on('unhandledRejection', recordEscape);
  outputSpies.push(vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    outputSpies.push(vi.spyOn(console, method));
  // A high REST limit: the properties send thousands of calls with a few tokens.
  server = await startMockServer({
    maxLogEntries: 200,
    oauth: { autoApprove: true },
    newApi: {
      restRateLimit: { maxRequests: 1_000_000, windowMs: 60_000 },
      maxSocketsPerUser: 1_000,
    },
  });
  healthy = await openClient(server.newApi.publicWsUrl);
});

afterAll(async () => {
  for (const spy of outputSpies.splice(0)) spy.mockRestore();
  process.off('uncaughtException', recordEscape);
  process.off('unhandledRejection', recordEscape);
  healthy.close();
  await server.close();
});

async function expectServerHealthy(): Promise<void> {
  expect(escaped, 'errors that escaped the server').toEqual([]);
  expect((await healthy.call({ ping: 1 }))['ping']).toBe('pong');
}

function written(): string {
  return outputSpies
    .flatMap((spy) => spy.mock.calls.map((call) => call.map((part) => inspect(part)).join(' ')))
    .join('\n');
}

function expectCanaryHidden(canary: string, text: string): void {
  for (const where of [text, JSON.stringify(server.received), written()])
    expect(where.includes(canary), `canary in ${where.slice(0, 200)}`).toBe(false);
}

/** A form field value: the canary, a near-valid value, or random text. */
const fieldValue = (canary: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(canary),
    fc.constantFrom(
      'authorization_code',
      'refresh_token',
      'mockClient1089',
      'http://localhost:5173/redirect',
      '',
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

describe('POST /oauth2/token', () => {
  it('answers any form with RFC 6749 JSON (400/401), never the canary', async () => {
    await fc.assert(
      fc.asyncProperty(canaryArbitrary, fc.gen(), async (canary, gen) => {
        const names = gen(() =>
          fc.array(
            fc.constantFrom(
              'grant_type',
              'client_id',
              'code',
              'redirect_uri',
              'code_verifier',
              'refresh_token',
              'scope',
              'x',
            ),
            { maxLength: 8 },
          ),
        );
        const form = new URLSearchParams();
        for (const name of names)
          form.append(
            name,
            gen(() => fieldValue(canary)),
          );
        const raw = gen(() => fc.boolean())
          ? form.toString()
          : gen(() => fc.string({ maxLength: 80 })) + canary;
        const response = await fetch(server.newApi.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: raw,
        });
        const text = await response.text();
        expect([400, 401]).toContain(response.status);
        const body = JSON.parse(text) as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
        expectCanaryHidden(canary, text);
      }),
      { numRuns: networkRuns(500), seed },
    );
    await expectServerHealthy();
  }, 60_000);
});

describe('REST', () => {
  it('answers any method, path and body with the envelope, never the canary', async () => {
    const token = server.newApi.issueTokens().access_token;
    await fc.assert(
      fc.asyncProperty(
        canaryArbitrary,
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.oneof(
          fc.constantFrom(
            'accounts',
            'accounts/DOT90004580/otp',
            'accounts/DOT00900010/otp',
            'nothing',
          ),
          fc.webSegment().map((segment) => `accounts/${segment}/otp`),
          // Percent escapes decodeURIComponent throws on.
          fc.constantFrom('accounts/%E0%A4%A/otp', 'accounts/%/otp', 'accounts/%ZZ/otp'),
          fc.string({ maxLength: 12 }).map((text) => `accounts/${encodeURIComponent(text)}/otp`),
        ),
        fc.constantFrom('valid', 'canary', 'none'),
        fc.option(fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 60 })), {
          nil: undefined,
        }),
        async (canary, method, path, auth, body) => {
          const bearer =
            auth === 'valid' ? token : auth === 'canary' ? `ory_at_${canary}` : undefined;
          const answer = await rest(server, `/trading/v1/options/${path}`, {
            method,
            ...(bearer === undefined ? {} : { token: bearer }),
            ...(body === undefined || method === 'GET' ? {} : { body: `${body}${canary}` }),
          });
          expect(answer.status).toBeLessThan(500);
          if (answer.status >= 400) {
            const errors = answer.body['errors'] as { status: number }[];
            expect(errors[0]?.status).toBe(answer.status);
          } else expect(answer.body).toHaveProperty('data');
          expectCanaryHidden(canary, JSON.stringify(answer.body));
        },
      ),
      { numRuns: networkRuns(500), seed },
    );
    await expectServerHealthy();
  }, 60_000);
});

describe('GET /oauth2/auth', () => {
  it('never redirects to a URI the client did not register, and never fails with 5xx', async () => {
    const registered = 'http://localhost:5173/redirect';
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'client_id',
              'redirect_uri',
              'response_type',
              'scope',
              'state',
              'code_challenge',
              'code_challenge_method',
              'auto',
            ),
            fc.oneof(
              fc.constantFrom(
                'mockClient1089',
                registered,
                `${registered}/x`,
                'https://evil.example/cb',
                'code',
                'S256',
                'trade',
                '1',
                'deny',
                'a'.repeat(43),
              ),
              fc.webUrl(),
              fc.string({ maxLength: 20 }),
            ),
          ),
          { maxLength: 10 },
        ),
        async (pairs) => {
          const url = new URL(server.newApi.authorizeUrl);
          for (const [name, value] of pairs) url.searchParams.append(name, value);
          const response = await fetch(url, { redirect: 'manual' });
          await response.text();
          expect(response.status).toBeLessThan(500);
          const location = response.headers.get('location');
          if (location !== null) expect(location.startsWith(`${registered}?`)).toBe(true);
        },
      ),
      { numRuns: networkRuns(500), seed },
    );
    await expectServerHealthy();
  }, 60_000);
});

describe('New API sockets', () => {
  it('survive random frames on the public socket', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawFrameArbitrary, { minLength: 1, maxLength: 3 }),
        async (frames) => {
          const raw = await openRawWebSocket(server.port, '/trading/v1/options/ws/public');
          for (const frame of frames) raw.socket.write(encodeFrame(frame));
          raw.socket.end(encodeFrame({ opcode: 8, payload: Buffer.from([0x03, 0xe8]) }));
          await raw.closed;
          await expectServerHealthy();
        },
      ),
      { numRuns: networkRuns(300), seed },
    );
  }, 60_000);

  it('answer canary-bearing requests on an OTP socket without showing the canary', async () => {
    const token = server.newApi.issueTokens().access_token;
    const answer = await rest(server, '/trading/v1/options/accounts/DOT90004580/otp', {
      token,
      method: 'POST',
    });
    const client = await openClient(otpUrlOf(answer));
    let reqId = 0;
    await fc.assert(
      fc.asyncProperty(
        canaryArbitrary,
        canaryRequestArbitrary('__canary__'),
        async (canary, request) => {
          reqId += 1;
          const id = reqId;
          client.socket.send(
            JSON.stringify({ ...request, req_id: id }).replaceAll('__canary__', canary),
          );
          const reply = await client.next((message) => message['req_id'] === id);
          expect(reply['msg_type']).toBeTypeOf('string');
          expectCanaryHidden(canary, JSON.stringify(reply));
        },
      ),
      { numRuns: networkRuns(1_000), seed },
    );
    client.close();
    await expectServerHealthy();
  }, 60_000);

  it('refuse random OTP upgrade targets with 400/401/404 or open, never crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('demo', 'real', 'public', 'other', ''),
        fc.oneof(fc.string({ maxLength: 30 }), fc.constant('')),
        async (kind, otp) => {
          const target = `/trading/v1/options/ws/${kind}?otp=${encodeURIComponent(otp)}`;
          try {
            const raw = await openRawWebSocket(server.port, target);
            raw.socket.end(encodeFrame({ opcode: 8, payload: Buffer.from([0x03, 0xe8]) }));
            await raw.closed;
            expect(kind).toBe('public');
          } catch (error) {
            expect(String(error)).toMatch(/Handshake answered HTTP\/1\.1 (400|401|404) /u);
          }
        },
      ),
      { numRuns: networkRuns(300), seed },
    );
    await expectServerHealthy();
  }, 60_000);
});
