// Instructions per connection (open + authorize, then close) of the client process, ours and a
// bare `ws` client, counted by callgrind (load-independent, unlike CPU time on a shared machine).
// Each client runs twice under `valgrind --tool=callgrind` (the mock server runs in a child
// process, not traced), with N and 2N connections after the same warm-up: the difference divided
// by N is one connection's open + authorize + close, the JIT's one-off work (which a run with 0
// connections would not pay) being in both. All runs go in parallel: ~5 minutes on two cores.
// All at once (the default, the bench's shape), counts move by 10-20% with the machine's load (the
// batching of replies from the server process changes); compare builds with `--sequential`, and
// ours with bare within one invocation. Even sequential, the totals moved by up to ±12% between
// runs on a loaded machine (bare 1.80M to 2.04M): whether V8 optimizes or deoptimizes a function
// again, or a major GC falls, inside the measured connections. The second column leaves out V8's
// compiler and collector (see JIT_AND_GC); compare builds by it.
//   node scripts/connectionCost.mjs [--n=300] [--warm=100] [--clients=bare,ours] [--sequential]
//     [--bundle=name] [--reuse] [--build-only] [--node-flags=--flag,--other-flag]
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
const nodeFlags = flag('node-flags', '').split(',').filter(Boolean);

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
      ...nodeFlags,
      outfile,
      `--client=${client}`,
      `--n=${count}`,
      `--warm=${warm}`,
      ...(process.argv.includes('--sequential') ? ['--sequential'] : []),
    ],
    { env: { ...process.env, WS_CLIENT_DIR: packageDir }, maxBuffer: 1 << 26 },
  );
  const total = /^totals: (\d+)/m.exec(readFileSync(out, 'utf8'))?.[1];
  if (total === undefined) throw new Error(`no totals in ${out}`);
  const { stdout } = await promisify(execFile)(
    'callgrind_annotate',
    ['--inclusive=yes', '--threshold=100', out],
    { maxBuffer: 1 << 28 },
  );
  rmSync(out);
  // The compiler's and the collector's entry points, inclusive (none calls another much).
  let jitAndGc = 0;
  for (const line of stdout.split('\n')) {
    const match = /^\s*([\d,]+) \([^)]*\)\s+\?\?\?:(.*)$/.exec(line);
    if (match && JIT_AND_GC.some((name) => match[2].startsWith(name)))
      jitAndGc += Number(match[1].replaceAll(',', ''));
  }
  return { total: Number(total), jitAndGc };
}

/**
 * Where V8 compiles (lazy, baseline, optimizing, on-stack replacement) and collects garbage: when a
 * function is optimized or deoptimized, or a major GC falls, differs between runs (one such event
 * is 10-50M instructions, 30-150k per connection at n=300), so the counts are also given without
 * them. JIT and GC per connection still show in the total.
 */
const JIT_AND_GC = [
  'v8::internal::Runtime_CompileLazy(',
  'v8::internal::Runtime_CompileOptimized(',
  'v8::internal::Runtime_CompileOptimizedOSR(',
  'v8::internal::baseline::BaselineBatchCompiler::EnqueueFunction(',
  'v8::internal::Heap::CollectGarbage(',
];

const runs = await Promise.all(
  clients.map(async (client) => {
    const [base, measured] = await Promise.all([
      instructions(client, n),
      instructions(client, 2 * n),
    ]);
    const perConnection = (field) => Math.round((measured[field] - base[field]) / n);
    const total = perConnection('total');
    return [
      client,
      {
        'instructions/connection': total,
        'without JIT and GC': total - perConnection('jitAndGc'),
      },
    ];
  }),
);
const results = Object.fromEntries(runs);
console.table(results);
if (results.bare && results.ours) {
  const ratio = (field) => (results.ours[field] / results.bare[field]).toFixed(3);
  console.log(
    `ours/bare: ${ratio('instructions/connection')}x (${ratio('without JIT and GC')}x without JIT and GC)`,
  );
}
