// The version check computes its expectations from the changesets, and must fail when
// `changeset version` does something else: here a planted repository whose config bumps a
// package no changeset names (a `fixed` group).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import {
  bumpVersion,
  changelogContains,
  expectedReleases,
  parseChangeset,
} from './expectedReleases.mjs';
import { checkVersions } from './versionsCheck.mjs';

const root = new URL('../..', import.meta.url).pathname;

test('a changeset is read: packages, bumps and the summary', () => {
  const changeset = parseChangeset(
    'x',
    '---\n\'@deriv-auth/core\': minor\n"@deriv-auth/ws-client": patch\n---\n\nAdds `x`.\n',
  );
  assert.deepEqual(
    [...changeset.releases],
    [
      ['@deriv-auth/core', 'minor'],
      ['@deriv-auth/ws-client', 'patch'],
    ],
  );
  assert.equal(changeset.summary, 'Adds `x`.');
  assert.throws(() => parseChangeset('y', 'no front matter'), /front matter/);
});

test('each package gets the highest bump named for it, with every summary', () => {
  const expected = expectedReleases([
    parseChangeset('a', "---\n'p': patch\n'q': minor\n---\nfirst"),
    parseChangeset('b', "---\n'p': major\n---\nsecond"),
    parseChangeset('c', "---\n'p': minor\n---\nthird"),
  ]);
  assert.deepEqual(expected.get('p'), { type: 'major', summaries: ['first', 'second', 'third'] });
  assert.deepEqual(expected.get('q'), { type: 'minor', summaries: ['first'] });
});

test('versions bump as semver does, 0.x included', () => {
  assert.equal(bumpVersion('0.0.0', 'major'), '1.0.0');
  assert.equal(bumpVersion('0.0.0', 'minor'), '0.1.0');
  assert.equal(bumpVersion('1.2.3', 'patch'), '1.2.4');
  assert.equal(bumpVersion('1.2.3', 'minor'), '1.3.0');
});

test('a summary is found line by line in an indented changelog entry, and only then', () => {
  const changelog = '# p\n\n## 1.0.0\n\n### Major Changes\n\n- First line.\n\n  Second line.\n';
  assert.ok(changelogContains(changelog, 'First line.\n\nSecond line.'));
  assert.ok(!changelogContains(changelog, 'First line.\n\nThird line.'));
  assert.ok(!changelogContains(changelog, 'Second line.\n\nFirst line.'));
});

/** A small pnpm workspace with changesets, in a temporary git work tree. */
function plantRepository(config) {
  const repo = mkdtempSync(join(tmpdir(), 'deriv-auth-planted-repo-'));
  const write = (path, contents) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), contents);
  };
  write('package.json', JSON.stringify({ name: 'planted-root', private: true }));
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/*\n');
  write('packages/a/package.json', JSON.stringify({ name: 'a', version: '0.1.0' }));
  write('packages/b/package.json', JSON.stringify({ name: 'b', version: '0.1.0' }));
  write(
    'apps/demo/package.json',
    JSON.stringify({ name: 'demo', version: '0.0.0', private: true }),
  );
  write(
    '.changeset/config.json',
    JSON.stringify({
      changelog: '@changesets/cli/changelog',
      commit: false,
      access: 'public',
      baseBranch: 'main',
      updateInternalDependencies: 'patch',
      ignore: [],
      privatePackages: { version: false, tag: false },
      ...config,
    }),
  );
  write('.changeset/one.md', "---\n'a': minor\n---\n\nAdds `a.one()`.\n\nSecond paragraph.\n");
  write('.changeset/two.md', "---\n'a': patch\n---\n\nFixes `a.two()`.\n");
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['add', '.'], { cwd: repo });
  return repo;
}

const failedNames = (tests) => tests.filter((t) => t.status === 'failed').map((t) => t.name);

test('a planted repository versions as its changesets say', () => {
  const repo = plantRepository({});
  try {
    const tests = checkVersions(repo, join(root, 'node_modules'));
    assert.deepEqual(failedNames(tests), []);
    assert.ok(tests.some((t) => t.name.startsWith('a: 0.1.0 -> 0.2.0 (minor)')));
    assert.ok(tests.some((t) => t.name.startsWith('b: no changeset')));
    assert.ok(tests.some((t) => t.name === 'demo (private) is left alone'));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('a package bumped although no changeset names it fails the check', () => {
  const repo = plantRepository({ fixed: [['a', 'b']] });
  try {
    const tests = checkVersions(repo, join(root, 'node_modules'));
    const failed = tests.filter((t) => t.status === 'failed');
    assert.deepEqual(
      failed.map((t) => t.name),
      ['b: no changeset, unchanged or a dependency patch'],
    );
    assert.match(failed[0].messages[0], /version is 0\.2\.0, expected 0\.1\.0 or 0\.1\.1/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
