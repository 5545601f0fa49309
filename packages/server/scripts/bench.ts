/**
 * Benchmark of the server package, on loopback against the mock server:
 * - `otp` through the server (Node adapter, real HTTP, sealed-cookie session) vs the mock's OTP
 *   endpoint called directly, interleaved: requests per second and the p50/p99 latency added;
 * - sealed-cookie seal and open per second.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startMockServer } from '@deriv-auth/mock-server';
import { createDerivAuthServer, createSealer, toNodeHandler } from '../src/index.js';

const CLIENT_ID = 'benchClient';
const APP_ORIGIN = 'http://localhost:5173';
const REDIRECT_URI = `${APP_ORIGIN}/auth/callback`;
const SECRET = 'bench-secret-of-at-least-thirty-two-characters';
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 3_000);
const CONCURRENCY = 16;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(3)} ms`;

const mock = await startMockServer({
  port: 0,
  oauth: { autoApprove: true },
  newApi: {
    clients: [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI] }],
    restRateLimit: false,
  },
});
const auth = createDerivAuthServer({
  clientId: CLIENT_ID,
  redirectUri: REDIRECT_URI,
  appOrigin: APP_ORIGIN,
  secrets: [SECRET],
  authorizationUrl: mock.newApi.authorizeUrl,
  tokenUrl: mock.newApi.tokenUrl,
  restUrl: mock.newApi.restUrl,
  insecureCookiesForLocalhost: true,
});
const http = createServer(toNodeHandler(auth.handle));
http.listen(0, '127.0.0.1');
await once(http, 'listening');
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

// Sign in through the real redirects.
const login = await fetch(`${base}/auth/login`, { redirect: 'manual' });
const loginCookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
const authorize = new URL(login.headers.get('location') ?? '');
authorize.searchParams.set('user', 'john');
authorize.searchParams.set('auto', '1');
const back = new URL(
  (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '',
);
const callback = await fetch(`${base}/auth/callback${back.search}`, {
  redirect: 'manual',
  headers: { cookie: loginCookie },
});
const sessionCookie =
  callback.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('deriv_session='))
    ?.split(';')[0] ?? '';
const { access_token: accessToken } = mock.newApi.issueTokens({
  clientId: CLIENT_ID,
  user: 'john',
});

const viaServer = async () => {
  const response = await fetch(`${base}/auth/otp`, {
    method: 'POST',
    headers: { origin: APP_ORIGIN, 'content-type': 'application/json', cookie: sessionCookie },
    body: '{"accountId":"DOT90004581"}',
  });
  if (response.status !== 200) throw new Error(`server otp: HTTP ${response.status}`);
  await response.arrayBuffer();
};
// The handler called in process: the server's own cost without the inbound HTTP hop.
const viaHandler = async () => {
  const response = await auth.handle(
    new Request(`${base}/auth/otp`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json', cookie: sessionCookie },
      body: '{"accountId":"DOT90004581"}',
    }),
  );
  if (response.status !== 200) throw new Error(`handler otp: HTTP ${response.status}`);
  await response.arrayBuffer();
};
const direct = async () => {
  const response = await fetch(
    `${mock.newApi.restUrl}/trading/v1/options/accounts/DOT90004581/otp`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
    },
  );
  if (response.status !== 200) throw new Error(`direct otp: HTTP ${response.status}`);
  await response.arrayBuffer();
};

const timed = async (call: () => Promise<void>) => {
  const start = performance.now();
  await call();
  return performance.now() - start;
};
const throughput = async (call: () => Promise<void>, total: number) => {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        await call();
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
};

// Warm up both paths (JIT, keep-alive connections).
for (let index = 0; index < 300; index += 1) await Promise.all([viaServer(), direct()]);

const serverTimes: number[] = [];
const directTimes: number[] = [];
const handlerTimes: number[] = [];
for (let index = 0; index < SAMPLES; index += 1) {
  // Interleaved, so all three see the same machine load.
  directTimes.push(await timed(direct));
  serverTimes.push(await timed(viaServer));
  handlerTimes.push(await timed(viaHandler));
}
const serverRate = await throughput(viaServer, SAMPLES);
const directRate = await throughput(direct, SAMPLES);

const sealer = createSealer({ secrets: [SECRET] });
const record = {
  sid: 'x'.repeat(43),
  accessToken: `ory_at_${'a'.repeat(80)}`,
  refreshToken: `ory_rt_${'r'.repeat(80)}`,
  expiresAt: Date.now() + 3_600_000,
  scopes: ['trade'],
  accounts: [
    { id: 'DOT90004580', currency: 'USD', type: 'real', status: 'active' },
    { id: 'DOT90004581', currency: 'USD', type: 'demo', status: 'active' },
  ],
  createdAt: Date.now(),
  lastSeenAt: Date.now(),
};
const sealCount = 5_000;
// Distinct strings (each seal has a fresh IV), so every open below decrypts: the sealer keeps
// what it opened, and opening one string again is a cache hit, measured apart.
const sealedValues: string[] = [];
let start = performance.now();
for (let index = 0; index < sealCount; index += 1)
  sealedValues.push(await sealer.seal(record, 'deriv-auth/session', 3600));
const sealRate = sealCount / ((performance.now() - start) / 1000);
const freshSealer = createSealer({ secrets: [SECRET] });
start = performance.now();
for (const value of sealedValues) await freshSealer.open(value, 'deriv-auth/session');
const openRate = sealCount / ((performance.now() - start) / 1000);
const sealed = sealedValues[0] ?? '';
start = performance.now();
for (let index = 0; index < sealCount; index += 1)
  await freshSealer.open(sealed, 'deriv-auth/session');
const cachedOpenRate = sealCount / ((performance.now() - start) / 1000);
const p50Added = percentile(serverTimes, 50) - percentile(directTimes, 50);
const p99Added = percentile(serverTimes, 99) - percentile(directTimes, 99);
console.log(`otp, ${SAMPLES} sequential requests each way, loopback, Node ${process.version}`);
console.log(
  `  direct to mock : p50 ${ms(percentile(directTimes, 50))}  p99 ${ms(percentile(directTimes, 99))}`,
);
console.log(
  `  through server : p50 ${ms(percentile(serverTimes, 50))}  p99 ${ms(percentile(serverTimes, 99))}`,
);
console.log(
  `  handler only   : p50 ${ms(percentile(handlerTimes, 50))}  p99 ${ms(percentile(handlerTimes, 99))}  (no inbound HTTP hop)`,
);
console.log(`  added          : p50 ${ms(p50Added)}  p99 ${ms(p99Added)}  (target p99 <= 2 ms)`);
console.log(
  `otp requests/s, ${CONCURRENCY} in flight: server ${serverRate.toFixed(0)}/s, direct ${directRate.toFixed(0)}/s`,
);
console.log(
  `sealed cookie (${sealed.length} characters): seal ${sealRate.toFixed(0)}/s, open ${openRate.toFixed(0)}/s, open again (cached) ${cachedOpenRate.toFixed(0)}/s`,
);

http.close();
await mock.close();
