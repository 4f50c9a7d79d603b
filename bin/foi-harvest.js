#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (run `npm run build` first).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`foi-harvest: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
