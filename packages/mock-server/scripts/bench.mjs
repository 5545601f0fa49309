// Benchmarks of the mock server, each server in its own process (the load generator here):
// 1. ping round trips per second against the mock server vs a bare `ws` echo server, same workload;
// 2. 5,000 concurrent authorized connections held at once.
// Run: pnpm bench (builds first). Prints figures; exits 1 when a target is missed.
import { execSync, fork, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const CONNECTIONS = 50;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 10);
const WARMUP_MS = 1000;
const MEASURE_MS = 3000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HELD = Number(process.env.BENCH_CONNECTIONS ?? 5000);

function startServer(kind) {
  const child = fork(new URL('./benchServer.mjs', import.meta.url), [kind], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = (type, reply = type) =>
    new Promise((resolve) => {
      const onMessage = (message) => {
        if (message.type === reply) {
          child.off('message', onMessage);
          resolve(message);
        }
      };
      child.on('message', onMessage);
      if (type !== 'ready') child.send({ type });
    });
  return request('ready').then(({ url }) => ({ url, request, stop: () => child.kill() }));
}

const open = (url) =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });

const cpuMicros = (usage) => usage.user + usage.system;

// Round trips per second, and the server's CPU time per round trip (robust when other processes
// compete for the cores: a loaded machine lowers both rates but not the CPU cost per message).
async function pingRate({ url, request }) {
  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => open(url)));
  let counting = false;
  let count = 0;
  let reqId = 0;
  for (const socket of sockets) {
    socket.on('message', () => {
      if (counting) count += 1;
      if (socket.readyState === WebSocket.OPEN) socket.send(`{"ping":1,"req_id":${++reqId}}`);
    });
    for (let index = 0; index < IN_FLIGHT; index += 1)
      socket.send(`{"ping":1,"req_id":${++reqId}}`);
  }
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  const cpuBefore = cpuMicros((await request('stats')).cpu);
  counting = true;
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
  const rate = count / ((performance.now() - start) / 1000);
  counting = false;
  const cpuPerTrip = (cpuMicros((await request('stats')).cpu) - cpuBefore) / count;
  for (const socket of sockets) socket.terminate();
  return { rate, cpuPerTrip };
}

async function throughput() {
  const mock = await startServer('mock');
  const echo = await startServer('echo');
  const mockRuns = [];
  const echoRuns = [];
  // Alternate the two servers so that load from other processes hits both alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    echoRuns.push(await pingRate(echo));
    mockRuns.push(await pingRate(mock));
  }
  mock.stop();
  echo.stop();
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ratio = median(mockRuns.map((run, index) => run.rate / echoRuns[index].rate));
  const mockCpu = median(mockRuns.map((run) => run.cpuPerTrip));
  const echoCpu = median(echoRuns.map((run) => run.cpuPerTrip));
  const rates = (runs) => runs.map((run) => Math.round(run.rate).toLocaleString('en')).join(', ');
  console.log(
    `ping round trips/s (${CONNECTIONS} connections x ${IN_FLIGHT} in flight, ${MEASURE_MS} ms per round, ${ROUNDS} alternating rounds):`,
  );
  console.log(
    `  mock server : ${rates(mockRuns)} /s; server CPU ${mockCpu.toFixed(1)} us per round trip`,
  );
  console.log(
    `  bare ws echo: ${rates(echoRuns)} /s; server CPU ${echoCpu.toFixed(1)} us per round trip`,
  );
  console.log(
    `  throughput ratio mock/echo (median of paired rounds): ${ratio.toFixed(2)}x (target >= 0.80x) ${ratio >= 0.8 ? 'OK' : 'MISSED'}`,
  );
  console.log(`  CPU cost ratio echo/mock: ${(echoCpu / mockCpu).toFixed(2)}x`);
  return ratio >= 0.8;
}

async function concurrency() {
  const mock = await startServer('mock');
  const { token } = await mock.request('login');
  const start = performance.now();
  const sockets = [];
  const BATCH = 250;
  for (let offset = 0; offset < HELD; offset += BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(BATCH, HELD - offset) }, async () => {
        const socket = await open(mock.url);
        await new Promise((resolve, reject) => {
          socket.once('message', (data) =>
            JSON.parse(String(data)).authorize ? resolve() : reject(new Error(String(data))),
          );
          socket.send(JSON.stringify({ authorize: token, req_id: 1 }));
        });
        return socket;
      }),
    );
    sockets.push(...batch);
  }
  const openedMs = performance.now() - start;
  // Every connection still answers while all are held.
  const pingStart = performance.now();
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise((resolve) => {
          socket.once('message', resolve);
          socket.send('{"ping":1}');
        }),
    ),
  );
  const pingMs = performance.now() - pingStart;
  const stats = await mock.request('stats');
  for (const socket of sockets) socket.terminate();
  mock.stop();
  const ok = stats.authorized >= HELD;
  console.log(
    `concurrent authorized connections: ${stats.authorized.toLocaleString('en')} of ${HELD.toLocaleString('en')} held ${ok ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `  opened + authorized in ${Math.round(openedMs)} ms; one ping on each answered in ${Math.round(pingMs)} ms`,
  );
  console.log(`  server RSS with all held: ${Math.round(stats.rss / 1024 / 1024)} MiB`);
  return ok;
}

async function startupTime() {
  const { startMockServer } = await import('../dist/index.js');
  const times = [];
  for (let index = 0; index < 5; index += 1) {
    const start = performance.now();
    const server = await startMockServer();
    times.push(performance.now() - start);
    await server.close();
  }
  console.log(
    `startMockServer() to listening: ${times.map((time) => time.toFixed(1)).join(', ')} ms`,
  );
  const bareStart = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).once('exit', resolve));
  console.log(
    `(baseline: spawning a bare \`node -e 0\` to its exit: ${Math.round(performance.now() - bareStart)} ms)`,
  );
  const cliStart = performance.now();
  const cli = spawn(process.execPath, [
    new URL('../dist/cli.js', import.meta.url).pathname,
    '--port',
    '0',
  ]);
  await new Promise((resolve) => cli.stdout.once('data', resolve));
  console.log(
    `deriv-mock-server process spawn to URLs printed: ${Math.round(performance.now() - cliStart)} ms`,
  );
  cli.kill('SIGINT');
  console.log(
    `  ... and exit on SIGINT with code ${await new Promise((resolve) => cli.once('exit', resolve))}`,
  );
}

console.log(
  `ulimit -n: ${execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim()} (needs > ${HELD + 100} for the concurrency check)`,
);
await startupTime();
const results = [await throughput()];
if (HELD > 0) results.push(await concurrency());
process.exit(results.every(Boolean) ? 0 : 1);
