/**
 * `pnpm bench:streams`: tick messages per second delivered to consumers by our `stream()`, a bare
 * `ws` client (the floor) and `@deriv/deriv-api`, with 1 and 100 streams on one socket, fed by a
 * tick server in another process that is never the bottleneck (`streamBenchServer.ts`); then the
 * heap each idle stream holds. Repetitions interleave the clients (bare, ours, deriv-api, bare,
 * ...) so drift hits all alike; each figure is the median over repetitions, with the spread, and
 * the ratios are medians of each repetition's ratio. The target (>= 0.95x bare) is checked on the
 * dispatch rate per CPU-second; wall-clock rates are printed too. Run through `streamBench.mjs`.
 */
import { fork } from 'node:child_process';
import {
  openBareStreams,
  openDerivApiStreams,
  openOurStreams,
  type StreamBenchClientFactory,
} from './streamBenchClients.js';

const clients = {
  bare: openBareStreams,
  ours: openOurStreams,
  'deriv-api': openDerivApiStreams,
} satisfies Record<string, StreamBenchClientFactory>;
type Name = keyof typeof clients;
const NAMES = Object.keys(clients) as Name[];
const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? 1_500);
const WARM_UP_MS = Number(process.env['BENCH_WARM_UP_MS'] ?? 400);
const REPETITIONS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const IDLE_STREAMS = Number(process.env['BENCH_IDLE_STREAMS'] ?? 1_000);
/** `BENCH_CLIENTS=ours` (a comma list) runs only those, e.g. for a CPU profile of one client. */
const CHOSEN = new Set(process.env['BENCH_CLIENTS']?.split(',') ?? NAMES);
/** Target of issue 13: our dispatch rate at least this share of the bare client's. */
const TARGET = 0.95;

const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = async (): Promise<number> => {
  await sleep(50);
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The tick server child: `flow` floods every subscription, `pause` only answers requests. */
async function spawnTickServer(): Promise<{
  wsUrl: string;
  command(type: 'flow' | 'pause'): Promise<void>;
  close(): void;
}> {
  const entry = new URL('./streamBenchServer.mjs', import.meta.url);
  const child = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  const wsUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`tick server exited with ${String(code)}`));
    });
    child.once('message', (message: { wsUrl: string }) => {
      resolve(message.wsUrl);
    });
  });
  return {
    wsUrl,
    command: (type) =>
      new Promise((resolve) => {
        child.once('message', () => {
          resolve();
        });
        child.send({ type });
      }),
    close: () => {
      child.removeAllListeners('exit');
      child.send({ type: 'close' });
    },
  };
}

const symbolsFor = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => `BENCH_${String(index)}`);

/** Ticks per second delivered to consumers, and the client's CPU µs per tick, over one window. */
async function deliveryRate(
  open: StreamBenchClientFactory,
  server: Awaited<ReturnType<typeof spawnTickServer>>,
  streams: number,
): Promise<{ perSecond: number; cpuMicrosPerTick: number }> {
  await server.command('pause');
  const connection = await open(server.wsUrl);
  let delivered = 0;
  await connection.open(symbolsFor(streams), () => {
    delivered += 1;
  });
  await server.command('flow');
  await sleep(WARM_UP_MS);
  const startCount = delivered;
  const startCpu = process.cpuUsage();
  const started = performance.now();
  await sleep(ROUND_MS);
  const count = delivered - startCount;
  const seconds = (performance.now() - started) / 1_000;
  const cpu = process.cpuUsage(startCpu);
  await server.command('pause');
  await connection.close();
  return { perSecond: count / seconds, cpuMicrosPerTick: (cpu.user + cpu.system) / count };
}

/** Heap held per idle stream: one socket, `IDLE_STREAMS` confirmed streams, no ticks flowing. */
async function heapPerIdleStream(
  open: StreamBenchClientFactory,
  server: Awaited<ReturnType<typeof spawnTickServer>>,
): Promise<number> {
  await server.command('pause');
  const connection = await open(server.wsUrl);
  const before = await heapAfterGc();
  await connection.open(symbolsFor(IDLE_STREAMS), () => undefined);
  const after = await heapAfterGc();
  await connection.close();
  return (after - before) / IDLE_STREAMS;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const spread = (values: number[], digits = 0): string =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

async function main(): Promise<void> {
  const server = await spawnTickServer();
  const rows: Record<string, string>[] = [];
  const failures: string[] = [];
  for (const streams of [1, 100]) {
    const rates: Record<Name, number[]> = { bare: [], ours: [], 'deriv-api': [] };
    const cpu: Record<Name, number[]> = { bare: [], ours: [], 'deriv-api': [] };
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      for (const name of NAMES) {
        if (!CHOSEN.has(name)) continue;
        const result = await deliveryRate(clients[name], server, streams);
        rates[name].push(result.perSecond);
        cpu[name].push(result.cpuMicrosPerTick);
      }
    }
    const ratios = (name: Name): number[] =>
      rates[name].map((rate, index) => rate / (rates.bare[index] as number));
    // Ticks per CPU-second of the consuming process, relative to bare: the dispatch rate each
    // client could sustain, which the neighbours of a shared machine do not move as much as they
    // move the wall-clock rates.
    const cpuRatios = (name: Name): number[] =>
      cpu[name].map((micros, index) => (cpu.bare[index] as number) / micros);
    for (const name of NAMES) {
      if (rates[name].length === 0) continue;
      rows.push({
        measure: `ticks/s delivered, ${String(streams)} stream${streams === 1 ? '' : 's'}`,
        client: name,
        median: Math.round(median(rates[name])).toLocaleString('en'),
        'min–max': spread(rates[name]),
        'ratio to bare (median, min–max)': `${median(ratios(name)).toFixed(2)} (${spread(ratios(name), 2)})`,
        'CPU µs/tick (median)': median(cpu[name]).toFixed(2),
        'dispatch per CPU-s, ratio to bare (median, min–max)': `${median(cpuRatios(name)).toFixed(2)} (${spread(cpuRatios(name), 2)})`,
      });
    }
    const ours = median(cpuRatios('ours'));
    if (rates.ours.length > 0 && ours < TARGET)
      failures.push(
        `${String(streams)} streams: ${ours.toFixed(2)}x bare (target >= ${String(TARGET)}x)`,
      );
  }
  const heap: Record<Name, number[]> = { bare: [], ours: [], 'deriv-api': [] };
  for (let repetition = 0; repetition < 3; repetition += 1)
    for (const name of NAMES) {
      if (!CHOSEN.has(name)) continue;
      heap[name].push(await heapPerIdleStream(clients[name], server));
    }
  for (const name of NAMES) {
    if (heap[name].length === 0) continue;
    rows.push({
      measure: `heap per idle stream (bytes), ${IDLE_STREAMS.toLocaleString('en')} streams`,
      client: name,
      median: Math.round(median(heap[name])).toLocaleString('en'),
      'min–max': spread(heap[name]),
      'ratio to bare (median, min–max)': (median(heap[name]) / median(heap.bare)).toFixed(2),
      'CPU µs/tick (median)': '',
      'dispatch per CPU-s, ratio to bare (median, min–max)': '',
    });
  }
  server.close();
  console.table(rows);
  console.log(
    failures.length === 0 ? 'All targets met.' : `Targets missed:\n  ${failures.join('\n  ')}`,
  );
}

await main();
