// Instructions per connection (open + authorize, then close) of the client process, ours and a
// bare `ws` client, counted by callgrind (load-independent, unlike CPU time on a shared machine).
// Each client runs twice under `valgrind --tool=callgrind` (the mock server runs in a child
// process, not traced), with N and 2N connections after the same warm-up: the difference divided
// by N is one connection's open + authorize + close, the JIT's one-off work (which a run with 0
// connections would not pay) being in both. All runs go in parallel: ~5 minutes on two cores.
// All at once (the default, the bench's shape), counts move by 10-20% with the machine's load (the
// batching of replies from the server process changes); compare builds with `--sequential`, and
// ours with bare within one invocation.
//   node scripts/connectionCost.mjs [--n=300] [--warm=100] [--clients=bare,ours] [--sequential]
//     [--bundle=name] [--reuse] [--build-only]
// Needs valgrind (`apt-get install valgrind`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { bundleScripts, cacheDir, packageDir } from './bundleScripts.mjs';

const flag = (name, fallback) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
// `--bundle=name` keeps a build under its own name, `--reuse` runs it again without rebuilding:
// build one before a change and compare it with the build after.
const bundleName = `connectionCost.${flag('bundle', 'current')}`;
const outfile = `${cacheDir}/${bundleName}.mjs`;
if (!process.argv.includes('--reuse')) await bundleScripts({ [bundleName]: 'connectionCost' });
if (process.argv.includes('--build-only')) process.exit(0);
const n = Number(flag('n', '300'));
const warm = flag('warm', '100');
const clients = flag('clients', 'bare,ours').split(',');

/** Total instructions of one run of the client process. */
async function instructions(client, count) {
  const out = `${cacheDir}/callgrind.${client}.${count}.${process.pid}.out`;
  await promisify(execFile)(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      process.execPath,
      // No concurrent compiler or GC threads: callgrind serializes threads, and their share would
      // vary from run to run.
      '--single-threaded',
      outfile,
      `--client=${client}`,
      `--n=${count}`,
      `--warm=${warm}`,
      ...(process.argv.includes('--sequential') ? ['--sequential'] : []),
    ],
    { env: { ...process.env, WS_CLIENT_DIR: packageDir }, maxBuffer: 1 << 26 },
  );
  const total = /^totals: (\d+)/m.exec(readFileSync(out, 'utf8'))?.[1];
  rmSync(out);
  if (total === undefined) throw new Error(`no totals in ${out}`);
  return Number(total);
}

const runs = await Promise.all(
  clients.map(async (client) => {
    const [base, measured] = await Promise.all([
      instructions(client, n),
      instructions(client, 2 * n),
    ]);
    return [client, { 'instructions/connection': Math.round((measured - base) / n) }];
  }),
);
const results = Object.fromEntries(runs);
console.table(results);
if (results.bare && results.ours) {
  const ratio = results.ours['instructions/connection'] / results.bare['instructions/connection'];
  console.log(`ours/bare: ${ratio.toFixed(3)}x`);
}
