import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOAuthState } from './createOAuthState.js';
import { parseOAuthRedirect } from './parseOAuthRedirect.js';

const secureRandom = (bytes: Uint8Array<ArrayBuffer>): Uint8Array =>
  webcrypto.getRandomValues(bytes);

describe('createOAuthState', () => {
  it('returns 43 URL-safe characters (256 bits)', () => {
    expect(createOAuthState(secureRandom)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('encodes exactly the bytes of the random source', () => {
    expect(createOAuthState((bytes) => bytes.fill(0xff))).toBe('_'.repeat(42) + '8');
    expect(createOAuthState((bytes) => bytes.fill(0))).toBe('A'.repeat(43));
  });

  it('differs between calls', () => {
    const states = new Set(Array.from({ length: 1000 }, () => createOAuthState(secureRandom)));
    expect(states.size).toBe(1000);
  });

  it('survives the round trip through the redirect unchanged', () => {
    const state = createOAuthState(secureRandom);
    expect(
      parseOAuthRedirect(`?acct1=CR1&token1=a1-x&state=${state}`, { expectedState: state }).state,
    ).toBe(state);
  });

  it('refuses a source that returns too few bytes', () => {
    expect(() => createOAuthState(() => new Uint8Array(8))).toThrow(
      expect.objectContaining({ code: 'invalid_random_source' }) as Error,
    );
    expect(() => createOAuthState(() => 'nope' as unknown as Uint8Array)).toThrow(/randomSource/);
  });
});
