// Size budget: the bytes this package adds to an app that already ships @deriv-auth/login (and so
// ws-client and core: the hooks need all three).
//
// Two measurements, both minified + gzip -9:
// - added (budgeted): gzip(core + ws-client + login + this package) - gzip(core + ws-client +
//   login), React and zod external: what the hooks cost once bundled;
// - standalone (reported): this package alone with React and the siblings external. It is larger
//   because it keeps one import statement per module and gzips without the shared dictionary.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// 0.875 KB: 760 B measured when the login moved to @deriv-auth/login (which has its own budget);
// what is left is the provider, the snapshot hooks and the two login hooks. useStream (issue 13:
// its observer, the account-bound check, the request key) adds 345 B (1,106 B): 1.125 KB.
const BUDGET_BYTES = 1_152;
const packages = fileURLToPath(new URL('../..', import.meta.url));
const source = (name) => `${packages}/${name}/src/index.ts`;

/** Resolves sibling packages to their sources, as the tests do, so no sibling build is needed. */
const siblingSources = {
  name: 'sibling-sources',
  setup(builder) {
    builder.onResolve({ filter: /^@deriv-auth\/(core|ws-client|login|react-hooks)$/ }, (args) => ({
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
  external: [...react, '@deriv-auth/core', '@deriv-auth/ws-client', '@deriv-auth/login'],
});
const base = `export * from '@deriv-auth/core'; export * from '@deriv-auth/ws-client'; export * from '@deriv-auth/login';`;
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
  `react-hooks standalone (core, ws-client, login, react external): ${standalone.minified} B min, ${standalone.gzip} B gzip`,
);
console.log(
  `core + ws-client + login: ${without.gzip} B gzip; + react-hooks: ${withHooks.gzip} B gzip; added: ${added} B gzip`,
);
console.log(
  `budget ${BUDGET_BYTES} B gzip added: ${added <= BUDGET_BYTES ? 'within' : 'OVER'} (${added} B)`,
);
if (added > BUDGET_BYTES) process.exitCode = 1;
