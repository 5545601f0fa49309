import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSocketUrl, computeBackoffDelay, resolveClientOptions } from './options.js';

describe('buildSocketUrl', () => {
  it('uses Deriv’s endpoint with app_id, l and brand by default', () => {
    expect(buildSocketUrl({ appId: 1089 })).toBe(
      'wss://ws.derivws.com/websockets/v3?app_id=1089&l=EN&brand=deriv',
    );
  });

  it('keeps an endpoint’s own query and overrides ours', () => {
    expect(
      buildSocketUrl({
        appId: '5',
        endpoint: 'ws://127.0.0.1:9/ws?x=1&app_id=2',
        language: 'ES',
        brand: 'b',
      }),
    ).toBe('ws://127.0.0.1:9/ws?x=1&app_id=5&l=ES&brand=b');
  });
});

describe('computeBackoffDelay', () => {
  const base = {
    maxAttempts: 10,
    initialDelayMs: 500,
    maxDelayMs: 30_000,
    jitter: 0,
    random: () => 0.5,
  };

  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => computeBackoffDelay(attempt, base))).toEqual([
      500, 1000, 2000, 4000, 30_000,
    ]);
  });

  it('stays within [step * (1 - jitter), step] for any attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, random, jitter) => {
          const step = Math.min(30_000, 500 * 2 ** (attempt - 1));
          const delay = computeBackoffDelay(attempt, { ...base, jitter, random: () => random });
          expect(delay).toBeGreaterThanOrEqual(Math.floor(step * (1 - jitter)) - 1);
          expect(delay).toBeLessThanOrEqual(step + 1);
        },
      ),
    );
  });
});

describe('resolveClientOptions', () => {
  it('applies defaults under Deriv’s 2-minute idle close', () => {
    const resolved = resolveClientOptions({ appId: 1089 });
    expect(resolved.keepAlive).toEqual({ intervalMs: 30_000, timeoutMs: 10_000 });
    expect(resolved.requestTimeoutMs).toBe(30_000);
    expect(resolved.queueSize).toBe(100);
    expect(resolved.WebSocket).toBeUndefined();
  });

  it('builds the URL of each client’s own inputs, whatever the client before used', () => {
    const inputs = [
      { appId: 1089 },
      { appId: '1089' },
      { appId: 1089, endpoint: 'ws://127.0.0.1:9/ws' },
      { appId: 1089, endpoint: 'ws://127.0.0.1:9/ws', language: 'ES' },
      { appId: 1089, endpoint: 'ws://127.0.0.1:9/ws', language: 'ES', brand: 'b' },
      { appId: 1089 },
    ];
    for (const input of inputs) expect(resolveClientOptions(input).url).toBe(buildSocketUrl(input));
    // A bad endpoint still throws after a good one was built.
    expect(() => resolveClientOptions({ appId: 1089, endpoint: '' })).toThrow(TypeError);
  });
});
