// pdf-text reads a page's text items without pdf.js; they must be pdf.js's own (getTextContent),
// item for item, or the document must be left to pdf.js with a reason. pdf.js is the oracle
// here: on the shipped and real PDFs, on letters drawn with pdfkit, on small PDFs written by
// hand for each operator and font kind, and on seeded random content streams. And the reader
// gives the same document either way.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOwn, type OwnPage } from '../../src/readers/pdf-text.js';
import { readPdf } from '../../src/readers/pdf.js';
import { pagePaths } from '../../src/readers/pdf-paths.js';
import { pdfOf } from '../support/pdfkit.js';

const pick = (i: { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean }) => ({ str: i.str, transform: i.transform, width: i.width, height: i.height, hasEOL: i.hasEOL });

/** Every page's text items read by pdf-text, or why the document is left to pdf.js. */
function ownText(bytes: Uint8Array): { pages: OwnPage[] } | { why: string } {
  const doc = openOwn(bytes);
  if ('why' in doc) return doc;
  const pages: OwnPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = doc.page(n);
    if ('why' in page) return page;
    pages.push(page);
  }
  return { pages };
}

/** pdf.js's text items and page boxes, page by page. */
async function pdfjsPages(bytes: Uint8Array): Promise<Array<{ view: number[]; ref: { num: number; gen: number }; items: unknown[] }>> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const doc = await (parser as unknown as { load(): Promise<{ numPages: number; getPage(n: number): Promise<{ view: number[]; ref: { num: number; gen: number }; getTextContent(): Promise<{ items: object[] }> }> }> }).load();
    const out = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      out.push({ view: page.view, ref: { num: page.ref.num, gen: page.ref.gen }, items: (await page.getTextContent()).items.map(pick) });
    }
    return out;
  } finally {
    await parser.destroy();
  }
}

/**
 * 'same' when pdf-text gives pdf.js's pages and items; its reason when it declines. The paths it
 * records in the same pass must be what pdf-paths' own scan of the page gives.
 */
async function compare(bytes: Uint8Array): Promise<string> {
  const own = ownText(bytes);
  if ('why' in own) return own.why;
  for (const p of own.pages) expect(p.paths).toEqual(pagePaths(p.content));
  const theirs = await pdfjsPages(bytes);
  expect(own.pages.map((p) => ({ view: p.view, ref: p.ref, items: p.items.map(pick) }))).toStrictEqual(theirs);
  return 'same';
}

const fixtures = new URL('../../fixtures/attachments/', import.meta.url);
const shared = new URL('../../../shared/attachments/files/', import.meta.url);

it('reads fonts with the tables of the pdf.js installed (scripts/gen-pdf-fontdata.mjs --check)', () => {
  expect(() => execFileSync(process.execPath, [new URL('../../scripts/gen-pdf-fontdata.mjs', import.meta.url).pathname, '--check'], { stdio: 'pipe' })).not.toThrow();
});

describe('the shipped and real PDFs: pdf.js’s items, or a reason', () => {
  const expected: Record<string, string> = {
    'convictions-ruled.pdf': 'same',
    'convictions-unruled.pdf': 'same',
    'encrypted.pdf': 'encrypted',
    'officers-ruled.pdf': 'same',
    'scanned.pdf': 'same',
    'suspensions-two-pages.pdf': 'same',
    'truncated.pdf': 'no startxref',
  };
  it.each(readdirSync(fixtures).filter((f) => f.endsWith('.pdf')))('fixtures/attachments/%s', async (name) => {
    expect(await compare(new Uint8Array(readFileSync(new URL(name, fixtures))))).toBe(expected[name]);
  });
  // Word's TrueType (WinAnsi), Type0 Identity-H with ToUnicode, object streams: the real shapes.
  const real: Record<string, string> = {
    'cumbria-hospital-crime.pdf': 'same',
    'durham-hospital-crime.pdf': 'same',
    'hertfordshire-hospital-crime-list.pdf': 'same',
    'hosdb-taser-uses-by-force-2004-2010.pdf': 'same',
    'humberside-hospital-crime.pdf': 'same',
  };
  it.runIf(existsSync(shared)).each(Object.keys(real))('../shared/attachments/files/%s', async (name) => {
    expect(await compare(new Uint8Array(readFileSync(new URL(name, shared))))).toBe(real[name]);
  });
});

describe('letters drawn with pdfkit (the standard fonts, no widths written)', () => {
  it('every standard Latin font, sizes, kerning, a rotated and a clipped line', async () => {
    const file = await pdfOf((doc) => {
      let y = 50;
      for (const font of ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Courier', 'Courier-Bold']) {
        doc.font(font).fontSize(7 + (y % 9)).text(`${font}: In 2023 there were 14 officers — “dismissed”, £1,250.50 · naïve café`, 50, y, { width: 480 });
        y += 40;
      }
      doc.font('Helvetica').fontSize(10).text('A heading printed upwards', 0, 0, { lineBreak: false });
      doc.save().rotate(-90, { origin: [300, 600] }).text('Rotated column heading', 300, 600, { lineBreak: false }).restore();
      doc.text('Half off the page', -40, 700, { lineBreak: false });
      doc.text('Wide  gaps\tand   tabs between words', 50, 740, { lineBreak: false, characterSpacing: 1.5, wordSpacing: 4 });
      doc.addPage({ size: [300, 400] }).fontSize(8).text('A small second page, justified: '.repeat(12), 20, 20, { width: 260, align: 'justify' });
    });
    expect(await compare(file)).toBe('same');
  });
});

// ---- small PDFs written by hand --------------------------------------------------------------

/** A PDF with one page of `content` and the objects given (numbers from 10), fonts named F1… */
function pdf(content: string, opts: { fonts?: string[]; objects?: Record<number, string>; page?: string; resources?: string } = {}): Uint8Array {
  const objects: Record<number, string> = { ...opts.objects };
  const fonts = (opts.fonts ?? ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>']).map((f, i) => {
    objects[20 + i] = f;
    return `/F${i + 1} ${20 + i} 0 R`;
  });
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
  objects[3] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R /Resources << /Font << ${fonts.join(' ')} >> ${opts.resources ?? ''} >> ${opts.page ?? ''} >>`;
  objects[4] = stream(content);
  let out = '%PDF-1.4\n';
  const offsets: Array<[number, number]> = [];
  for (const num of Object.keys(objects).map(Number).sort((a, b) => a - b)) {
    offsets.push([num, Buffer.byteLength(out, 'latin1')]);
    out += `${num} 0 obj\n${objects[num]}\nendobj\n`;
  }
  const size = Math.max(...offsets.map(([n]) => n)) + 1;
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = offsets.find(([m]) => m === n)?.[1];
    out += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const stream = (text: string) => `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`;
const TO_UNICODE = stream(
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n' +
    '2 beginbfchar <0003> <0020> <0004> <00660069> endbfchar\n' +
    '2 beginbfrange <0010> <0019> <0030> <00FE> <0101> <00FE> endbfrange\n' +
    '1 beginbfrange <0024> <0026> [<0041> <D835DC00> <0043>] endbfrange endcmap end end',
);
/** A TrueType font as Word writes one (widths, WinAnsi), not embedded. */
const WORD_FONT = '<< /Type /Font /Subtype /TrueType /BaseFont /Calibri /FirstChar 32 /LastChar 126 /Encoding /WinAnsiEncoding /FontDescriptor 30 0 R /Widths [' + Array.from({ length: 95 }, (_, i) => 400 + ((i * 37) % 300)).join(' ') + '] >>';
const WORD_DESCRIPTOR = '<< /Type /FontDescriptor /FontName /Calibri /Flags 32 /MissingWidth 333 /FontBBox [0 0 1000 1000] >>';
/** A Type0 font over a CIDFontType2 (its program a stand-in: only its presence is read), Identity-H with ToUnicode. */
const TYPE0 = '<< /Type /Font /Subtype /Type0 /BaseFont /FoiTestSans /Encoding /Identity-H /DescendantFonts [31 0 R] /ToUnicode 33 0 R >>';
const CID_FONT = {
  31: '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FoiTestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 32 0 R /DW 600 /W [3 [250] 4 [556] 16 25 500 36 [700 710 720]] >>',
  32: '<< /Type /FontDescriptor /FontName /FoiTestSans /Flags 32 /FontBBox [0 0 1000 1000] /FontFile2 34 0 R >>',
  33: TO_UNICODE,
  34: stream('not a font program'),
};

describe('hand-written PDFs: each operator and font kind as pdf.js reads it', () => {
  const cases: Array<[string, string, Parameters<typeof pdf>[1]?]> = [
    ['Tj, Td, TD, T*, TL', 'BT /F1 12 Tf 20 250 Td (First line) Tj 0 -14 TD (Second) Tj T* (Third) Tj 16 TL T* (Fourth) Tj ET'],
    ["' and \" (next line, spacing)", 'BT /F1 10 Tf 14 TL 20 250 Td (One) Tj (Two) \' 3 1 (Three and four) " ET'],
    ['TJ kerning, big gaps and negative ones', 'BT /F1 11 Tf 20 250 Td [(Kern) -20 (ed) 300 (wide) -900 (gap) 200 (back)] TJ [(A) 0 (B) () -250 (C)] TJ ET'],
    ['character and word spacing, horizontal scale, rise', 'BT /F1 9 Tf 20 250 Td 1.2 Tc 3 Tw (spaced out words) Tj 0 Tc 0 Tw 150 Tz (wide) Tj 100 Tz 4 Ts (up) Tj 0 Ts (down) Tj ET'],
    ['Tm scaled, rotated and skewed text', 'BT /F1 1 Tf 12 0 0 12 20 250 Tm (Scaled by Tm) Tj 0 10 -10 0 300 50 Tm (Rotated) Tj 10 0 3 10 20 100 Tm (Skewed) Tj 0.7 0.7 -0.7 0.7 200 150 Tm (Diagonal) Tj ET'],
    ['q, cm and Q around text; Q restoring another font size', 'q 1 0 0 1 10 10 cm BT /F1 10 Tf 10 250 Td (Moved) Tj ET Q BT /F1 10 Tf 10 200 Td (Same) Tj q /F1 14 Tf (Big) Tj Q (Back) Tj ET'],
    ['text off the page is dropped, its advance kept', 'BT /F1 10 Tf -100 250 Td (Starts off the page and runs on) Tj 0 -100 Td 390 0 Td (Ends off it) Tj ET'],
    ['escapes, octal codes and a line continuation', 'BT /F1 10 Tf 20 250 Td (Paren \\( \\) back\\\\slash \\101\\102 and a line \\\ncontinued \\351t\\351) Tj <48656c6c6f20776f726c64> Tj ET'],
    ['WinAnsi codes above 127 (quotes, dashes, pound, bullets)', 'BT /F1 10 Tf 20 250 Td (\\223quoted\\224 \\226 dash \\227 \\243 12 \\225 bullet \\240nbsp \\255soft) Tj ET'],
    ['marked content and images flush the item', 'BT /F1 10 Tf 20 250 Td /Span <</ActualText (x)>> BDC (In a span) Tj EMC (after) Tj /P BMC (para) Tj EMC ET q 10 0 0 10 0 0 cm /Im1 Do Q BT /F1 10 Tf (next) Tj ET', { objects: { 40: `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream` }, resources: '/XObject << /Im1 40 0 R >>' }],
    ['a graphics state without a font', '/GS1 gs BT /F1 10 Tf 20 250 Td (Under a graphics state) Tj ET', { objects: { 41: '<< /Type /ExtGState /CA 0.5 >>' }, resources: '/ExtGState << /GS1 41 0 R >>' }],
    ['differences from the standard encoding, Times metrics', 'BT /F1 10 Tf 20 250 Td (Differences: \\001\\002 aeb) Tj ET', { fonts: ['<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /Differences [1 /fi /fl 97 /emdash] >> >>'] }],
    ['Courier, no encoding named (the standard one)', "BT /F1 10 Tf 20 250 Td (Monospaced ` and ' quotes) Tj ET", { fonts: ['<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>'] }],
    ['Arial by another name, MacRoman', 'BT /F1 10 Tf 20 250 Td (Mac \\212 \\216 \\321 dash) Tj ET', { fonts: ['<< /Type /Font /Subtype /Type1 /BaseFont /Arial,Bold /Encoding /MacRomanEncoding >>'] }],
    ["Word's TrueType with widths and a missing width", 'BT /F1 11 Tf 20 250 Td (Word letter, 2023/24: £ codes outside \\200\\237 the widths, a\\ttab and\\nnew line) Tj ET', { fonts: [WORD_FONT], objects: { 30: WORD_DESCRIPTOR } }],
    ['TrueType with ToUnicode over its encoding', 'BT /F1 11 Tf 20 250 Td (\\003\\004 abc) Tj ET', { fonts: [WORD_FONT.replace('/Encoding', '/ToUnicode 33 0 R /Encoding')], objects: { 30: WORD_DESCRIPTOR, 33: stream('1 beginbfchar <03> <0041> endbfchar 1 beginbfrange <04> <05> <00E9> endbfrange') } }],
    ['Type0, Identity-H, ToUnicode with ranges, a carry and a surrogate pair', 'BT /F1 10 Tf 20 250 Td <0004001000110003001900FE00FF01000024002500260003> Tj [<0011> -300 <0012> 50 <0003>] TJ 2 Tw <0003000400030004> Tj ET', { fonts: [TYPE0], objects: CID_FONT }],
    ['two fonts, switched often (as pdfkit does per cell)', 'BT /F1 10 Tf 20 250 Td (Rank) Tj /F2 10 Tf ( Year) Tj /F1 10 Tf ( Outcome) Tj /F1 12 Tf ( bigger) Tj ET', { fonts: ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'] }],
    ["Symbol not embedded, naming WinAnsi (Word's bullets): pdf.js reads it by the Symbol encoding", 'BT /F2 10 Tf 20 250 Td (\\267 \\245 abg) Tj /F1 10 Tf ( Item) Tj ET', { fonts: ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', '<< /Type /Font /Subtype /TrueType /BaseFont /Symbol /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 183 /FontDescriptor 30 0 R /Widths [' + Array.from({ length: 152 }, (_, i) => 300 + i).join(' ') + '] >>'], objects: { 30: '<< /Type /FontDescriptor /FontName /Symbol /Flags 32 >>' } }],
    ['a symbolic font not embedded (MacRoman)', 'BT /F1 10 Tf 20 250 Td (\\245 bullet \\321 dash) Tj ET', { fonts: ['<< /Type /Font /Subtype /TrueType /BaseFont /FoiSymbols /FirstChar 32 /LastChar 255 /FontDescriptor 30 0 R /Widths [' + Array.from({ length: 224 }, () => 500).join(' ') + '] >>'], objects: { 30: '<< /Type /FontDescriptor /FontName /FoiSymbols /Flags 4 >>' } }],
    ['a crop box narrower than the media box', 'BT /F1 10 Tf 5 250 Td (Cropped on the left) Tj 0 -20 Td 250 0 Td (and on the right side) Tj ET', { page: '/CropBox [30 0 300 300]' }],
  ];
  it.each(cases)('%s', async (_label, content, opts) => {
    expect(await compare(pdf(content, opts))).toBe('same');
  });

  // Drawn lines beside text: the paths recorded in the text pass are pdf-paths' own (compare checks).
  const drawn: Array<[string, string, Parameters<typeof pdf>[1]?]> = [
    ['a ruled cell round its text', 'q 0.75 w 50 200 100 18 re S Q BT /F1 9 Tf 54 205 Td (Rank) Tj ET'],
    ['lines under a transform, a fill, an empty stroke', 'q 2 0 0 2 5 5 cm 0 0 m 10 0 l S Q 0 0 m 10 10 l f S s BT /F1 9 Tf 20 250 Td (x) Tj ET'],
    ['a filled curve, then a stroked one (pdf.js must list it)', '0 0 m 5 5 10 10 15 0 c f BT /F1 9 Tf 20 250 Td (x) Tj ET 0 0 m 5 5 10 10 15 0 c S'],
    ['q inside a path (pdf.js must list it)', '0 0 m 10 0 l q S Q BT /F1 9 Tf 20 250 Td (x) Tj ET'],
    ['an image drawn beside text', 'q 100 0 0 50 0 0 cm /Im1 Do Q BT /F1 9 Tf 20 250 Td (x) Tj ET 10 10 m 20 10 l S', { objects: { 40: `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream` }, resources: '/XObject << /Im1 40 0 R >>' }],
    ['a null operand (pdf-paths reads no null)', '/P0 null scn 0 0 m 1 1 l S BT /F1 9 Tf 20 250 Td (x) Tj ET'],
  ];
  it.each(drawn)('paths: %s', async (_label, content, opts) => {
    expect(await compare(pdf(content, opts))).toBe('same');
  });

  const declined: Array<[string, string, string, Parameters<typeof pdf>[1]?]> = [
    ['a rotated page', 'BT /F1 10 Tf 20 250 Td (x) Tj ET', 'a rotated page', { page: '/Rotate 90' }],
    ['a Type3 font', 'BT /F1 10 Tf 20 250 Td (x) Tj ET', 'a font with its own matrix', { fonts: ['<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] >>'] }],
    ['a form XObject', 'q /Fm1 Do Q', 'draws a form or an unknown XObject', { objects: { 42: '<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 0 >>\nstream\n\nendstream' }, resources: '/XObject << /Fm1 42 0 R >>' }],
    ['an inline image', 'BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI', 'operator "BI"'],
    ['an embedded symbolic font (its program maps the codes)', 'BT /F1 10 Tf 20 250 Td (x) Tj ET', 'a symbolic font', { fonts: ['<< /Type /Font /Subtype /TrueType /BaseFont /FoiSymbols /FontDescriptor 30 0 R /FirstChar 32 /LastChar 32 /Widths [500] >>'], objects: { 30: '<< /Type /FontDescriptor /FontName /FoiSymbols /Flags 4 /FontFile2 34 0 R >>', 34: stream('not a font program') } }],
    ['an embedded Symbol font', 'BT /F1 10 Tf 20 250 Td (x) Tj ET', 'a symbol font', { fonts: ['<< /Type /Font /Subtype /TrueType /BaseFont /Symbol /FontDescriptor 30 0 R /FirstChar 32 /LastChar 32 /Widths [500] >>'], objects: { 30: '<< /Type /FontDescriptor /FontName /Symbol /Flags 32 /FontFile2 34 0 R >>', 34: stream('not a font program') } }],
    ['a glyph name outside the base encodings', 'BT /F1 10 Tf 20 250 Td (\\001) Tj ET', 'the glyph name uni2192', { fonts: ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [1 /uni2192] >> >>'] }],
    ['a code the encoding leaves unnamed (pdf.js guesses a space)', 'BT /F1 10 Tf 20 250 Td (a\\tb) Tj ET', 'a code the font’s encoding leaves unnamed'],
    ['right-to-left text', 'BT /F1 10 Tf 20 250 Td <05D0> Tj ET', 'right-to-left text', { fonts: [TYPE0], objects: { ...CID_FONT, 33: stream('1 beginbfchar <05D0> <05D0> endbfchar') } }],
    ['a font not in the resources', 'BT /F9 10 Tf 20 250 Td (x) Tj ET', 'font F9 not found'],
    ['an operator pdf.js does not know', 'BT /F1 10 Tf 20 250 Td (x) Tj XX ET', 'operator "XX"'],
    ['too few operands', 'BT /F1 10 Tf 20 Td (x) Tj ET', 'Td with 1 operands'],
  ];
  it.each(declined)('declines %s', (_label, content, why, opts) => {
    const own = ownText(pdf(content, opts));
    expect('why' in own ? own.why : 'read').toBe(why);
  });
});

describe('seeded random content streams', () => {
  // A small generator of text operators in plausible orders: pdf.js and pdf-text must agree on every one.
  const rng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const WORDS = ['Police', 'officers', '2023', '14', '£1,250', '(a)', 'Section 40(2)', '—', 'dismissed.', '  ', 'naïve', '12.5%'];
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  // Fonts F1–F3 take one byte a code; F4 (Type0, Identity-H) two, written in hex over the codes its ToUnicode maps.
  const hex2 = (w: string) => `<${[...w].map((ch) => (ch === ' ' ? '0003' : (0x24 + (ch.charCodeAt(0) % 3)).toString(16).padStart(4, '0'))).join('')}>`;
  function content(seed: number): string {
    const r = rng(seed);
    const n = (lo: number, hi: number, dp = 0) => (lo + r() * (hi - lo)).toFixed(dp);
    const word = () => WORDS[Math.floor(r() * WORDS.length)];
    let font = 1;
    const str = (w: string) => (font === 4 ? hex2(w) : `(${escape(w)})`);
    let out = '';
    for (let b = 0; b < 6; b++) {
      font = 1 + Math.floor(r() * 4);
      // Now and then a font size below zero (text drawn mirrored: pdf.js measures it backwards).
      out += `${r() < 0.3 ? `q 1 0 0 1 ${n(-5, 5, 2)} ${n(-5, 5, 2)} cm ` : 'q '}BT /F${font} ${r() < 0.05 ? '-' : ''}${n(6, 16, r() < 0.5 ? 0 : 1)} Tf `;
      const m = r();
      if (m < 0.4) out += `${n(0, 300, 2)} ${n(20, 290, 2)} Td `;
      else if (m < 0.8) out += `1 0 0 1 ${n(0, 300, 3)} ${n(20, 290, 3)} Tm `;
      else if (m < 0.9) out += `0 1 -1 0 ${n(50, 350, 1)} ${n(20, 250, 1)} Tm `; // a quarter turn
      else out += `${n(0.5, 1.5, 2)} ${n(-0.5, 0.5, 2)} ${n(-0.5, 0.5, 2)} ${n(0.5, 1.5, 2)} ${n(20, 300, 1)} ${n(20, 250, 1)} Tm `; // skewed
      for (let k = 0; k < 5; k++) {
        const x = r();
        if (x < 0.25) out += `${str(`${word()} ${word()}`)} Tj `;
        else if (x < 0.45) out += `[${str(word())} ${n(-400, 400)} ${str(word())} ${n(-80, 80)} ${str(word())}] TJ `;
        else if (x < 0.55) out += `${n(0, 3, 1)} Tc ${n(0, 6, 1)} Tw `;
        else if (x < 0.65) out += `${n(8, 20)} TL T* `;
        else if (x < 0.75) out += `${n(-30, 60, 1)} ${n(-20, 20, 1)} Td `;
        else if (x < 0.8) out += `${n(50, 150)} Tz `;
        else if (x < 0.85) out += `${n(-3, 3)} Ts `;
        else if (x < 0.9) out += `${n(0, 4, 1)} ${n(0, 2, 1)} ${str(word())} " `;
        else out += `${str(word())} ' `;
      }
      out += 'ET Q ';
    }
    return out;
  }
  const fonts = [
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>',
    WORD_FONT,
    TYPE0,
  ];
  const objects = { 30: WORD_DESCRIPTOR, 31: CID_FONT[31], 32: CID_FONT[32], 33: CID_FONT[33], 34: CID_FONT[34] };
  it.each(Array.from({ length: 60 }, (_, i) => 1000 + i))('seed %i', async (seed) => {
    expect(await compare(pdf(content(seed), { fonts, objects }))).toBe('same');
  });
});

describe('the reader gives the same document with pdf.js or without', () => {
  afterEach(() => vi.unstubAllEnvs());
  const files = readdirSync(fixtures)
    .filter((f) => f.endsWith('.pdf') && !/encrypted|truncated/.test(f))
    .map((f) => new URL(f, fixtures));
  if (existsSync(shared)) for (const f of ['durham-hospital-crime.pdf', 'humberside-hospital-crime.pdf']) files.push(new URL(f, shared));
  it.each(files.map((u) => [u.pathname.split('/').pop()!, u] as const))('%s', async (_name, url) => {
    const bytes = new Uint8Array(readFileSync(url));
    vi.stubEnv('FOI_HARVEST_PDF_TEXT', 'pdfjs');
    const viaPdfjs = await readPdf(bytes, { ocr: { mode: 'never' } });
    vi.stubEnv('FOI_HARVEST_PDF_TEXT', undefined);
    expect(await readPdf(bytes, { ocr: { mode: 'never' } })).toStrictEqual(viaPdfjs);
  });
});
