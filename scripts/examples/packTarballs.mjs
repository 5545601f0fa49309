// Packs every published package as `pnpm publish` would upload it, under a version-free name
// (`deriv-auth-ws-client.tgz`), so the examples' package.json files can name their tarballs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGES = ['core', 'ws-client', 'login', 'react-hooks', 'server', 'mock-server'];

/**
 * @param root - the repository
 * @param destination - emptied, then one tarball per package
 * @param options.build - build first (default); CI's run already built, and a second turbo run
 *   beside other steps would only restore the same `dist` under their feet
 */
export function packTarballs(root, destination, { build = true } = {}) {
  // What is packed is `dist`.
  if (build)
    execFileSync(
      join(root, 'node_modules', '.bin', 'turbo'),
      [
        'run',
        'build',
        '--output-logs=errors-only',
        ...PACKAGES.map((name) => `--filter=@deriv-auth/${name}`),
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  for (const name of PACKAGES) {
    const before = new Set(readdirSync(destination));
    execFileSync('pnpm', ['pack', '--pack-destination', destination], {
      cwd: join(root, 'packages', name),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const packed = readdirSync(destination).find((file) => !before.has(file));
    if (!packed) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    renameSync(join(destination, packed), join(destination, `deriv-auth-${name}.tgz`));
  }
}
