/**
 * `pnpm bench`: our client against a bare `ws` client (the floor) and `@deriv/deriv-api`, all
 * talking to the mock server in a separate process. Prints one table; every figure is also given
 * as a ratio to the bare client. Run through `scripts/bench.mjs` (bundles this file, adds
 * `--expose-gc`).
 */
import { spawnMockServer } from './spawnMockServer.js';
import { openBare, openDerivApi, openOurs, type BenchClientFactory } from './benchClients.js';

const clients = { bare: openBare, ours: openOurs, 'deriv-api': openDerivApi } satisfies Record<
  string,
  BenchClientFactory
>;
type Name = keyof typeof clients;
const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? 1_500);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Round trips per second with `inFlight` requests outstanding at all times. */
async function roundTrips(call: () => Promise<unknown>, inFlight: number): Promise<number> {
  let done = 0;
  const deadline = performance.now() + ROUND_MS;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await call();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done / ((performance.now() - started) / 1_000);
}

/** Opens `count` connections at once, authorizes each; returns authorizations/s and heap per connection. */
async function concurrentAuthorize(
  open: BenchClientFactory,
  wsUrl: string,
  token: string,
  count: number,
): Promise<{ perSecond: number; heapPerConnection: number }> {
  await sleep(200);
  const heapBefore = heapAfterGc();
  const started = performance.now();
  const connections = await Promise.all(
    Array.from({ length: count }, async () => {
      const connection = await open(wsUrl);
      await connection.authorize(token);
      return connection;
    }),
  );
  const perSecond = count / ((performance.now() - started) / 1_000);
  const heapPerConnection = (heapAfterGc() - heapBefore) / count;
  await Promise.all(connections.map((connection) => connection.close()));
  return { perSecond, heapPerConnection };
}

async function main(): Promise<void> {
  const server = await spawnMockServer();
  const token = (await server.login('john'))[0]?.token;
  if (token === undefined) throw new Error('login failed');
  const results: Record<string, Record<Name, number>> = {};
  const put = (row: string, name: Name, value: number, better: 'max' | 'min'): void => {
    const values = (results[row] ??= {
      bare: Number.NaN,
      ours: Number.NaN,
      'deriv-api': Number.NaN,
    });
    const previous = values[name];
    values[name] = Number.isNaN(previous)
      ? value
      : better === 'max'
        ? Math.max(previous, value)
        : Math.min(previous, value);
  };
  // Interleaved rounds (bare, ours, deriv-api, bare, ...) so drift hits all three alike; best round kept.
  const only = process.env['BENCH_ONLY'];
  for (let round = 0; round < (only === 'connections' ? 0 : ROUNDS); round += 1) {
    for (const name of Object.keys(clients) as Name[]) {
      const connection = await clients[name](server.wsUrl);
      await connection.authorize(token);
      put(
        'ping round trips/s, 1 in flight',
        name,
        await roundTrips(() => connection.ping(), 1),
        'max',
      );
      put(
        'ping round trips/s, 100 in flight',
        name,
        await roundTrips(() => connection.ping(), 100),
        'max',
      );
      put(
        'authorize round trips/s, 1 in flight',
        name,
        await roundTrips(() => connection.authorize(token), 1),
        'max',
      );
      put(
        'authorize round trips/s, 100 in flight',
        name,
        await roundTrips(() => connection.authorize(token), 100),
        'max',
      );
      await connection.close();
    }
  }
  for (const count of only === 'throughput' ? [] : [1_000, 5_000]) {
    for (let round = 0; round < (count === 1_000 ? ROUNDS : 1); round += 1) {
      for (const name of Object.keys(clients) as Name[]) {
        const { perSecond, heapPerConnection } = await concurrentAuthorize(
          clients[name],
          server.wsUrl,
          token,
          count,
        );
        put(
          `authorizations/s, ${count.toLocaleString('en')} concurrent connections`,
          name,
          perSecond,
          'max',
        );
        put(
          `heap per connection (bytes), ${count.toLocaleString('en')} connections`,
          name,
          heapPerConnection,
          'min',
        );
      }
    }
  }
  await server.close();
  printTable(results);
}

function printTable(results: Record<string, Record<Name, number>>): void {
  const rows = Object.entries(results).map(([row, values]) => ({
    measure: row,
    bare: Math.round(values.bare).toLocaleString('en'),
    ours: Math.round(values.ours).toLocaleString('en'),
    'ours/bare': (values.ours / values.bare).toFixed(2),
    'deriv-api': Math.round(values['deriv-api']).toLocaleString('en'),
    'deriv-api/bare': (values['deriv-api'] / values.bare).toFixed(2),
    'ours/deriv-api': (values.ours / values['deriv-api']).toFixed(2),
  }));
  console.table(rows);
  const failures: string[] = [];
  for (const [row, values] of Object.entries(results)) {
    const ratio = values.ours / values.bare;
    if (row.startsWith('heap')) {
      if (ratio > 1.3) failures.push(`${row}: ${ratio.toFixed(2)}x bare (target <= 1.3x)`);
    } else if (ratio < 0.9) failures.push(`${row}: ${ratio.toFixed(2)}x bare (target >= 0.9x)`);
  }
  const ping100 = results['ping round trips/s, 100 in flight'];
  if (ping100 && ping100.ours / ping100['deriv-api'] < 2)
    failures.push(
      `ping, 100 in flight: ${(ping100.ours / ping100['deriv-api']).toFixed(2)}x deriv-api (target >= 2x)`,
    );
  console.log(
    failures.length === 0 ? 'All targets met.' : `Targets missed:\n  ${failures.join('\n  ')}`,
  );
}

await main();
