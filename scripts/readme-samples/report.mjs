// Writes the README check's results in the shape of vitest's JSON reporter, which
// scripts/test-all.mjs sums into the "N passed, M failed" line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeReport(path, tests) {
  const count = (status) => tests.filter((test) => test.status === status).length;
  const files = [...new Set(tests.map((test) => test.file))];
  const report = {
    numTotalTests: tests.length,
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('pending'),
    numTodoTests: 0,
    startTime: Date.now(),
    success: count('failed') === 0,
    testResults: files.map((file) => {
      const inFile = tests.filter((test) => test.file === file);
      return {
        name: file,
        status: inFile.some((test) => test.status === 'failed') ? 'failed' : 'passed',
        assertionResults: inFile.map((test) => ({
          title: test.name,
          fullName: test.name,
          status: test.status,
          failureMessages: test.messages,
        })),
      };
    }),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}
