// The app: a Hono server whose /auth/* routes are @deriv-auth/server's handlers. Everything the
// provider needs is an option, so the same file serves Deriv in production and the mock in checks.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDerivAuthServer } from '@deriv-auth/server';

/**
 * @param {object} options
 * @param {string} options.origin - where the app is served, e.g. `http://localhost:3000`
 * @param {number} options.port
 * @param {string} options.clientId - the OAuth client Deriv (or the mock) registered
 * @param {{ authorizeUrl: string, tokenUrl: string, restUrl: string } | undefined} options.provider
 *   - the mock's New API URLs; Deriv's own when left out
 * @returns {Promise<{ close: () => Promise<void> }>}
 */
export async function startApp({ origin, port, clientId, provider }) {
  const auth = createDerivAuthServer({
    clientId,
    redirectUri: `${origin}/auth/callback`,
    appOrigin: origin,
    secrets: [process.env.SESSION_SECRET ?? 'an-example-secret-of-at-least-32-characters'],
    insecureCookiesForLocalhost: origin.startsWith('http://localhost'),
    ...(provider && {
      authorizationUrl: provider.authorizeUrl,
      tokenUrl: provider.tokenUrl,
      restUrl: provider.restUrl,
    }),
  });

  const app = new Hono();
  app.all('/auth/*', (c) => auth.handle(c.req.raw));
  app.get('/', (c) => c.html('<a href="/auth/login?returnTo=/trade">Log in with Deriv</a>'));
  app.get('/trade', (c) => c.text('the signed-in page'));

  const server = await new Promise((resolve) => {
    const listening = serve({ fetch: app.fetch, port, hostname: 'localhost' }, () =>
      resolve(listening),
    );
  });
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
