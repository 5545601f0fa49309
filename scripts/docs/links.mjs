// Finds broken internal links: in markdown (a relative link to a file that does not exist, or to a
// heading it does not have) and in the built HTML site (an href or src to a missing file or id).
// External links (a scheme or `//`) are not fetched: CI must not depend on other people's sites.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a markdown file offers: one per heading, numbered on repeats as GitHub does. */
export function markdownAnchors(text) {
  const anchors = new Set();
  const seen = new Map();
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = githubSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** `[text](target)` links of a markdown file outside code, with their line numbers. */
export function markdownLinks(text) {
  const links = [];
  let inFence = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) return;
    const withoutCode = line.replace(/`[^`]*`/g, '');
    for (const match of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ target: match[1], line: index + 1 });
  });
  return links;
}

/**
 * Broken relative links of one markdown file.
 *
 * @returns messages `file:line target: why`, empty when every link resolves
 */
export function checkMarkdownFile(file, root) {
  const problems = [];
  const text = readFileSync(file, 'utf8');
  for (const { target, line } of markdownLinks(text)) {
    if (EXTERNAL.test(target)) continue;
    const [path, anchor] = splitAnchor(target);
    const destination = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    const where = `${relative(root, file)}:${line} ${target}`;
    if (!existsSync(destination)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor === undefined || extname(destination) !== '.md') continue;
    if (!markdownAnchors(readFileSync(destination, 'utf8')).has(decodeURIComponent(anchor)))
      problems.push(`${where}: no heading with the anchor #${anchor}`);
  }
  return problems;
}

function splitAnchor(target) {
  const hash = target.indexOf('#');
  return hash === -1 ? [target, undefined] : [target.slice(0, hash), target.slice(hash + 1)];
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Broken internal links of a built static site: every `href` and `src` of every HTML page must
 * name a file of the site and, with `#id`, an element with that id (HTML and SVG targets).
 *
 * @returns `{ pages, links, problems }`
 */
export function checkBuiltSite(siteDir) {
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file))
      ids.set(
        file,
        new Set(
          [...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1]),
        ),
      );
    return ids.get(file);
  };
  const pages = filesUnder(siteDir).filter((file) => file.endsWith('.html'));
  const problems = [];
  let links = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const target = match[1].replaceAll('&amp;', '&');
      if (target === '' || target === '#' || EXTERNAL.test(target)) continue;
      links += 1;
      const [path, anchor] = splitAnchor(target);
      const destination = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
      const where = `${relative(siteDir, page)} -> ${target}`;
      if (!existsSync(destination) || statSync(destination).isDirectory()) {
        problems.push(`${where}: no such file`);
        continue;
      }
      if (!anchor || !/\.(html|svg)$/.test(destination)) continue;
      // typedoc links every interface with a base type to `hierarchy.html#<its name>`, but that
      // page lists only types whose base is itself documented (not a zod-inferred alias): the
      // page exists, the anchor may not. Accepted for that page only.
      if (relative(siteDir, destination) === 'hierarchy.html') continue;
      if (!idsOf(destination).has(decodeURIComponent(anchor)))
        problems.push(`${where}: no element with id "${anchor}"`);
    }
  }
  return { pages: pages.length, links, problems };
}
