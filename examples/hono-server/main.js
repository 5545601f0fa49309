// Starts the mock server (the New API provider, with a client registered for this app's callback)
// and the Hono app, then walks a browser's requests with fetch: login -> the provider's page
// (auto-approved) -> callback -> session -> otp (and a socket opened from the one-time URL) ->
// logout -> session. Prints `ok - ...` / `not ok - ...` lines and exits 1 on a failure.
import { once } from 'node:events';
import { createServer } from 'node:net';
import WebSocket from 'ws';
import { startMockServer } from '@deriv-auth/mock-server';
import { startApp } from './server.js';

let failures = 0;
function check(condition, name, detail = '') {
  if (!condition) failures += 1;
  console.log(
    `${condition ? 'ok' : 'not ok'} - ${name}${condition || !detail ? '' : ` (${detail})`}`,
  );
}

/** A free port for the app: its origin goes into the redirect URI the provider registers. */
async function freePort() {
  const probe = createServer().listen(0, 'localhost');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The `name=value` pairs a response sets, as a browser's cookie jar would keep them. */
const jar = new Map();
function keepCookies(response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    if (value === '' || /max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
}
const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

const port = await freePort();
const origin = `http://localhost:${port}`;
const mock = await startMockServer({
  oauth: { autoApprove: true }, // `&auto=1`: approve without the form, for scripted checks
  newApi: { clients: [{ clientId: 'honoExample', redirectUris: [`${origin}/auth/callback`] }] },
});
const app = await startApp({ origin, port, clientId: 'honoExample', provider: mock.newApi });

async function browser(path, init = {}) {
  const response = await fetch(new URL(path, origin), {
    redirect: 'manual',
    ...init,
    headers: { cookie: cookieHeader(), ...init.headers },
  });
  keepCookies(response);
  return response;
}

try {
  const login = await browser('/auth/login?returnTo=/trade');
  const authorize = new URL(login.headers.get('location') ?? '');
  check(
    login.status === 302 && authorize.origin === new URL(mock.newApi.authorizeUrl).origin,
    'login redirects to the provider',
  );
  check(authorize.searchParams.get('code_challenge_method') === 'S256', 'login uses PKCE (S256)');

  authorize.searchParams.set('user', 'john');
  authorize.searchParams.set('auto', '1');
  const approved = await fetch(authorize, { redirect: 'manual' });
  const callbackUrl = new URL(approved.headers.get('location') ?? '');
  check(
    callbackUrl.pathname === '/auth/callback' && callbackUrl.searchParams.has('code'),
    'the provider redirects back with a code',
  );

  const callback = await browser(callbackUrl.pathname + callbackUrl.search);
  check(
    callback.status === 302 && callback.headers.get('location') === `${origin}/trade`,
    'callback redirects to returnTo',
    `${callback.status} ${callback.headers.get('location')}`,
  );
  check(jar.has('deriv_session'), 'callback sets the session cookie');
  check(
    !callback.headers.getSetCookie().some((header) => !/HttpOnly/i.test(header)),
    'every cookie is HttpOnly',
  );

  const session = await (await browser('/auth/session')).json();
  check(session.signedIn === true, 'session: signed in');
  const ids = (session.accounts ?? []).map((account) => account.id);
  console.log(`  accounts: ${ids.join(', ')}`);
  check(ids.includes('DOT90004581'), "session lists john's demo account");
  check(!JSON.stringify(session).includes('ory_'), 'the session answer holds no token');

  const otp = await browser('/auth/otp', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: 'DOT90004581' }),
  });
  const { url } = await otp.json();
  check(otp.status === 200 && typeof url === 'string', 'otp answers a one-time socket URL');
  const socket = new WebSocket(url);
  await once(socket, 'open');
  socket.send(JSON.stringify({ balance: 1, req_id: 1 }));
  const [reply] = await once(socket, 'message');
  const balance = JSON.parse(String(reply)).balance;
  console.log(`  socket: ${balance?.loginid} ${balance?.balance} ${balance?.currency}`);
  check(balance?.loginid === 'DOT90004581', 'the one-time URL opens a socket for that account');
  socket.close();

  const crossSite = await browser('/auth/otp', {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: 'DOT90004581' }),
  });
  check(crossSite.status === 403, 'otp refuses a cross-site request');

  const logout = await browser('/auth/logout', { method: 'POST', headers: { origin } });
  check(logout.status === 200, 'logout answers 200');
  const after = await (await browser('/auth/session')).json();
  check(after.signedIn === false, 'session after logout: signed out', JSON.stringify(after));
} finally {
  await app.close();
  await mock.close();
}
process.exitCode = failures > 0 ? 1 : 0;
