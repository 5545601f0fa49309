import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/** The OAuth callback route: the one response whose URL carries tokens. */
export const CALLBACK_PATH = '/redirect';

/**
 * The `Cache-Control` the callback page is served with. `no-store`, not `no-cache`: `no-cache`
 * (what Vite sends by default) still lets the browser write the page to its disk cache, keyed by
 * its full URL, `/redirect?acct1=..&token1=..`, where it outlives the tab.
 */
export const CALLBACK_CACHE_CONTROL = 'no-store';

const isCallback = (url: string | undefined): boolean =>
  new URL(url ?? '/', 'http://demo.invalid').pathname === CALLBACK_PATH;

/**
 * Forces `Cache-Control: no-store` on the callback response, whatever later middleware (Vite's
 * HTML fallback, sirv) sets: `setHeader` and the header object given to `writeHead` are both
 * rewritten, without mutating the caller's (possibly cached) object.
 */
export const noStoreOnCallback: Connect.NextHandleFunction = (
  request: IncomingMessage,
  response: ServerResponse,
  next,
) => {
  if (!isCallback(request.url)) {
    next();
    return;
  }
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) =>
    setHeader(name, name.toLowerCase() === 'cache-control' ? CALLBACK_CACHE_CONTROL : value);
  const writeHead = response.writeHead.bind(response) as (...parts: unknown[]) => ServerResponse;
  response.writeHead = (...parts: unknown[]) => {
    const clean = parts.map((part) =>
      part !== null && typeof part === 'object' && !Array.isArray(part)
        ? Object.fromEntries(
            Object.entries(part).filter(([name]) => name.toLowerCase() !== 'cache-control'),
          )
        : part,
    );
    setHeader('Cache-Control', CALLBACK_CACHE_CONTROL);
    return writeHead(...clean);
  };
  setHeader('Cache-Control', CALLBACK_CACHE_CONTROL);
  next();
};

/** Vite plugin: {@link noStoreOnCallback} ahead of every other middleware, in dev and preview. */
export const callbackCacheControl = (): Plugin => ({
  name: 'deriv-demo:callback-no-store',
  configureServer: (server) => {
    server.middlewares.use(noStoreOnCallback);
  },
  configurePreviewServer: (server) => {
    server.middlewares.use(noStoreOnCallback);
  },
});
