// Maps a request path to a file under a site's directory, never outside it, and gives
// the validators (ETag, Last-Modified) that a real web server would send.
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

export interface StaticFile {
  path: string;
  bytes: Buffer;
  etag: string;
  lastModified: string;
}

// Files that configure the site rather than belong to it, and dot-files, are never served.
function isHidden(segments: string[]): boolean {
  return segments.some((s) => s.startsWith('.') || s === '_faults.json');
}

/** A query string as a file-name fragment: `page=2&q=x` → `page_2_q_x`. */
function queryFragment(search: string): string {
  return search.replace(/^\?/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
}

/**
 * Candidate files for a request, most specific first. A query string selects a sibling
 * file so listing pages can be paginated: `/log?page=2` → `log__page_2` (or
 * `log__page_2.html` when `log.html` is meant), `/log/?page=2` → `log/index__page_2.html`.
 */
function candidates(relPath: string, search: string): string[] {
  const out: string[] = [];
  const q = search && search !== '?' ? queryFragment(search) : '';
  const dirLike = relPath === '' || relPath.endsWith('/');
  const base = relPath.replace(/\/+$/, '');
  if (q) {
    if (dirLike) out.push(join(base, `index__${q}.html`));
    else {
      const ext = extname(base);
      out.push(ext ? `${base.slice(0, -ext.length)}__${q}${ext}` : `${base}__${q}`);
      out.push(join(base, `index__${q}.html`));
    }
  }
  if (dirLike) out.push(join(base, 'index.html'));
  else out.push(base, join(base, 'index.html'));
  return out;
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The file a URL path names, or null. `pathname` is the raw (percent-encoded) path.
 * Traversal is impossible: the decoded path is normalised, and the real path (symlinks
 * resolved) must still lie inside the site's real root.
 */
export async function findFile(rootDir: string, pathname: string, search = ''): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..') || isHidden(segments)) return null;
  const root = await realpath(resolve(rootDir));
  const relPath = segments.join('/') + (decoded.endsWith('/') ? '/' : '');
  for (const c of candidates(relPath, search)) {
    const abs = resolve(root, c);
    if (!isInside(root, abs)) continue;
    try {
      const real = await realpath(abs);
      if (!isInside(root, real)) continue;
      if ((await stat(real)).isFile()) return real;
    } catch {
      // not there: try the next candidate
    }
  }
  return null;
}

// Fixed origin for Last-Modified: dates must not depend on checkout time or the clock.
const EPOCH_MS = Date.UTC(2020, 0, 1);
const SPAN_SECONDS = 4 * 365 * 24 * 3600;

export function validatorsFor(bytes: Uint8Array): { etag: string; lastModified: string } {
  const hex = createHash('sha256').update(bytes).digest('hex');
  // Derived from the content, so the same file always carries the same date, and an
  // edited file (new hash) a different one.
  const offset = parseInt(hex.slice(0, 8), 16) % SPAN_SECONDS;
  return { etag: `"${hex}"`, lastModified: new Date(EPOCH_MS + offset * 1000).toUTCString() };
}

export async function readStatic(rootDir: string, pathname: string, search = ''): Promise<StaticFile | null> {
  const path = await findFile(rootDir, pathname, search);
  if (!path) return null;
  const bytes = await readFile(path);
  return { path, bytes, ...validatorsFor(bytes) };
}
