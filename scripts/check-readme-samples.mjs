#!/usr/bin/env node
// Keeps the READMEs honest: every ```ts / ```tsx / ```js block of README.md, packages/*/README.md,
// apps/*/README.md and docs/*.md is compiled as a module of an outside app that installed the
// PACKED packages from tarballs (npm, in a scratch folder outside the workspace), under npm's
// TypeScript 5.9 and 7 with `strict`, `moduleResolution` `nodenext` and `bundler`, with and without
// `exactOptionalPropertyTypes`. The published declarations are checked the same way (every entry
// point imported, `skipLibCheck: false`). Blocks marked `<!-- sample: run -->` are also run with
// Node (`--unhandled-rejections=strict`) and must exit 0; they start the packed mock server
// themselves. A block marked `<!-- sample: vitest -->` is a test file: it runs with the consumer's
// vitest and must pass. A block marked `<!-- sample: skip: <reason> -->` is not compiled (the
// reason is required).
//
// Every (block, compiler, config) pair and every run is one test in a vitest-style JSON report,
// `consumers/readme-samples/reports/readme-samples.json`, which scripts/test-all.mjs counts.
//
// Usage: node scripts/check-readme-samples.mjs [--scratch DIR] [--no-pack]
//   --scratch DIR  use (and keep) DIR as the consumer project instead of a temporary folder
//   --no-pack      reuse the tarballs already in DIR/tarballs (with --scratch, while iterating)
import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compilerConfigs, compilers, tsconfigFor } from './readme-samples/configs.mjs';
import { extractSamples, sampleSources } from './readme-samples/extract.mjs';
import { attributeDiagnostics } from './readme-samples/diagnostics.mjs';
import { writeReport } from './readme-samples/report.mjs';

const root = new URL('..', import.meta.url).pathname;
const fixture = join(root, 'consumers', 'readme-samples');
const packages = ['core', 'ws-client', 'login', 'react-hooks', 'server', 'mock-server'];
const RUN_TIMEOUT_MS = 60_000;

const args = process.argv.slice(2);
const scratchArg = args.includes('--scratch') ? args[args.indexOf('--scratch') + 1] : undefined;
const scratch = scratchArg ?? mkdtempSync(join(tmpdir(), 'deriv-auth-readme-'));
mkdirSync(scratch, { recursive: true });

/** Runs a command to completion; resolves with its exit code and combined output. */
function run(command, commandArgs, { cwd, timeoutMs, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = timeoutMs
      ? setTimeout(() => {
          output += `\n(killed after ${timeoutMs} ms: the sample did not exit)`;
          child.kill('SIGKILL');
        }, timeoutMs)
      : undefined;
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

function packAndInstall() {
  const tarballs = join(scratch, 'tarballs');
  if (!args.includes('--no-pack')) {
    // What is packed is `dist`: build it first (a turbo cache hit when test-all.mjs just did).
    execFileSync(
      join(root, 'node_modules', '.bin', 'turbo'),
      ['run', 'build', ...packages.map((name) => `--filter=@deriv-auth/${name}`)],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    rmSync(tarballs, { recursive: true, force: true });
    mkdirSync(tarballs);
    for (const name of packages)
      execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
        cwd: join(root, 'packages', name),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
  }
  const files = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'));
  console.log(`packed: ${files.join(', ')}`);
  const manifest = JSON.parse(readFileSync(join(fixture, 'package.json'), 'utf8'));
  for (const file of files) {
    const name = `@deriv-auth/${file.replace(/^deriv-auth-/, '').replace(/-\d+\.\d+\.\d+.*$/, '')}`;
    manifest.dependencies[name] = `file:./tarballs/${file}`;
  }
  writeFileSync(join(scratch, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // npm keeps an installed `file:` tarball of the same version: drop ours so a reused scratch
  // folder gets the fresh ones.
  rmSync(join(scratch, 'node_modules', '@deriv-auth'), { recursive: true, force: true });
  // From the registry, as a user would; the workspace's lockfile and node_modules play no part.
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'],
    { cwd: scratch, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

/** `import * as` every public entry point of every package, so its declarations are compiled. */
function entryPointsModule() {
  const lines = [];
  const names = [];
  for (const name of packages) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
    for (const subpath of Object.keys(manifest.exports ?? { '.': null })) {
      if (subpath.endsWith('.json')) continue;
      const specifier = manifest.name + subpath.slice(1);
      const local = specifier.replace(/[^A-Za-z0-9]+/g, '_');
      lines.push(`import * as ${local} from '${specifier}';`);
      names.push(local);
    }
  }
  lines.push(`export const entryPoints = [${names.join(', ')}];`);
  return `${lines.join('\n')}\n`;
}

function writeSamples(samples) {
  const dir = join(scratch, 'samples');
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(scratch, 'out'), { recursive: true, force: true });
  mkdirSync(dir);
  for (const sample of samples)
    if (!sample.skip) writeFileSync(join(dir, sample.fileName), sample.code);
  writeFileSync(join(dir, 'published-declarations.ts'), entryPointsModule());
  for (const config of compilerConfigs)
    writeFileSync(
      join(scratch, `tsconfig.${config.name}.json`),
      `${JSON.stringify(tsconfigFor(config), null, 2)}\n`,
    );
}

/** One compiler invocation per (compiler, config) over all samples; two at a time. */
async function compileAll() {
  const jobs = compilers.flatMap((compiler) =>
    compilerConfigs.map((config) => ({ compiler, config })),
  );
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const started = Date.now();
      const { code, output } = await run(
        process.execPath,
        [
          join(scratch, 'node_modules', job.compiler.package, 'bin', 'tsc'),
          '-p',
          `tsconfig.${job.config.name}.json`,
          '--pretty',
          'false',
          // One compiler writes `out/` for the runs; the other only checks.
          ...(job.config.emit && job.compiler.emits ? [] : ['--noEmit']),
        ],
        { cwd: scratch },
      );
      console.log(
        `${job.compiler.name} ${job.config.name}: exit ${code} in ${Date.now() - started} ms`,
      );
      results.push({ ...job, code, output });
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

async function runSamples(samples) {
  const results = [];
  for (const sample of samples.filter((entry) => entry.run || entry.vitest)) {
    const file = join(scratch, 'out', sample.fileName.replace(/\.tsx?$/, '.js'));
    // A test file runs under the consumer's own vitest (consumers/readme-samples/package.json).
    const command = sample.vitest
      ? [join(scratch, 'node_modules', 'vitest', 'vitest.mjs'), 'run', relative(scratch, file)]
      : [file];
    const { code, output } = existsSync(file)
      ? await run(process.execPath, ['--unhandled-rejections=strict', ...command], {
          cwd: scratch,
          timeoutMs: RUN_TIMEOUT_MS,
          env: { ...process.env, NODE_OPTIONS: '' },
        })
      : { code: 1, output: `not emitted: ${file}` };
    console.log(`run ${sample.id}: exit ${code}`);
    results.push({ sample, code, output });
  }
  return results;
}

try {
  const samples = sampleSources(root).flatMap((file) =>
    extractSamples(relative(root, file), readFileSync(file, 'utf8')),
  );
  console.log(
    `${samples.length} code blocks (${samples.filter((s) => s.skip).length} marked skip, ` +
      `${samples.filter((s) => s.run).length} marked run, ${samples.filter((s) => s.vitest).length} vitest); ` +
      `consumer project: ${scratch}`,
  );
  packAndInstall();
  writeSamples(samples);
  const compiled = await compileAll();
  const ran = await runSamples(samples);
  const tests = attributeDiagnostics(samples, compiled, ran);
  const { passed, failed } = writeReport(join(fixture, 'reports', 'readme-samples.json'), tests);
  for (const test of tests.filter((entry) => entry.status === 'failed'))
    console.log(`\nFAIL ${test.name}\n  ${test.messages.join('\n  ')}`);
  console.log(`\nREADME samples and published types: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  if (!scratchArg) rmSync(scratch, { recursive: true, force: true });
}
