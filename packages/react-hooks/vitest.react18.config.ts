import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// The same tests on React 18 (the lower end of the peer range). `scripts/testReact18.mjs` installs
// react@18, react-dom@18 and Testing Library into a cache folder outside the workspace's lockfile,
// so react-dom@18 resolves its own react@18 instead of the workspace's React 19.
const modules =
  process.env['REACT18_MODULES'] ??
  fileURLToPath(new URL('./node_modules/.cache/react18/node_modules', import.meta.url));

const config = mergeConfig(
  sharedTestConfig,
  defineConfig({
    resolve: {
      alias: [
        { find: /^react-dom(\/.*)?$/, replacement: `${modules}/react-dom$1` },
        { find: /^react(\/.*)?$/, replacement: `${modules}/react$1` },
        { find: /^@testing-library\/react$/, replacement: `${modules}/@testing-library/react` },
      ],
    },
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      typecheck: { enabled: false },
    },
  }),
);

// mergeConfig concatenates arrays: replace the shared reporters so this run writes its own report
// instead of overwriting the React 19 run's `reports/vitest.json`.
config.test = {
  ...config.test,
  reporters: ['default', ['json', { outputFile: 'reports/vitest-react18.json' }]],
};
export default config;
