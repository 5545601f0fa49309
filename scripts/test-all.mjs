#!/usr/bin/env node
// The README's test command: every check CI relies on, then one summary line counted from the
// JSON reports that each vitest run writes (unit, type and browser tests alike).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = {
  ...process.env,
  FC_NUM_RUNS: process.env.FC_NUM_RUNS ?? '100000',
  // Every Node process of the run, tests included: an unhandled rejection is an error, not a warning.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--unhandled-rejections=strict']
    .filter(Boolean)
    .join(' '),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};
const failures = [];

/** Runs one step, streaming its output; records it as failed instead of stopping the run. */
function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) failures.push(title);
}

/**
 * Starts a step beside the ones that follow (its output is held and printed when it ends, so it
 * does not interleave with theirs); `await` the result where the run needs it finished.
 */
function stepInBackground(title, command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      console.log(`\n=== ${title} (ran in the background): ${command} ${args.join(' ')}`);
      process.stdout.write(output);
      if (code !== 0) failures.push(title);
      resolve();
    });
  });
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  console.log("Chromium is missing; installing Debian's chromium package for the browser tests.");
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync('/usr/bin/chromium')) failures.push('install chromium');
}

/**
 * Every JSON report a run wrote: `reports/*.json` in each package and app (vitest), in each
 * consumer fixture (the README check, scripts/check-readme-samples.mjs, writes the same shape),
 * in scripts/release (the workflow, tarball and version checks), scripts/docs (the docs site's
 * error-code and link checks) and scripts/examples (the three example consumers).
 */
const reportFiles = () =>
  [
    ...['packages', 'apps', 'consumers'].flatMap((group) =>
      readdirSync(join(root, group)).map((name) => join(root, group, name, 'reports')),
    ),
    join(root, 'scripts', 'release', 'reports'),
    join(root, 'scripts', 'docs', 'reports'),
    join(root, 'scripts', 'examples', 'reports'),
  ].flatMap((reports) =>
    existsSync(reports)
      ? readdirSync(reports)
          .filter((file) => file.endsWith('.json'))
          .map((file) => join(reports, file))
      : [],
  );

for (const file of reportFiles()) rmSync(file);
ensureChromium();

const turbo = join(root, 'node_modules', '.bin', 'turbo');
step('lint, typecheck and build', turbo, [
  'run',
  'lint',
  'typecheck',
  'build',
  '--continue',
  '--concurrency=2',
]);
step('formatting', join(root, 'node_modules', '.bin', 'prettier'), ['--check', '.']);
step('layers and import cycles', process.execPath, [
  join(root, 'scripts', 'check-architecture.mjs'),
]);
step('the layer check catches a planted cycle and an upward import', process.execPath, [
  join(root, 'scripts', 'check-architecture.mjs'),
  '--self-test',
]);
// API reports: a public surface that differs from the committed api-report/ fails here, so every
// API change shows in review (`pnpm api:update` rewrites the reports).
step('package checks (publint --strict, attw), API reports and size budgets', turbo, [
  'run',
  'check:package',
  'api',
  'size',
  '--continue',
  '--concurrency=2',
]);
// Release: the workflows a hosted CI would run, every public tarball as `pnpm publish` would
// upload it, and `changeset version` on a scratch copy (scripts/release; each writes a report).
const releaseTests = readdirSync(join(root, 'scripts', 'release'))
  .filter((file) => file.endsWith('.test.mjs'))
  .map((file) => join(root, 'scripts', 'release', file));
step("the release checks' own tests", process.execPath, ['--test', ...releaseTests]);
step('workflows (actionlint, pinned actions, permissions)', process.execPath, [
  join(root, 'scripts', 'release', 'lint-workflows.mjs'),
]);
step('publish proof: every public tarball against the allow list', process.execPath, [
  join(root, 'scripts', 'release', 'check-packs.mjs'),
]);
step('changeset version on a scratch copy', process.execPath, [
  join(root, 'scripts', 'release', 'check-versions.mjs'),
]);
// examples/: three outside consumers (a Node script, a vanilla browser page in Chromium, a Hono
// server on @deriv-auth/server), installed with npm from the packed tarballs and run against the
// mock server. Mostly npm and a browser waiting on sockets: it runs beside the typedoc build,
// which is one busy core for about a minute.
const examples = stepInBackground(
  'examples (packed tarballs, against the mock server)',
  process.execPath,
  [join(root, 'scripts', 'examples', 'run.mjs'), '--no-build'],
);
// The docs site: guides (docs/guides) before the API reference, one typedoc build with warnings
// as errors; then its checks (every exported error code in the errors guide, every internal link
// and anchor of the markdown and of the built HTML). The guides' code samples are compiled and
// run by the README check below.
step("the docs checks' own tests", process.execPath, ['--test', join(root, 'scripts', 'docs')]);
step('docs site (typedoc: guides and API reference, warnings are errors)', turbo, [
  'run',
  'build:api-docs',
]);
step('docs site: error codes, links and anchors', process.execPath, [
  join(root, 'scripts', 'docs', 'check-docs.mjs'),
]);
await examples;
step('packed core imports from plain Node', process.execPath, [
  join(root, 'scripts', 'pack-smoke.mjs'),
]);
// Every README code block and the published declarations, compiled by an outside app that
// installed the packed tarballs, under npm's TypeScript 5.9 and 7; the Node samples run.
step("the README check's own tests", process.execPath, [
  '--test',
  join(root, 'scripts', 'readme-samples'),
]);
step('README samples and published types (TypeScript 5.9 and 7)', process.execPath, [
  join(root, 'scripts', 'check-readme-samples.mjs'),
]);
// Tests last, two at a time: the suites open real sockets and a browser, on a 2-core machine.
// NODE_OPTIONS=--unhandled-rejections=strict reaches every vitest worker (forks inherit the
// environment): a promise rejection nothing handles becomes an uncaught error, which vitest
// reports as an error of the run and exits non-zero, so an escaped rejection fails CI even when
// every test passed.
step('tests', turbo, ['run', 'test', 'test:e2e', '--continue', '--concurrency=2']);
// The hooks again on React 18, the lower end of their peer range (installed apart from the lockfile).
step('react-hooks on React 18', 'pnpm', ['--filter', '@deriv-auth/react-hooks', 'test:react18']);

let passed = 0;
let failed = 0;
console.log('\n=== results');
for (const file of reportFiles()) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(
    `${file.slice(root.length)}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}
if (failures.length > 0) console.log(`failed steps: ${failures.join(', ')}`);
if (passed + failed === 0) failures.push('no test reports were written');
console.log(`${passed} passed, ${failed} failed`);
// A failed check (lint, budget, package) fails the run even when every test passed.
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
