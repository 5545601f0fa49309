import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
let client: TestClient;

beforeAll(async () => {
  server = await startMockServer();
  client = await openClient(`${server.wsUrl}?app_id=1089`);
});

afterAll(async () => {
  client.close();
  await server.close();
});

const tokenArbitrary = fc.stringMatching(/^a1-[\w-]{16,40}$/u);
const extraFields = fc.dictionary(
  fc.constantFrom('req_id', 'add_to_login_history', 'loginid', 'junk', 'subscribe'),
  fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
  { maxKeys: 3 },
);

describe('secrets never travel back or into the log', () => {
  it('hides every token in echo_req and the received log, valid request or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        tokenArbitrary,
        fc.array(tokenArbitrary, { maxLength: 3 }),
        fc.constantFrom('authorize', 'tokens', 'passthrough.token', 'passthrough.token2'),
        extraFields,
        async (token, others, placement, extra) => {
          server.clearLog();
          const request: Record<string, unknown> = { ...extra, authorize: token };
          if (placement === 'tokens') request['tokens'] = [...others, token];
          if (placement.startsWith('passthrough.'))
            request['passthrough'] = { [placement.slice(12)]: token };
          const reqId = Math.floor(Math.random() * 1e9);
          const reply = await client.call({ ...request, req_id: reqId });
          const seen = JSON.stringify(reply) + JSON.stringify(server.received);
          for (const secret of [token, ...others]) expect(seen).not.toContain(secret);
        },
      ),
      { numRuns: 60 },
    );
  });
});
