'use strict';
// Run by scripts/bundle.mjs: parses one small document of each kind through dist/app/ in one
// process, then writes every loaded chunk's V8 code cache (bin/load-app.cjs explains why).
// The documents are the bundled fixtures (fixtures/, shipped with the package); the start-up
// bench's file is not among them.
//   node scripts/lib/warm-code-cache.cjs <root>
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { appEntry, loadApp } = require('../../bin/load-app.cjs');

const root = process.argv[2];
const entry = appEntry(root);
if (!entry) {
  process.stderr.write('warm-code-cache: dist/app/ is missing or stale\n');
  process.exit(1);
}
const DOCS = [
  'fixtures/parse/dismissals.txt',
  'fixtures/parse/dismissals.html',
  'fixtures/parse/dismissals.pdf',
  'fixtures/attachments/convictions.csv',
  'fixtures/attachments/convictions.xlsx',
  'fixtures/attachments/convictions.docx',
];
// Each fixture parsed; then `forces`, because `parse` with only these options skips commander
// (plainParseArgs, src/cli/commands/parse.ts) and every other command goes through it.
const tmp = mkdtempSync(join(tmpdir(), 'foi-harvest-warm-'));
const REQUIRED = [...DOCS.map((doc) => ['parse', join(root, doc), '--format', 'json']), ['forces', '--format', 'json']];
// `demo` (the fixture sites on loopback, fetched into a store and exported) and `status` on its
// store warm the store commands. Best effort: where the warm-up cannot serve on 127.0.0.1, those
// chunks start without a cache, as they would from dist/.
const BEST_EFFORT = [
  ['demo', '--store', join(tmp, 'demo.db'), '--out', join(tmp, 'out')],
  ['status', '--store', join(tmp, 'demo.db')],
];
(async () => {
  const { exports, writeCaches } = loadApp(entry, { record: true });
  /** Runs the CLI here with its output dropped (its errors too, with `quiet`); its exit status. */
  const run = async (args, quiet = false) => {
    const { write: out } = process.stdout;
    const { write: err } = process.stderr;
    process.stdout.write = () => true;
    if (quiet) process.stderr.write = () => true;
    try {
      return await exports.main([process.execPath, 'foi-harvest', ...args]);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
  };
  for (const args of REQUIRED) {
    const code = await run(args);
    if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  }
  const warmed = ['forces'];
  for (const args of BEST_EFFORT) {
    if ((await run(args, true).catch(() => -1)) !== 0) break;
    warmed.push(args[0]);
  }
  rmSync(tmp, { recursive: true, force: true });
  const { chunks, bytes } = writeCaches();
  process.stdout.write(`code cache for ${chunks} chunks (${Math.round(bytes / 1024)} KiB) after parsing ${DOCS.length} fixtures and running ${warmed.join(', ')}\n`);
  // The PDF reader's worker thread is unref'd; nothing else is left open.
})().catch((e) => {
  process.stderr.write(`warm-code-cache: ${String(e?.message ?? e).split('\n')[0]}\n`);
  process.exit(1);
});
