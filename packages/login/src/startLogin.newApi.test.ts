import { isLoginUrlError } from '@deriv-auth/core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStorage, createDerivSession } from '@deriv-auth/ws-client';
import { describe, expect, it } from 'vitest';
import { completeLogin } from './completeLogin.js';
import { isDerivLoginError } from './derivLoginError.js';
import { createNewApiLogin } from './newApiLogin.js';
import { startLogin } from './startLogin.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

const REDIRECT = 'http://localhost:5173/callback';

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

/** A token endpoint that answers every request with `status` and `body` (a misbehaving server). */
async function withTokenEndpoint<T>(
  status: number,
  body: string,
  run: (tokenUrl: string) => Promise<T>,
): Promise<T> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(status, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/token`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('startLogin({ newApi }) and the token endpoint failures', () => {
  it('rejects, never throws, for a login createNewApiLogin did not make', async () => {
    const forged = Object.freeze({
      tokens: createNewApiLogin({ clientId: 'c1', redirectUri: 'http://localhost/cb' }).tokens,
      clientId: 'c1',
    });
    let result: Promise<string> | undefined;
    expect(() => {
      result = startLogin({ newApi: forged });
    }).not.toThrow();
    await expect(result).rejects.toThrow('createNewApiLogin');
  });

  it('refuses without tab storage and does not leave the page', async () => {
    const browser = createFakeBrowser('http://localhost:5173/', { storage: false });
    const newApi = createNewApiLogin({
      clientId: 'app1',
      redirectUri: REDIRECT,
      environment: browser.environment,
    });
    const error = await rejectionOf(startLogin({ newApi }));
    expect(isDerivLoginError(error) && error.code).toBe('storage_unavailable');
    expect(browser.assigned).toEqual([]);
  });

  it('refuses options core rejects and leaves no login pending', async () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const newApi = createNewApiLogin({
      clientId: 'not alphanumeric',
      redirectUri: REDIRECT,
      environment: browser.environment,
    });
    const error = await rejectionOf(startLogin({ newApi }));
    expect(isLoginUrlError(error) && error.code).toBe('invalid_client_id');
    expect(browser.storage.size).toBe(0);
  });

  it('turns a token endpoint that answers no token response into token_endpoint_unavailable', async () => {
    await withTokenEndpoint(502, '<html>Bad gateway</html>', async (tokenUrl) => {
      const browser = createFakeBrowser('http://localhost:5173/');
      const newApi = createNewApiLogin({
        clientId: 'app1',
        redirectUri: REDIRECT,
        tokenUrl,
        environment: browser.environment,
      });
      const url = new URL(await startLogin({ newApi, navigate: false }));
      const state = url.searchParams.get('state') ?? '';
      const verifier = (
        JSON.parse(browser.storage.get('@deriv-auth/login') ?? '{}') as {
          codeVerifier: string;
        }
      ).codeVerifier;
      browser.visit(`${REDIRECT}?code=ory_ac_secret_code&state=${encodeURIComponent(state)}`);
      const session = createDerivSession({
        client: { appId: 1089, endpoint: 'ws://127.0.0.1:9/ws' },
        storage: createMemoryStorage(),
        newApi: { tokens: newApi.tokens },
      });
      const error = await rejectionOf(completeLogin({ session, newApi }));
      await session.close();
      expect(isDerivLoginError(error) && error.code).toBe('token_endpoint_unavailable');
      expect(error).toMatchObject({ details: { status: 502 } });
      const text = JSON.stringify(error) + String(error) + String((error as Error).cause);
      for (const secret of ['ory_ac_secret_code', verifier]) expect(text).not.toContain(secret);
      expect(browser.href()).toBe(REDIRECT);
    });
  });
});
