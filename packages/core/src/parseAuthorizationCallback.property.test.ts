import fc from 'fast-check';
import * as oauth from 'oauth4webapi';
import { describe, it } from 'vitest';
import { OAuthRedirectError } from './oAuthRedirectError.js';
import {
  parseAuthorizationCallback,
  safeParseAuthorizationCallback,
} from './parseAuthorizationCallback.js';
import { skipStateCheck } from './skipStateCheck.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
const settings = { numRuns, ...seed };
const timeout = 120_000;

/** Plain checks: `expect` is too slow to call a million times. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Random text over an alphabet from two integers (cheap at 100,000 runs; still shrinks). */
function text(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: minLength, max: maxLength }), fc.integer({ min: 0, max: 0x7fffffff }))
    .map(([length, start]) => {
      let state = start;
      let out = '';
      for (let i = 0; i < length; i += 1) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        out += alphabet[(state >>> 16) % alphabet.length] ?? '';
      }
      return out;
    });
}

const VISIBLE = /^[ -~]+$/;
const SAFE = 'abcXYZ019_-.~';
const NASTY = `${SAFE}%+&=#? /\\"'<>`;
const trickyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '\u202E',
    '\u0000',
    '\n',
    '%E2%80%AE',
    '%00',
    '%ZZ',
    '+',
    ' ',
    '=',
    '&',
    '#',
    '?',
    '%',
  ),
);
const key = fc.oneof(
  fc.constantFrom('code', 'state', 'error', 'error_description'),
  fc.constantFrom('co%64e', ' code', '%20state', '+code', 'iss', 'utm_source', 'Code', 'code_'),
  fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty'),
  trickyText,
);
const value = fc.oneof(text(NASTY, 0, 60), fc.constantFrom('abc', 's3cr3t'), trickyText);
const separator = fc.constantFrom('&', '& ', '&&', '#', '?', '/');
const callbackLike = fc
  .tuple(
    fc.constantFrom(
      '',
      '?',
      'https://app.example.com/cb?',
      'https://app.example.com/#/cb?',
      '/cb/',
      'https://app.example.com/',
    ),
    fc.array(fc.tuple(key, fc.constantFrom('=', '', '=='), value, separator), { maxLength: 10 }),
  )
  .map(
    ([prefix, parts]) => prefix + parts.map(([k, eq, v, sep]) => `${k}${eq}${v}${sep}`).join(''),
  );
const anyInput = fc.oneof(
  { weight: 6, arbitrary: callbackLike },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: callbackLike.map((input) => new URLSearchParams(input)) },
);
const expectedState = fc.oneof(
  fc.constantFrom<string | typeof skipStateCheck>('abc', 's3cr3t', skipStateCheck),
  fc.anything(),
);

describe(`parseAuthorizationCallback properties (${numRuns} runs each)`, () => {
  it(
    'never throws anything but OAuthRedirectError; a result holds a visible code and the state sent',
    () => {
      fc.assert(
        fc.property(anyInput, expectedState, (input, state) => {
          try {
            const result = parseAuthorizationCallback(input as string, {
              expectedState: state as string,
            });
            check(VISIBLE.test(result.code), 'code not visible ASCII');
            if (state !== skipStateCheck) check(result.state === state, 'state differs');
            check(
              Object.keys(result).every((name) => name === 'code' || name === 'state'),
              'shape',
            );
          } catch (error) {
            if (!(error instanceof OAuthRedirectError)) throw error;
          }
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'reads back any code and state, whatever the encoding, order, input type and extra parameters',
    () => {
      fc.assert(
        fc.property(
          text(`${SAFE}!$'()*,;:@/?`, 1, 120),
          text(`${SAFE} %+&=#`, 1, 64),
          fc.array(fc.tuple(fc.constantFrom('utm_source', 'tab', 'x', 'iss'), fc.string()), {
            maxLength: 3,
          }),
          fc.constantFrom('string', 'url', 'params', 'fragment'),
          fc.boolean(),
          (code, state, extras, shape, stateFirst) => {
            const pairs: [string, string][] = [
              ['code', code],
              ['state', state],
            ];
            if (stateFirst) pairs.reverse();
            const query = new URLSearchParams([...extras, ...pairs]).toString();
            const input =
              shape === 'url'
                ? new URL(`https://app.example.com/cb?${query}`)
                : shape === 'params'
                  ? new URLSearchParams(query)
                  : shape === 'fragment'
                    ? `https://app.example.com/#/cb?${query}`
                    : `https://app.example.com/cb?${query}`;
            const result = parseAuthorizationCallback(input, { expectedState: state });
            check(result.code === code && result.state === state, 'round trip differs');
          },
        ),
        settings,
      );
    },
    timeout,
  );

  it(
    'agrees with oauth4webapi (validateAuthResponse, then its code check) on every query it can read',
    () => {
      const as: oauth.AuthorizationServer = { issuer: 'https://auth.deriv.com' };
      const client: oauth.Client = { client_id: 'x' };
      // Non-empty visible values: oauth4webapi reads empty values and non-ASCII differently by design
      // (RFC 6749 §3.1 omits empty ones; §A.11 forbids the rest), which the unit tests cover.
      const pair = fc.tuple(
        fc.constantFrom('code', 'state', 'error', 'error_description', 'x'),
        text(`${SAFE} %+&=#?`, 1, 20),
      );
      fc.assert(
        fc.property(
          fc.array(pair, { maxLength: 6 }),
          fc.constantFrom('abc', skipStateCheck),
          (pairs, state) => {
            const params = new URLSearchParams(pairs);
            const ours = safeParseAuthorizationCallback(params, { expectedState: state });
            let theirs: string | undefined;
            try {
              const valid = oauth.validateAuthResponse(
                as,
                client,
                params,
                state === skipStateCheck ? oauth.skipStateCheck : state,
              );
              // oauth4webapi checks `code` in authorizationCodeGrantRequest (once, non-empty), not
              // in validateAuthResponse; that check is reproduced here, as the login flow runs both.
              const codes = valid.getAll('code');
              theirs = codes.length === 1 && codes[0] ? codes[0] : undefined;
              // The one deliberate difference: a repeated error_description is refused here too
              // (RFC 6749 §3.1); oauth4webapi never reads that parameter.
              if (params.getAll('error_description').length > 1) theirs = undefined;
            } catch {
              theirs = undefined;
            }
            check(ours.success === (theirs !== undefined), `disagree on ${params.toString()}`);
            if (ours.success) check(ours.data.code === theirs, 'codes differ');
          },
        ),
        settings,
      );
    },
    timeout,
  );
});
