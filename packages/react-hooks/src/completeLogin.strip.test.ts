import { describe, expect, it } from 'vitest';
import { completeLogin, type CompleteLoginParameters } from './completeLogin.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

/** A small seeded generator (mulberry32) so every run checks the same, reproducible cases. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const session: CompleteLoginParameters['session'] = {
  setAccounts: () => undefined,
  authorize: () => Promise.resolve({}),
};

describe('completeLogin strips every callback, whatever its shape', () => {
  it('leaves no token in the address bar after its synchronous part (300 generated callbacks)', async () => {
    const random = seeded(20_261_128);
    const pick = <Item>(items: readonly Item[]): Item =>
      items[Math.floor(random() * items.length)] as Item;
    for (let run = 0; run < 300; run += 1) {
      const tokens: string[] = [];
      const parameters: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let index = 1; index <= count; index += 1) {
        const token = `a1-${Math.floor(random() * 1e12).toString(36)}secret`;
        tokens.push(token);
        const pad = pick(['', ' ', '%20']);
        parameters.push(`${pick(['acct', 'ACCT'])}${String(index)}=CR${String(index)}00`);
        parameters.push(`${pad}${pick(['token', 'Token'])}${String(index)}=${token}`);
        if (random() < 0.7) parameters.push(`cur${String(index)}=${pick(['usd', '', 'BTC'])}`);
      }
      if (random() < 0.5) parameters.push(`state=${pick(['', 'abc', 'x'.repeat(30)])}`);
      if (random() < 0.3) parameters.push('affiliate_token=aff&utm_source=x');
      parameters.sort(() => random() - 0.5);
      const hash = pick(['', '#section']);
      const browser = createFakeBrowser(`https://app.example/cb/?${parameters.join('&')}${hash}`);

      const promise = completeLogin({ session, environment: browser.environment });
      const href = browser.href();
      await promise.catch(() => undefined);

      expect(href).toBe(`https://app.example/cb/${hash}`);
      for (const token of tokens) expect(href).not.toContain(token);
    }
  });
});
