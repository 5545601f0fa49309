import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { readLoginForm } from './test/loginForm.js';
import { authorizeUrl, loginOverHttp, pkcePair, postToken, rest } from './test/newApiFlow.js';
import type { MockServer, MockServerOptions } from './types.js';

let server: MockServer | undefined;

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  server = await startMockServer(options);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const REDIRECT = 'http://localhost:5173/redirect';

/** The 302 target of `url` (no redirect followed), or undefined for another status. */
async function locationOf(url: string): Promise<URL | undefined> {
  const response = await fetch(url, { redirect: 'manual' });
  await response.text();
  const location = response.headers.get('location');
  return response.status === 302 && location !== null ? new URL(location) : undefined;
}

describe('GET /oauth2/auth', () => {
  it('renders the consent page, and its form posts back to /oauth2/auth', async () => {
    const mock = await start();
    const { challenge } = pkcePair();
    const page = await fetch(authorizeUrl(mock, challenge));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('client mockClient1089');
    const { action, fields } = readLoginForm(html);
    expect(action).toBe('/oauth2/auth');
    expect(fields.get('code_challenge')).toBe(challenge);
    expect(fields.get('redirect_uri')).toBe(REDIRECT);
    fields.set('decision', 'authorize');
    fields.set('user', 'multi');
    const submit = await fetch(new URL(action, mock.httpUrl), {
      method: 'POST',
      body: fields,
      redirect: 'manual',
    });
    expect(submit.status).toBe(302);
    const location = new URL(submit.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('code')).toMatch(/^ory_ac_/u);
    expect(location.searchParams.get('state')).toBe('st-1');
    // The form token is spent: the same post again is refused.
    const again = await fetch(new URL(action, mock.httpUrl), { method: 'POST', body: fields });
    expect(again.status).toBe(403);
  });

  it('sends Deny back as access_denied with a description and the state', async () => {
    const mock = await start();
    const { action, fields } = readLoginForm(
      await (await fetch(authorizeUrl(mock, pkcePair().challenge))).text(),
    );
    fields.set('decision', 'deny');
    const response = await fetch(new URL(action, mock.httpUrl), {
      method: 'POST',
      body: fields,
      redirect: 'manual',
    });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('keeps the consent rules: auto=1 needs oauth.autoApprove, posts need the form token and the same origin', async () => {
    const mock = await start();
    const challenge = pkcePair().challenge;
    expect((await fetch(authorizeUrl(mock, challenge, { auto: '1' }))).status).toBe(403);
    const post = (headers: Record<string, string>, body: string): Promise<Response> =>
      fetch(mock.newApi.authorizeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
        redirect: 'manual',
      });
    const params = new URL(authorizeUrl(mock, challenge)).searchParams;
    params.set('decision', 'authorize');
    expect((await post({}, params.toString())).status).toBe(403);
    const { fields } = readLoginForm(await (await fetch(authorizeUrl(mock, challenge))).text());
    fields.set('decision', 'authorize');
    expect((await post({ origin: 'http://evil.example' }, fields.toString())).status).toBe(403);
  });

  it.each([
    ['no client_id', { client_id: null }],
    ['an unknown client_id', { client_id: 'someoneElse1' }],
    ['a client_id that is not alphanumeric', { client_id: 'mock-client' }],
    ['no redirect_uri', { redirect_uri: null }],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/cb' }],
    ['a longer path', { redirect_uri: `${REDIRECT}/more` }],
    ['a trailing slash', { redirect_uri: `${REDIRECT}/` }],
    ['an extra query', { redirect_uri: `${REDIRECT}?x=1` }],
  ])('answers %s with an error page, never a redirect', async (_name, overrides) => {
    const mock = await start({ oauth: { autoApprove: true } });
    const response = await fetch(
      authorizeUrl(mock, pkcePair().challenge, { auto: '1', ...overrides }),
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('role="alert"');
  });

  it.each([
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['no code_challenge', { code_challenge: null }, 'invalid_request'],
    ['a short code_challenge', { code_challenge: 'abc' }, 'invalid_request'],
    ['code_challenge_method=plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no code_challenge_method', { code_challenge_method: null }, 'invalid_request'],
    ['a legacy scope', { scope: 'read trade' }, 'invalid_scope'],
    ['no scope', { scope: null }, 'invalid_scope'],
  ])('redirects %s back to the app as %s, with the state', async (_name, overrides, error) => {
    const mock = await start({ oauth: { autoApprove: true } });
    const location = await locationOf(
      authorizeUrl(mock, pkcePair().challenge, { auto: '1', ...overrides }),
    );
    expect(location?.searchParams.get('error')).toBe(error);
    expect(location?.searchParams.get('state')).toBe('st-1');
    expect(location?.searchParams.has('code')).toBe(false);
  });

  it('refuses a repeated parameter', async () => {
    const mock = await start({ oauth: { autoApprove: true } });
    const location = await locationOf(
      `${authorizeUrl(mock, pkcePair().challenge, { auto: '1' })}&scope=payment`,
    );
    expect(location?.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('POST /oauth2/token', () => {
  async function codeFor(mock: MockServer): Promise<{ code: string; verifier: string }> {
    const { verifier, challenge } = pkcePair();
    const location = await locationOf(authorizeUrl(mock, challenge, { auto: '1' }));
    return { code: location?.searchParams.get('code') ?? '', verifier };
  }
  const exchange = (
    mock: MockServer,
    fields: Record<string, string>,
  ): ReturnType<typeof postToken> =>
    postToken(mock, {
      grant_type: 'authorization_code',
      client_id: 'mockClient1089',
      redirect_uri: REDIRECT,
      ...fields,
    });

  it('exchanges a code with its verifier for Deriv-like tokens, not cached', async () => {
    const mock = await start({ oauth: { autoApprove: true } });
    const { code, verifier } = await codeFor(mock);
    const answer = await exchange(mock, { code, code_verifier: verifier });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^ory_at_[\w.-]+$/u) as unknown,
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^ory_rt_[\w.-]+$/u) as unknown,
      scope: 'trade account_manage',
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toBe('application/json');
  });

  it('spends a code once, and a second use revokes what the first one got', async () => {
    const mock = await start({ oauth: { autoApprove: true } });
    const { code, verifier } = await codeFor(mock);
    const first = await exchange(mock, { code, code_verifier: verifier });
    const token = String(first.body['access_token']);
    expect((await rest(mock, '/trading/v1/options/accounts', { token })).status).toBe(200);
    const second = await exchange(mock, { code, code_verifier: verifier });
    expect(second).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await rest(mock, '/trading/v1/options/accounts', { token })).status).toBe(401);
  });

  it.each([
    ['a verifier of another login', () => pkcePair().verifier],
    ['a verifier shorter than 43 characters', () => 'short'],
    ['the challenge itself', (challenge: string) => challenge],
  ])('refuses %s with invalid_grant', async (_name, verifierFor) => {
    const mock = await start({ oauth: { autoApprove: true } });
    const { verifier, challenge } = pkcePair();
    const location = await locationOf(authorizeUrl(mock, challenge, { auto: '1' }));
    const code = location?.searchParams.get('code') ?? '';
    const answer = await exchange(mock, { code, code_verifier: verifierFor(challenge) });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(String(answer.body['error_description'])).not.toContain(verifier);
  });

  it('refuses a redirect_uri other than the code’s, an expired code and a code of another client', async () => {
    const mock = await start({
      oauth: { autoApprove: true },
      newApi: { clients: [{ clientId: 'other2', redirectUris: [REDIRECT] }] },
    });
    const one = await codeFor(mock);
    const wrongUri = await exchange(mock, {
      code: one.code,
      code_verifier: one.verifier,
      redirect_uri: 'http://localhost:5173/other',
    });
    expect(wrongUri).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const two = await codeFor(mock);
    const otherClient = await exchange(mock, {
      code: two.code,
      code_verifier: two.verifier,
      client_id: 'other2',
    });
    expect(otherClient).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    await mock.close();
    const expiring = await start({
      oauth: { autoApprove: true },
      newApi: { authorizationCodeTtlSeconds: 0 },
    });
    const three = await codeFor(expiring);
    expect(
      await exchange(expiring, { code: three.code, code_verifier: three.verifier }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it.each([
    ['an unknown client', { client_id: 'nobody1' }, 401, 'invalid_client'],
    ['no client_id', { client_id: '' }, 401, 'invalid_client'],
    ['no grant_type', { grant_type: '' }, 400, 'invalid_request'],
    ['grant_type=password', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    ['no code', { code: '' }, 400, 'invalid_request'],
    ['no code_verifier', { code_verifier: '' }, 400, 'invalid_request'],
    ['an unknown code', { code: 'ory_ac_nope' }, 400, 'invalid_grant'],
  ])('answers %s with %i %s', async (_name, fields, status, error) => {
    const mock = await start();
    const answer = await exchange(mock, {
      code: 'ory_ac_x',
      code_verifier: 'v'.repeat(43),
      ...fields,
    });
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error, error_description: expect.any(String) as unknown });
    if (status === 401) expect(answer.headers.get('www-authenticate')).toBeTruthy();
  });

  it('refuses a body that is not a form, and a repeated parameter', async () => {
    const mock = await start();
    const json = await postToken(mock, '{"grant_type":"authorization_code"}', {
      'content-type': 'application/json',
    });
    expect(json).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const repeated = await postToken(
      mock,
      'grant_type=authorization_code&client_id=mockClient1089&code=a&code=b&redirect_uri=x&code_verifier=y',
    );
    expect(repeated).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('takes expires_in from the options, or leaves it out', async () => {
    const short = await start({
      oauth: { autoApprove: true },
      newApi: { accessTokenTtlSeconds: 90 },
    });
    expect((await loginOverHttp(short)).body['expires_in']).toBe(90);
    await short.close();
    const silent = await start({ oauth: { autoApprove: true }, newApi: { sendExpiresIn: false } });
    const body = (await loginOverHttp(silent)).body;
    expect(body).not.toHaveProperty('expires_in');
    expect(body['access_token']).toMatch(/^ory_at_/u);
  });
});

describe('refresh_token grant', () => {
  const refresh = (mock: MockServer, token: string): ReturnType<typeof postToken> =>
    postToken(mock, {
      grant_type: 'refresh_token',
      client_id: 'mockClient1089',
      refresh_token: token,
    });

  it('rotates by default: a new refresh token, the old one refused', async () => {
    const mock = await start({ oauth: { autoApprove: true } });
    const first = String((await loginOverHttp(mock)).body['refresh_token']);
    const renewed = await refresh(mock, first);
    expect(renewed.status).toBe(200);
    expect(renewed.body['refresh_token']).toMatch(/^ory_rt_/u);
    expect(renewed.body['refresh_token']).not.toBe(first);
    const token = String(renewed.body['access_token']);
    expect((await rest(mock, '/trading/v1/options/accounts', { token })).status).toBe(200);
    expect(await refresh(mock, first)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await refresh(mock, String(renewed.body['refresh_token']))).status).toBe(200);
  });

  it("with refresh: 'reuse', omits refresh_token and the old one keeps working", async () => {
    const mock = await start({ oauth: { autoApprove: true }, newApi: { refresh: 'reuse' } });
    const first = String((await loginOverHttp(mock)).body['refresh_token']);
    for (let round = 0; round < 2; round += 1) {
      const renewed = await refresh(mock, first);
      expect(renewed.status).toBe(200);
      expect(renewed.body).not.toHaveProperty('refresh_token');
      expect(renewed.body['access_token']).toMatch(/^ory_at_/u);
    }
  });

  it("with refresh: 'disabled', issues no refresh token and refuses the grant", async () => {
    const mock = await start({ oauth: { autoApprove: true }, newApi: { refresh: 'disabled' } });
    expect((await loginOverHttp(mock)).body).not.toHaveProperty('refresh_token');
    expect(await refresh(mock, 'ory_rt_anything')).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
  });

  it('refuses an unknown refresh token or one of another client', async () => {
    const mock = await start({
      oauth: { autoApprove: true },
      newApi: { clients: [{ clientId: 'other2', redirectUris: [REDIRECT] }] },
    });
    expect(await refresh(mock, 'ory_rt_unknown')).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const token = String((await loginOverHttp(mock)).body['refresh_token']);
    const other = await postToken(mock, {
      grant_type: 'refresh_token',
      client_id: 'other2',
      refresh_token: token,
    });
    expect(other).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('CORS on /oauth2/token', () => {
  it('answers the preflight of a registered origin exactly, with credentials', async () => {
    const mock = await start();
    const response = await fetch(mock.newApi.tokenUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('gives no CORS header to another origin', async () => {
    const mock = await start();
    const preflight = await fetch(mock.newApi.tokenUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postToken(mock, { grant_type: 'x' }, { origin: 'http://evil.example' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await postToken(mock, { grant_type: 'x' }, { origin: 'http://localhost:5173' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('allows the extra origins a client lists', async () => {
    const mock = await start({
      newApi: {
        clients: [
          {
            clientId: 'spa1',
            redirectUris: ['https://app.example/cb'],
            allowedOrigins: ['https://other.example'],
          },
        ],
      },
    });
    for (const origin of ['https://app.example', 'https://other.example']) {
      const post = await postToken(mock, { grant_type: 'x' }, { origin });
      expect(post.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });
});
