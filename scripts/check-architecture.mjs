#!/usr/bin/env node
// The layering of docs/architecture.md, enforced: a package imports only the layers below it (in its
// sources and its package.json), and no source file takes part in an import cycle (type imports
// included: a cycle of types is still two files that cannot be understood apart).
//
//   node scripts/check-architecture.mjs            checks the workspace, exits 1 on any violation
//   node scripts/check-architecture.mjs --self-test checks that a planted cycle and a planted
//                                                   upward import are both caught
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * What each workspace package may import, by package name. A package not listed here fails the
 * check until it is placed in the graph. Test files may also import the packages in `testOnly`.
 */
export const LAYERS = {
  '@deriv-auth/core': [],
  '@deriv-auth/ws-client': ['@deriv-auth/core'],
  '@deriv-auth/login': ['@deriv-auth/core', '@deriv-auth/ws-client'],
  '@deriv-auth/react-hooks': ['@deriv-auth/core', '@deriv-auth/ws-client', '@deriv-auth/login'],
  '@deriv-auth/server': ['@deriv-auth/core', '@deriv-auth/ws-client', '@deriv-auth/login'],
  '@deriv-auth/mock-server': ['@deriv-auth/core'],
  '@deriv-auth/demo': [
    '@deriv-auth/core',
    '@deriv-auth/ws-client',
    '@deriv-auth/login',
    '@deriv-auth/react-hooks',
    '@deriv-auth/server',
    '@deriv-auth/mock-server',
  ],
};
const testOnly = ['@deriv-auth/mock-server', '@deriv-auth/server'];

const SOURCE = /\.(?:ts|tsx|mts)$/;
const TEST = /(?:\.test\.tsx?|\.test-d\.ts)$|\/test\//;

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, type-only ones included. */
function importsOf(file) {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((f) => f.fileName);
}

/** A relative specifier (`./x.js`) to the source file it names, or undefined. */
function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(?:js|jsx|mjs)$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((candidate) => SOURCE.test(candidate) && existsSync(candidate));
}

const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** Tarjan's strongly connected components: every group of two or more files importing in a loop. */
function findCycles(graph) {
  let index = 0;
  const indices = new Map();
  const lowLinks = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node), indices.get(next)));
      }
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) cycles.push(component);
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

/** Checks every package under `root`'s `packages/` and `apps/`; returns the violations found. */
export function checkArchitecture(root) {
  const violations = [];
  const packageDirs = ['packages', 'apps'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  );
  for (const dir of packageDirs) {
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const name = manifest.name;
    const allowed = LAYERS[name];
    if (!allowed) {
      violations.push(`${name}: not placed in the layer table of scripts/check-architecture.mjs`);
      continue;
    }
    const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const dependency of Object.keys(declared)) {
      if (dependency in LAYERS && !allowed.includes(dependency)) {
        violations.push(`${name}: package.json depends on ${dependency}, a layer it may not use`);
      }
    }
    const graph = new Map();
    for (const file of listFiles(join(dir, 'src'))) {
      const isTest = TEST.test(relative(dir, file));
      const edges = new Set();
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = resolveRelative(file, specifier);
          if (target && !isTest) edges.add(target);
          continue;
        }
        const imported = packageOf(specifier);
        if (!(imported in LAYERS) || imported === name) continue;
        if (!allowed.includes(imported) && !(isTest && testOnly.includes(imported))) {
          violations.push(
            `${relative(root, file)}: imports ${specifier}, a layer ${name} may not use`,
          );
        }
      }
      if (!isTest) graph.set(file, edges);
    }
    for (const cycle of findCycles(graph)) {
      violations.push(
        `import cycle: ${cycle
          .map((file) => relative(root, file))
          .sort()
          .join(' <-> ')}`,
      );
    }
  }
  return violations;
}

function selfTest() {
  const root = mkdtempSync(join(tmpdir(), 'architecture-'));
  try {
    const write = (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('packages/core/package.json', JSON.stringify({ name: '@deriv-auth/core' }));
    write('packages/core/src/a.ts', "import type { B } from './b.js';\nexport type A = B;\n");
    write('packages/core/src/b.ts', "import { a } from './a.js';\nexport type B = typeof a;\n");
    write('packages/core/src/up.ts', "export { x } from '@deriv-auth/ws-client';\n");
    write('packages/core/src/fine.test.ts', "import './a.js';\n");
    const found = checkArchitecture(root);
    const expected = [
      /import cycle: packages\/core\/src\/a\.ts <-> packages\/core\/src\/b\.ts/,
      /up\.ts: imports @deriv-auth\/ws-client/,
    ];
    const missing = expected.filter((pattern) => !found.some((line) => pattern.test(line)));
    if (missing.length > 0 || found.length !== expected.length) {
      console.error('self-test failed; found:', found);
      process.exit(1);
    }
    console.log('architecture check self-test: a planted cycle and an upward import are caught');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  if (process.argv.includes('--self-test')) selfTest();
  else {
    const root = resolve(new URL('..', import.meta.url).pathname);
    const violations = checkArchitecture(root);
    for (const line of violations) console.error(line);
    console.log(
      violations.length === 0
        ? 'architecture: every import follows the layers, no import cycle'
        : `architecture: ${violations.length} violation(s)`,
    );
    process.exit(violations.length === 0 ? 0 : 1);
  }
}
