/**
 * The instructions one connection costs the client process: opens `--n` clients at once against
 * the mock server (in its own process), authorizes each, then closes them all. Run by
 * `scripts/connectionCost.mjs` under `valgrind --tool=callgrind`, which counts instructions, not
 * time, so a shared machine does not disturb the figures. `--warm` connections go first, twice
 * (JIT, `ws`'s lazy setup).
 */
import { spawnMockServer } from './spawnMockServer.js';
import {
  openBare,
  openOursWith,
  type BenchClientFactory,
  type BenchConnection,
} from './benchClients.js';
import type { Clock } from '../src/index.js';

function numberFlag(name: string, fallback: number): number {
  const arg = process.argv.slice(2).find((text) => text.startsWith(`--${name}=`));
  return arg === undefined ? fallback : Number(arg.slice(name.length + 3));
}
const clientName = process.argv.find((text) => text.startsWith('--client='))?.slice(9) ?? 'ours';
/**
 * Our client's timers at 1/1000 speed: under callgrind everything runs ~50x slower, and the real
 * connect timeout (10 s) and keep-alive (30 s) would fire in the middle of the run, which they
 * never do at full speed. One shared object, like the default clock, so it costs nothing more.
 */
const slowClock: Clock = {
  now: () => Date.now() / 1_000,
  setTimeout: (callback, ms) => setTimeout(callback, Math.min(ms * 1_000, 2 ** 31 - 1)),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
const open: BenchClientFactory =
  clientName === 'bare' ? openBare : (wsUrl) => openOursWith(wsUrl, { clock: slowClock });
const count = numberFlag('n', 300);
const warm = numberFlag('warm', 100);

// `--sequential`: one connection at a time (open, authorize), closed one at a time. The event loop
// then takes the same turns on every run, whatever the load of the machine; all at once (the
// bench's shape) the batching of replies, hence the count, varies by several percent.
const sequential = process.argv.includes('--sequential');

async function openAndAuthorize(
  wsUrl: string,
  token: string,
  n: number,
): Promise<BenchConnection[]> {
  const one = async (): Promise<BenchConnection> => {
    const connection = await open(wsUrl);
    await connection.authorize(token);
    return connection;
  };
  if (!sequential) return Promise.all(Array.from({ length: n }, one));
  const connections: BenchConnection[] = [];
  for (let index = 0; index < n; index += 1) connections.push(await one());
  return connections;
}

async function closeAll(connections: readonly BenchConnection[]): Promise<void> {
  if (!sequential) await Promise.all(connections.map((connection) => connection.close()));
  else for (const connection of connections) await connection.close();
}

const server = await spawnMockServer();
const token = (await server.login('john'))[0]?.token;
if (token === undefined) throw new Error('login failed');
for (let round = 0; round < 2; round += 1) {
  const warmed = await openAndAuthorize(server.wsUrl, token, warm);
  await closeAll(warmed);
}
const measured = await openAndAuthorize(server.wsUrl, token, count);
await closeAll(measured);
await server.close();
process.exit(0);
