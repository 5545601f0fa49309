// The tarball rules must be able to fail: each is fed a tarball with the fault it exists for,
// and a real `pnpm pack` of a planted package outside the workspace is refused for every fault.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  RULES,
  checkAllowList,
  checkManifest,
  checkRequiredFiles,
  checkSecrets,
  checkSourceMaps,
} from './inspectTarball.mjs';
import { packPackage, publicWorkspacePackages } from './packTarballs.mjs';

const root = new URL('../..', import.meta.url).pathname;

const clean = () =>
  new Map([
    ['package.json', '{"name":"@deriv-auth/example"}'],
    ['README.md', '# example'],
    ['LICENSE', 'MIT'],
    ['dist/index.js', 'export const a = 1;\n//# sourceMappingURL=index.js.map'],
    ['dist/index.js.map', '{"version":3,"sources":["../src/index.ts"],"mappings":""}'],
    ['dist/index.d.ts', 'export declare const a = 1;\n//# sourceMappingURL=index.d.ts.map'],
    ['dist/index.d.ts.map', '{"version":3,"sources":["../src/index.ts"],"mappings":""}'],
    ['src/index.ts', '/** `TOKEN_PATTERN.test("a1-abcdefghijklmnop")` */ export const a = 1;'],
  ]);

test('a clean tarball passes every rule', () => {
  for (const [rule, check] of RULES) assert.deepEqual(check(clean()), [], rule);
});

test('tests, type tests, test folders, API reports, env files and keys are refused', () => {
  const planted = [
    'src/parse.test.ts',
    'src/parse.test-d.ts',
    'dist/parse.test.js',
    'src/internal/test/helpers.ts',
    'api-report/core.api.md',
    '.env',
    'src/.env.local',
    'keys/server.pem',
    '.npmrc',
  ];
  const problems = checkAllowList(planted);
  assert.equal(problems.length, planted.length);
  planted.forEach((path, index) => assert.ok(problems[index].startsWith(`${path}: `)));
});

test('a file outside package.json, README, LICENSE, dist and src is refused', () => {
  assert.deepEqual(
    checkAllowList(['scripts/bench.mjs', 'tsconfig.json', 'dist/index.js']).length,
    2,
  );
});

test('a missing LICENSE or README is reported', () => {
  assert.deepEqual(checkRequiredFiles(['package.json', 'dist/index.js']), [
    'README.md is missing from the tarball',
    'LICENSE is missing from the tarball',
  ]);
});

test('private keys, npm tokens and Deriv tokens are found, and never printed', () => {
  const npmToken = `npm_${'a1B2c3D4e5'.repeat(3)}a1B2c3`;
  const derivToken = 'a1-f7pnteezo4jzhpxclctizt27hyeot';
  const files = new Map([
    ['dist/key.js', 'const k = `-----BEGIN RSA PRIVATE KEY-----\nMIIE...`;'],
    ['dist/npm.js', `const t = '${npmToken}';`],
    ['src/fixture.ts', `const token = '${derivToken}';`],
    ['src/pattern.ts', "TOKEN_PATTERN.test('a1-abcdefghijklmnop')"],
  ]);
  const problems = checkSecrets(files);
  assert.deepEqual(problems, [
    'dist/key.js: contains a private key',
    'dist/npm.js: contains an npm access token',
    'src/fixture.ts: contains a Deriv API token',
  ]);
  assert.ok(!problems.join('\n').includes(npmToken) && !problems.join('\n').includes(derivToken));
});

test('a sourceMappingURL or map source outside the tarball is reported', () => {
  const files = clean();
  files.delete('src/index.ts'); // the maps now point at a file that was not packed
  files.set('dist/extra.js', 'x;\n//# sourceMappingURL=extra.js.map');
  files.set('dist/inline.js', 'x;\n//# sourceMappingURL=data:application/json;base64,e30=');
  files.set(
    'dist/embedded.js.map',
    '{"version":3,"sources":["../../x.ts"],"sourcesContent":["x"]}',
  );
  files.set('dist/rooted.js.map', '{"version":3,"sourceRoot":"../..","sources":["src/index.ts"]}');
  assert.deepEqual(checkSourceMaps(files), [
    'dist/index.js.map: source ../src/index.ts is not in the tarball',
    'dist/index.d.ts.map: source ../src/index.ts is not in the tarball',
    'dist/extra.js: sourceMappingURL extra.js.map is not in the tarball',
    'dist/rooted.js.map: source src/index.ts is not in the tarball',
  ]);
});

test('a packed package.json with a workspace: range or private: true is refused', () => {
  const files = new Map([
    [
      'package.json',
      JSON.stringify({ private: true, dependencies: { '@deriv-auth/core': 'workspace:^' } }),
    ],
  ]);
  assert.deepEqual(checkManifest(files), [
    'package.json is private: npm refuses to publish it',
    'package.json dependencies.@deriv-auth/core is still "workspace:^"',
  ]);
});

test('the workspace packages are discovered from pnpm-workspace.yaml, the private demo left out', () => {
  const names = publicWorkspacePackages(root).map((entry) => entry.name);
  assert.ok(names.includes('@deriv-auth/core') && names.includes('@deriv-auth/ws-client'));
  assert.ok(!names.includes('@deriv-auth/demo') && !names.includes('deriv-auth-monorepo'));
});

test('a real pnpm pack of a package with every fault fails every rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deriv-auth-planted-'));
  try {
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'planted',
        version: '1.0.0',
        private: true,
        files: ['dist', 'src', '.env'],
      }),
    );
    writeFileSync(join(dir, '.env'), 'DERIV_TOKEN=a1-f7pnteezo4jzhpxclctizt27hyeot\n');
    writeFileSync(join(dir, 'dist', 'index.js'), 'x;\n//# sourceMappingURL=index.js.map\n');
    writeFileSync(join(dir, 'src', 'index.test.ts'), 'test();\n');
    const files = packPackage(dir);
    for (const [rule, check] of RULES) assert.notDeepEqual(check(files), [], rule);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
