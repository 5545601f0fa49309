import { describe, expect, it, vi } from 'vitest';
import { createSealer } from './createSealer.js';

// jose decrypts with Web Crypto's AES-GCM: counting those calls tells a cache hit (none) from an
// open that decrypted.
const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
const decryptions = (): number => decrypt.mock.calls.length;

const SECRET = 'a-sealer-test-secret-of-at-least-32-characters';

// open() keeps what it decrypted (the session cookie comes with every request); these pin down
// that the cache changes nothing a caller can observe but the time it takes.
describe('createSealer: opened values served again', () => {
  it('refuses an opened value once it expires, as without the cache', async () => {
    let time = 1_700_000_000_000;
    const sealer = createSealer({ secrets: [SECRET], now: () => time });
    const sealed = await sealer.seal({ id: 'a' }, 'session', 10);
    expect(await sealer.open(sealed, 'session')).toMatchObject({ id: 'a' });
    time += 9_000;
    expect(await sealer.open(sealed, 'session')).toMatchObject({ id: 'a' });
    time += 1_000;
    expect(await sealer.open(sealed, 'session')).toBeUndefined();
  });

  it('gives each caller its own copy', async () => {
    const sealer = createSealer({ secrets: [SECRET] });
    const sealed = await sealer.seal({ accounts: [{ id: 'DOT90004580' }] }, 'session', 60);
    const first = await sealer.open(sealed, 'session');
    (first?.['accounts'] as { id: string }[]).push({ id: 'injected' });
    const before = decryptions();
    const hit = await sealer.open(sealed, 'session');
    expect(decryptions()).toBe(before); // served from the cache
    expect(hit).toMatchObject({ accounts: [{ id: 'DOT90004580' }] });
    (hit?.['accounts'] as { id: string }[]).push({ id: 'injected again' });
    expect(await sealer.open(sealed, 'session')).toMatchObject({
      accounts: [{ id: 'DOT90004580' }],
    });
  });

  it('still refuses another purpose, and a tampered copy of an opened string', async () => {
    const sealer = createSealer({ secrets: [SECRET] });
    const sealed = await sealer.seal({ id: 'a' }, 'session', 60);
    expect(await sealer.open(sealed, 'session')).toBeDefined();
    expect(await sealer.open(sealed, 'login')).toBeUndefined();
    const parts = sealed.split('.');
    const body = parts[3] ?? '';
    parts[3] = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await sealer.open(parts.join('.'), 'session')).toBeUndefined();
  });

  it('evicts the oldest under a flood of distinct strings, and opens it again by decrypting', async () => {
    const sealer = createSealer({ secrets: [SECRET] });
    const first = await sealer.seal({ n: 0 }, 'session', 60);
    await sealer.open(first, 'session');
    for (let index = 1; index <= 1_100; index += 1)
      await sealer.open(await sealer.seal({ n: index }, 'session', 60), 'session');
    // Evicted, so decrypted again: still the same value.
    const before = decryptions();
    expect(await sealer.open(first, 'session')).toMatchObject({ n: 0 });
    expect(decryptions()).toBe(before + 1);
    // The newest is still served from the cache.
    await sealer.open(first, 'session');
    expect(decryptions()).toBe(before + 1);
  });
});
