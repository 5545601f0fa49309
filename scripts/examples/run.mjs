#!/usr/bin/env node
// Runs the three consumers in examples/ the way an outside team would: each is copied to a scratch
// folder outside the workspace, installs the PACKED @deriv-auth packages (tarballs of this
// checkout, `file:../tarballs/<name>.tgz` in its package.json) and its other dependencies with
// npm, then runs `npm start` against the mock server it starts itself. Each example prints
// `ok - <check>` / `not ok - <check>` lines; every line is one test in
// scripts/examples/reports/examples.json (vitest's JSON shape), which scripts/test-all.mjs counts,
// plus one test per example for its install and its exit code.
//
// Usage: node scripts/examples/run.mjs [--scratch DIR] [--no-pack] [--no-build] [--only NAME]
//   --scratch DIR  use (and keep) DIR instead of a temporary folder
//   --no-pack      reuse DIR/tarballs (with --scratch, while iterating)
//   --no-build     pack the packages' dist as it is (scripts/test-all.mjs built it already)
//   --only NAME    run one example
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '../readme-samples/report.mjs';
import { packTarballs } from './packTarballs.mjs';

const root = new URL('../..', import.meta.url).pathname;
const RUN_TIMEOUT_MS = 180_000;
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const scratchArg = option('--scratch');
const scratch = scratchArg ?? mkdtempSync(join(tmpdir(), 'deriv-auth-examples-'));
const only = option('--only');
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && entry.name !== 'tarballs' && entry.name !== 'node_modules',
  )
  .map((entry) => entry.name)
  .filter((name) => !only || name === only);

/** Runs a command to completion; resolves with its exit code and combined output. */
function run(command, commandArgs, { cwd, timeoutMs } = {}) {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends npm and the example it started (with its port).
    const child = spawn(command, commandArgs, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer =
      timeoutMs &&
      setTimeout(() => {
        output += `\n(killed after ${timeoutMs} ms)`;
        try {
          if (process.platform === 'win32' || child.pid === undefined) child.kill('SIGKILL');
          else process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

/** Copies one example (its sources, not an old install) and installs it with npm. */
async function install(name) {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'examples', name), dir, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  // From the npm cache when it has everything, else the registry; no lockfile, as a new user.
  const result = await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
    ],
    { cwd: dir, timeoutMs: RUN_TIMEOUT_MS },
  );
  return { name, dir, ...result };
}

const tests = [];
const record = (file, name, passed, messages = []) =>
  tests.push({
    file,
    name,
    status: passed ? 'passed' : 'failed',
    messages: passed ? [] : messages,
  });

try {
  mkdirSync(scratch, { recursive: true });
  const tarballs = join(scratch, 'tarballs');
  if (!args.includes('--no-pack'))
    packTarballs(root, tarballs, { build: !args.includes('--no-build') });
  console.log(`tarballs: ${readdirSync(tarballs).join(', ')}; scratch: ${scratch}`);

  const installs = await Promise.all(examples.map(install));
  for (const { name, dir, code, output } of installs) {
    const file = `examples/${name}`;
    console.log(`\n--- ${file}: npm install exit ${code}`);
    if (code !== 0) console.log(output);
    record(
      file,
      `${file} installs from the packed tarballs`,
      code === 0,
      output.trim().split('\n').slice(-20),
    );
    if (code !== 0) continue;
    // One at a time: the browser example starts Chromium, and the machine may have 2 cores.
    const started = Date.now();
    const result = await run('npm', ['start', '--silent'], { cwd: dir, timeoutMs: RUN_TIMEOUT_MS });
    console.log(`--- ${file}: npm start exit ${result.code} in ${Date.now() - started} ms`);
    console.log(result.output.trimEnd());
    const lines = result.output.split('\n');
    let checks = 0;
    for (const line of lines) {
      const match = /^(ok|not ok) - (.*)$/.exec(line.trim());
      if (!match) continue;
      checks += 1;
      record(file, `${file}: ${match[2]}`, match[1] === 'ok', [line.trim()]);
    }
    record(file, `${file} exits 0 after ${checks} checks`, result.code === 0 && checks > 0, [
      `exit ${result.code}`,
      ...lines.slice(-20),
    ]);
  }
} finally {
  if (!scratchArg) rmSync(scratch, { recursive: true, force: true });
}

const { passed, failed } = writeReport(
  join(root, 'scripts', 'examples', 'reports', 'examples.json'),
  tests,
);
for (const test of tests.filter((entry) => entry.status === 'failed'))
  console.log(`FAIL ${test.name}\n  ${test.messages.join('\n  ')}`);
console.log(`\nexamples: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
