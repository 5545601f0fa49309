import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { E2E_CLIENT_ID } from './newApiClient.js';
import { findFreePort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the production build served by `vite preview`, e.g. `http://127.0.0.1:41234`. */
    demoUrl: string;
    /** Port the tests start the mock server on (the build has its URLs baked in). */
    mockPort: number;
    /** App id the build was made for. */
    appId: number;
  }
}

/** The app id the e2e build is made for; registered with the mock server by each test file. */
const E2E_APP_ID = 4321;

/**
 * Builds the demo once, the way it ships (`vite build`, production mode), bound to a mock server
 * port chosen here, and serves it with `vite preview`. Test files then start the mock server on that
 * port themselves, one file after another.
 *
 * @param project - Vitest's handle, used to hand the URLs to the test files.
 * @returns The teardown that stops the preview server and removes the build.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const mockPort = await findFreePort();
  const previewPort = await findFreePort();
  const outDir = await mkdtemp(join(tmpdir(), 'deriv-demo-e2e-'));

  process.env['VITE_DERIV_APP_ID'] = String(E2E_APP_ID);
  process.env['VITE_DERIV_OAUTH_URL'] = `http://127.0.0.1:${mockPort}/oauth2/authorize`;
  process.env['VITE_DERIV_WS_URL'] = `ws://127.0.0.1:${mockPort}/websockets/v3`;
  // The New API, chosen on the login screen (the build starts on the legacy flow).
  process.env['VITE_DERIV_CLIENT_ID'] = E2E_CLIENT_ID;
  process.env['VITE_DERIV_AUTH_URL'] = `http://127.0.0.1:${mockPort}/oauth2/auth`;
  process.env['VITE_DERIV_TOKEN_URL'] = `http://127.0.0.1:${mockPort}/oauth2/token`;
  process.env['VITE_DERIV_REST_URL'] = `http://127.0.0.1:${mockPort}`;
  process.env['VITE_DERIV_PUBLIC_WS_URL'] =
    `ws://127.0.0.1:${mockPort}/trading/v1/options/ws/public`;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: previewPort, strictPort: true },
  });

  project.provide('demoUrl', `http://127.0.0.1:${previewPort}`);
  project.provide('mockPort', mockPort);
  project.provide('appId', E2E_APP_ID);

  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
