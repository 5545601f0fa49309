// Bundles scripts/benchShapes.ts (sibling packages from their sources) and runs it with the V8 flags
// it needs. Arguments pass through: `node scripts/benchShapes.mjs --history=6` (0: fresh process).
import { spawnSync } from 'node:child_process';
import { bundleScripts, packageDir } from './bundleScripts.mjs';

const { benchShapes: outfile } = await bundleScripts({ benchShapes: 'benchShapes' });
const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--allow-natives-syntax', outfile, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, WS_CLIENT_DIR: packageDir } },
);
process.exit(result.status ?? 1);
