// Size budget: the bytes this package adds to an app that already ships @deriv-auth/ws-client.
//
// Two measurements, both minified + gzip -9:
// - added (budgeted): gzip(ws-client + core + this package) - gzip(ws-client + core), React and zod
//   external: what an app that already ships ws-client pays for the hooks once bundled;
// - standalone (reported): this package alone with React, core and ws-client external. It is larger
//   because it keeps one import statement per module and gzips without the shared dictionary.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// 2.25 KB since the hardening pass: callbacks found in the fragment too, the once-only report of an
// unhandled login failure, account kinds without silent fallback. The callback detection is a
// local copy of core's `hasOAuthCallback`/`stripOAuthCallback` until those are imported (~200 B
// of this then moves into core, which an app ships anyway).
const BUDGET_BYTES = 2304;
const packages = fileURLToPath(new URL('../..', import.meta.url));
const source = (name) => `${packages}/${name}/src/index.ts`;

/** Resolves sibling packages to their sources, as the tests do, so no sibling build is needed. */
const siblingSources = {
  name: 'sibling-sources',
  setup(builder) {
    builder.onResolve({ filter: /^@deriv-auth\/(core|ws-client|react-hooks)$/ }, (args) => ({
      path: source(args.path.slice('@deriv-auth/'.length)),
    }));
  },
};

async function gzipSize(contents, { external, plugins = [] }) {
  const result = await build({
    stdin: { contents, resolveDir: packages, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    external,
    plugins,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const react = ['react', 'react/*', 'react-dom'];
const standalone = await gzipSize(`export * from ${JSON.stringify(source('react-hooks'))};`, {
  external: [...react, '@deriv-auth/core', '@deriv-auth/ws-client'],
});
const base = `export * from '@deriv-auth/core'; export * from '@deriv-auth/ws-client';`;
const without = await gzipSize(base, {
  external: [...react, 'zod', 'zod/*'],
  plugins: [siblingSources],
});
const withHooks = await gzipSize(`${base} export * from '@deriv-auth/react-hooks';`, {
  external: [...react, 'zod', 'zod/*'],
  plugins: [siblingSources],
});
const added = withHooks.gzip - without.gzip;

console.log(
  `react-hooks standalone (core, ws-client, react external): ${standalone.minified} B min, ${standalone.gzip} B gzip`,
);
console.log(
  `core + ws-client: ${without.gzip} B gzip; + react-hooks: ${withHooks.gzip} B gzip; added: ${added} B gzip`,
);
console.log(
  `budget ${BUDGET_BYTES} B gzip added: ${added <= BUDGET_BYTES ? 'within' : 'OVER'} (${added} B)`,
);
if (added > BUDGET_BYTES) process.exitCode = 1;
