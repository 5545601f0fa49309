// Keeps the errors guide complete: every code of every `*_ERROR_CODES` array a package exports must
// be a row of the table in the guide's section that names that array.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every exported `*_ERROR_CODES` array of every package's built entry point, by name. */
export async function loadErrorCodeArrays(root) {
  const arrays = new Map();
  for (const name of readdirSync(join(root, 'packages'))) {
    const entry = join(root, 'packages', name, 'dist', 'index.js');
    const exports = await import(pathToFileURL(entry).href);
    for (const [exportName, value] of Object.entries(exports))
      if (exportName.endsWith('_ERROR_CODES') && Array.isArray(value))
        arrays.set(exportName, { packageName: name, codes: value });
  }
  return arrays;
}

/** The `##` sections of a markdown text, each as its heading and body. */
function sections(text) {
  return text.split(/^(?=## )/m).map((section) => ({
    heading: section.split('\n', 1)[0],
    body: section,
  }));
}

/**
 * @param guideText - the errors guide's markdown
 * @param arrays - from {@link loadErrorCodeArrays}
 * @returns per array, `{ name, problems }` (empty problems: every code has its table row)
 */
export function checkErrorCodes(guideText, arrays) {
  const all = sections(guideText);
  return [...arrays].map(([name, { codes }]) => {
    const section = all.find((entry) => entry.body.includes(`\`${name}\``));
    if (!section) return { name, problems: [`no section of the guide names \`${name}\``] };
    const rows = new Set(
      [...section.body.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((match) => match[1]),
    );
    const problems = codes
      .filter((code) => !rows.has(code))
      .map((code) => `${name}: \`${code}\` has no row in the section "${section.heading}"`);
    for (const row of rows)
      if (!codes.includes(row))
        problems.push(
          `${name}: the section "${section.heading}" lists \`${row}\`, which the array does not have`,
        );
    return { name, problems };
  });
}
