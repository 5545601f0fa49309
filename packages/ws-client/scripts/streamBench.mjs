// Bundles scripts/streamBench.ts and its tick server (sibling packages from their sources) and runs
// the benchmark with --expose-gc. `BENCH_CPU_PROF=1` also writes a V8 CPU profile of the measuring
// process to node_modules/.cache/ws-client/profiles (open it in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { bundleScripts, cacheDir as outdir } from './bundleScripts.mjs';

const { streamBench } = await bundleScripts({
  streamBench: 'streamBench',
  streamBenchServer: 'streamBenchServer',
});
const profile =
  process.env['BENCH_CPU_PROF'] === '1' ? ['--cpu-prof', `--cpu-prof-dir=${outdir}/profiles`] : [];
const result = spawnSync(process.execPath, ['--expose-gc', ...profile, streamBench], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
