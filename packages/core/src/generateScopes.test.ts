import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/generateScopes.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('./test/schemas/', import.meta.url));
let outDir: string | undefined;

afterEach(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('scripts/generateScopes.mjs', () => {
  it('generates call requirements and sensitive fields from a schema folder given on the command line', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'deriv-core-generate-'));
    const { stdout } = await promisify(execFile)(process.execPath, [script, fixtures, outDir]);
    expect(stdout).toContain('3 calls');

    const requirements = await readFile(join(outDir, 'callRequirements.ts'), 'utf8');
    expect(requirements).toContain(`['', 'authorize ping']`);
    expect(requirements).toContain(`['read trading_information', 'balance']`);

    const sensitive = await readFile(join(outDir, 'sensitiveFields.ts'), 'utf8');
    expect(sensitive).toContain(`'authorize|authorize tokens'`);
    expect(sensitive).toContain(`['authorize', 'email', 'tokens']`);
  });
});
