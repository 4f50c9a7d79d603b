'use strict';
// Runs the CLI from dist/app/ (dist/ bundled into CommonJS chunks by scripts/bundle.mjs) with
// V8's code cache, so a short command does not parse and compile our JavaScript again on every
// start (issue 17: ~45 ms of a ~195 ms `parse`). Node 20's ES module loader takes no code
// cache; vm.Script does. Every chunk is compiled here, with the cache written beside it at
// build time; a cache V8 rejects (another Node version, other V8 flags) only costs the compile.
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

/**
 * The entry chunk of dist/app/ when it was bundled from the tsc build now in dist/, else null
 * (never bundled, bundling skipped, or tsc ran again since; FOI_HARVEST_NO_APP=1 also says no).
 * tsc rewrites every output, dist/cli/main.js among them, and the bundle's stamp is written
 * after it: a main.js newer than the stamp is a later tsc. Not an exact time match, because
 * `npm pack` gives every file the same time (1985-10-26), and an installed copy must still run
 * its bundle.
 */
function appEntry(root) {
  if (process.env.FOI_HARVEST_NO_APP === '1') return null;
  const app = join(root, 'dist', 'app');
  try {
    const stampFile = join(app, 'stamp.json');
    if (statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs > statSync(stampFile).mtimeMs) return null;
    const entry = join(app, JSON.parse(readFileSync(stampFile, 'utf8')).entry);
    return existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

const cacheOf = (file) => file.replace(/\.cjs$/, '.v8cache');

/**
 * Loads the entry chunk with the code cache. With `record`, also returns writeCaches(), which
 * writes each loaded chunk's cache as it stands (bytecode of every function run so far).
 */
function loadApp(entry, { record = false } = {}) {
  const app = dirname(entry) + '/';
  const debug = process.env.FOI_HARVEST_APP_DEBUG === '1';
  const scripts = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(app)) return compile.apply(this, arguments);
    let cachedData;
    if (!record) {
      try {
        cachedData = readFileSync(cacheOf(filename));
      } catch {
        cachedData = undefined;
      }
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (debug) process.stderr.write(`app: ${filename.slice(app.length)} cache ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
    if (record) scripts.push([script, filename]);
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
  // A chunk compiled here has no dynamic import() of its own (Node gives a loader only to the
  // modules it compiles); src/readers/load-esm.ts imports libraries through this one instead.
  globalThis[Symbol.for('foi-harvest.loadEsm')] = (specifier) => import(specifier);
  const exports = require(entry);
  const writeCaches = () => {
    let bytes = 0;
    for (const [script, filename] of scripts) {
      const data = script.createCachedData();
      writeFileSync(cacheOf(filename), data);
      bytes += data.length;
    }
    return { chunks: scripts.length, bytes };
  };
  return record ? { exports, writeCaches } : { exports };
}

module.exports = { appEntry, loadApp };
