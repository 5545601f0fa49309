import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isLoginUrlError } from './loginUrlError.js';
import { assertCodeVerifier, createCodeChallenge, createCodeVerifier } from './pkce.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
const settings = { numRuns, ...seed };
const timeout = 120_000;

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
/** Plain checks: `expect` is too slow to call a million times. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const verifier = fc
  .tuple(fc.integer({ min: 43, max: 128 }), fc.integer({ min: 0, max: 0x7fffffff }))
  .map(([length, start]) => {
    let state = start;
    let out = '';
    for (let i = 0; i < length; i += 1) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      out += UNRESERVED[(state >>> 16) % UNRESERVED.length] ?? '';
    }
    return out;
  });
// Near-misses: wrong lengths, and one character outside the unreserved set at a random place.
const nearMiss = fc.oneof(
  fc.string({ maxLength: 42 }),
  fc.string({ minLength: 129, maxLength: 140 }),
  fc
    .tuple(
      verifier,
      fc.nat(),
      fc.constantFrom(' ', '+', '/', '=', '%', 'é', '\n', '\u0000', '\u202E'),
    )
    .map(([text, at, bad]) => {
      const index = at % text.length;
      return text.slice(0, index) + bad + text.slice(index + 1);
    }),
  fc.string({ unit: 'binary', minLength: 43, maxLength: 128 }),
);

describe(`PKCE properties (${numRuns} runs each)`, () => {
  it(
    'the challenge of any valid verifier is BASE64URL(SHA-256(verifier)) (node:crypto as the oracle)',
    async () => {
      await fc.assert(
        fc.asyncProperty(verifier, async (text) => {
          const expected = createHash('sha256').update(text).digest('base64url');
          check((await createCodeChallenge(text)) === expected, 'challenge differs');
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'refuses exactly the strings outside 43-128 unreserved characters, never echoing them',
    () => {
      fc.assert(
        fc.property(fc.oneof(verifier, nearMiss), (text) => {
          let valid = text.length >= 43 && text.length <= 128;
          // Code units, as the RFC's ABNF counts ASCII characters: an astral character is invalid.
          for (let i = 0; i < text.length; i += 1) valid &&= UNRESERVED.includes(text.charAt(i));
          try {
            assertCodeVerifier(text);
            check(valid, 'accepted an invalid verifier');
          } catch (error) {
            check(!valid, 'refused a valid verifier');
            check(isLoginUrlError(error) && error.code === 'invalid_code_verifier', 'error code');
            // Short strings occur in any message by chance ('a', ''); a real verifier is 43+.
            check(
              text.length < 8 || !(error as Error).message.includes(text),
              'verifier in the message',
            );
          }
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'every verifier from 32 random bytes is valid',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
          assertCodeVerifier(createCodeVerifier((target) => (target.set(bytes), target)));
        }),
        settings,
      );
    },
    timeout,
  );
});
