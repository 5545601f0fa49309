/**
 * Heap per idle authorized connection after a history of clients made one at a time, each closed
 * and collected (`--history=N`, default 6; 0 is a fresh process), and whether a late client's
 * transport kept its fields in-object. V8 sizes a class at its 7th construction from the shapes its
 * live instances reached: with none alive then, every later instance gets its fields out of line.
 * Run through `benchShapes.mjs` (needs `--expose-gc --allow-natives-syntax`).
 */
import WebSocket from 'ws';
import { spawnMockServer } from './spawnMockServer.js';
import { createDerivClient, type DerivClient } from '../src/index.js';
import { transportOf } from '../src/createDerivClient.js';

const history = Number(/^--history=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 6);
const COUNT = 1_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a V8 native needs its own syntax
const hasFastProperties = new Function('object', 'return %HasFastProperties(object)') as (
  object: unknown,
) => boolean;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const server = await spawnMockServer();
const token = (await server.login('john'))[0]?.token;
if (token === undefined) throw new Error('login failed');
const open = async (): Promise<DerivClient> => {
  const client = createDerivClient({ appId: 1089, endpoint: server.wsUrl, WebSocket });
  await client.send({ authorize: token });
  return client;
};

for (let made = 0; made < history; made += 1) {
  const client = await open();
  // Busy, as in the bench's throughput rows: calls in turn for 30 ms, then 100 at once.
  const until = performance.now() + 30;
  while (performance.now() < until) {
    await client.ping();
    await client.send({ authorize: token });
  }
  await Promise.all(Array.from({ length: 100 }, () => client.ping()));
  await client.close();
  await sleep(20);
  gc();
}
await sleep(200);
const heapBefore = heapAfterGc();
const clients = await Promise.all(Array.from({ length: COUNT }, open));
await sleep(100);
const perConnection = Math.round((heapAfterGc() - heapBefore) / COUNT);
const late = transportOf(clients[COUNT - 1] as DerivClient);
console.log(
  `history ${history}: ${perConnection} B heap per connection; ` +
    `a late transport has fast properties: ${hasFastProperties(late)}`,
);
await Promise.all(clients.map((client) => client.close()));
await server.close();
