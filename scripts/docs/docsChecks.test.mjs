// The docs checks must be able to fail: a broken link, a missing anchor, a missing error code.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkErrorCodes } from './errorCodes.mjs';
import { checkBuiltSite, checkMarkdownFile, githubSlug, markdownAnchors } from './links.mjs';

function scratch(files) {
  const dir = mkdtempSync(join(tmpdir(), 'docs-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('headings become GitHub anchors, repeats numbered', () => {
  assert.equal(githubSlug("The routes' answers"), 'the-routes-answers');
  assert.equal(githubSlug('`DerivApiError` (core)'), 'derivapierror-core');
  assert.deepEqual([...markdownAnchors('# A\n## A\n```\n# not a heading\n```\n')], ['a', 'a-1']);
});

test('markdown: a missing file and a missing anchor are reported; good links and code are not', () => {
  const dir = scratch({
    'a.md': [
      '# Title',
      '[ok](./b.md#second-part) [ok](#title) [ext](https://example.com/x.md)',
      '[gone](./missing.md) [bad anchor](./b.md#nowhere) `[in code](./nope.md)`',
      '```md',
      '[in a fence](./nope.md)',
      '```',
    ].join('\n'),
    'b.md': '# B\n## Second part\n',
  });
  try {
    const problems = checkMarkdownFile(join(dir, 'a.md'), dir);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /a\.md:3 \.\/missing\.md: no such file/);
    assert.match(problems[1], /#nowhere/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('built site: a missing page and a missing id are reported', () => {
  const dir = scratch({
    'index.html':
      '<a href="docs/page.html#here">ok</a><a href="docs/page.html#gone">x</a><a href="nope.html">x</a><a href="https://x.y/">ext</a>',
    'docs/page.html': '<h2 id="here">Here</h2><a href="../index.html">up</a>',
  });
  try {
    const { pages, links, problems } = checkBuiltSite(dir);
    assert.equal(pages, 2);
    assert.equal(links, 4);
    assert.deepEqual(problems, [
      'index.html -> docs/page.html#gone: no element with id "gone"',
      'index.html -> nope.html: no such file',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors guide: a code without its row, or a row without its code, is reported', () => {
  const guide = [
    '## FooError',
    'Codes: `FOO_ERROR_CODES`.',
    '| code | what |',
    '| --- | --- |',
    '| `one` | x |',
    '| `stale` | x |',
    '## BarError',
    '| `two` | x |',
  ].join('\n');
  const arrays = new Map([
    ['FOO_ERROR_CODES', { codes: ['one', 'two'] }],
    ['BAZ_ERROR_CODES', { codes: ['three'] }],
  ]);
  const [foo, baz] = checkErrorCodes(guide, arrays);
  assert.deepEqual(foo.problems, [
    'FOO_ERROR_CODES: `two` has no row in the section "## FooError"',
    'FOO_ERROR_CODES: the section "## FooError" lists `stale`, which the array does not have',
  ]);
  assert.deepEqual(baz.problems, ['no section of the guide names `BAZ_ERROR_CODES`']);
});
