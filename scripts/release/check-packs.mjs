#!/usr/bin/env node
// Proves every public workspace package would publish cleanly: packs each one (`pnpm pack`, the
// tarball `pnpm publish` would upload) and checks its files against the rules of
// inspectTarball.mjs: only package.json, README.md, LICENSE, CHANGELOG.md, dist/** and non-test
// src/**; README and LICENSE present; no private key, npm token or Deriv token in any file; every
// source map and sourceMappingURL resolving inside the tarball. One test per package and rule in
// scripts/release/reports/packs.json, which scripts/test-all.mjs counts. Exits 1 on a problem.
//
// Usage: node scripts/release/check-packs.mjs [--no-build]
//   --no-build  pack the dist/ folders as they are (the release workflow has just built them)
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { packPackage, publicWorkspacePackages } from './packTarballs.mjs';
import { RULES } from './inspectTarball.mjs';
import { writeReport } from '../readme-samples/report.mjs';

const root = new URL('../..', import.meta.url).pathname;
const packages = publicWorkspacePackages(root);

const tests = [];
if (!process.argv.includes('--no-build')) {
  // What is packed is dist/: build it first (a turbo cache hit when test-all.mjs just did). A
  // failed build is one failed test; the tarballs are still checked, with whatever was emitted.
  const build = spawnSync(
    join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'build', ...packages.map((entry) => `--filter=${entry.name}`)],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  tests.push({
    file: 'scripts/release/check-packs.mjs',
    name: 'the public packages build',
    status: build.status === 0 ? 'passed' : 'failed',
    messages: build.status === 0 ? [] : ['turbo run build failed (its output is above)'],
  });
}

for (const entry of packages) {
  const files = packPackage(entry.path);
  console.log(
    `${entry.name}@${entry.version} (${relative(root, entry.path)}): ${files.size} files`,
  );
  for (const [rule, check] of RULES) {
    const problems = check(files);
    for (const problem of problems) console.error(`  ${entry.name}: ${problem}`);
    tests.push({
      file: 'scripts/release/check-packs.mjs',
      name: `${entry.name}: ${rule}`,
      status: problems.length === 0 ? 'passed' : 'failed',
      messages: problems,
    });
  }
}
if (packages.length === 0)
  tests.push({
    file: 'scripts/release/check-packs.mjs',
    name: 'the workspace has public packages',
    status: 'failed',
    messages: ['pnpm listed no public package'],
  });
const { passed, failed } = writeReport(
  join(root, 'scripts', 'release', 'reports', 'packs.json'),
  tests,
);
console.log(`${packages.length} packages, ${passed} checks passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
