import { describe, expect, it } from 'vitest';
import { REDACTED, TOO_DEEP, redactSecrets, scrubSecrets } from './redactSecrets.js';

const TOKEN = 'a1-SECRETSECRETSECRET';

describe('redactSecrets', () => {
  it.each<[string, unknown, unknown]>([
    ['the authorize token', { authorize: TOKEN, req_id: 1 }, { authorize: REDACTED, req_id: 1 }],
    [
      'extra tokens',
      { authorize: TOKEN, tokens: [TOKEN, TOKEN] },
      { authorize: REDACTED, tokens: REDACTED },
    ],
    [
      'token1..N keys',
      { token1: TOKEN, token26: TOKEN, acct1: 'CR1' },
      { token1: REDACTED, token26: REDACTED, acct1: 'CR1' },
    ],
    [
      'a token in an account list',
      { accounts: [{ account: 'CR1', token: TOKEN, currency: 'USD' }] },
      { accounts: [{ account: 'CR1', token: REDACTED, currency: 'USD' }] },
    ],
    [
      'new_token and chat_token',
      { new_token: 'x', nested: { chat_token: 'y' } },
      { new_token: REDACTED, nested: { chat_token: REDACTED } },
    ],
    [
      'passwords',
      { mt5_password_change: 1, old_password: 'a', new_password: 'b', mainPassword: 'c' },
      {
        mt5_password_change: 1,
        old_password: REDACTED,
        new_password: REDACTED,
        mainPassword: REDACTED,
      },
    ],
    [
      'token parameters inside a URL string',
      `https://app/redirect?acct1=CR1&token1=${TOKEN}&cur1=USD& token2=${TOKEN}`,
      `https://app/redirect?acct1=CR1&token1=${REDACTED}&cur1=USD& token2=${REDACTED}`,
    ],
    ['primitives', 42, 42],
    ['null', null, null],
  ])('redacts %s', (_, input, expected) => {
    expect(redactSecrets(input)).toStrictEqual(expected);
  });

  it('redacts every field a Deriv schema marks sensitive', () => {
    expect(
      redactSecrets({
        new_account_virtual: 1,
        client_password: 'pw',
        residence: 'id',
        verification_code: 'v',
      }),
    ).toStrictEqual({
      new_account_virtual: 1,
      client_password: REDACTED,
      residence: 'id',
      verification_code: REDACTED,
    });
    expect(
      redactSecrets({
        msg_type: 'get_settings',
        get_settings: { email: 'a@b.c', first_name: 'John', country: 'id' },
        echo_req: { get_settings: 1 },
      }),
    ).toStrictEqual({
      msg_type: 'get_settings',
      get_settings: { email: REDACTED, first_name: REDACTED, country: 'id' },
      echo_req: { get_settings: 1 },
    });
  });

  it('redacts the request inside echo_req of a response', () => {
    expect(
      redactSecrets({
        msg_type: 'authorize',
        echo_req: { authorize: TOKEN },
        error: { code: 'InvalidToken', message: 'The token is invalid.' },
      }),
    ).toStrictEqual({
      msg_type: 'authorize',
      echo_req: { authorize: REDACTED },
      error: { code: 'InvalidToken', message: 'The token is invalid.' },
    });
  });

  it('walks an authorize response instead of hiding it whole', () => {
    expect(
      redactSecrets({
        msg_type: 'authorize',
        authorize: { loginid: 'CR1', email: 'a@b.c', scopes: ['read'] },
      }),
    ).toStrictEqual({
      msg_type: 'authorize',
      authorize: { loginid: 'CR1', email: REDACTED, scopes: ['read'] },
    });
  });

  it('copies instead of mutating', () => {
    const input = { authorize: TOKEN };
    const output = redactSecrets(input);
    expect(input.authorize).toBe(TOKEN);
    expect(output).not.toBe(input);
  });

  it('keeps cycles and turns errors into { name, message }', () => {
    const input: Record<string, unknown> = { token: TOKEN };
    input['self'] = input;
    const output = redactSecrets(input);
    expect(output['self']).toBe(output);
    expect(redactSecrets({ error: new Error(`failed for token1=${TOKEN}`) })).toStrictEqual({
      error: { name: 'Error', message: `failed for token1=${REDACTED}` },
    });
  });

  it('keeps a __proto__ key as data without touching any prototype', () => {
    const input = JSON.parse(
      `{"__proto__": {"polluted": true}, "authorize": "${TOKEN}"}`,
    ) as object;
    const output = redactSecrets(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(JSON.stringify(output)).not.toContain(TOKEN);
  });

  it('never lets a token through JSON.stringify of a deep structure', () => {
    const deep = { a: [{ b: { authorize: TOKEN, c: [{ tokens: [TOKEN] }, `token3=${TOKEN}`] } }] };
    expect(JSON.stringify(redactSecrets(deep))).not.toContain(TOKEN);
  });
});

describe('redactSecrets on raw text', () => {
  it.each([
    [`{"authorize":"${TOKEN}","req_id":1}`, `{"authorize":"${REDACTED}","req_id":1}`],
    [
      `{"authorize": "${TOKEN}", "tokens": ["${TOKEN}", "${TOKEN}"]}`,
      `{"authorize": "${REDACTED}", "tokens": "${REDACTED}"}`,
    ],
    [`sent {"ping":1}`, `sent {"ping":1}`],
    [
      `{"msg_type":"authorize","authorize":{"loginid":"CR1","email":"a@b.c"}}`,
      `{"msg_type":"authorize","authorize":{"loginid":"CR1","email":"${REDACTED}"}}`,
    ],
    [`{"new_password":"p\\"w"}`, `{"new_password":"${REDACTED}"}`],
  ])('redacts secret members of JSON text: %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});

describe('redactSecrets on hostile text', () => {
  it('stays linear on long runs that could make a regular expression backtrack', () => {
    const spaces = ' '.repeat(100_000);
    const quotes = `{"tokens":[${'"a"  '.repeat(20_000)}`;
    const words = `?${'a'.repeat(100_000)}`;
    for (const text of [spaces, quotes, words, `${spaces}token1=x`])
      expect(typeof redactSecrets(text)).toBe('string');
    expect(redactSecrets(`${spaces}token1=${TOKEN}`)).not.toContain(TOKEN);
  });
});

describe('redactSecrets: issue 9.5 spellings and shapes', () => {
  it.each([
    [`?acct1=CR1&token%31=${TOKEN}`],
    [`?acct1=CR1&tok%65n1=${TOKEN}`],
    [`?acct1=CR1&%20token1=${TOKEN}`],
    [`?acct1=CR1&+token1=${TOKEN}`],
    [`?acct1=CR1&TOKEN1=${TOKEN}`],
    [`wss://ws.derivws.com/websockets/v3?app_id=1&otp=${TOKEN}`],
    [`Authorization: Bearer ${TOKEN}`],
    [`closed 4001 "revoked ${TOKEN}"`],
    [`{"Token":"${TOKEN}"}`],
    [`{"accessToken":"${TOKEN}"}`],
    [`{"access_token":"${TOKEN}","refresh_token":"${TOKEN}"}`],
    [`{"code_verifier":"${TOKEN}","otp":"${TOKEN}"}`],
    [`{"tokens":[["${TOKEN}"],["${TOKEN}"]]}`],
    [JSON.stringify({ frame: JSON.stringify({ authorize: TOKEN }) })],
    [JSON.stringify({ frame: JSON.stringify({ frame: JSON.stringify({ token: TOKEN }) }) })],
  ])('hides the token in %s', (text) => {
    expect(redactSecrets(text)).not.toContain(TOKEN);
    expect(redactSecrets(text)).toContain(REDACTED);
  });

  it.each([
    [{ Token: TOKEN }],
    [{ accessToken: TOKEN }],
    [{ access_token: TOKEN }],
    [{ refresh_token: TOKEN }],
    [{ Authorization: TOKEN }],
    [{ otp: TOKEN }],
    [{ code_verifier: TOKEN }],
    [{ list: [[TOKEN], [[TOKEN]]] }],
    [{ header: `Bearer ${TOKEN}` }],
    [{ reason: JSON.stringify({ authorize: TOKEN }) }],
  ])('hides the token in %j', (value) => {
    expect(JSON.stringify(redactSecrets(value))).not.toContain(TOKEN);
  });

  it('keeps call names that merely contain a secret word', () => {
    expect(redactSecrets({ mt5_password_change: 1, token_type: 'x' })).toStrictEqual({
      mt5_password_change: 1,
      token_type: 'x',
    });
  });

  it('survives nesting 10,000 levels deep (objects, arrays, and both in JSON text)', () => {
    let object: unknown = { token: TOKEN };
    let array: unknown = [TOKEN];
    for (let level = 0; level < 10_000; level += 1) {
      object = { child: object };
      array = [array];
    }
    const json = `${'['.repeat(10_000)}"${TOKEN}"${']'.repeat(10_000)}`;
    expect(JSON.stringify(redactSecrets(object))).not.toContain(TOKEN);
    expect(JSON.stringify(redactSecrets(array))).not.toContain(TOKEN);
    expect(redactSecrets(`{"tokens":${json}}`)).not.toContain(TOKEN);
    expect(JSON.stringify(redactSecrets(object))).toContain(TOO_DEEP);
  });

  it('scrubs the literal secrets it is given, in any field and percent-encoded', () => {
    const secret = 'plain secret/with space';
    const value = { note: `server said ${secret}`, url: `?x=${encodeURIComponent(secret)}` };
    expect(JSON.stringify(redactSecrets(value, { secrets: [secret] }))).not.toContain('plain');
    expect(scrubSecrets(`revoked ${secret}!`, [secret])).toBe(`revoked ${REDACTED}!`);
    expect(scrubSecrets('abc', ['', 'a'])).toBe('abc');
  });
});

describe('redactSecrets: key rules alone (a secret not shaped like a Deriv token)', () => {
  const OPAQUE = 'OPAQUEopaqueOPAQUE';
  it.each([
    `?acct1=CR1&token%31=${OPAQUE}`,
    `?acct1=CR1&tok%65n1=${OPAQUE}`,
    `?acct1=CR1&+token1=${OPAQUE}`,
    `?x=1&otp=${OPAQUE}`,
    `Authorization: Bearer ${OPAQUE}`,
    `{"Token":"${OPAQUE}"}`,
    `{"tokens":[["${OPAQUE}"],["${OPAQUE}"]]}`,
    JSON.stringify({ frame: JSON.stringify({ accessToken: OPAQUE }) }),
  ])('hides the secret in %s', (text) => {
    expect(redactSecrets(text)).not.toContain(OPAQUE);
  });
});

describe('redactSecrets: the New API secrets by shape', () => {
  it.each([
    'callback https://app.example/cb?code=ory_ac_Secret123abc&state=x failed',
    'provider said: the code ory_ac_Secret123abc expired',
    JSON.stringify({ code: 'ory_ac_Secret123abc' }),
    'refresh with ory_rt_Secret123abc refused; access ory_at_Secret123abc expired',
  ])('hides every ory_ secret in %s', (text) => {
    expect(redactSecrets(text)).not.toMatch(/Secret123abc/);
  });
});
