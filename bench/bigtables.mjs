// Issue 14.2: one big table per format — a one-table HTML page, a CSV, an XLSX — parsed in a
// child process each (its own peak RSS), at a size and at half of it, to show time grows
// linearly. The inputs are generated here, never committed.
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CODE_ROOT as ROOT } from './lib/stats.mjs'; // this checkout, or FOI_BENCH_ROOT (before/after)

// The page is sized in bytes (the case is a 20 MB page): its row count is reported.
function html(bytes) {
  const parts = ['<html><body><table><tr><th>Offence</th><th>2019</th><th>2020</th></tr>'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const tr = `<tr><td>Offence type ${i}</td><td>${i % 9}</td><td>${i % 7}</td></tr>`;
    parts.push(tr);
    size += tr.length;
  }
  parts.push('</table></body></html>');
  return { text: parts.join(''), rows: parts.length - 2 };
}
function csv(n) {
  const lines = ['Type,Date,Outcome,Object of search'];
  for (let i = 0; i < n; i++) lines.push(`Person search,2020-07-${10 + (i % 20)},${['Arrest', 'No further action', 'Caution'][i % 3]},${['Controlled drugs', 'Stolen goods'][i % 2]}`);
  return lines.join('\n');
}
async function xlsx(n) {
  const XLSX = await import('@e965/xlsx');
  const aoa = [['Offence', '2019', '2020']];
  for (let i = 0; i < n; i++) aoa.push([`Offence type ${i % 500}`, i % 9, i % 7]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Data');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
}

const CHILD = `
const { readFileSync } = await import('node:fs');
const { parseDocument } = await import(${JSON.stringify(join(ROOT, 'dist', 'pipeline', 'parse.js'))});
const t = performance.now();
const d = await parseDocument({ bytes: new Uint8Array(readFileSync(process.argv[1])), name: process.argv[1] });
process.stdout.write(JSON.stringify({ ms: performance.now() - t, maxRss: process.resourceUsage().maxRSS * 1024, figures: d.figures.length }));
`;

function run(file) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { error: (r.stderr || '').split('\n').find((l) => l.trim()) ?? `exit ${r.status}` };
  return JSON.parse(r.stdout);
}

export async function benchBigTables({ dir, quick, log }) {
  // html: bytes of the page; csv, xlsx: rows.
  const sizes = { html: (quick ? 5 : 20) * 1024 * 1024, csv: quick ? 100_000 : 400_000, xlsx: quick ? 60_000 : 240_000 };
  const out = [];
  for (const [kind, n] of Object.entries(sizes)) {
    const res = [];
    for (const size of [n / 2, n]) {
      const file = join(dir, `big-${size}.${kind}`);
      let rows = size;
      if (kind === 'html') {
        const page = html(size);
        writeFileSync(file, page.text);
        rows = page.rows;
      } else writeFileSync(file, kind === 'csv' ? csv(size) : await xlsx(size));
      log(`bigtables: ${kind} ${rows} rows`);
      res.push({ rows, bytes: statSync(file).size, ...run(file) });
    }
    out.push({ kind, runs: res, timeRatio: res[1].ms && res[0].ms ? res[1].ms / res[0].ms : null });
  }
  return { target: { maxRssBytes: 1024 ** 3, timeRatio: 2.5 }, tables: out };
}
