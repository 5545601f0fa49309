/**
 * `pnpm bench`: our client against a bare `ws` client (the floor) and `@deriv/deriv-api`, all
 * talking to the mock server in a separate process, so this process holds only clients and its
 * CPU time (`process.cpuUsage`) is the clients' own. The headline is CPU µs per request, which a
 * shared machine disturbs far less than requests per second; both are the median of interleaved
 * repetitions (bare, ours, deriv-api, bare, ...) with their spread, and every ratio is taken
 * within one repetition. Run through `scripts/bench.mjs` (bundles this file, adds `--expose-gc`,
 * raises the open-file limit).
 *
 * Flags: `--quick` (short rounds, 5 repetitions, no 5,000/20,000 rows), `--reps=N`,
 * `--only=throughput|connections|scale`; `BENCH_ROUND_MS` sets a throughput round's length.
 */
import { readFileSync } from 'node:fs';
import { spawnMockServer } from './spawnMockServer.js';
import { openBare, openDerivApi, openOurs, type BenchClientFactory } from './benchClients.js';
import {
  checkTargets,
  printHeadline,
  printPeer,
  spread,
  type ClientName,
  type RowResult,
  type Sample,
} from './benchReport.js';

const clients: Record<ClientName, BenchClientFactory> = {
  bare: openBare,
  ours: openOurs,
  'deriv-api': openDerivApi,
};
/** `--name` gives '', `--name=value` gives value, absent gives undefined. */
function flag(name: string): string | undefined {
  for (const arg of process.argv.slice(2)) {
    if (arg === `--${name}`) return '';
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}
const quick = flag('quick') !== undefined;
const only = flag('only');
const REPS = Math.max(1, Number(flag('reps') ?? 5));
const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? (quick ? 400 : 1_000));
const SCALE_TARGET = 20_000;

const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Open files this process may hold (Linux: /proc/self/limits); Infinity when unknown. */
function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) ? soft : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Requests per second and CPU µs per request with `inFlight` requests outstanding at all times. */
async function roundTrips(call: () => Promise<unknown>, inFlight: number): Promise<Sample> {
  let done = 0;
  const deadline = performance.now() + ROUND_MS;
  const cpuBefore = cpuMicros();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await call();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1_000;
  return { rate: done / seconds, cpuUs: (cpuMicros() - cpuBefore) / done };
}

/**
 * Opens `count` connections at once and authorizes each: authorizations/s and CPU µs per
 * authorization (open included), then the heap each idle authorized connection holds.
 */
async function concurrentAuthorize(
  open: BenchClientFactory,
  wsUrl: string,
  token: string,
  count: number,
): Promise<{ rate: Sample; heap: Sample }> {
  await sleep(200);
  const heapBefore = heapAfterGc();
  const cpuBefore = cpuMicros();
  const started = performance.now();
  const connections = await Promise.all(
    Array.from({ length: count }, async () => {
      const connection = await open(wsUrl);
      await connection.authorize(token);
      return connection;
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  const cpuUs = (cpuMicros() - cpuBefore) / count;
  await sleep(100);
  const heapPerConnection = (heapAfterGc() - heapBefore) / count;
  await Promise.all(connections.map((connection) => connection.close()));
  return {
    rate: { rate: count / seconds, cpuUs },
    heap: { rate: heapPerConnection, cpuUs: Number.NaN },
  };
}

const rows = new Map<string, RowResult>();
function record(name: string, client: ClientName, sample: Sample, heap = false): void {
  let row = rows.get(name);
  if (!row) {
    row = { name, heap, samples: {} };
    rows.set(name, row);
  }
  (row.samples[client] ??= []).push(sample);
}

/** Odd repetitions run the clients in reverse order, so that going first or last favours no one. */
function inTurn<Name extends ClientName>(names: readonly Name[], rep: number): readonly Name[] {
  return rep % 2 === 0 ? names : [...names].reverse();
}

/** The throughput rows: one connection per client per repetition, every row on it. */
async function throughputRows(
  wsUrl: string,
  token: string,
  warmUp: boolean,
  rep: number,
): Promise<void> {
  for (const name of inTurn(['bare', 'ours', 'deriv-api'] as const, rep)) {
    const connection = await clients[name](wsUrl);
    await connection.authorize(token);
    const keep = (row: string, sample: Sample): void => {
      if (!warmUp) record(row, name, sample);
    };
    if (name !== 'deriv-api') {
      keep('ping, 1 in flight', await roundTrips(() => connection.ping(), 1));
      keep('authorize, 1 in flight', await roundTrips(() => connection.authorize(token), 1));
    }
    keep('ping, 100 in flight', await roundTrips(() => connection.ping(), 100));
    await connection.close();
  }
}

async function connectionRows(
  wsUrl: string,
  token: string,
  count: number,
  names: readonly ClientName[],
  rep = 0,
): Promise<void> {
  const label = count.toLocaleString('en');
  for (const name of inTurn(names, rep)) {
    const { rate, heap } = await concurrentAuthorize(clients[name], wsUrl, token, count);
    record(`authorizations/s, ${label} sockets`, name, rate);
    record(`heap per connection, ${label} sockets`, name, heap, true);
  }
}

function printScale(counts: readonly number[]): void {
  const lines = (['bare', 'ours'] as const).flatMap((client) =>
    counts.map((count) => {
      const label = count.toLocaleString('en');
      const rate = rows.get(`authorizations/s, ${label} sockets`)?.samples[client];
      const heap = rows.get(`heap per connection, ${label} sockets`)?.samples[client];
      return {
        client,
        sockets: label,
        'authorizations/s': Math.round(spread(rate?.map((s) => s.rate) ?? []).median),
        'CPU µs/authorization': Number(spread(rate?.map((s) => s.cpuUs) ?? []).median.toFixed(1)),
        'heap B/connection': Math.round(spread(heap?.map((s) => s.rate) ?? []).median),
      };
    }),
  );
  console.log('\nGrowth with the number of sockets (median):');
  console.table(lines);
}

async function main(): Promise<void> {
  const server = await spawnMockServer();
  const token = (await server.login('john'))[0]?.token;
  if (token === undefined) throw new Error('login failed');
  const reps = quick ? Math.max(REPS, 5) : REPS;
  if (only === undefined || only === 'throughput') {
    await throughputRows(server.wsUrl, token, true, 0);
    for (let rep = 0; rep < reps; rep += 1) await throughputRows(server.wsUrl, token, false, rep);
  }
  const scaleCounts = [1_000];
  if (only === undefined || only === 'connections') {
    await connectionRows(server.wsUrl, token, 200, ['bare', 'ours', 'deriv-api']); // warm-up
    for (const name of [...rows.keys()]) if (name.endsWith(' 200 sockets')) rows.delete(name);
    for (let rep = 0; rep < reps; rep += 1) {
      await connectionRows(server.wsUrl, token, 1_000, ['bare', 'ours'], rep);
      if (!quick)
        await connectionRows(server.wsUrl, token, 5_000, ['bare', 'ours', 'deriv-api'], rep);
    }
    if (!quick) scaleCounts.push(5_000);
  }
  if (!quick && (only === undefined || only === 'scale')) {
    // Each socket is a file descriptor here and in the server process: stay under the limit.
    const count = Math.min(SCALE_TARGET, Math.floor((openFileLimit() - 100) / 100) * 100);
    if (count < SCALE_TARGET)
      console.log(`Open-file limit ${openFileLimit()}: the scale row uses ${count} sockets.`);
    for (let rep = 0; rep < Math.min(reps, 3); rep += 1)
      await connectionRows(server.wsUrl, token, count, ['bare', 'ours'], rep);
    scaleCounts.push(count);
  }
  await server.close();
  const all = [...rows.values()];
  printHeadline(all);
  printPeer(all);
  if (rows.has('authorizations/s, 1,000 sockets')) printScale([...new Set(scaleCounts)]);
  const misses = checkTargets(all);
  console.log(
    misses.length === 0 ? '\nAll targets met.' : `\nTargets missed:\n  ${misses.join('\n  ')}`,
  );
}

await main();
