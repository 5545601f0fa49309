import WebSocket from 'ws';
import { spawnMockServer, type MockServerProcess } from '../scripts/spawnMockServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDerivClient } from './createDerivClient.js';
import { NOTHING_LEFT, secrets, defined } from './test/harness.js';

let server: MockServerProcess;
let token: string;

beforeAll(async () => {
  // The server runs in its own process: this one holds only the clients being measured.
  server = await spawnMockServer();
  token = defined((await server.login())[0]).token;
  secrets.add(token);
});

afterAll(async () => {
  await server.close();
});

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const timersAlive = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

async function cycle(): Promise<Record<string, number>> {
  const client = createDerivClient({ appId: 1089, endpoint: server.wsUrl, WebSocket });
  const authorize = await client.authorize(token);
  if (authorize.loginid !== 'CR799393') throw new Error('unexpected account');
  await client.close();
  const { subscribers: _subscribers, ...left } = client.getDiagnostics();
  return left;
}

describe('1,000 connect/authorize/close cycles', () => {
  it('leave no growth of heap, timers or listeners', async () => {
    expect(gc, 'run with --expose-gc').toBeTypeOf('function');
    for (let index = 0; index < 100; index += 1) await cycle(); // warm-up: JIT, pools
    const timersBefore = timersAlive();
    const heap: number[] = [];
    for (let index = 1; index <= 1_000; index += 1) {
      const left = await cycle();
      if (Object.values(left).some((count) => count !== 0)) expect(left).toEqual(NOTHING_LEFT);
      if (index % 250 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        heap.push(heapAfterGc());
      }
    }
    console.info(`heap after 250/500/750/1000 cycles: ${heap.join(' / ')} B`);
    // V8 grows in steps (tables resize now and then) and flattens out; a leak climbs in every
    // interval. A leak of ~100 B per cycle adds 25 kB to each 250-cycle step, so the smallest step
    // must stay under that.
    const steps = [
      defined(heap[1]) - defined(heap[0]),
      defined(heap[2]) - defined(heap[1]),
      defined(heap[3]) - defined(heap[2]),
    ];
    expect(Math.min(...steps)).toBeLessThan(25_000);
    expect(timersAlive()).toBeLessThanOrEqual(timersBefore);
  });
});
