// Finds the code blocks the README check compiles, and the markers that change how one is treated.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * README.md, packages/<name>/README.md, apps/<name>/README.md, docs/*.md and the docs site's
 * guides, docs/guides/*.md (not docs/api, the built site).
 */
export function sampleSources(root) {
  const inGroup = (group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name, 'README.md'))
      .filter((file) => existsSync(file));
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name));
  const guidesDir = join(root, 'docs', 'guides');
  const guides = existsSync(guidesDir)
    ? readdirSync(guidesDir)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => join(guidesDir, name))
    : [];
  return [join(root, 'README.md'), ...inGroup('packages'), ...inGroup('apps'), ...docs, ...guides];
}

const FENCE_OPEN = /^(\s*)```(ts|tsx|typescript|js|jsx|javascript|mjs)\b.*$/;
const MARKER = /^\s*<!--\s*sample:\s*(skip|run|vitest)\b\s*:?\s*(.*?)\s*-->\s*$/;
const EXTENSIONS = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  jsx: 'jsx',
};

/**
 * The compilable blocks of one markdown file, each with the line its fence opens on (1-based), a
 * file name unique across the repository, and its marker: the nearest non-blank line above the
 * fence may be `<!-- sample: run -->` (a Node program), `<!-- sample: vitest -->` (a test file:
 * its name ends in `.test.ts` so vitest runs it) or `<!-- sample: skip: why -->`.
 */
export function extractSamples(path, text) {
  const lines = text.split('\n');
  const samples = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE_OPEN.exec(lines[index]);
    if (!open) continue;
    const indent = open[1].length;
    let end = index + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const body = lines
      .slice(index + 1, end)
      .map((line) => line.slice(Math.min(indent, line.search(/\S|$/))));
    let above = index - 1;
    while (above >= 0 && lines[above].trim() === '') above--;
    const marker = above >= 0 ? MARKER.exec(lines[above]) : null;
    const line = index + 1;
    // A top-level `await` compiles only in an ES module: in Node that means `"type": "module"`
    // (a page: `<script type="module">`), which the reader must be told, in the block or the text
    // just above it. Top level here:
    // an unindented line that awaits outside an `async` function written on that same line.
    const topLevelAwait = body.some((code) =>
      /^(?!\s)(?!\/\/)(?:(?!\basync\b).)*\bawait\b/.test(code),
    );
    const notesModule = [...lines.slice(Math.max(0, index - 12), index), ...body].some((text) =>
      /"type": "module"|type="module"/.test(text),
    );
    samples.push({
      id: `${path}:${line}`,
      path,
      line,
      fileName: `${path.replace(/[^A-Za-z0-9]+/g, '_')}_L${line}${marker?.[1] === 'vitest' ? '.test' : ''}.${EXTENSIONS[open[2]]}`,
      code: `${body.join('\n')}\n`,
      run: marker?.[1] === 'run',
      vitest: marker?.[1] === 'vitest',
      topLevelAwait,
      notesModule,
      skip: marker?.[1] === 'skip' ? { reason: marker[2] } : undefined,
    });
    index = end;
  }
  return samples;
}
