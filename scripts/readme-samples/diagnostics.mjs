// Turns compiler output and sample runs into tests: each diagnostic goes to the README block whose
// file it names (its line translated back to the README's), or to the published-declarations test.

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$/;
const DECLARATIONS = 'published declarations (every entry point, skipLibCheck off)';

/** Diagnostics of one compiler run, continuation lines folded into the message they belong to. */
function parseDiagnostics(output) {
  const diagnostics = [];
  for (const line of output.split('\n')) {
    const match = DIAGNOSTIC.exec(line.trimEnd());
    if (match) {
      const [, file, row, column, , code, message] = match;
      diagnostics.push({
        file: file.replaceAll('\\', '/'),
        row: Number(row),
        column: Number(column),
        code,
        message,
      });
    } else if (/^\s+\S/.test(line) && diagnostics.length > 0) {
      diagnostics.at(-1).message += ` ${line.trim()}`;
    } else if (line.trim() !== '') {
      diagnostics.push({ file: undefined, row: 0, column: 0, code: '', message: line.trim() });
    }
  }
  return diagnostics;
}

/**
 * @param samples - from extractSamples
 * @param compiled - `{ compiler, config, code, output }` per compiler run
 * @param ran - `{ sample, code, output }` per run sample
 * @returns tests `{ file, name, status: 'passed' | 'failed' | 'pending', messages }`
 */
export function attributeDiagnostics(samples, compiled, ran) {
  const byFileName = new Map(samples.map((sample) => [sample.fileName, sample]));
  const tests = [];
  for (const { compiler, config, code, output } of compiled) {
    const label = `[${compiler.name} ${config.name}]`;
    const messages = new Map(samples.map((sample) => [sample, []]));
    const declarationMessages = [];
    for (const diagnostic of parseDiagnostics(output)) {
      const sample = diagnostic.file?.startsWith('samples/')
        ? byFileName.get(diagnostic.file.slice('samples/'.length))
        : undefined;
      if (sample) {
        messages
          .get(sample)
          .push(
            `${sample.path}:${sample.line + diagnostic.row}:${diagnostic.column} ${diagnostic.code} ${diagnostic.message}`,
          );
      } else {
        const where = diagnostic.file
          ? `${diagnostic.file}:${diagnostic.row}:${diagnostic.column} `
          : '';
        declarationMessages.push(`${where}${diagnostic.code} ${diagnostic.message}`.trim());
      }
    }
    const anyMessage =
      declarationMessages.length > 0 || [...messages.values()].some((list) => list.length > 0);
    if (code !== 0 && !anyMessage)
      declarationMessages.push(`the compiler exited with ${code}: ${output.trim()}`);
    tests.push({
      file: 'published declarations',
      name: `${DECLARATIONS} ${label}`,
      status: declarationMessages.length > 0 ? 'failed' : 'passed',
      messages: declarationMessages,
    });
    for (const sample of samples.filter((entry) => !entry.skip)) {
      const list = messages.get(sample);
      tests.push({
        file: sample.path,
        name: `${sample.id} compiles ${label}`,
        status: list.length > 0 ? 'failed' : 'passed',
        messages: list,
      });
    }
  }
  for (const sample of samples.filter((entry) => entry.skip)) {
    const reasoned = sample.skip.reason.length > 0;
    tests.push({
      file: sample.path,
      name: `${sample.id} skipped: ${reasoned ? sample.skip.reason : '(no reason given)'}`,
      status: reasoned ? 'pending' : 'failed',
      messages: reasoned ? [] : ['<!-- sample: skip: ... --> needs a reason after "skip:"'],
    });
  }
  for (const sample of samples.filter((entry) => entry.topLevelAwait && !entry.skip)) {
    tests.push({
      file: sample.path,
      name: `${sample.id} notes "type": "module" for its top-level await`,
      status: sample.notesModule ? 'passed' : 'failed',
      messages: sample.notesModule
        ? []
        : [
            `${sample.id}: a top-level await needs an ES module ("type": "module" in package.json, <script type="module"> on a page); say so in the block or just above it`,
          ],
    });
  }
  for (const { sample, code, output } of ran) {
    tests.push({
      file: sample.path,
      name: sample.vitest
        ? `${sample.id} passes under vitest against the mock server`
        : `${sample.id} runs with Node against the mock server`,
      status: code === 0 ? 'passed' : 'failed',
      messages: code === 0 ? [] : [`exit ${code}`, ...output.trim().split('\n').slice(-20)],
    });
  }
  return tests;
}
