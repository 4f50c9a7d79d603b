#!/usr/bin/env node
'use strict';
// Entry point. The CLI is compiled to dist/ (`npm run build`, run for you by `npm install`,
// `npm link` and `npm pack`); a checkout that was never built says so in one line.
// CommonJS (bin/package.json says so), not an ES module: Node then never starts its ES module
// loader for a command that runs from dist/app/, ~8 ms of a short `parse` (issue 17).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

// `foi-harvest … | head -1`: the reader left early. That is the reader's choice, not our
// failure: stop quietly (status 0), never Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const root = join(__dirname, '..') + '/';
const entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write(`foi-harvest: error: not built yet: run npm run build in ${root}\n`);
  process.exit(2);
}
// dist/app/ (bundle + V8 code cache, scripts/bundle.mjs) when it matches this build: it starts
// ~45 ms sooner. Otherwise, and with FOI_HARVEST_NO_APP=1, the ES modules in dist/.
const { appEntry, loadApp } = require('./load-app.cjs');
const app = appEntry(root);
const loaded = app ? Promise.resolve(loadApp(app).exports) : import(pathToFileURL(entry).href);

loaded
  .then(({ main }) => main(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`foi-harvest: error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
      process.exitCode = 2;
    },
  );
