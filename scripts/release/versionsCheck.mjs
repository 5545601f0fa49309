// The version check of check-versions.mjs as a function over any repository, so tests can run
// it on planted repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import {
  bumpVersion,
  changelogContains,
  expectedReleases,
  readChangesets,
} from './expectedReleases.mjs';

const FILE = 'scripts/release/check-versions.mjs';

/** Copies the files git knows (tracked, and new ones not ignored) of `repo` into `to`. */
function copyRepository(repo, to, nodeModules) {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  for (const file of listed.split('\0').filter(Boolean)) {
    if (!existsSync(join(repo, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(repo, file), join(to, file));
  }
  // The changeset CLI and its changelog generator resolve from here.
  symlinkSync(nodeModules, join(to, 'node_modules'));
}

const workspacePackages = (at) =>
  JSON.parse(
    execFileSync('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: at, encoding: 'utf8' }),
  )
    .filter((entry) => resolve(entry.path) !== resolve(at))
    .map((entry) => ({ ...entry, dir: relative(at, entry.path) }));

/**
 * Runs `changeset version` on a scratch copy of `repo` and checks every workspace package.
 * @param {string} repo the repository (a git work tree) to copy
 * @param {string} nodeModules a node_modules folder holding @changesets/cli
 * @returns {{ file: string, name: string, status: 'passed' | 'failed', messages: string[] }[]}
 */
export function checkVersions(repo, nodeModules) {
  const scratch = mkdtempSync(join(tmpdir(), 'deriv-auth-versions-'));
  const tests = [];
  try {
    copyRepository(repo, scratch, nodeModules);
    const packages = workspacePackages(repo);
    const expected = expectedReleases(readChangesets(repo));
    const run = spawnSync(join(nodeModules, '.bin', 'changeset'), ['version'], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    tests.push({
      file: FILE,
      name: `changeset version runs on a scratch copy (${[...expected.keys()].length} packages named)`,
      status: run.status === 0 ? 'passed' : 'failed',
      messages: run.status === 0 ? [] : [run.stdout + run.stderr],
    });
    for (const unknown of [...expected.keys()].filter(
      (name) => !packages.some((p) => p.name === name),
    ))
      tests.push({
        file: FILE,
        name: `changesets name ${unknown}`,
        status: 'failed',
        messages: [`no workspace package is called ${unknown}`],
      });

    for (const entry of packages) {
      const before = readFileSync(join(repo, entry.dir, 'package.json'), 'utf8');
      const after = readFileSync(join(scratch, entry.dir, 'package.json'), 'utf8');
      const version = JSON.parse(after).version;
      const changelogPath = join(scratch, entry.dir, 'CHANGELOG.md');
      const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
      const problems = [];
      const release = expected.get(entry.name);
      let name;
      if (entry.private) {
        name = `${entry.name} (private) is left alone`;
        if (after !== before) problems.push('package.json changed');
        if (changelog !== undefined) problems.push('a CHANGELOG.md was written');
      } else if (release) {
        const want = bumpVersion(entry.version, release.type);
        name = `${entry.name}: ${entry.version} -> ${want} (${release.type}), changelog holds its ${release.summaries.length} changeset(s)`;
        if (version !== want) problems.push(`version is ${version}, expected ${want}`);
        if (!changelog) problems.push('no CHANGELOG.md');
        else {
          if (!changelog.includes(`\n## ${want}\n`))
            problems.push(`CHANGELOG.md has no "## ${want}" heading`);
          release.summaries.forEach((summary, index) => {
            if (!changelogContains(changelog, summary))
              problems.push(`CHANGELOG.md lacks summary ${index + 1}: "${summary.split('\n')[0]}"`);
          });
        }
      } else {
        name = `${entry.name}: no changeset, unchanged or a dependency patch`;
        const patched = bumpVersion(entry.version, 'patch');
        if (version !== entry.version && version !== patched)
          problems.push(`version is ${version}, expected ${entry.version} or ${patched}`);
        if (version === patched && !changelog?.includes('Updated dependencies'))
          problems.push('patched without "Updated dependencies" in CHANGELOG.md');
      }
      tests.push({
        file: FILE,
        name,
        status: problems.length === 0 ? 'passed' : 'failed',
        messages: problems,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return tests;
}
