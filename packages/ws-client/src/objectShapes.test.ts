import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDerivClient, transportOf, type DerivClient } from './createDerivClient.js';
import { answer, startRawServer, type RawServer } from './test/rawServer.js';

// V8 sizes a class's instances at its 7th construction from the shapes its live instances reached.
// When the first clients were all closed and collected by then (a server that authorizes one user
// at a time, a test suite), every later instance keeps its fields out of line, and an instance
// whose 16th out-of-line field is a private one (`#field`) becomes a slow dictionary object:
// ~800 B more per connection and slower field access for the rest of the process. This file is
// its own module graph (vitest isolates files), so its classes start with no history.
setFlagsFromString('--allow-natives-syntax');
const gc = runInNewContext('gc') as () => void;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a V8 native needs its own syntax
const hasFastProperties = new Function('object', 'return %HasFastProperties(object)') as (
  object: unknown,
) => boolean;

const TOKEN = 'a1-objectshapestoken0123456789';
let server: RawServer;

beforeAll(async () => {
  server = await startRawServer((request, socket) => {
    if ('authorize' in request) socket.send(answer(request, { authorize: { loginid: 'CR1' } }));
    else if ('ticks' in request)
      socket.send(
        answer(request, { tick: { symbol: 'R_100', quote: 1 }, subscription: { id: 's1' } }),
      );
    else if ('forget' in request) socket.send(answer(request, { forget: 1 }));
    else socket.send(answer(request, { ping: 'pong' }));
  });
});
afterAll(async () => {
  await server.close();
});

const openClient = async (): Promise<DerivClient> => {
  const client = createDerivClient({ appId: 1, endpoint: server.url, WebSocket });
  await client.send({ authorize: TOKEN });
  await client.ping();
  return client;
};

describe('object shapes after a history of closed clients', () => {
  it('a client made after six others were closed and collected keeps fast properties', async () => {
    const history: WeakRef<object>[] = [];
    for (let made = 0; made < 6; made += 1) {
      const client = await openClient();
      history.push(new WeakRef(client));
      await Promise.all(Array.from({ length: 100 }, () => client.ping()));
      await client.close();
    }
    // Once the closed clients' last timers (close grace) have ended, nothing holds them.
    const alive = (): number => history.filter((client) => client.deref() !== undefined).length;
    for (let wait = 0; wait < 100 && alive() > 0; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      gc();
    }
    expect(alive()).toBe(0);
    const clients = await Promise.all(Array.from({ length: 10 }, openClient));
    const late = clients[clients.length - 1] as DerivClient;
    const stream = late.stream({ ticks: 'R_100' });
    const transport = transportOf(late);
    const parts = {
      transport,
      socketConnection: transport?.socket,
      requestManager: transport?.requests,
      streamHub: transport?.streamHub,
    };
    expect(Object.values(parts).every((part) => part !== undefined)).toBe(true);
    expect(
      Object.fromEntries(
        Object.entries(parts).map(([name, part]) => [name, hasFastProperties(part)]),
      ),
    ).toEqual({ transport: true, socketConnection: true, requestManager: true, streamHub: true });
    await stream.close();
    await Promise.all(clients.map((client) => client.close()));
  });
});
