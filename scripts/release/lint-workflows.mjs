#!/usr/bin/env node
// Lints every workflow in .github/workflows (see lintWorkflow.mjs for what is checked), prints
// each problem as file:line:column, and writes one test per workflow to
// scripts/release/reports/workflows.json, which scripts/test-all.mjs counts. Exits 1 on a problem.
//
// Usage: node scripts/release/lint-workflows.mjs [workflow.yml ...]
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintWorkflow } from './lintWorkflow.mjs';
import { writeReport } from '../readme-samples/report.mjs';

const root = new URL('../..', import.meta.url).pathname;
const workflowsDir = join(root, '.github', 'workflows');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(workflowsDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => join(workflowsDir, name));

const tests = [];
for (const path of files) {
  const shown = relative(root, path);
  const problems = await lintWorkflow(readFileSync(path, 'utf8'), shown);
  const messages = problems.map(
    (problem) =>
      `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`,
  );
  for (const message of messages) console.error(message);
  console.log(`${shown}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
  tests.push({
    file: 'scripts/release/lint-workflows.mjs',
    name: `workflow ${shown} passes actionlint and the pinning and permissions rules`,
    status: problems.length === 0 ? 'passed' : 'failed',
    messages,
  });
}
if (tests.length === 0) {
  tests.push({
    file: 'scripts/release/lint-workflows.mjs',
    name: 'there are workflows to lint',
    status: 'failed',
    messages: [`no workflow found in ${relative(root, workflowsDir)}`],
  });
}
const { failed } = writeReport(
  join(root, 'scripts', 'release', 'reports', 'workflows.json'),
  tests,
);
process.exit(failed > 0 ? 1 : 0);
