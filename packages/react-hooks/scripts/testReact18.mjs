// Runs the test suite against React 18 (the peer range is ^18 || ^19; the workspace installs 19).
// React 18 is installed with npm into node_modules/.cache/react18, apart from the pnpm lockfile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const VERSIONS = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  '@testing-library/react': '16.3.3',
  '@testing-library/dom': '10.4.2',
};
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cache = `${packageDir}node_modules/.cache/react18`;

if (!existsSync(`${cache}/node_modules/react-dom/package.json`)) {
  mkdirSync(cache, { recursive: true });
  writeFileSync(
    `${cache}/package.json`,
    JSON.stringify({ private: true, dependencies: VERSIONS }, null, 2),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: cache,
    stdio: 'inherit',
  });
}
execFileSync('pnpm', ['exec', 'vitest', 'run', '--config', 'vitest.react18.config.ts'], {
  cwd: packageDir,
  stdio: 'inherit',
  env: { ...process.env, REACT18_MODULES: `${cache}/node_modules` },
});
