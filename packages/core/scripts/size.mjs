#!/usr/bin/env node
// Size budgets for what browsers download: bundles the built package (dist/) with esbuild the way
// an app bundler would (minified, tree-shaken, zod resolved from node_modules), gzips the result,
// (the package imports itself by name: Node's self-reference through its exports map),
// prints the figures and exits 1 when a budget is exceeded.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const budgets = [
  {
    name: 'parse-only import (parseOAuthRedirect, safeParseOAuthRedirect)',
    code: `export { parseOAuthRedirect, safeParseOAuthRedirect } from '@deriv-auth/core';`,
    // The parser must never pull in zod, the generated call data, or the New API's oauth4webapi.
    forbidden: /node_modules\/.*(?:zod|oauth4webapi)|generated\//,
    // Issue target: 1 KB, not reachable with every check the tests assert: the parsing logic alone
    // (type and size cap, decoding, repeats, indexes, state, provider error, three patterns, index
    // order) gzips to ~1.13 KB even with no messages and no error classes. Messages share one
    // shape (`code: expected X in parameter`); the classes add ~0.13 KB. Issue 9 added ~0.26 KB:
    // the required state check, path skipping, and cleaning the provider's text (1,339 -> 1,600 B).
    // Budget = today + ~2%.
    target: 1024,
    // The shared provider-text cleaning (refuseRedirect.ts) costs ~45 B here.
    limit: 1664,
  },
  {
    name: 'login helpers (buildOAuthUrl, createOAuthState, validateReturnPath, parse)',
    code: `export { buildOAuthUrl, createOAuthState, validateReturnPath, parseOAuthRedirect, safeParseOAuthRedirect } from '@deriv-auth/core';`,
    // Issue 9 added the parser's ~0.26 KB and validateReturnPath's second check (2,031 -> 2,318 B).
    // Legacy apps pay nothing for the New API.
    forbidden: /node_modules\/.*oauth4webapi/,
    target: 2048,
    limit: 2400,
  },
  {
    name: 'New API callback parser (parseAuthorizationCallback, safeParse, skipStateCheck)',
    code: `export { parseAuthorizationCallback, safeParseAuthorizationCallback, skipStateCheck } from '@deriv-auth/core';`,
    forbidden: /node_modules\/.*(?:zod|oauth4webapi)|generated\//,
    // The legacy parser's checks minus the account rules, plus the state rules: ~1.13 KB.
    // Budget = today + ~2%.
    target: 1160,
    // +120 B: provider text is now cleaned of credentials and the code it quotes (review finding).
    limit: 1296,
  },
  {
    name: 'New API login helpers (PKCE, buildAuthorizationUrl, parseAuthorizationCallback)',
    code: `export { createCodeVerifier, createCodeChallenge, buildAuthorizationUrl, parseAuthorizationCallback, safeParseAuthorizationCallback, skipStateCheck } from '@deriv-auth/core';`,
    forbidden: /node_modules\/.*zod|generated\//,
    // ~3.1 KB, of which oauth4webapi's calculatePKCECodeChallenge with its module-level helpers
    // is ~1.1 KB (a hand-written digest would be ~0.2 KB). Kept: the browser login that
    // exchanges the code also loads oauth4webapi's token functions (~6 KB), and next to them the
    // challenge adds ~70 B. Budget = today + ~2%.
    target: 3260,
    limit: 3380,
  },
  {
    name: 'New API zod schemas (token, token error, REST error, accounts, OTP)',
    code: `export { TokenResponseSchema, TokenErrorResponseSchema, RestErrorEnvelopeSchema, AccountListResponseSchema, NewApiAccountSchema, CreateAccountRequestSchema, CreateAccountResponseSchema, OtpResponseSchema } from '@deriv-auth/core';`,
    forbidden: /node_modules\/.*oauth4webapi|generated\//,
    // zod/mini's object, array, literal, refine, pipe and transform runtime (~6 KB) plus ~1 KB of
    // field names. Budget = today + ~2%.
    target: 7380,
    limit: 7380,
  },
  {
    name: "zod-free '@deriv-auth/core/calls' entry",
    code: `export * from '@deriv-auth/core/calls';`,
    forbidden: /node_modules\/.*zod/,
    target: 3072,
    limit: 3072,
  },
  {
    name: 'everything core exports, zod/mini included',
    code: `export * from '@deriv-auth/core';`,
    // Issue target: 10 KB, not reachable with the schemas the contract names: zod/mini's runtime for
    // the features they use (objects, arrays, literals, nullable, catchall, refine) is ~6.0 KB; all
    // the zod-free code (parser, login helpers, errors, redaction, generated call data ~1.6 KB) is
    // ~4.9 KB; the schema definitions (field names) ~1 KB; gzip shares ~0.4 KB. Issue 9 added
    // ~1.3 KB: hasOAuthCallback/stripOAuthCallback, the stronger redaction, integer checks
    // (11,526 -> 12,798 B). The New API added ~4.2 KB: its zod-free helpers ~2.0 KB, oauth4webapi's
    // challenge ~1.1 KB, its schemas (pipe and transform, new to core) ~1.2 KB. The merges after it
    // left 17,241 B; issue 10's exported code arrays (every error class lists its codes as a value,
    // so programs and tests can enumerate them) add ~0.17 KB (17,407 B). Issue 14 measured the
    // parts (17,357 B): zod/mini's runtime ~6 KB and the schema definitions ~1 KB sit in the main
    // entry; reaching 10 KB means moving the schemas behind their own entry point (a breaking
    // import change for server, login and apps), not trimming code. The New API's callback
    // detection (hasAuthorizationCallback, stripAuthorizationCallback) moved here from login and
    // shares the legacy detector's URL code: +98 B here (17,455 B), -515 B in login.
    // Budget = today + ~0.25%.
    target: 10 * 1024,
    limit: 17_500,
  },
];

let failed = false;
for (const budget of budgets) {
  const result = await build({
    stdin: { contents: budget.code, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const bytes = result.outputFiles[0].contents;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  // Inputs that contributed bytes after tree-shaking (metafile.inputs also lists dropped ones).
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs)
    .filter(([path, { bytesInOutput }]) => bytesInOutput > 0 && budget.forbidden?.test(path))
    .map(([path]) => path);
  if (inputs.length > 0) {
    failed = true;
    console.error(`FORBIDDEN in ${budget.name}: ${inputs.join(', ')}`);
  }
  const over = gzip > budget.limit;
  failed ||= over;
  const versusTarget = gzip <= budget.target ? 'meets target' : `target ${budget.target} B not met`;
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${budget.name}: ${bytes.length} B min, ${gzip} B gzip (budget ${budget.limit} B, ${versusTarget})`,
  );
}
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
