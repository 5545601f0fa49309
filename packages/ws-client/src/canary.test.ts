import { inspect } from 'node:util';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createDerivClient, type DerivClient } from './createDerivClient.js';
import { createDerivSession } from './createDerivSession.js';
import type { DerivClientEvent } from './options.js';
import { answer, startRawServer, type RawServer } from './test/rawServer.js';
import { CANARY_TOKEN, findLeaks, record, recordError, recorded, until } from './test/harness.js';

let server: RawServer | undefined;
let client: DerivClient | undefined;

afterEach(async () => {
  await client?.close();
  client = undefined;
  await server?.close();
  server = undefined;
});

/** Everything observable about `value`: its text, JSON, util.inspect and whole cause chain. */
function observe(value: unknown): void {
  record(value);
  recordError(value);
  recorded.push(inspect(value, { depth: 10, showHidden: true }));
}

/** A client on `server` recording every event and snapshot, plus util.inspect of each. */
function watched(extra: Partial<Parameters<typeof createDerivClient>[0]> = {}): DerivClient {
  const events: DerivClientEvent[] = [];
  const created = createDerivClient({
    appId: 1,
    endpoint: defined(server).url,
    WebSocket,
    reconnect: false,
    onEvent: (event) => {
      events.push(event);
      observe(event);
    },
    ...extra,
  });
  created.subscribe(() => {
    observe(created.getSnapshot());
  });
  return created;
}

describe('canary check', () => {
  it('would catch a token in anything recorded (so the per-file check can fail)', () => {
    recorded.push(`oops ${CANARY_TOKEN}`);
    expect(findLeaks()).toHaveLength(1);
    recorded.pop();
    expect(findLeaks()).toEqual([]);
  });
});

describe('server text that quotes the token never reaches anything observable', () => {
  it('an error message quoting the token', async () => {
    server = await startRawServer((request, socket) => {
      socket.send(
        answer(request, {
          error: {
            code: 'InvalidToken',
            message: `Token ${CANARY_TOKEN} is not valid (token=${CANARY_TOKEN})`,
            details: { token: CANARY_TOKEN, note: `bad ${CANARY_TOKEN}` },
          },
        }),
      );
    });
    client = watched();
    const error = await client.authorize(CANARY_TOKEN).catch((caught: unknown) => caught);
    observe(error);
    expect(findLeaks()).toEqual([]);
  });

  it('a close reason quoting the token (4001 "revoked a1-...")', async () => {
    server = await startRawServer((_request, socket) => {
      socket.close(4001, `revoked ${CANARY_TOKEN}`);
    });
    client = watched();
    const error = await client.authorize(CANARY_TOKEN).catch((caught: unknown) => caught);
    observe(error);
    observe(client.getSnapshot());
    expect(findLeaks()).toEqual([]);
  });

  it('a one-time socket URL with ?otp= in a cause', async () => {
    server = await startRawServer(() => undefined);
    client = watched();
    const session = createDerivSession({
      client,
      accounts: [{ account: 'CR1', token: CANARY_TOKEN, currency: 'USD' }],
      authorizer: {
        socketUrl: () => {
          throw new Error(`cannot open wss://x/?otp=${CANARY_TOKEN}&app_id=1`);
        },
        authorize: () => Promise.reject(new Error('unused')),
      },
    });
    session.subscribe(() => {
      observe(session.getSnapshot());
    });
    const error = await session.authorize().catch((caught: unknown) => caught);
    observe(error);
    await until(() => defined(client).getSnapshot().status === 'closed');
    observe(defined(client).getSnapshot());
    await session.close();
    expect(findLeaks()).toEqual([]);
  });
});

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
