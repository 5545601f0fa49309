// Arbitraries shared by the hostile-input suites (hostileRedirect / hostileText property tests):
// URL-shaped input with a valid-looking canary token planted in parameters, the path, encodings
// and repeats, sometimes over the size caps.
import fc from 'fast-check';

export const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
export const seed =
  process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
export const settings = { numRuns, ...seed };
export const timeout = 300_000;
export const ORIGIN = 'https://app.example.com';

/** Plain checks: `expect` is too slow to call hundreds of thousands of times. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** A canary shaped like a Deriv token, different every run. */
export const canary = fc
  .array(fc.constantFrom(...ALPHANUMERIC.split('')), { minLength: 20, maxLength: 30 })
  .map((chars) => `a1-${chars.join('')}`);

// Spellings of the keys the parser reads, and of the canary itself.
const key = fc.constantFrom(
  'acct1',
  'token1',
  'cur1',
  'acct2',
  'token2',
  'state',
  'route',
  'error',
  'error_description',
  'tok%65n1',
  '%20token1',
  '+token1',
  'token%31',
  'token0',
  'token01',
  'utm_source',
  '__proto__',
  'affiliate_token',
  'x',
  '',
  '%',
  '%ZZ',
);
const value = (token: string) =>
  fc.oneof(
    fc.constant(token),
    fc.constant(encodeURIComponent(token)),
    fc.constant(
      token
        .split('')
        .map((c) => `%${c.charCodeAt(0).toString(16)}`)
        .join(''),
    ),
    fc.constant(`Bearer ${token}`),
    fc.constant(`${token}%ZZ`),
    fc.constantFrom('CR1', 'VRTC123', 'USD', 'access_denied', '', '%', '%E2%80%AE', 'a b'),
    fc.string({ maxLength: 12 }),
  );
const separator = fc.constantFrom('&', '?', '#', '#/cb?', '&&', ';', ' & ');
const head = fc.constantFrom(
  '',
  '?',
  '#',
  `${ORIGIN}/cb?`,
  `${ORIGIN}/#/callback?`,
  `${ORIGIN}/100%/cb?`,
  `${ORIGIN}/cb&`,
  '/cb?',
  'cb?',
  `${ORIGIN}/state=x/cb#`,
  'javascript:alert(1)?',
);

/** URL-shaped input with the canary planted in parameters, the path, encodings and repeats. */
export const hostileUrl = canary.chain((token) =>
  fc
    .tuple(
      head,
      fc.array(fc.tuple(separator, key, value(token)), { maxLength: 12 }),
      fc.oneof({ weight: 30, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(20_000) }),
      fc.string({ maxLength: 8 }),
    )
    .map(([start, pieces, padding, junk]) => ({
      token,
      url:
        start +
        pieces.map(([s, k, v]) => `${s}${k}=${v}`).join('') +
        junk +
        // Sometimes huge: over the default 16,384-character cap.
        (padding ? `&utm_x=${'a'.repeat(padding)}` : ''),
    })),
);
export const anyInput = canary.chain((token) =>
  fc.oneof(
    hostileUrl,
    fc.string({ maxLength: 64 }).map((text) => ({ token, url: `${text}${token}${text}` })),
    fc.string({ unit: 'binary', maxLength: 64 }).map((text) => ({ token, url: text + token })),
  ),
);
