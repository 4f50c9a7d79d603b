#!/usr/bin/env node
// Entry point. The CLI is compiled to dist/ (`npm run build`, run for you by `npm install`,
// `npm link` and `npm pack`); a checkout that was never built says so in one line.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8 first runs each regex in its bytecode interpreter and compiles it again to machine code on
// the next call: the extractors' few hundred patterns are each compiled twice on a short run.
// Straight to machine code: `parse` of one small file 207 -> 182 ms CPU (median of 15), no change
// on the HTML bench's warm passes (issue 17). Read when a regex is first compiled, so set first.
setFlagsFromString('--no-regexp-tier-up');

// `foi-harvest … | head -1`: the reader left early. That is the reader's choice, not our
// failure: stop quietly (status 0), never Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(`foi-harvest: error: not built yet: run npm run build in ${decodeURIComponent(new URL('..', import.meta.url).pathname)}\n`);
  process.exit(2);
}
const { main } = await import(entry.href);

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`foi-harvest: error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    process.exitCode = 2;
  },
);
