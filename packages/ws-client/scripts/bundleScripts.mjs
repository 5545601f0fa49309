// Bundles bench scripts (`scripts/<name>.ts`, sibling packages from their sources) into
// node_modules/.cache/ws-client/<out>.mjs, the one esbuild setup every bench launcher shares.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const cacheDir = `${packageDir}node_modules/.cache/ws-client`;

/**
 * Bundles each `scripts/<name>.ts` of `entries` (`{ out: name }`) to `${cacheDir}/<out>.mjs`.
 * @returns the bundles' paths, by `out`.
 */
export async function bundleScripts(entries) {
  mkdirSync(cacheDir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([out, name]) => [out, `${packageDir}scripts/${name}.ts`]),
    ),
    outdir: cacheDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['ws', 'zod', 'esbuild', '@deriv/deriv-api'],
    alias: {
      '@deriv-auth/core': `${packageDir}../core/src/index.ts`,
      '@deriv-auth/mock-server': `${packageDir}../mock-server/src/index.ts`,
    },
    logLevel: 'warning',
  });
  return Object.fromEntries(Object.keys(entries).map((out) => [out, `${cacheDir}/${out}.mjs`]));
}
