// Big inputs (the reliability issue's cases): a 20 MB page holding one table, a 400k-row CSV
// and a 240k-row XLSX, generated here, each parsed in its own process with a time limit.
// A crash, a stack overflow or the limit reports the row as failed; the bench goes on.
import { spawn } from 'node:child_process';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng, int, pick } from './lib/stats.mjs';

const HERE = new URL('.', import.meta.url).pathname;
const RANKS = ['PC', 'PS', 'DC', 'Insp', 'PCSO', 'DS'];
const OFFENCES = ['Assault by beating', 'Drink driving', 'Theft', 'Harassment', 'Fraud by false representation'];
const OUTCOMES = ['Dismissed', 'Resigned', 'Final written warning', 'No further action'];

function row(r, i) {
  return [String(i + 1), pick(r, RANKS), pick(r, OFFENCES), String(int(r, 2015, 2024)), pick(r, OUTCOMES)];
}
const HEAD = ['Case', 'Rank', 'Offence', 'Year', 'Outcome'];

function bigHtml(path, targetBytes) {
  const r = rng(7);
  const parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Misconduct cases</title></head><body><main><h1>Misconduct cases</h1><p>Request: please list every misconduct case.</p><table><thead><tr>', ...HEAD.map((h) => `<th>${h}</th>`), '</tr></thead><tbody>'];
  let size = parts.join('').length;
  let rows = 0;
  while (size < targetBytes) {
    const tr = `<tr>${row(r, rows).map((c) => `<td>${c}</td>`).join('')}</tr>\n`;
    parts.push(tr);
    size += tr.length;
    rows++;
  }
  parts.push('</tbody></table></main></body></html>');
  writeFileSync(path, parts.join(''));
  return rows;
}

function bigCsv(path, rows) {
  const r = rng(8);
  const lines = [HEAD.join(',')];
  for (let i = 0; i < rows; i++) lines.push(row(r, i).join(','));
  writeFileSync(path, lines.join('\r\n') + '\r\n');
}

async function bigXlsx(path, rows) {
  const { default: ExcelJS } = await import('exceljs');
  const r = rng(9);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path) });
  const ws = wb.addWorksheet('Cases');
  ws.addRow(HEAD).commit();
  for (let i = 0; i < rows; i++) {
    const v = row(r, i);
    ws.addRow([i + 1, v[1], v[2], Number(v[3]), v[4]]).commit();
  }
  ws.commit();
  await wb.commit();
}

function child(file, name, timeoutMs) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(HERE, 'big-child.mjs'), file, name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        const why = signal === 'SIGKILL' ? `over the ${timeoutMs / 1000} s limit` : signal ? `killed by ${signal}` : `crashed (exit ${code}): ${(err.match(/(RangeError|Error|FATAL)[^\n]*/) ?? [err.trim().split('\n').pop() ?? ''])[0]}`;
        resolve({ ok: false, error: why.slice(0, 160) });
      }
    });
  });
}

export async function benchBig({ dir, timeoutMs = 180_000, log = () => {} }) {
  const cases = [];
  const htmlPath = join(dir, 'one-table.html');
  const htmlRows = bigHtml(htmlPath, 20 * 1024 * 1024);
  cases.push({ label: `20 MB HTML page, one table of ${htmlRows.toLocaleString('en-GB')} rows`, file: htmlPath, name: 'one-table.html' });
  const csvPath = join(dir, 'rows.csv');
  bigCsv(csvPath, 400_000);
  cases.push({ label: '400k-row CSV', file: csvPath, name: 'rows.csv' });
  const xlsxPath = join(dir, 'rows.xlsx');
  try {
    await bigXlsx(xlsxPath, 240_000);
    cases.push({ label: '240k-row XLSX', file: xlsxPath, name: 'rows.xlsx' });
  } catch (e) {
    cases.push({ label: '240k-row XLSX', error: `could not generate: ${e.message}` });
  }
  const out = [];
  for (const c of cases) {
    const r = c.error ? { ok: false, error: c.error } : await child(c.file, c.name, timeoutMs);
    const bytes = c.file ? statSync(c.file).size : 0;
    out.push({ label: c.label, bytes, ...r });
    log(`big: ${c.label}: ${r.ok ? `${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MiB` : `failed: ${r.error}`}`);
  }
  return { timeoutMs, cases: out };
}
