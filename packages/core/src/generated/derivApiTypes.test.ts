import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const sourceDir = fileURLToPath(new URL('..', import.meta.url));
const packageDir = join(sourceDir, '..');
const generator = join(packageDir, 'scripts/generateCallTypes.mjs');
const generatedFiles = ['derivApiTypes.ts', 'test/apiTypesCalls.ts'];
const schemaDir = process.env['DERIV_API_SCHEMAS'] ?? '/work/shared/reference/deriv-api-schemas';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const read = (file: string): string => readFileSync(join(sourceDir, 'generated', file), 'utf8');

/** The hashes a generated file's header records, and the body they cover. */
function parseGenerated(text: string): { hashes: Record<string, string>; body: string } {
  const headerEnd = text.indexOf('\n\n');
  const hashes = Object.fromEntries(
    [...text.slice(0, headerEnd).matchAll(/^\/\/ ([a-z]+)-sha256: ([0-9a-f]{64})$/gm)].map(
      ([, name = '', hash = '']) => [name, hash],
    ),
  );
  return { hashes, body: text.slice(headerEnd + 2) };
}

/**
 * esbuild's output for an entry, bundled and minified the way an app bundler would, except for
 * identifier renaming: esbuild picks short names by character frequency in the input, so two
 * entries with identical output code could still get different names.
 */
async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: sourceDir, loader: 'ts' },
    bundle: true,
    minifySyntax: true,
    minifyWhitespace: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('generated call types', () => {
  it('compile to zero bytes', async () => {
    for (const entry of ['generated/derivApiTypes.ts', 'derivCalls.ts', 'derivNewApiCalls.ts'])
      expect(await bundle(`export * from './${entry}';`), entry).toBe('');
  });

  it('add zero bytes to the main entry', async () => {
    const index = readFileSync(join(sourceDir, 'index.ts'), 'utf8');
    const withoutCallTypes = index.replace(
      /^export type [^;]*?from '\.\/(generated\/derivApiTypes|derivCalls|derivNewApiCalls)\.js';$/gms,
      '',
    );
    expect(withoutCallTypes).not.toBe(index);
    expect(await bundle(index)).toBe(await bundle(withoutCallTypes));
  });

  it('were not edited by hand and come from the committed generator', () => {
    const generatorHash = sha256(readFileSync(generator, 'utf8'));
    for (const file of generatedFiles) {
      const { hashes, body } = parseGenerated(read(file));
      expect(hashes['content'], `${file}: body changed since generation`).toBe(sha256(body));
      expect(hashes['generator'], `${file}: run pnpm run generate:types`).toBe(generatorHash);
      expect(hashes['schemas'], file).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('carry each schema description as TSDoc', () => {
    expect(read('derivApiTypes.ts')).toContain(
      '   * Must be `1`\n   */\n  ping: 1;\n  /**\n   * [Optional] Used to pass data',
    );
  });

  // Without Deriv's schemas (CI) the header's schema hash is all that can be checked: that the
  // committed output came from a known schema set (test above). With them, regenerate and compare.
  it('match what the generator writes from the schemas, when the schemas are present', () => {
    if (!existsSync(schemaDir)) {
      expect(parseGenerated(read('derivApiTypes.ts')).hashes['schemas']).toMatch(/^[0-9a-f]{64}$/);
      return;
    }
    const outDir = mkdtempSync(join(tmpdir(), 'deriv-call-types-'));
    try {
      execFileSync(process.execPath, [generator, schemaDir, outDir], { stdio: 'pipe' });
      for (const file of generatedFiles)
        expect(readFileSync(join(outDir, file), 'utf8'), `${file} is stale`).toBe(read(file));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
