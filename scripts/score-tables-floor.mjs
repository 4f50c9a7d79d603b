#!/usr/bin/env node
// CI floor on table reading over the real attachments in ../shared/attachments: the mean
// cell recall must reach --mean, no file may fall below --min-file, and the record lists
// (one row per crime or search) must give no officer cases.
//   node scripts/score-tables-floor.mjs --dir ../shared/attachments --mean 0.90 --min-file 0.75
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(opt('--dir', join(root, '..', 'shared', 'attachments')));
const mean = Number(opt('--mean', '0.90'));
const minFile = Number(opt('--min-file', '0.75'));
const bin = join(root, 'bin', 'foi-harvest.js');
const scorer = join(dir, '..', 'eval', 'score-tables.mjs');

const r = spawnSync(process.execPath, [scorer, '--dir', dir, '--cmd', `node ${JSON.stringify(bin)} parse {file} --format json`], { encoding: 'utf8', maxBuffer: 1 << 28 });
process.stdout.write(r.stdout);
const failures = [];
for (const m of r.stdout.matchAll(/^(\S+): (\d+)\/(\d+) cells \(([\d.]+)\)/gm)) if (Number(m[4]) < minFile) failures.push(`${m[1]}: ${m[4]} < ${minFile}`);
const got = Number(/mean cell recall ([\d.]+)/.exec(r.stdout)?.[1] ?? 0);
if (got < mean) failures.push(`mean cell recall ${got} < ${mean}`);
// Record lists: the INDEX names them; any file whose name says "list" or "stop-and-search" must give no cases.
for (const f of readdirSync(join(dir, 'files')).filter((f) => /list|stop-and-search/.test(f))) {
  const out = JSON.parse(execFileSync(process.execPath, [bin, 'parse', join(dir, 'files', f), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const cases = out.reduce((n, d) => n + d.cases.length, 0);
  if (cases) failures.push(`${f}: ${cases} officer cases from a record list`);
}
if (failures.length) {
  console.error(`table floor failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`table floor held (mean ≥ ${mean}, every file ≥ ${minFile}, record lists give no cases)`);
