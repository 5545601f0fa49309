// What a published tarball may hold, as pure rules over its file list and contents, so that the
// tests can feed them any tarball. Each rule returns the problems it found (empty: it passes).
// Paths are relative to the tarball's `package/` folder.
import { posix } from 'node:path';

/** The files a package may publish; anything else is a problem. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^dist\/.+\.(?:js|mjs|cjs|d\.ts|d\.mts|d\.cts|js\.map|mjs\.map|cjs\.map|d\.ts\.map|d\.mts\.map|d\.cts\.map)$/,
  // Sources, for go-to-definition through the declaration maps (and the JSON they import).
  /^src\/.+\.(?:ts|tsx|mts|cts|js|mjs|json)$/,
];

/** Files that must never ship, named so the message says why (they fail the allow list too). */
const FORBIDDEN = [
  [/(?:^|\/)[^/]+\.test(?:-d)?\.[cm]?[jt]sx?(?:\.map)?$/, 'a test file'],
  [/(?:^|\/)[^/]+\.(?:spec|bench)\.[cm]?[jt]sx?$/, 'a test or benchmark file'],
  [/(?:^|\/)(?:test|tests|__tests__|__fixtures__|fixtures)\//, 'a test folder'],
  [/(?:^|\/)api-report\//, 'an API report (review material, not for users)'],
  [/(?:^|\/)\.env(?:\..*)?$/, 'an environment file'],
  [/(?:^|\/)\.npmrc$/, 'an npm configuration (may hold a token)'],
  [/\.(?:pem|key|p12|pfx|crt)$|(?:^|\/)id_(?:rsa|ed25519|ecdsa)$/, 'a key or certificate'],
  [/\.tsbuildinfo$/, 'a TypeScript build cache'],
];

/** Secret shapes searched in every text file of the tarball. */
const SECRETS = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm access token'],
  // Deriv's legacy API tokens: "a1-" and about 29 letters and digits. Shorter samples such as
  // `a1-abcdefghijklmnop` in TSDoc are documentation, not credentials.
  [/\ba1-[A-Za-z0-9]{24,}\b/, 'a Deriv API token'],
];

/** Every file is on the allow list and none is forbidden. */
export function checkAllowList(paths) {
  return paths.flatMap((path) => {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(path));
    if (forbidden) return [`${path}: ${forbidden[1]} must not be published`];
    return ALLOWED.some((pattern) => pattern.test(path))
      ? []
      : [
          `${path}: not on the allow list (package.json, README.md, LICENSE, CHANGELOG.md, dist/**, src/**)`,
        ];
  });
}

/** The licence and the README ship with the package. */
export function checkRequiredFiles(paths) {
  return ['package.json', 'README.md', 'LICENSE']
    .filter((required) => !paths.includes(required))
    .map((required) => `${required} is missing from the tarball`);
}

/** No text file contains a secret's shape. `files` maps each path to its contents. */
export function checkSecrets(files) {
  return [...files].flatMap(([path, contents]) =>
    SECRETS.filter(([pattern]) => pattern.test(contents)).map(
      // The match itself is never printed: the report must not become the leak.
      ([, what]) => `${path}: contains ${what}`,
    ),
  );
}

const MAPPING_URL = /\/\/# sourceMappingURL=(\S+)\s*$/;

/**
 * Every `sourceMappingURL` points at a map inside the tarball, and every map's `sources` (under
 * its `sourceRoot`) resolve to files inside the tarball: a debugger or go-to-definition that
 * follows them finds a file, not a path that only existed in our repository.
 */
export function checkSourceMaps(files) {
  const problems = [];
  const inside = (path) => !path.startsWith('../') && files.has(path);
  for (const [path, contents] of files) {
    if (/\.(?:[cm]?js|d\.[cm]?ts)$/.test(path)) {
      const url = MAPPING_URL.exec(contents)?.[1];
      if (!url || url.startsWith('data:')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), url));
      if (!inside(target)) problems.push(`${path}: sourceMappingURL ${url} is not in the tarball`);
    }
    if (path.endsWith('.map')) {
      let map;
      try {
        map = JSON.parse(contents);
      } catch {
        problems.push(`${path}: not valid JSON`);
        continue;
      }
      const base = posix.join(posix.dirname(path), map.sourceRoot ?? '');
      for (const source of map.sources ?? []) {
        if (map.sourcesContent?.[map.sources.indexOf(source)] != null) continue; // embedded
        const target = posix.normalize(posix.join(base, source));
        if (!inside(target)) problems.push(`${path}: source ${source} is not in the tarball`);
      }
    }
  }
  return problems;
}

/**
 * The packed package.json installs from a registry: no `workspace:` range left (pnpm replaces
 * them when packing; a leftover one is uninstallable), and not `private` (npm would refuse it).
 */
export function checkManifest(files) {
  const text = files.get('package.json');
  if (text === undefined) return ['package.json is missing from the tarball'];
  const manifest = JSON.parse(text);
  const problems = manifest.private ? ['package.json is private: npm refuses to publish it'] : [];
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        problems.push(`package.json ${field}.${name} is still "${range}"`);
    }
  }
  return problems;
}

/** The rules a tarball is checked against, each one test of the report. */
export const RULES = [
  [
    'only allowed files (no tests, API reports, env files or keys)',
    (files) => checkAllowList([...files.keys()]),
  ],
  ['README.md and LICENSE present', (files) => checkRequiredFiles([...files.keys()])],
  ['no secrets (private keys, npm tokens, Deriv tokens)', checkSecrets],
  ['source maps resolve inside the tarball', checkSourceMaps],
  ['package.json installs from the registry (no workspace: ranges, not private)', checkManifest],
];
