#!/usr/bin/env node
// The docs site's checks, after `typedoc` built it into docs/api (`pnpm docs` runs both):
// - every code of every exported `*_ERROR_CODES` array has its row in docs/guides/06-errors.md
//   (the packages must be built: the arrays are read from each package's dist/index.js);
// - every relative link and anchor of the markdown the site is made of resolves;
// - every internal href and src of the built HTML resolves, anchors included.
// Each check is one test in scripts/docs/reports/docs.json (vitest's JSON shape), which
// scripts/test-all.mjs counts. Exits 1 on a problem.
import { existsSync, readdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeReport } from '../readme-samples/report.mjs';
import { checkErrorCodes, loadErrorCodeArrays } from './errorCodes.mjs';
import { checkBuiltSite, checkMarkdownFile } from './links.mjs';

const root = new URL('../..', import.meta.url).pathname;
const site = join(root, 'docs', 'api');
const guides = join(root, 'docs', 'guides');

const markdownFiles = [
  ...readdirSync(guides)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(guides, name)),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
  ...['README.md', 'PROTOCOL.md', 'SECURITY.md', 'CONTRIBUTING.md', 'examples/README.md'].map(
    (name) => join(root, name),
  ),
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md')),
].filter((file) => existsSync(file));

const tests = [];
const record = (file, name, problems) =>
  tests.push({ file, name, status: problems.length > 0 ? 'failed' : 'passed', messages: problems });

const errorsGuide = join(guides, '06-errors.md');
const arrays = await loadErrorCodeArrays(root);
if (arrays.size === 0)
  record('errors guide', 'the packages export error code arrays', [
    'none found: build the packages first',
  ]);
for (const { name, problems } of checkErrorCodes(readFileSync(errorsGuide, 'utf8'), arrays))
  record('errors guide', `every code of ${name} is in docs/guides/06-errors.md`, problems);

for (const file of markdownFiles)
  record(
    'markdown links',
    `links and anchors of ${relative(root, file)} resolve`,
    checkMarkdownFile(file, root),
  );

if (existsSync(join(site, 'index.html'))) {
  const { pages, links, problems } = checkBuiltSite(site);
  console.log(`built site: ${pages} pages, ${links} internal links checked`);
  record('built site', `internal links of the built site resolve (${pages} pages)`, problems);
  const documents = join(site, 'documents');
  const guidePages = existsSync(documents) ? readdirSync(documents).length : 0;
  const guideCount = readdirSync(guides).filter((name) => name.endsWith('.md')).length;
  record(
    'built site',
    'every guide is a page of the site',
    guidePages >= guideCount
      ? []
      : [`${guideCount} guides, ${guidePages} pages in docs/api/documents`],
  );
} else {
  record('built site', 'the site was built', [
    `no ${relative(root, site)}/index.html: run typedoc first`,
  ]);
}

const { passed, failed } = writeReport(
  join(root, 'scripts', 'docs', 'reports', 'docs.json'),
  tests,
);
for (const test of tests.filter((entry) => entry.status === 'failed'))
  console.log(`FAIL ${test.name}\n  ${test.messages.join('\n  ')}`);
console.log(`docs checks: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
