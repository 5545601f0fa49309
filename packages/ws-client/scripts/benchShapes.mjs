// Bundles scripts/benchShapes.ts (sibling packages from their sources) and runs it with the V8 flags
// it needs. Arguments pass through: `node scripts/benchShapes.mjs --history=6` (0: fresh process).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${packageDir}node_modules/.cache/ws-client`, { recursive: true });
const outfile = `${packageDir}node_modules/.cache/ws-client/benchShapes.mjs`;
await build({
  entryPoints: [`${packageDir}scripts/benchShapes.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ws', 'zod', 'esbuild'],
  alias: {
    '@deriv-auth/core': `${packageDir}../core/src/index.ts`,
    '@deriv-auth/mock-server': `${packageDir}../mock-server/src/index.ts`,
  },
  logLevel: 'warning',
});
const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--allow-natives-syntax', outfile, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, WS_CLIENT_DIR: packageDir } },
);
process.exit(result.status ?? 1);
