// The workflow check must be able to fail: broken workflows are fed to it and must be refused,
// and the committed workflows must pass.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintWorkflow } from './lintWorkflow.mjs';

const root = new URL('../..', import.meta.url).pathname;
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const valid = `on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - run: pnpm test
`;

const kinds = async (text) =>
  (await lintWorkflow(text, 'broken.yml')).map((problem) => problem.kind);

test('a valid workflow has no problem', async () => {
  assert.deepEqual(await lintWorkflow(valid, 'valid.yml'), []);
});

test('the committed workflows pass', async () => {
  const dir = join(root, '.github', 'workflows');
  const names = readdirSync(dir).filter((name) => name.endsWith('.yml'));
  assert.ok(names.includes('ci.yml') && names.includes('release.yml'));
  for (const name of names)
    assert.deepEqual(await lintWorkflow(readFileSync(join(dir, name), 'utf8'), name), [], name);
});

test('a misspelled key is refused', async () => {
  const broken = valid.replace('runs-on:', 'run-on:');
  assert.ok((await kinds(broken)).includes('syntax-check'));
});

test('an invalid permission value is refused', async () => {
  const broken = valid.replace('contents: read', 'contents: wrte');
  assert.ok((await kinds(broken)).includes('permissions'));
});

test('an undefined matrix property in an expression is refused', async () => {
  const broken = valid.replace('pnpm test', 'node-${{ matrix.node }}');
  assert.ok((await kinds(broken)).includes('expression'));
});

test('a job needing a job that does not exist is refused', async () => {
  const broken = valid.replace('    runs-on:', '    needs: build\n    runs-on:');
  assert.ok((await kinds(broken)).includes('job-needs'));
});

test('an action pinned to a tag instead of a commit is refused', async () => {
  const broken = valid.replace(CHECKOUT, 'actions/checkout@v7');
  assert.deepEqual(await kinds(broken), ['pinned-action']);
});

test('a workflow without top-level permissions is refused', async () => {
  const broken = valid.replace('permissions:\n  contents: read\n', '');
  assert.deepEqual(await kinds(broken), ['permissions']);
});
