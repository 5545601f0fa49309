// Size budget: the bytes this package adds to an app that already ships @deriv-auth/ws-client.
// React, ws-client and core are external, so what remains is exactly this package's code.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, URL } from 'node:url';
import console from 'node:console';
import process from 'node:process';

const BUDGET_BYTES = 2048;
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  write: false,
  external: ['react', 'react/*', 'react-dom', '@deriv-auth/core', '@deriv-auth/ws-client'],
  logLevel: 'silent',
});
const code = result.outputFiles[0].contents;
const gzip = gzipSync(code, { level: 9 }).length;
const verdict = gzip <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `@deriv-auth/react-hooks adds ${code.length} B minified, ${gzip} B gzip (budget ${BUDGET_BYTES} B): ${verdict} budget`,
);
if (gzip > BUDGET_BYTES) process.exitCode = 1;
