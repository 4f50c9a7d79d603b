#!/usr/bin/env node
// `npm run demo` (and anyone who wants a current dist/ without waiting): runs tsc only when
// a source is newer than the build. A build that is current costs a directory walk, not
// tsc's 9 seconds.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [newest, oldest] mtime of the files under dir whose name passes keep, or null if none. */
function mtimes(dir, keep) {
  let newest = -Infinity;
  let oldest = Infinity;
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (keep(e.name)) {
        const t = statSync(p).mtimeMs;
        newest = Math.max(newest, t);
        oldest = Math.min(oldest, t);
      }
    }
  };
  walk(dir);
  return newest === -Infinity ? null : [newest, oldest];
}

export function isStale() {
  const src = mtimes(join(root, 'src'), (n) => n.endsWith('.ts') || n.endsWith('.json'));
  // tsc writes every output on every build, the entry point among them: its time is the build's.
  let built;
  try {
    built = statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return true;
  }
  const config = Math.max(statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'package.json')).mtimeMs);
  return Math.max(src ? src[0] : 0, config) > built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (isStale()) {
    process.stderr.write('foi-harvest: building dist/ (tsc, then the bundle)…\n');
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
    execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
