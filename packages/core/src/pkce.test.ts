import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLoginUrlError } from './loginUrlError.js';
import {
  assertCodeVerifier,
  CODE_VERIFIER_PATTERN,
  createCodeChallenge,
  createCodeVerifier,
} from './pkce.js';

const secureRandom = (bytes: Uint8Array): Uint8Array => webcrypto.getRandomValues(bytes);

// RFC 7636 Appendix B: the 32 octets, the verifier they encode to, and its S256 challenge.
const RFC_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105,
  214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createCodeVerifier', () => {
  it("encodes RFC 7636 Appendix B's octets to its verifier", () => {
    expect(createCodeVerifier((bytes) => (bytes.set(RFC_OCTETS), bytes))).toBe(RFC_VERIFIER);
  });

  it('returns 43 unreserved characters that differ between calls', () => {
    const verifiers = new Set(Array.from({ length: 1000 }, () => createCodeVerifier(secureRandom)));
    expect(verifiers.size).toBe(1000);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => createCodeVerifier(() => new Uint8Array(31))).toThrow(
      expect.objectContaining({ code: 'invalid_random_source' }) as Error,
    );
  });
});

describe('createCodeChallenge', () => {
  it("computes RFC 7636 Appendix B's S256 challenge", async () => {
    expect(await createCodeChallenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it('accepts 43 and 128 characters of the whole unreserved set', async () => {
    await expect(createCodeChallenge('-._~'.repeat(10) + 'aZ9')).resolves.toMatch(/^[\w-]{43}$/);
    await expect(createCodeChallenge('a'.repeat(128))).resolves.toMatch(/^[\w-]{43}$/);
  });

  it.each<[string, unknown]>([
    ['42 characters', 'a'.repeat(42)],
    ['129 characters', 'a'.repeat(129)],
    ['a space', `${'a'.repeat(42)} `],
    ['a plus', `${'a'.repeat(42)}+`],
    ['a slash', `${'a'.repeat(42)}/`],
    ['padding', `${'a'.repeat(42)}=`],
    ['a non-ASCII letter', `${'a'.repeat(42)}é`],
    ['a trailing newline', `${'a'.repeat(43)}\n`],
    ['an empty string', ''],
    ['a number', 42],
    ['undefined', undefined],
  ])('rejects a verifier with %s, without echoing it', async (_, verifier) => {
    const error = await rejection(() => createCodeChallenge(verifier as string));
    expect(isLoginUrlError(error) && error.code).toBe('invalid_code_verifier');
    if (typeof verifier === 'string' && verifier.length > 3)
      expect((error as Error).message).not.toContain(verifier);
  });

  describe('without Web Crypto', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('rejects with crypto_unavailable, not a TypeError (browsers on plain http)', async () => {
      vi.stubGlobal('crypto', {});
      const error = await rejection(() => createCodeChallenge(RFC_VERIFIER));
      expect(isLoginUrlError(error) && error.code).toBe('crypto_unavailable');
    });
  });
});

describe('assertCodeVerifier', () => {
  it('passes a verifier and narrows unknown to string', () => {
    const stored: unknown = RFC_VERIFIER;
    assertCodeVerifier(stored);
    expect(stored.length).toBe(43);
  });

  it('refuses null, as storage returns it after losing the value', () => {
    expect(() => {
      assertCodeVerifier(null);
    }).toThrow(expect.objectContaining({ code: 'invalid_code_verifier' }) as Error);
  });

  it('agrees with CODE_VERIFIER_PATTERN on the length limits', () => {
    expect(CODE_VERIFIER_PATTERN.test('a'.repeat(43))).toBe(true);
    expect(CODE_VERIFIER_PATTERN.test('a'.repeat(128))).toBe(true);
    expect(CODE_VERIFIER_PATTERN.test('a'.repeat(42))).toBe(false);
    expect(CODE_VERIFIER_PATTERN.test('a'.repeat(129))).toBe(false);
  });
});
