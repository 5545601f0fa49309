// Bundles scripts/streamBench.ts and its tick server (sibling packages from their sources) and runs
// the benchmark with --expose-gc. `BENCH_CPU_PROF=1` also writes a V8 CPU profile of the measuring
// process to node_modules/.cache/ws-client/profiles (open it in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${packageDir}node_modules/.cache/ws-client`;
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: {
    streamBench: `${packageDir}scripts/streamBench.ts`,
    streamBenchServer: `${packageDir}scripts/streamBenchServer.ts`,
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ws', 'zod', 'esbuild', '@deriv/deriv-api'],
  alias: { '@deriv-auth/core': `${packageDir}../core/src/index.ts` },
  logLevel: 'warning',
});
const profile =
  process.env['BENCH_CPU_PROF'] === '1' ? ['--cpu-prof', `--cpu-prof-dir=${outdir}/profiles`] : [];
const result = spawnSync(
  process.execPath,
  ['--expose-gc', ...profile, `${outdir}/streamBench.mjs`],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
