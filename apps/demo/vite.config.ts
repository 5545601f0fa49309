import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { callbackCacheControl } from './src/callbackCacheControl.js';
import { buildContentSecurityPolicy, buildSecurityHeaders } from './src/contentSecurityPolicy.js';
import { readDemoConfig } from './src/demoConfig.js';
import { serverModePlugin } from './src/serverModePlugin.js';

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const escapeAttribute = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * Writes the same policy as the response headers into `index.html` (`<meta>` CSP and referrer,
 * where the `<!-- security-meta -->` marker is, right after the charset and before any script),
 * so a copy of `dist/` served by a host that sets no headers still protects the callback page.
 */
const securityMetaTags = (policy: string): Plugin => ({
  name: 'deriv-demo:security-meta-tags',
  transformIndexHtml: {
    order: 'pre',
    handler: (html) => {
      const marker = '<!-- security-meta -->';
      if (!html.includes(marker)) throw new Error(`index.html lacks the ${marker} marker`);
      return html.replace(
        marker,
        `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />\n    <meta name="referrer" content="no-referrer" />`,
      );
    },
  },
});

export default defineConfig(({ command, mode }) => {
  const config = readDemoConfig(
    loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_'),
  );
  const dev = command === 'serve' && mode !== 'production';
  // The dev server runs React Refresh's preamble as one inline module script; allow exactly it.
  const devAllowances = dev
    ? {
        scriptHashes: [sha256(react.preambleCode.replace('__BASE__', '/'))],
        allowInlineStyles: true,
      }
    : {};
  // The New API's token endpoint, REST origin and sockets (one-time URLs share the public socket's host).
  const newApiSources = config.newApi
    ? [config.newApi.tokenUrl, config.newApi.restUrl, config.newApi.publicWsUrl].map(
        (url) => new URL(url).origin,
      )
    : [];
  const policyOptions = {
    wsUrl: config.wsUrl,
    extraConnectSources: newApiSources,
    ...devAllowances,
  };
  const headers = buildSecurityHeaders(policyOptions);
  return {
    plugins: [
      react(),
      securityMetaTags(buildContentSecurityPolicy(policyOptions)),
      callbackCacheControl(),
      serverModePlugin(process.env),
    ],
    server: { host: 'localhost', port: 5173, strictPort: true, headers },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers },
    // No source maps in the production build: see "Source maps" in README.md.
    build: { sourcemap: false, target: 'es2022' },
  };
});
