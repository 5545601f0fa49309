import fc from 'fast-check';
import { describe, it } from 'vitest';
import { buildAuthorizationUrl } from './buildAuthorizationUrl.js';
import { safeParseAuthorizationCallback } from './parseAuthorizationCallback.js';
import { createCodeChallenge } from './pkce.js';
import { OtpResponseSchema } from './schemas/restApi.js';
import { TokenResponseSchema } from './schemas/tokenResponse.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
const settings = { numRuns, ...seed };
const timeout = 120_000;

/** Plain checks: `expect` is too slow to call a million times. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Everything a log line could print of an error: message, string form, details, issues, causes.
 * Not `stack`: its first line is `String(error)` and the rest are frames; formatting it on every
 * run would make this file several times slower at CI's 100,000 runs.
 */
function visibleText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.message, String(current));
      parts.push(JSON.stringify((current as { details?: unknown }).details ?? null));
      parts.push(JSON.stringify((current as { issues?: unknown }).issues ?? null));
      current = current.cause;
    } else {
      parts.push(typeof current === 'string' ? current : JSON.stringify(current));
      current = undefined;
    }
  }
  return parts.join('\n');
}

const BODY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A canary secret: a known prefix and a random body nobody else would print. */
const canary = (prefix: string) =>
  fc
    .tuple(fc.integer({ min: 20, max: 60 }), fc.integer({ min: 0, max: 0x7fffffff }))
    .map(([length, start]) => {
      let state = start;
      let out = prefix;
      for (let i = 0; i < length; i += 1) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        out += BODY[(state >>> 16) % BODY.length] ?? '';
      }
      return out;
    });
const code = canary('ory_ac_');
const accessToken = canary('ory_at_');
const refreshToken = canary('ory_rt_');
const otp = canary('otp');
const STATE = 'expected-state-value';

describe(`New API secrets never reach an error (${numRuns} runs each)`, () => {
  it(
    'parseAuthorizationCallback keeps the code out of every refusal',
    () => {
      const refusals = [
        (c: string) => `?code=${c}&code=${c}x&state=${STATE}`,
        (c: string) => `?code=${c}&state=forged`,
        (c: string) => `?code=${c}`,
        (c: string) => `?code=${c}%00&state=${STATE}`,
        (c: string) => `?code=${c}%ZZ&state=${STATE}`,
        (c: string) => `?code=${c}&error=server_error&state=${STATE}`,
        (c: string) => `?code=${c}&state=${STATE}&pad=${'x'.repeat(9000)}`,
        (c: string) => `?code=${c}&state=a%0A`,
        (c: string) => `#code=${c}&co%64e=${c}&state=${STATE}`,
      ];
      fc.assert(
        fc.property(code, fc.nat({ max: refusals.length - 1 }), (secret, which) => {
          const result = safeParseAuthorizationCallback(refusals[which]?.(secret) ?? '', {
            expectedState: STATE,
          });
          check(!result.success, 'expected a refusal');
          check(!visibleText(result.error).includes(secret), `code leaked by refusal ${which}`);
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'createCodeChallenge keeps a bad verifier out of its rejection',
    async () => {
      const broken = [
        (v: string) => `${v} `,
        (v: string) => `${v}${'x'.repeat(130)}`,
        (v: string) => `${v}/+`,
      ];
      await fc.assert(
        fc.asyncProperty(
          canary('verifier'),
          fc.nat({ max: broken.length - 1 }),
          async (secret, which) => {
            try {
              await createCodeChallenge(broken[which]?.(secret) ?? '');
            } catch (error) {
              check(!visibleText(error).includes(secret), 'verifier leaked');
              return;
            }
            throw new Error('expected a rejection');
          },
        ),
        settings,
      );
    },
    timeout,
  );

  it(
    'buildAuthorizationUrl keeps option values out of its refusals',
    () => {
      fc.assert(
        fc.property(canary('value'), fc.nat({ max: 3 }), (secret, which) => {
          const base = {
            clientId: 'client1',
            redirectUri: 'https://app.example.com/cb',
            scopes: ['trade'] as const,
            state: STATE,
            codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          };
          const overrides = [
            { clientId: `${secret}-` },
            { codeChallenge: `${secret}!` },
            { state: `${secret}\n` },
            { t: secret, sidi: secret },
          ];
          try {
            buildAuthorizationUrl({ ...base, ...overrides[which] });
          } catch (error) {
            check(!visibleText(error).includes(secret), 'option value leaked');
            return;
          }
          throw new Error('expected a refusal');
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'the token and OTP schemas keep tokens and OTP URLs out of their issues',
    () => {
      fc.assert(
        fc.property(
          accessToken,
          refreshToken,
          otp,
          fc.nat({ max: 3 }),
          (access, refresh, password, which) => {
            const bodies = [
              { access_token: access, refresh_token: refresh, token_type: 'mac' },
              { access_token: `${access}\n`, refresh_token: refresh, token_type: 'bearer' },
              {
                access_token: access,
                refresh_token: `${refresh}\u0000`,
                token_type: 'bearer',
                expires_in: -1,
              },
              { data: { url: `ws://api.derivws.com/ws/demo?otp=${password}` } },
            ];
            const body = bodies[which];
            const result =
              which === 3 ? OtpResponseSchema.safeParse(body) : TokenResponseSchema.safeParse(body);
            check(!result.success, 'expected a refusal');
            const text = visibleText(result.error);
            for (const secret of [access, refresh, password])
              check(!text.includes(secret), 'secret leaked');
          },
        ),
        settings,
      );
    },
    timeout,
  );
});
