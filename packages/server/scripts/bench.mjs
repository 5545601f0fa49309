// Bundles scripts/bench.ts (sibling packages from their sources) and runs it. Not part of CI:
// `pnpm --filter @deriv-auth/server bench`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${packageDir}node_modules/.cache/server`, { recursive: true });
const outfile = `${packageDir}node_modules/.cache/server/bench.mjs`;
await build({
  entryPoints: [`${packageDir}scripts/bench.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@deriv-auth/source'],
  // ws (the mock server's) is bundled: this package does not depend on it.
  external: ['bufferutil', 'utf-8-validate', 'zod', 'esbuild', 'jose', 'oauth4webapi'],
  // ws is CommonJS and requires Node built-ins.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exit(result.status ?? 1);
