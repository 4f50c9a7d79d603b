// Broken and hostile inputs through the built CLI: each broken one is exit 1 and exactly one
// stderr line naming it and the reason; the good inputs of the same run are still written;
// the readable-but-odd ones (UTF-16, a lying charset, NULs, deep nesting, a 20 MB page) parse
// and give the right text. The big inputs are generated into a temp dir at test time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without typings
import { deeplyNestedHtml, hugeHtml, lyingZipBomb } from '../../scripts/make-broken-fixtures.mjs';
import type { Disclosure } from '../../src/records/schema.js';
import { runCli } from '../support/cli.js';

let tmp = '';
const t = (name: string) => join(tmp, name);
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'foi-hardening-'));
  writeFileSync(t('lying-bomb.xlsx'), lyingZipBomb('xlsx', 64 * 1024 * 1024));
  writeFileSync(t('lying-bomb.docx'), lyingZipBomb('docx', 64 * 1024 * 1024));
  writeFileSync(t('deep.html'), deeplyNestedHtml(100_000));
  writeFileSync(t('huge.html'), hugeHtml(20 * 1024 * 1024));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** input → what its one stderr line must give as the reason. */
const BROKEN: [string, RegExp][] = [
  ['fixtures/broken/empty.html', /: empty file \(0 bytes\)$/],
  ['fixtures/broken/garbage.html', /: unsupported or binary content/],
  ['fixtures/broken/corrupt.pdf', /: corrupt PDF \(.+\)$/],
  ['fixtures/attachments/truncated.pdf', /: corrupt PDF \(.+\)$/],
  ['fixtures/attachments/encrypted.pdf', /: encrypted PDF \(password required\)$/],
  ['fixtures/attachments/zip-bomb.xlsx', /: XLSX refused: .*zip bomb/],
  ['fixtures/attachments/zip-bomb.docx', /: DOCX refused: .*zip bomb/],
  ['LYING:lying-bomb.xlsx', /: XLSX refused: zip entry xl\/workbook\.xml inflates to more than the 1024 bytes it declares/],
  ['LYING:lying-bomb.docx', /: DOCX refused: zip entry word\/document\.xml inflates to more than the 1024 bytes it declares/],
  ['fixtures/broken/no-such-file.html', /: no such file$/],
];
const ODD = ['fixtures/broken/wrong-charset.html', 'fixtures/broken/nul-bytes.txt', 'fixtures/broken/utf16le.html', 'fixtures/broken/utf16be.html', 'fixtures/broken/utf16le.txt'];
const GOOD = ['fixtures/parse/dismissals.txt', 'fixtures/attachments/convictions.xlsx', 'fixtures/broken/javascript.pdf', ...ODD];

const path = (p: string) => (p.startsWith('LYING:') ? t(p.slice(6)) : p);
const ODD_REQUEST = 'How many officers did the force’s misconduct panels dismiss in 2020, and what did the hearings cost in £?';

describe('a run mixing broken and good inputs', () => {
  let res: ReturnType<typeof runCli>;
  let out: Disclosure[];
  beforeAll(() => {
    // Broken and good interleaved, so a failure cannot take its neighbours with it.
    const inputs: string[] = [];
    for (let i = 0; i < Math.max(BROKEN.length, GOOD.length); i++) {
      if (BROKEN[i]) inputs.push(path(BROKEN[i][0]));
      if (GOOD[i]) inputs.push(GOOD[i]);
    }
    res = runCli(['parse', ...inputs, '--format', 'json'], { timeoutMs: 90_000 });
    out = JSON.parse(res.stdout);
  }, 120_000);

  it('exits 1', () => {
    expect(res.code).toBe(1);
  });

  it('gives exactly one stderr line per broken input, naming it and the reason, and nothing else', () => {
    const lines = res.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(BROKEN.length);
    for (const [input, reason] of BROKEN) {
      const mine = lines.filter((l) => l.startsWith(`foi-harvest: error: ${path(input)}: `));
      expect(mine, input).toHaveLength(1);
      expect(mine[0], input).toMatch(reason);
    }
    expect(res.stderr).not.toMatch(/\n\s+at |Error:|TypeError|RangeError/);
  });

  it('still writes every good input, in input order', () => {
    expect(out).toHaveLength(GOOD.length);
    expect(out.map((d) => d.content_sha256)).toHaveLength(new Set(out.map((d) => d.content_sha256)).size);
    expect(out[0].reference).toBe('412A/23');
    expect(out[1].figures.length).toBeGreaterThan(0);
  });

  it('reads the PDF carrying JavaScript as data: its text, nothing run', () => {
    const pdf = out[2];
    expect(pdf.request_text).toBe('How many officers were convicted of criminal offences in 2023?');
    expect(pdf.figures.map((f) => [f.value, f.text])).toEqual([[3, '3 officers']]);
  });

  it.each(ODD.map((f, i) => [f, i]))('%s decodes right: ’ and £ in the request, the figure 6', (_f, i) => {
    const d = out[3 + (i as number)];
    expect(d.kind).toBe('foi_response');
    expect(d.request_text).toBe(ODD_REQUEST);
    expect(d.figures.map((f) => f.value)).toContain(6);
    expect(JSON.stringify(d)).not.toMatch(/\u0000|\uFFFD|â€|Â£/);
  });
});

describe('big and deep pages', () => {
  it('a page nested 100k levels deep parses quickly, keeps the text above the depth limit, and warns', () => {
    const res = runCli(['parse', t('deep.html'), '--format', 'json'], { timeoutMs: 30_000 });
    expect(res.code, res.stderr).toBe(0);
    const [d] = JSON.parse(res.stdout) as Disclosure[];
    expect(d.figures.map((f) => f.value)).toEqual([4]);
    expect(d.warnings.join('\n')).toMatch(/nested deeper than \d+ levels/);
  }, 40_000);

  it('a 20 MB page parses within the time limit and keeps its answer', () => {
    const res = runCli(['parse', t('huge.html'), 'fixtures/parse/dismissals.txt', '--format', 'ndjson'], { timeoutMs: 100_000 });
    expect(res.code, res.stderr).toBe(0);
    const [big, small] = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Disclosure);
    expect(big.reference).toBe('1/25');
    expect(big.figures.filter((f) => f.text === '7 officers').map((f) => f.value)).toEqual([7]);
    expect(small.reference).toBe('412A/23');
  }, 120_000);
});
