// Bundles scripts/bench.ts (sibling packages from their sources) and runs it with --expose-gc,
// its open-file limit raised to the hard limit first (the 20,000-socket row needs one descriptor
// per socket). Arguments pass through: `pnpm bench --quick`, `--reps=N`, `--only=throughput`.
import { spawnSync } from 'node:child_process';
import { bundleScripts, packageDir } from './bundleScripts.mjs';

const { bench: outfile } = await bundleScripts({ bench: 'bench' });
const args = [
  '--expose-gc',
  ...(process.env['BENCH_NODE_FLAGS']?.split(' ').filter(Boolean) ?? []),
  outfile,
  ...process.argv.slice(2),
];
// The mock server process is forked from the bench and inherits the raised limit.
const result =
  process.platform === 'win32'
    ? spawnSync(process.execPath, args, {
        stdio: 'inherit',
        env: { ...process.env, WS_CLIENT_DIR: packageDir },
      })
    : spawnSync(
        '/bin/sh',
        ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...args],
        {
          stdio: 'inherit',
          env: { ...process.env, WS_CLIENT_DIR: packageDir },
        },
      );
process.exit(result.status ?? 1);
