/**
 * fast-check generators for the mock server's hostile-input suite: requests that carry a canary
 * token wherever a client puts a token, deep JSON, raw frames, and raw HTTP request heads.
 */
import fc from 'fast-check';
import type { RawFrame } from './rawSocket.js';

/** A token-shaped secret that must never come back in clear. */
export const canaryArbitrary = fc
  .stringMatching(/^[A-Za-z0-9_-]{16,32}$/u)
  .map((suffix) => `a1-cAnArY${suffix}`);

/** Field names the redaction knows as secrets, as a client or an attacker might nest them. */
const SECRET_KEYS = [
  'authorize',
  'token',
  'token1',
  'tokens',
  'api_token',
  'delete_token',
  'refresh_token',
  'new_password',
  'verification_code',
] as const;

/** A call name the server answers, one it only knows from core, or none. */
const callArbitrary = fc.constantFrom(
  'authorize',
  'ping',
  'time',
  'balance',
  'logout',
  'buy',
  'api_token',
  'get_settings',
  'forget_all',
  'website_status',
  'statement',
  'no_such_call',
);

/** Wraps `value` in `levels` random arrays and objects. */
function nestedIn(levels: readonly (string | null)[], value: unknown): unknown {
  return levels.reduceRight<unknown>(
    (inner, key) => (key === null ? [inner] : { [key]: inner }),
    value,
  );
}

/** Where a request carries the canary. */
const placementArbitrary = (canary: string): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    fc.constant({ authorize: canary }),
    fc
      .array(fc.stringMatching(/^a1-[\w-]{8,20}$/u), { maxLength: 3 })
      .map((others) => ({ tokens: [...others, canary] })),
    fc
      .tuple(
        fc.array(fc.option(fc.string({ maxLength: 6 }), { nil: null }), { maxLength: 8 }),
        fc.constantFrom(...SECRET_KEYS),
      )
      .map(([levels, key]) => ({ passthrough: nestedIn(levels, { [key]: canary }) })),
    fc.constant({
      passthrough: { url: `http://localhost:5173/redirect?acct1=CR1&token1=${canary}&cur1=USD` },
    }),
    fc.constant({ passthrough: { frame: `{"authorize":"${canary}","req_id":1}` } }),
    fc.constant({ api_token: 1, delete_token: canary }),
  );

/** A request object carrying the canary in one to three places, plus random harmless fields. */
export const canaryRequestArbitrary = (canary: string): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      callArbitrary,
      fc.dictionary(
        fc.string({ maxLength: 8 }).filter((key) => !key.includes('token') && key !== '__proto__'),
        fc.jsonValue({ maxDepth: 3 }),
        { maxKeys: 4 },
      ),
      fc.array(placementArbitrary(canary), { minLength: 1, maxLength: 3 }),
    )
    .map(
      ([call, extra, placements]) =>
        Object.assign({ ...extra, [call]: 1 }, ...placements) as Record<string, unknown>,
    );

/** JSON text nested `depth` levels deep in arrays, objects or secret-named objects. */
export const deepJsonArbitrary = (maxDepth: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: maxDepth }),
      fc.constantFrom('array', 'object', 'secret'),
      fc.constantFrom('passthrough', 'tokens', 'authorize', 'top'),
    )
    .map(([depth, kind, where]) => {
      const open = kind === 'array' ? '[' : kind === 'object' ? '{"a":' : '{"token":';
      const close = kind === 'array' ? ']' : '}';
      const nest = `${open.repeat(depth)}1${close.repeat(depth)}`;
      return where === 'top' ? nest : `{"ping":1,"req_id":1,"${where}":${nest}}`;
    });

/** Any text: printable, any code point (lone surrogates too), or random JSON. */
export const anyFrameTextArbitrary = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify({ ping: 1, passthrough: value })),
);

/** A client frame with any header bits, opcode and payload (or an oversize length claim). */
export const rawFrameArbitrary: fc.Arbitrary<RawFrame> = fc.oneof(
  fc.record({
    opcode: fc.integer({ min: 0, max: 15 }),
    fin: fc.boolean(),
    rsv: fc.integer({ min: 0, max: 7 }),
    payload: fc.uint8Array({ maxLength: 125 }).map((bytes) => Buffer.from(bytes)),
  }),
  fc.record({
    opcode: fc.constantFrom(1, 2),
    payload: anyFrameTextArbitrary.map((text) => Buffer.from(text, 'utf8')),
  }),
  fc.record({
    opcode: fc.constantFrom(1, 2),
    claimedLength: fc.integer({ min: 1024 * 1024 + 1, max: 2 ** 40 }),
  }),
);

const tokenChars = fc.stringMatching(/^[!-~]{0,24}$/u);

/** The head of an HTTP request: a request line and headers, well-formed or not. */
export const requestHeadArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'CONNECT'),
      tokenChars,
    ),
    fc.oneof(
      fc.constantFrom(
        '/',
        '//',
        '//x:99999',
        '*',
        'http://127.0.0.1/oauth2/authorize',
        '/oauth2/authorize?app_id=1089',
        '/oauth2/authorize?app_id=1089&auto=1',
        '/websockets/v3?app_id=1089',
        '/websockets/v3',
        '/oauth2/auth?client_id=mockClient1089&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fredirect',
        '/oauth2/auth?client_id=mockClient1089&client_id=x&auto=1',
        '/oauth2/token',
        '/trading/v1/options/accounts',
        '/trading/v1/options/accounts/DOT90004580/otp',
        '/trading/v1/options/accounts/%E0%A4%A/otp',
        '/trading/v1/options/accounts//otp',
        '/trading/v1/options/ws/demo?otp=',
        '/trading/v1/options/ws/real?otp=abc&otp=def',
        '/trading/v1/options/ws/public',
        '/trading/v1/options/ws/',
      ),
      fc.webPath(),
      fc.webUrl(),
      tokenChars,
      fc.string({ unit: 'binary', maxLength: 24 }),
    ),
    fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '', 'x'),
    fc.array(
      fc.oneof(
        fc.constantFrom(
          'Host: 127.0.0.1',
          'Host: evil.example',
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Content-Length: 5',
          'Content-Length: -1',
          'Transfer-Encoding: chunked',
          'Origin: http://evil.example',
          'Origin: http://localhost:5173',
          'Sec-Fetch-Site: cross-site',
          'Authorization: Bearer ory_at_x',
          'Authorization: Bearer',
          'Content-Type: application/x-www-form-urlencoded',
          'Content-Type: application/json',
          'Access-Control-Request-Method: POST',
        ),
        fc
          .tuple(tokenChars, fc.string({ unit: 'binary', maxLength: 24 }))
          .map(([name, value]) => `${name}: ${value}`),
      ),
      { maxLength: 8 },
    ),
    fc.string({ maxLength: 16 }),
  )
  .map(
    ([method, target, version, headers, body]) =>
      `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n${body}`,
  );
