#!/usr/bin/env node
// Proves `changeset version` (what the release pull request runs) produces the expected
// versions and changelogs, without touching this clone: the tracked and new files are copied to
// a scratch folder, `changeset version` runs there, and for every workspace package:
// - named in a pending changeset: the version gets the highest bump named for it, and
//   CHANGELOG.md a heading for the new version holding every one of its changesets' summaries;
// - public but not named: unchanged, or a patch for a dependency that left its range (with
//   "Updated dependencies" in its changelog);
// - private (the demo): package.json byte for byte as it was, and no CHANGELOG.md.
// One test per package (and one for the run itself) in scripts/release/reports/versions.json,
// which scripts/test-all.mjs counts. Exits 1 on a problem.
import { join } from 'node:path';
import { checkVersions } from './versionsCheck.mjs';
import { writeReport } from '../readme-samples/report.mjs';

const root = new URL('../..', import.meta.url).pathname;
const tests = checkVersions(root, join(root, 'node_modules'));
for (const test of tests) {
  console.log(`${test.status === 'passed' ? 'ok  ' : 'FAIL'} ${test.name}`);
  for (const message of test.messages) console.error(`     ${message}`);
}
const { failed } = writeReport(join(root, 'scripts', 'release', 'reports', 'versions.json'), tests);
process.exit(failed > 0 ? 1 : 0);
