import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageLines, type PageLines } from '../../src/readers/pdf-lines.js';

/** A page's answer in one word: none, own (paths read here), or why pdf.js is asked. */
const summary = (l: PageLines) => (l.kind === 'pdfjs' ? l.why : l.kind);


/** A PDF of plain objects (no xref needed here: the reader finds objects by their `n g obj` headers). */
function pdf(objects: Record<number, string | { dict: string; stream: string; flate?: boolean }>, trailer = ''): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  for (const [num, o] of Object.entries(objects)) {
    if (typeof o === 'string') {
      parts.push(Buffer.from(`${num} 0 obj\n${o}\nendobj\n`, 'latin1'));
      continue;
    }
    const data = o.flate ? deflateSync(Buffer.from(o.stream, 'latin1')) : Buffer.from(o.stream, 'latin1');
    const filter = o.flate ? ' /Filter /FlateDecode' : '';
    parts.push(Buffer.from(`${num} 0 obj\n<< ${o.dict}${filter} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }
  parts.push(Buffer.from(`trailer\n<< /Root 1 0 R ${trailer}>>\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const catalog = { 1: '<< /Type /Catalog /Pages 2 0 R >>', 2: '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Im1 6 0 R /Fm1 7 0 R >> >> >>' };
const image = { dict: '/Type /XObject /Subtype /Image /Width 1 /Height 1', stream: '\x00' };
const form = { dict: '/Type /XObject /Subtype /Form /BBox [0 0 10 10]', stream: '0 0 m 10 10 l S' };
const page3 = { num: 3, gen: 0 };

describe('pageLines', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['text only, Flate', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (S) Tj ET', flate: true } }), 'none'],
    ['a ruled table', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: '10 10 100 20 re S', flate: true } }), 'own'],
    ['a stroke in the second of two content streams', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents [4 0 R 5 0 R] >>', 4: { dict: '', stream: 'BT (x) Tj ET' }, 5: { dict: '', stream: '0 0 m 1 1 l S' } }), 'own'],
    ['contents as an array object', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 8 0 R >>', 8: '[4 0 R]', 4: { dict: '', stream: '0 0 m 1 1 l S' } }), 'own'],
    ['an image from inherited resources', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: '/Im1 Do' }, 6: image, 7: form }), 'none'],
    ['a form XObject', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: '/Fm1 Do' }, 6: image, 7: form }), 'draws a form or an unknown XObject'],
    ['an XObject the resources do not name', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: '/Im9 Do' }, 6: image }), 'draws a form or an unknown XObject'],
    ['the page’s own resources by reference', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Resources 9 0 R /Contents 4 0 R >>', 9: '<< /XObject << /Im1 7 0 R >> >>', 4: { dict: '', stream: '/Im1 Do' }, 7: form }), 'draws a form or an unknown XObject'],
    ['an annotation not found', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Annots [10 0 R] /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'annotations'],
    ['a link with no appearance', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Annots [10 0 R] /Contents 4 0 R >>', 10: '<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /BS << /W 0 >> >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'none'],
    ['links listed in an array object', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Annots 12 0 R /Contents 4 0 R >>', 12: '[10 0 R 11 0 R]', 10: '<< /Subtype/Link >>', 11: '<< /Subtype /Link >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'none'],
    ['a link with an appearance', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Annots [10 0 R] /Contents 4 0 R >>', 10: '<< /Subtype /Link /AP << /N 13 0 R >> >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'annotations'],
    ['a square annotation (pdf.js draws its border)', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Annots [10 0 R] /Contents 4 0 R >>', 10: '<< /Subtype /Square /Rect [0 0 9 9] >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'annotations'],
    ['an annotation written inline', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Annots [<< /Subtype /Link >>] /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'annotations'],
    ['a filter other than Flate', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '/Filter /LZWDecode', stream: 'xx' } }), 'contents not read'],
    ['Flate with predictors', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '/DecodeParms << /Predictor 12 >>', stream: 'BT (x) Tj ET', flate: true } }), 'contents not read'],
    ['Flate data that does not inflate', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '/Filter /FlateDecode', stream: 'not deflated' } }), 'contents not read'],
    ['a page not in the file', pdf({ ...catalog, 4: { dict: '', stream: 'BT (x) Tj ET' } }), 'page object not found'],
    ['a page packed in an object stream', pdf({ ...catalog, 4: { dict: '', stream: '0 0 m 1 1 l S' }, 20: { dict: '/Type /ObjStm /N 1 /First 5', stream: '3 0 << /Type /Page /Parent 2 0 R /Contents 4 0 R >>', flate: true } }), 'own'],
    ['its contents an array packed too', pdf({ ...catalog, 4: { dict: '', stream: '0 0 m 1 1 l S' }, 20: { dict: '/Type /ObjStm /N 2 /First 9', stream: '3 0 8 48 << /Type /Page /Parent 2 0 R /Contents 8 0 R >>\n[4 0 R]', flate: true } }), 'own'],
    ['a page packed in two object streams', pdf({ ...catalog, 4: { dict: '', stream: '0 0 m 1 1 l S' }, 20: { dict: '/Type /ObjStm /N 1 /First 5', stream: '3 0 << /Type /Page /Parent 2 0 R /Contents 4 0 R >>', flate: true }, 21: { dict: '/Type /ObjStm /N 1 /First 5', stream: '3 0 << /Type /Page /Parent 2 0 R /Contents 4 0 R >>', flate: true } }), 'page object not found'],
    // Written plainly and packed in an object stream too: which version is current is the cross-reference's to say.
    ['a page with two versions, one packed', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (x) Tj ET' }, 20: { dict: '/Type /ObjStm /N 1 /First 5', stream: '3 0 << /Type /Page /Parent 2 0 R /Contents 5 0 R >>', flate: true } }), 'page object not found'],
    ['object streams it cannot read', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (x) Tj ET' }, 20: { dict: '/Type /ObjStm /N 1 /First 5 /Filter /LZWDecode', stream: 'xx' } }), 'object streams not read'],
    ['a page beside an object stream that does not hold it', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: '0 0 m 1 1 l S' }, 20: { dict: '/Type /ObjStm /N 1 /First 5', stream: '9 0 << /Type /Annot >>', flate: true } }), 'own'],
    ['a blank page', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R >>' }), 'none'],
    ['an encrypted file', pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (x) Tj ET' } }, '/Encrypt 11 0 R '), 'encrypted'],
    ['an incremental update replaces the content', (() => {
      const a = pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', 4: { dict: '', stream: 'BT (x) Tj ET' } });
      const b = pdf({ 4: { dict: '', stream: '0 0 m 1 1 l S' } });
      return new Uint8Array(Buffer.concat([a, b]));
    })(), 'own'],
  ];
  it.each(cases)('%s', (_label, file, reason) => {
    expect(summary(pageLines(file)(page3))).toBe(reason);
  });

  it('leaves a content stream that inflates past 32 MiB to pdf.js', () => {
    const huge = deflateSync(Buffer.alloc(33 << 20, 0x20));
    const file = new Uint8Array(Buffer.concat([Buffer.from(pdf({ ...catalog, 3: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>' })), Buffer.from(`4 0 obj\n<< /Filter /FlateDecode /Length ${huge.length} >>\nstream\n`, 'latin1'), huge, Buffer.from('\nendstream\nendobj\n', 'latin1')]));
    expect(summary(pageLines(file)(page3))).toBe('contents not read');
  });

  it('is unsure without a page reference', () => {
    expect(summary(pageLines(pdf(catalog))(null))).toBe('no page reference');
  });

  it('tells ruled from unruled in the shipped fixtures', () => {
    const of = (name: string) => { const l = pageLines(new Uint8Array(readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url)))); return (ref: { num: number; gen: number }) => summary(l(ref)); };
    // Their single page: the one object that is a /Type /Page dictionary.
    const page = (name: string) => {
      const text = readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url), 'latin1');
      const m = [...text.matchAll(/(\d+) (\d+) obj([^]*?)endobj/g)].find((o) => /\/Type\s*\/Page\b/.test(o[3]))!;
      return { num: Number(m[1]), gen: Number(m[2]) };
    };
    expect(of('convictions-ruled.pdf')(page('convictions-ruled.pdf'))).toBe('own');
    expect(of('convictions-unruled.pdf')(page('convictions-unruled.pdf'))).toBe('none');
  });
});
