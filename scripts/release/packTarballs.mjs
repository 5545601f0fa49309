// Packs workspace packages as the registry would receive them and reads the tarballs back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * The public (non-private) packages of the workspace, as pnpm reads pnpm-workspace.yaml: a new
 * package under any of its globs is picked up without editing this script.
 * @returns {{ name: string, version: string, path: string }[]}
 */
export function publicWorkspacePackages(root) {
  const listed = JSON.parse(
    execFileSync('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: root, encoding: 'utf8' }),
  );
  return listed
    .filter((entry) => resolve(entry.path) !== resolve(root) && !entry.private)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Runs `pnpm pack` in a package folder and returns the tarball's files, path (relative to
 * `package/`) to contents as text. pnpm applies `files`, `publishConfig` and rewrites
 * `workspace:` ranges exactly as `pnpm publish` does.
 * @returns {Map<string, string>}
 */
export function packPackage(packageDir) {
  const scratch = mkdtempSync(join(tmpdir(), 'deriv-auth-packs-'));
  try {
    execFileSync('pnpm', ['pack', '--pack-destination', scratch], {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${packageDir}`);
    const unpacked = join(scratch, 'unpacked');
    execFileSync('mkdir', [unpacked]);
    execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', unpacked]);
    const packageRoot = join(unpacked, 'package');
    const files = new Map();
    for (const entry of readdirSync(packageRoot, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(packageRoot, path), readFileSync(path, 'utf8'));
    }
    return files;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
