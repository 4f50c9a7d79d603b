// The paths read from a page's content must be what pdf.js's operator list gives pdf-parse's
// ruled-table finder: exact op lists for small content streams, then the finder's line store
// compared both ways on the shipped PDFs and on letters drawn here with pdfkit.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PDFParse } from 'pdf-parse';
import { OPS as PDFJS_OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { greyPng } from '../../scripts/lib/png.mjs';
import { pdfOf } from '../support/pdfkit.js';
import { OPS, pathOps } from '../../src/readers/pdf-paths.js';
import { pageLines } from '../../src/readers/pdf-lines.js';
import { ruledGrid } from '../../src/readers/pdf-grid.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const f32 = (...v: number[]) => Float32Array.from(v);
const EMPTY = f32(Infinity, Infinity, -Infinity, -Infinity);

it('uses pdf.js’s operator codes', () => {
  for (const [name, code] of Object.entries(OPS)) expect([name, code]).toEqual([name, (PDFJS_OPS as Record<string, number>)[name]]);
});

describe('pathOps', () => {
  const cases: Array<[string, string, unknown, string[]?]> = [
    ['a stroked rectangle', '10 20 100 18 re S', { fnArray: [91], argsArray: [[20, [null], f32(10, 20, 110, 38)]] }],
    ['lines under a scaling transform', 'q 2 0 0 2 5 5 cm 0 0 m 10 0 l S Q', { fnArray: [10, 12, 91, 11], argsArray: [null, [2, 0, 0, 2, 5, 5], [20, [null], f32(0, 0, 10, 0)], null] }],
    ['a filled path under a translation (not folded)', 'q 1 0 0 1 5 5 cm 0 0 m 10 0 l f Q', { fnArray: [10, 12, 91, 11], argsArray: [null, [1, 0, 0, 1, 5, 5], [22, [null], f32(0, 0, 10, 0)], null] }],
    ['the box in float32', '0.1 0.2 m 0.3 0.4 l S', { fnArray: [91], argsArray: [[20, [null], f32(0.1, 0.2, 0.3, 0.4)]] }],
    ['numbers without a leading or trailing digit', '.5 -.5 m 5. 0 l S', { fnArray: [91], argsArray: [[20, [null], f32(0.5, -0.5, 5, 0)]] }],
    ['a stroke with no path', 'S', { fnArray: [91], argsArray: [[20, [null], null]] }],
    ['close and stroke with no path (pdf.js adds a closePath)', 's', { fnArray: [91], argsArray: [[21, [null], EMPTY]] }],
    ['text, marked content and arrays between', '/P <</MCID 0>> BDC BT /F1 12 Tf [(a) -3 (b\\))] TJ ET EMC 0 0 m 1 1 l S', { fnArray: [91], argsArray: [[20, [null], f32(0, 0, 1, 1)]] }],
    ['a filled curve', '0 0 m 5 5 10 10 15 0 c f', { fnArray: [91], argsArray: [[22, [null], f32(0, 0, 0, 0)]] }],
    ['an image drawn', 'q 100 0 0 50 0 0 cm /Im1 Do Q', { fnArray: [10, 12, 11], argsArray: [null, [100, 0, 0, 50, 0, 0], null] }, ['Im1']],
    // The API's operator list is not optimised: a stroke under a translation is not folded into it.
    ['a stroke under a translation', 'q 1 0 0 1 5 5 cm 0 0 m 10 0 l S Q', { fnArray: [10, 12, 91, 11], argsArray: [null, [1, 0, 0, 1, 5, 5], [20, [null], f32(0, 0, 10, 0)], null] }],
    ['a stroked curve', '0 0 m 5 5 10 10 15 0 c S', 'a stroked curve'],
    ['too few operands', '1 2 3 re S', 're with 3 operands'],
    ['too many operands', '1 2 3 m', 'm with 3 operands'],
    ['operators run together', 'BT (x) Tj ETq', 'operator "ETq"'],
    ['a double minus (pdf.js reads it; this reading does not)', '--5 0 m', 'operator "--5"'],
    ['q inside a path', '0 0 m q', 'q inside a path'],
    ['an inline image', 'BI /W 1 /H 1 ID x EI', 'inline image'],
    ['an unbalanced string', '(abc Tj', 'content not read'],
    ['more operands than any operator takes (pdf.js gives up too)', `${'1 '.repeat(34)}m`, 'too many operands'],
    ['true and false are operands', 'true false 0 0 m', 'm with 4 operands'],
    ['an operator with the most operands there are', `/P0 ${'0.5 '.repeat(32)}scn 0 0 m 1 1 l S`, { fnArray: [91], argsArray: [[20, [null], f32(0, 0, 1, 1)]] }],
  ];
  it.each(cases)('%s', (_label, content, expected, drawn = []) => {
    const names = new Set<string>();
    expect(pathOps(bytes(content), names)).toEqual(expected);
    if (typeof expected !== 'string') expect([...names]).toEqual(drawn);
  });
});

/** A PDF 1.5 file whose catalog, page tree and page are packed in an object stream, found through a cross-reference stream. */
function packedPdf(content: string): Uint8Array {
  const packed: Array<[number, string]> = [[1, '<< /Type /Catalog /Pages 2 0 R >>'], [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'], [3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>']];
  let head = '';
  let body = '';
  for (const [n, text] of packed) {
    head += `${n} ${body.length} `;
    body += `${text}\n`;
  }
  const stm = deflateSync(Buffer.from(head + body, 'latin1'));
  const ops = deflateSync(Buffer.from(content, 'latin1'));
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n', 'latin1')];
  const offsets = new Map<number, number>();
  const put = (num: number, dict: string, data: Buffer, tail = '') => {
    offsets.set(num, parts.reduce((a, p) => a + p.length, 0));
    parts.push(Buffer.from(`${num} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from(`\nendstream\nendobj\n${tail}`, 'latin1'));
  };
  put(10, `/Type /ObjStm /N 3 /First ${head.length} /Filter /FlateDecode`, stm);
  put(4, '/Filter /FlateDecode', ops);
  const at = parts.reduce((a, p) => a + p.length, 0);
  offsets.set(11, at);
  // Cross-reference stream rows: type (0 free, 1 at an offset, 2 packed), offset or stream, index.
  const rows = Array.from({ length: 12 }, (_, n) => {
    const row = Buffer.alloc(7);
    if (n >= 1 && n <= 3) {
      row[0] = 2;
      row.writeUInt32BE(10, 1);
      row.writeUInt16BE(n - 1, 5);
    } else if (offsets.has(n)) {
      row[0] = 1;
      row.writeUInt32BE(offsets.get(n)!, 1);
    }
    return row;
  });
  put(11, '/Type /XRef /W [1 4 2] /Size 12 /Root 1 0 R', Buffer.concat(rows), `startxref\n${at}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * pdf-parse's line store for a page, from pdf.js's operator list and from ours; and the store
 * pdf-grid builds from ours without pdf-parse's finder (`grid`).
 */
async function bothWays(file: Uint8Array): Promise<Array<{ page: number; kind: string; pdfjs?: string; ours?: string; grid?: string }>> {
  const parser = new PDFParse({ data: new Uint8Array(file), verbosity: 0 });
  const finder = parser as unknown as { getPageTables(page: unknown): Promise<unknown> };
  try {
    const doc = await (parser as unknown as { load(): Promise<{ numPages: number; getPage(n: number): Promise<{ ref: { num: number; gen: number }; getViewport(o: unknown): { transform: number[] } }> }> }).load();
    const lines = pageLines(file);
    const out = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const known = lines(page.ref);
      if (known.kind !== 'own') {
        out.push({ page: n, kind: known.kind });
        continue;
      }
      const pdfjs = JSON.stringify(await finder.getPageTables(page));
      const ours = JSON.stringify(await finder.getPageTables({ getViewport: (o: unknown) => page.getViewport(o), getOperatorList: async () => known.ops }));
      const grid = JSON.stringify(await ruledGrid(known.ops, page.getViewport({ scale: 1 }).transform));
      out.push({ page: n, kind: known.kind, pdfjs, ours, grid });
    }
    return out;
  } finally {
    await parser.destroy();
  }
}

describe('the ruled-table finder sees the same lines either way (pdf.js’s operator list, or this reading)', () => {
  it.each(['convictions-ruled.pdf', 'officers-ruled.pdf'])('%s', async (name) => {
    const pages = await bothWays(new Uint8Array(readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url))));
    expect(pages.map((p) => p.kind)).toEqual(['own']);
    for (const p of pages) expect([p.ours, p.grid]).toEqual([p.pdfjs, p.pdfjs]);
  });

  it('a letter of ruled tables, scaled and rotated ones, dashes and line widths', async () => {
    const file = await pdfOf((doc) => {
      doc.fontSize(10).text('Freedom of Information request 2024/0612', 50, 50);
      for (let r = 0; r < 6; r++) for (let c = 0; c < 3; c++) doc.lineWidth(0.5 + r * 0.1).rect(50 + c * 120.25, 100 + r * 18.5, 120.25, 18.5).stroke();
      doc.save().scale(0.8).dash(3, { space: 2 }).moveTo(60, 400).lineTo(400, 400).stroke().undash().restore();
      doc.save().rotate(90, { origin: [300, 500] }).rect(250, 480, 100, 40).stroke().restore();
      doc.moveTo(50, 700).lineTo(545.5, 700).stroke();
      // Rules drawn as Word draws them: each under its own translation (q 1 0 0 1 x y cm … S Q).
      for (let r = 0; r < 4; r++) doc.save().translate(50, 720 + r * 14.4375).moveTo(0, 0).lineTo(495.5, 0).stroke().restore();
      doc.addPage();
      // Filled and stroked (B): pdf-parse keeps plain strokes only, so this page's one line is the rule below it.
      doc.text('Page two', 50, 50).rect(50, 80, 200, 30).fillAndStroke('#eeeeee', '#000000');
      doc.moveTo(50, 150).lineTo(300, 150).stroke();
      doc.addPage();
      doc.text('Page three: filled and stroked only', 50, 50).rect(50, 80, 200, 30).fillAndStroke('#eeeeee', '#000000');
    });
    const pages = await bothWays(file);
    expect(pages.map((p) => p.kind)).toEqual(['own', 'own', 'none']);
    for (const p of pages) expect([p.ours, p.grid]).toEqual([p.pdfjs, p.pdfjs]);
  });

  it('a page packed in an object stream (PDF 1.5), with a rule under a translation', async () => {
    const pages = await bothWays(packedPdf('0.5 w 50 700 m 300 700 l S 50 600 200 50 re S q 1 0 0 1 20 20 cm 0 0 m 100 0 l S Q'));
    expect(pages.map((p) => p.kind)).toEqual(['own']);
    for (const p of pages) expect([p.ours, p.grid]).toEqual([p.pdfjs, p.pdfjs]);
  });

  it('a letter with a logo, its content streams not compressed', async () => {
    const file = await pdfOf((doc) => {
      doc.image(greyPng(40, 20), 450, 40, { width: 80 }); // a letterhead logo
      doc.fontSize(10).text('Our ref: 2024/0612', 50, 50);
      for (let r = 0; r < 5; r++) doc.rect(50, 120 + r * 20, 300, 20).stroke();
      doc.save().translate(60, 300).moveTo(0, 0).lineTo(200, 0).lineWidth(2).stroke().restore();
    }, { compress: false });
    const pages = await bothWays(file);
    expect(pages.map((p) => p.kind)).toEqual(['own']);
    for (const p of pages) expect([p.ours, p.grid]).toEqual([p.pdfjs, p.pdfjs]);
  });
});
