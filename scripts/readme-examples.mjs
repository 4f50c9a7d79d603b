#!/usr/bin/env node
// Runs the README's command examples as a reader would type them and checks that each prints
// what the README shows. `node scripts/readme-examples.mjs` (after a build); the test suite
// runs it too (tests/e2e/readme-examples.test.ts).
//
// An example is an indented line `    $ foi-harvest …` in README.md; the indented lines after it,
// up to the next `$` line or the end of the block, are its expected output (stdout, then
// stderr). In the expected output:
//   - a line that is only `…` stands for any number of lines (none included);
//   - `…` inside a line stands for any text;
//   - local ports (127.0.0.1:47801), times ("2026-11-30 01:40 UTC") and durations ("(3.1 s)")
//     match any port, time and duration.
// A block after `<!-- readme-examples: skip -->` is not run (it needs the internet or files
// the reader has to bring). Examples run in order, in a scratch directory where `fixtures/`
// is the repository's and `foi-harvest` on PATH is bin/foi-harvest.js (what `npm link` does).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = '<!-- readme-examples: skip -->';

/** The examples of a README text, in order: { line, command, expected[] }. */
export function examples(text) {
  const out = [];
  let skipNext = false; // a skip marker was seen: the next code block is not run
  let inBlock = false;
  let blockSkipped = false;
  let current = null;
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === SKIP) {
      skipNext = true;
      inBlock = false;
      current = null;
      continue;
    }
    if (line.trim() === '') {
      current = null; // a blank line ends an example's output (not the block)
      continue;
    }
    if (!line.startsWith('    ')) {
      inBlock = false;
      current = null;
      continue;
    }
    if (!inBlock) {
      inBlock = true;
      blockSkipped = skipNext;
      skipNext = false;
    }
    const body = line.slice(4);
    if (body.startsWith('$ ')) {
      current = blockSkipped ? null : { line: i + 1, command: body.slice(2), expected: [] };
      if (current) out.push(current);
    } else if (current) current.expected.push(body);
  }
  return out;
}

/** Equal up to what changes from run to run: ports, times, durations, trailing spaces. */
export function normalise(s) {
  return s
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, 'TIME')
    .replace(/\(\d+(\.\d+)? (s|min)\)/g, '(DURATION)')
    .replace(/\s+$/, '');
}

function lineMatches(expected, actual) {
  const e = normalise(expected);
  const a = normalise(actual);
  if (!e.includes('…')) return e === a;
  const re = new RegExp(`^${e.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(a);
}

/** Expected lines (with `…` wildcards) against actual lines; backtracks over `…` lines. */
export function outputMatches(expected, actual) {
  const memo = new Map();
  const go = (i, j) => {
    const key = i * 100003 + j;
    if (memo.has(key)) return memo.get(key);
    let r;
    if (i === expected.length) r = j === actual.length;
    else if (expected[i].trim() === '…') r = go(i + 1, j) || (j < actual.length && go(i, j + 1));
    else r = j < actual.length && lineMatches(expected[i], actual[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/** Runs every example; returns the failures (none: the README matches the tool). */
export function checkReadme({ readme = join(ROOT, 'README.md'), log = () => {} } = {}) {
  const list = examples(readFileSync(readme, 'utf8'));
  const work = mkdtempSync(join(tmpdir(), 'foi-readme-'));
  const binDir = join(work, '.bin');
  mkdirSync(binDir);
  symlinkSync(join(ROOT, 'bin', 'foi-harvest.js'), join(binDir, 'foi-harvest'));
  symlinkSync(join(ROOT, 'fixtures'), join(work, 'fixtures'));
  const env = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const failures = [];
  try {
    for (const ex of list) {
      log(`README.md:${ex.line}: $ ${ex.command}`);
      const r = spawnSync('bash', ['-c', ex.command], { cwd: work, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      const actual = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\n$/, '').split('\n');
      if (actual.length === 1 && actual[0] === '') actual.length = 0;
      if (!outputMatches(ex.expected, actual)) {
        failures.push({ ...ex, status: r.status, actual });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { examples: list.length, failures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { examples: n, failures } = checkReadme({ log: (l) => process.stderr.write(`${l}\n`) });
  for (const f of failures) {
    process.stderr.write(`\nREADME.md:${f.line}: $ ${f.command}\n  expected:\n${f.expected.map((l) => `    ${l}`).join('\n')}\n  got (exit ${f.status}):\n${f.actual.map((l) => `    ${l}`).join('\n')}\n`);
  }
  process.stderr.write(`\nreadme-examples: ${n - failures.length} of ${n} examples print what the README shows\n`);
  process.exitCode = failures.length ? 1 : 0;
}
