// The README check's own logic, without compilers or network: `node --test scripts/readme-samples/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributeDiagnostics } from './diagnostics.mjs';
import { extractSamples } from './extract.mjs';

const markdown = [
  '# Title', //                                   1
  '```sh', //                                     2
  'npm install x', //                             3
  '```', //                                       4
  '<!-- sample: run -->', //                      5
  '', //                                          6
  '```ts', //                                     7
  "import { a } from 'a';", //                    8
  'await a();', //                                9
  '```', //                                       10
  '<!-- sample: skip: a signature, not code -->', // 11
  '```tsx', //                                    12
  'f(x?)', //                                     13
  '```', //                                       14
  '- a list item:', //                            15
  '  ```js', //                                   16
  '  beforeEach(async () => (s = await f()));', // 17
  '  ```', //                                     18
  '<!-- sample: skip -->', //                     19
  '```ts', //                                     20
  'x', //                                         21
  '```', //                                       22
].join('\n');

test('finds ts, tsx and js blocks with their fence line, marker and file name', () => {
  const samples = extractSamples('packages/x/README.md', markdown);
  assert.deepEqual(
    samples.map((sample) => [sample.id, sample.fileName, sample.run, sample.skip?.reason]),
    [
      ['packages/x/README.md:7', 'packages_x_README_md_L7.ts', true, undefined],
      ['packages/x/README.md:12', 'packages_x_README_md_L12.tsx', false, 'a signature, not code'],
      ['packages/x/README.md:16', 'packages_x_README_md_L16.js', false, undefined],
      ['packages/x/README.md:20', 'packages_x_README_md_L20.ts', false, ''],
    ],
  );
  assert.equal(samples[2].code, 'beforeEach(async () => (s = await f()));\n'); // list indent removed
});

test('tells a top-level await from one inside an async function', () => {
  const [first, , third] = extractSamples('README.md', markdown);
  assert.equal(first.topLevelAwait, true);
  assert.equal(first.notesModule, false);
  assert.equal(third.topLevelAwait, false);
  const noted = extractSamples('README.md', 'With `"type": "module"`:\n\n```ts\nawait f();\n```\n');
  assert.equal(noted[0].notesModule, true);
});

test('puts each diagnostic on its README line, the rest on the declarations test', () => {
  const samples = extractSamples('packages/x/README.md', markdown);
  const output = [
    "samples/packages_x_README_md_L7.ts(2,1): error TS2304: Cannot find name 'a'.",
    '  Did you mean b?',
    "node_modules/@deriv-auth/core/dist/index.d.ts(1,1): error TS2307: Cannot find module 'zod'.",
  ].join('\n');
  const tests = attributeDiagnostics(
    samples,
    [{ compiler: { name: 'ts7' }, config: { name: 'bundler' }, code: 1, output }],
    [{ sample: samples[0], code: 0, output: '' }],
  );
  const byName = new Map(tests.map((entry) => [entry.name, entry]));
  assert.deepEqual(byName.get('packages/x/README.md:7 compiles [ts7 bundler]').messages, [
    "packages/x/README.md:9:1 TS2304 Cannot find name 'a'. Did you mean b?",
  ]);
  assert.equal(byName.get('packages/x/README.md:16 compiles [ts7 bundler]').status, 'passed');
  const declarations = tests.find((entry) => entry.name.startsWith('published declarations'));
  assert.equal(declarations.status, 'failed');
  assert.match(
    declarations.messages[0],
    /^node_modules\/@deriv-auth\/core\/dist\/index\.d\.ts:1:1/,
  );
  assert.equal(
    byName.get('packages/x/README.md:12 skipped: a signature, not code').status,
    'pending',
  );
  assert.equal(byName.get('packages/x/README.md:20 skipped: (no reason given)').status, 'failed');
  assert.equal(
    byName.get('packages/x/README.md:7 runs with Node against the mock server').status,
    'passed',
  );
  assert.equal(
    byName.get('packages/x/README.md:7 notes "type": "module" for its top-level await').status,
    'failed',
  );
});

test('a compiler that fails without a diagnostic fails the declarations test', () => {
  const tests = attributeDiagnostics(
    [],
    [{ compiler: { name: 'ts5.9' }, config: { name: 'nodenext' }, code: 134, output: '' }],
    [],
  );
  assert.equal(tests[0].status, 'failed');
  assert.match(tests[0].messages[0], /exited with 134/);
});

test('a vitest sample is named as a test file and run as one', () => {
  const [sample] = extractSamples(
    'docs/guides/05-x.md',
    '<!-- sample: vitest -->\n```ts\nit();\n```\n',
  );
  assert.equal(sample.fileName, 'docs_guides_05_x_md_L2.test.ts');
  assert.equal(sample.vitest, true);
  assert.equal(sample.run, false);
  const [result] = attributeDiagnostics([sample], [], [{ sample, code: 1, output: 'FAIL x' }]);
  assert.equal(result.name, 'docs/guides/05-x.md:2 passes under vitest against the mock server');
  assert.equal(result.status, 'failed');
});
