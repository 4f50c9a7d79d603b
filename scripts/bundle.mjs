#!/usr/bin/env node
// Second half of `npm run build` (issue 17, start-up): after tsc has written dist/, bundle it
// into dist/app/ (CommonJS chunks, one per lazily loaded part, as dist/ splits them) and write
// V8's code cache for every chunk after running the CLI on a few small fixtures.
//
// Why: a `parse` of one small file spent ~45 ms of its ~195 ms compiling our JavaScript, and
// Node 20's ES module loader cannot reuse a code cache. A CommonJS chunk compiled through
// vm.Script can: with the cache, V8 deserialises the bytecode of every function the warm-up ran
// instead of parsing and compiling it again (bin/load-app.cjs loads it). A bundle alone was
// measured slower to start than dist/ (the issue says so too); the cache is what pays.
//
// dist/app/ is optional. bin/foi-harvest.js uses it only while its stamp is newer than the tsc
// build in dist/ (tsc rewrites every output, so a later `tsc` alone makes it stale and dist/ is
// used); if rolldown is missing or fails, this script says so and dist/ is used.
//   node scripts/bundle.mjs            (run by `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const APP = join(DIST, 'app');
const ENTRY = join(DIST, 'cli', 'main.js');

// Only our code and the libraries Node 20 cannot require() (ES modules only, e.g. hyparquet-writer) go in
// the bundle. Every library that can be required stays in node_modules and is loaded by Node as
// it is published: a library that finds its own files by path, or that Node treats as a
// dependency (deprecation warnings are silenced inside node_modules, not in a bundle), keeps
// working as it does from dist/.
// The exception: libraries on a common command's path, plain JavaScript that reads no files of
// its own, are bundled too, so their compile comes from the code cache as well (issue 17):
// commander (every command but a plain `parse`: ~6 ms to compile from node_modules), and
// cheerio with the HTML parsers under it (every HTML page).
const HTML_FAMILY = ['cheerio', 'cheerio-select', 'css-select', 'css-what', 'nth-check', 'boolbase', 'domhandler', 'domutils', 'domelementtype', 'dom-serializer', 'entities', 'htmlparser2', 'parse5', 'parse5-htmlparser2-tree-adapter'];
const BUNDLED = new Set(['commander', 'zod', ...HTML_FAMILY]);
// cheerio's Node entry adds fromURL and loadBuffer to load(), and with them an HTTP client
// (undici), encoding sniffing and streams: 125 ms of loading on every HTML page, for functions
// we never call. Its browser entry is the same load() (the same files; only index.js differs,
// without those), so the bundle takes that one.
const cheerioLoadOnly = {
  name: 'cheerio-load-only',
  resolveId(source) {
    return source === 'cheerio' ? join(ROOT, 'node_modules', 'cheerio', 'dist', 'browser', 'index.js') : null;
  },
};
const requirable = new Map();
function isExternal(id) {
  if (id.startsWith('node:') || id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return id.startsWith('node:');
  const name = id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');
  if (BUNDLED.has(name)) return false;
  if (!requirable.has(name)) {
    let yes = true;
    try {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
      const exportsText = JSON.stringify(pkg.exports ?? null);
      yes = pkg.type !== 'module' ? !String(pkg.main ?? '').endsWith('.mjs') : /"require"|\.cjs"/.test(exportsText);
    } catch {
      yes = true; // a built-in without node: (fs, crypto) or a package Node must resolve itself
    }
    requirable.set(name, yes);
  }
  return requirable.get(name);
}

function fail(why) {
  rmSync(APP, { recursive: true, force: true });
  process.stderr.write(`bundle: skipped (${why}); the CLI runs from dist/ instead\n`);
  process.exit(0);
}

if (!existsSync(ENTRY)) fail('dist/cli/main.js is missing: run tsc first');
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch (e) {
  fail(`rolldown is not installed: ${String(e?.message ?? e).split('\n')[0]}`);
}

rmSync(APP, { recursive: true, force: true });
let entry;
try {
  const bundle = await rolldown({ input: { main: ENTRY }, platform: 'node', external: isExternal, plugins: [cheerioLoadOnly], logLevel: 'silent' });
  // Hashed names: a chunk's name changes with its content, so a cache file can only ever sit
  // beside the code it was made from.
  const { output } = await bundle.write({ dir: APP, format: 'cjs', dynamicImportInCjs: false, entryFileNames: '[name]-[hash].cjs', chunkFileNames: '[name]-[hash].cjs', sourcemap: false });
  await bundle.close();
  entry = output.find((c) => c.type === 'chunk' && c.isEntry)?.fileName;
} catch (e) {
  fail(`rolldown: ${String(e?.message ?? e).split('\n')[0]}`);
}
if (!entry) fail('rolldown wrote no entry chunk');
// Every chunk as ASCII: a non-ASCII character (a dash or a curly quote in a pattern, a pound
// sign) becomes its \u escape, which means the same in a string, a template, a pattern and a
// comment. Node then reads each chunk into a one-byte string, half the memory of the two-byte
// string one non-ASCII character makes of the whole file, and faster to read. A chunk where a
// backslash stands before such a character (an identity escape, whose meaning the rewrite
// would change) is left as it is.
for (const file of readdirSync(APP)) {
  if (!file.endsWith('.cjs')) continue;
  const path = join(APP, file);
  const code = readFileSync(path, 'utf8');
  if (!/[^\x00-\x7f]/.test(code) || /\\[^\x00-\x7f]/.test(code)) continue;
  writeFileSync(path, code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
// The stamp names the entry chunk, and its time ties dist/app/ to this tsc build: a
// dist/cli/main.js newer than it was written by a later tsc (bin/load-app.cjs, appEntry).
writeFileSync(join(APP, 'stamp.json'), JSON.stringify({ entry }) + '\n');

// Warm-up: parse one small file of each kind in one process, then write each chunk's cache.
const warm = spawnSync(process.execPath, [join(ROOT, 'scripts', 'lib', 'warm-code-cache.cjs'), ROOT], { encoding: 'utf8' });
if (warm.status !== 0) fail(`warm-up failed: ${(warm.stderr || warm.stdout || '').trim().split('\n').pop()}`);
process.stdout.write(`bundle: dist/app/ ${warm.stdout.trim()}\n`);
