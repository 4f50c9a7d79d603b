#!/usr/bin/env node
// Output must not change when only speed does (issue 17): parse every fixture and corpus document
// with this build and with a reference build (another built checkout, e.g. of main), and list
// every document whose rows differ. Nothing is stored: both outputs are made fresh each run.
//   node scripts/compare-output.mjs --ref <built checkout> [--only substring] [--extra <dir>]
// Exit 0 when all outputs are identical, 1 when any differs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (n) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const ROOT = new URL('..', import.meta.url).pathname;

// Child mode: parse the listed documents with one build, one JSON line per document.
if (args[0] === '--child') {
  const [, root, listFile, outFile] = args;
  const { parseDocument } = await import(join(root, 'dist', 'pipeline', 'parse.js'));
  const out = [];
  for (const { file, url } of JSON.parse(readFileSync(listFile, 'utf8'))) {
    let line;
    try {
      const d = await parseDocument({ bytes: readFileSync(file), url, name: url ?? file.split('/').pop(), contentType: null, force: null });
      line = JSON.stringify(d);
    } catch (e) {
      line = `error: ${String(e?.message ?? e).split('\n')[0]}`;
    }
    out.push(line);
  }
  writeFileSync(outFile, out.join('\n') + '\n');
  process.exit(0);
}

const ref = opt('--ref');
if (!ref || !existsSync(join(ref, 'dist', 'pipeline', 'parse.js'))) {
  process.stderr.write('compare-output: error: --ref <a built checkout> is required\n');
  process.exit(2);
}
const DOC = /\.(txt|html?|pdf|xlsx|xls|ods|docx|csv)$/i;
const walk = (dir) =>
  !existsSync(dir) ? [] : readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : DOC.test(n) ? [join(dir, n)] : []));
const docs = [];
for (const c of ['dev', 'dev-2']) {
  const base = resolve(ROOT, '..', 'shared', 'corpus', c);
  for (const file of walk(join(base, 'corpus'))) {
    const gold = join(base, 'gold', file.split('/').pop().replace(/\.[^.]+$/, '.json'));
    const url = existsSync(gold) ? (JSON.parse(readFileSync(gold, 'utf8')).url ?? null) : null;
    docs.push({ file, url });
  }
}
// The real attachments (PDF, spreadsheets) too: the readers are what a speed change touches most.
for (const file of walk(resolve(ROOT, '..', 'shared', 'attachments'))) docs.push({ file, url: null });
for (const d of ['tests/fixtures', 'fixtures']) for (const file of walk(join(ROOT, d))) docs.push({ file, url: null });
// --extra <dir>: more documents, e.g. a corpus written by scripts/format-variants.mjs.
if (opt('--extra')) for (const file of walk(resolve(opt('--extra')))) docs.push({ file, url: null });
const only = opt('--only');
const list = only ? docs.filter((d) => d.file.includes(only)) : docs;
const tmp = mkdtempSync('/tmp/compare-output-');
try {
  writeFileSync(join(tmp, 'list.json'), JSON.stringify(list));
  const run = (root, name) => {
    const outFile = join(tmp, name);
    const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', resolve(root), join(tmp, 'list.json'), outFile], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`child for ${root} failed: ${r.stderr.split('\n')[0]}`);
    return readFileSync(outFile, 'utf8').split('\n');
  };
  const ours = run(ROOT, 'this.txt');
  const theirs = run(ref, 'ref.txt');
  let diff = 0;
  list.forEach(({ file }, i) => {
    if (ours[i] !== theirs[i]) {
      diff++;
      let at = 0;
      while (at < ours[i].length && ours[i][at] === theirs[i][at]) at++;
      process.stdout.write(`DIFF ${file}\n  ref:  …${theirs[i].slice(Math.max(0, at - 60), at + 80)}\n  this: …${ours[i].slice(Math.max(0, at - 60), at + 80)}\n`);
    }
  });
  process.stdout.write(`compare-output: ${list.length} documents, ${diff} differ\n`);
  process.exitCode = diff ? 1 : 0;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
