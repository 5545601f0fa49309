// The consumer settings README samples and published declarations must compile under: the
// TypeScript users actually install (npm's 5.9 and current 7.x) and the settings a strict app
// uses (`strict` always; `exactOptionalPropertyTypes` on and off; Node's `nodenext` resolution
// and a bundler's, as Vite's template writes it).

/** The compilers, installed from npm under alias names by consumers/readme-samples/package.json. */
export const compilers = [
  { name: 'ts5.9', package: 'typescript-5.9', emits: true },
  { name: 'ts7', package: 'typescript-7' },
];

/** Four tsconfigs: module resolution x exactOptionalPropertyTypes. */
export const compilerConfigs = [
  { name: 'nodenext-exact', resolution: 'nodenext', exact: true, emit: true },
  { name: 'nodenext', resolution: 'nodenext', exact: false },
  { name: 'bundler-exact', resolution: 'bundler', exact: true },
  { name: 'bundler', resolution: 'bundler', exact: false },
];

/**
 * The tsconfig.json of one config. The `nodenext-exact` config also emits JavaScript into `out/`:
 * that is what the `<!-- sample: run -->` blocks run (TypeScript 5.9's output; 7's is not needed).
 */
export function tsconfigFor(config) {
  const bundler = config.resolution === 'bundler';
  return {
    compilerOptions: {
      target: 'es2022',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: ['node'],
      module: bundler ? 'esnext' : 'nodenext',
      moduleResolution: config.resolution,
      ...(bundler ? { verbatimModuleSyntax: true } : {}),
      moduleDetection: 'force',
      jsx: 'react-jsx',
      strict: true,
      exactOptionalPropertyTypes: config.exact,
      noFallthroughCasesInSwitch: true,
      skipLibCheck: false,
      allowJs: true,
      checkJs: true,
      ...(config.emit ? { rootDir: 'samples', outDir: 'out' } : { noEmit: true }),
    },
    include: ['samples'],
  };
}
