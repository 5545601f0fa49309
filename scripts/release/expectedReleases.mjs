// What `changeset version` should do, computed from the pending changesets themselves, so the
// version test holds for the next changeset too: each package named in a changeset gets the
// highest bump named for it, and its CHANGELOG.md the summary of each of those changesets.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const BUMPS = ['patch', 'minor', 'major'];

/**
 * Parses one changeset file: `---`, lines `'name': bump`, `---`, then the summary.
 * @returns {{ id: string, releases: Map<string, string>, summary: string }}
 */
export function parseChangeset(id, text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`.changeset/${id}.md has no front matter`);
  const releases = new Map();
  for (const line of match[1].split('\n')) {
    if (line.trim() === '') continue;
    const release = /^\s*['"]?([^'":]+)['"]?\s*:\s*(patch|minor|major)\s*$/.exec(line);
    if (!release) throw new Error(`.changeset/${id}.md: cannot read "${line}"`);
    releases.set(release[1], release[2]);
  }
  return { id, releases, summary: match[2].trim() };
}

/** The pending changesets of a repository's .changeset folder (its README aside). */
export function readChangesets(root) {
  const dir = join(root, '.changeset');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => parseChangeset(file.slice(0, -3), readFileSync(join(dir, file), 'utf8')));
}

/** `version` bumped by `type`, as semver (and changesets) does it, 0.x included. */
export function bumpVersion(version, type) {
  const [major, minor, patch] = version.split('-')[0].split('.').map(Number);
  if (type === 'major') return `${major + 1}.0.0`;
  if (type === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The release each package named by a changeset should get.
 * @returns {Map<string, { type: string, summaries: string[] }>}
 */
export function expectedReleases(changesets) {
  const expected = new Map();
  for (const changeset of changesets) {
    for (const [name, type] of changeset.releases) {
      const entry = expected.get(name) ?? { type: 'patch', summaries: [] };
      if (BUMPS.indexOf(type) > BUMPS.indexOf(entry.type)) entry.type = type;
      entry.summaries.push(changeset.summary);
      expected.set(name, entry);
    }
  }
  return expected;
}

/**
 * Whether a CHANGELOG.md holds a summary: every non-blank line of it, in order (the changelog
 * indents a summary's lines under its list item, so lines are compared trimmed).
 */
export function changelogContains(changelog, summary) {
  const lines = changelog.split('\n').map((line) => line.trim());
  let from = 0;
  for (const wanted of summary.split('\n').map((line) => line.trim())) {
    if (wanted === '') continue;
    const at = lines.findIndex((line, index) => index >= from && line.endsWith(wanted));
    if (at === -1) return false;
    from = at + 1;
  }
  return true;
}
