import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { buildContentSecurityPolicy, buildSecurityHeaders } from './src/contentSecurityPolicy.js';
import { readDemoConfig } from './src/demoConfig.js';

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Writes the same policy as the response headers into `index.html` (`<meta>` CSP and referrer),
 * so a copy of `dist/` served by a host that sets no headers still protects the callback page.
 */
const securityMetaTags = (policy: string): Plugin => ({
  name: 'deriv-demo:security-meta-tags',
  transformIndexHtml: {
    order: 'pre',
    handler: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
      {
        tag: 'meta',
        attrs: { name: 'referrer', content: 'no-referrer' },
        injectTo: 'head-prepend',
      },
    ],
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
  const policyOptions = { wsUrl: config.wsUrl, ...devAllowances };
  const headers = buildSecurityHeaders(policyOptions);
  return {
    plugins: [react(), securityMetaTags(buildContentSecurityPolicy(policyOptions))],
    server: { host: 'localhost', port: 5173, strictPort: true, headers },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers },
    build: { sourcemap: true, target: 'es2022' },
  };
});
