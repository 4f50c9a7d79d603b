// Where a page's drawn lines come from, for the ruled-table finder (pdf-parse getPageTables), which
// keeps only stroked paths from pdf.js's operator list: a second full pass over the page (its text
// again, every glyph sent across threads). This reads the page's own content streams from the file
// (objects written plainly or packed in object streams; Flate or no filter): a page that strokes
// nothing needs no list, and one whose paths pdf-paths can read gets them from there. Anything not
// read here with certainty (encryption, an object with two versions, other filters, forms,
// annotations other than bare links, what pdf-paths refuses) is left to pdf.js, so the answer is
// always the list pdf.js would give.
import { inflateSync } from 'node:zlib';
import { latin1, OPS, pathOps, type PathOps } from './pdf-paths.js';

/** A page's object number and generation, as pdf.js gives them (`PDFPageProxy.ref`). */
export interface PageRef {
  num: number;
  gen: number;
}

/**
 * How to find a page's ruled lines: 'none' when its content strokes nothing (no operator list
 * needed), 'own' with its paths read here (pdf-paths), 'pdfjs' when pdf.js must list them.
 */
export type PageLines = { kind: 'none' } | { kind: 'own'; ops: PathOps } | { kind: 'pdfjs'; why: string };

/** The answer for one document's pages; the file is indexed on the first question. */
export function pageLines(bytes: Uint8Array): (ref: PageRef | null | undefined) => PageLines {
  let file: PdfFile | string | undefined;
  return (ref) => {
    if (!ref) return { kind: 'pdfjs', why: 'no page reference' };
    try {
      file ??= indexFile(bytes);
      return typeof file === 'string' ? { kind: 'pdfjs', why: file } : drawnLinesOf(file, ref);
    } catch (e) {
      // A file this reading trips on is pdf.js's to read, as every page's lines once were.
      return { kind: 'pdfjs', why: `not read here (${e instanceof Error ? e.message : String(e)})` };
    }
  };
}

interface PdfFile {
  text: string; // latin1: one char per byte, so offsets are byte offsets
  bytes: Uint8Array;
  /** "num gen" → offset just after `obj`, for objects written out plainly (the last one wins, as in an update). */
  objects: Map<string, number>;
  /** Objects stored inside object streams: number → their text (null when packed twice: which is current is unknown here). */
  packed: Map<number, string | null>;
}

function indexFile(bytes: Uint8Array): PdfFile | 'encrypted' | 'object streams not read' {
  const text = latin1(bytes, 0, bytes.length);
  // An encrypted file's streams cannot be read without the key.
  if (/\/Encrypt\b/.test(text)) return 'encrypted';
  const objects = new Map<string, number>();
  const re = /(?:^|[\s>\]])(\d+)\s+(\d+)\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) objects.set(`${m[1]} ${m[2]}`, m.index + m[0].length);
  const file: PdfFile = { text, bytes, objects, packed: new Map() };
  // Objects packed in object streams (PDF 1.5): each stream's header lists its objects' numbers and
  // offsets. An object both written plainly and packed, or packed twice, has two versions, and which
  // is current is the cross-reference's to say (an update may have moved it): objectAt leaves those to pdf.js.
  if (/\/ObjStm\b/.test(text)) {
    for (const [key, at] of objects) {
      const [num, gen] = key.split(' ').map(Number);
      const obj = objectAt(file, num, gen, at);
      if (!obj || obj.streamAt === null || !/\/Type\s*\/ObjStm\b/.test(obj.dict)) continue;
      const n = Number(/\/N\s+(\d+)/.exec(obj.dict)?.[1] ?? NaN);
      const first = Number(/\/First\s+(\d+)/.exec(obj.dict)?.[1] ?? NaN);
      const data = streamBytes(file, obj);
      if (!(n >= 0) || !(first >= 0) || !data) return 'object streams not read';
      const body = latin1(data, 0, data.length);
      const head = body.slice(0, first).match(/\d+/g) ?? [];
      if (head.length < 2 * n) return 'object streams not read';
      const entries = Array.from({ length: n }, (_, k) => ({ num: Number(head[2 * k]), at: first + Number(head[2 * k + 1]) })).sort((a, b) => a.at - b.at);
      entries.forEach((e, k) => {
        const text = body.slice(e.at, k + 1 < entries.length ? entries[k + 1].at : body.length);
        file.packed.set(e.num, file.packed.has(e.num) ? null : text);
      });
    }
  }
  return file;
}

/**
 * An object's dictionary (written plainly: up to `stream` or `endobj`; packed: its text in the
 * object stream, generation 0), or null when it is not found or has two versions.
 */
function objectAt(file: PdfFile, num: number, gen: number, at = file.objects.get(`${num} ${gen}`)): { dict: string; streamAt: number | null } | null {
  if (file.packed.has(num)) {
    const packed = file.packed.get(num);
    return at === undefined && gen === 0 && packed ? { dict: packed, streamAt: null } : null;
  }
  if (at === undefined) return null;
  const end = file.text.indexOf('endobj', at);
  const stream = file.text.indexOf('stream', at);
  if (stream >= 0 && (end < 0 || stream < end) && file.text.slice(stream - 3, stream) !== 'end') {
    let data = stream + 6;
    if (file.text[data] === '\r') data++;
    if (file.text[data] === '\n') data++;
    return { dict: file.text.slice(at, stream), streamAt: data };
  }
  return end < 0 ? null : { dict: file.text.slice(at, end), streamAt: null };
}

const REF = /(\d+)\s+(\d+)\s+R\b/g;

function drawnLinesOf(file: PdfFile, ref: PageRef): PageLines {
  const pdfjs = (why: string): PageLines => ({ kind: 'pdfjs', why });
  const page = objectAt(file, ref.num, ref.gen);
  if (!page || page.streamAt !== null || !/\/Type\s*\/Page\b/.test(page.dict)) return pdfjs('page object not found');
  // pdf.js draws annotations' appearances into the operator list; a link without one draws nothing there.
  if (/\/Annots\b/.test(page.dict) && !onlyBareLinks(file, page.dict)) return pdfjs('annotations');
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(page.dict);
  // No /Contents: a blank page. One written other than as a reference or an array of them: unsure.
  if (!contents) return /\/Contents\b/.test(page.dict) ? pdfjs('contents not read') : { kind: 'none' };
  let refs = [...contents[1].matchAll(REF)];
  // /Contents n 0 R may name an array object rather than a stream.
  if (refs.length === 1 && !contents[1].startsWith('[')) {
    const target = objectAt(file, Number(refs[0][1]), Number(refs[0][2]));
    if (!target) return pdfjs('contents not found');
    if (target.streamAt === null) {
      if (!target.dict.trimStart().startsWith('[')) return pdfjs('contents not read');
      refs = [...target.dict.matchAll(REF)];
    }
  }
  // pdf.js reads a page's content streams one after another, as one.
  const parts: Uint8Array[] = [];
  for (const r of refs) {
    const part = streamBytes(file, objectAt(file, Number(r[1]), Number(r[2])));
    if (!part) return pdfjs('contents not read');
    parts.push(part);
  }
  const content = parts.length === 1 ? parts[0] : new Uint8Array(Buffer.concat(parts));
  const drawn = new Set<string>();
  const read = pathOps(content, drawn);
  if (typeof read === 'string') return pdfjs(read);
  // The finder keeps plain strokes only: a page with none needs no lines at all.
  const strokes = read.argsArray.some((a, k) => read.fnArray[k] === OPS.constructPath && (a as number[])[0] === OPS.stroke);
  // XObjects drawn with Do: an image strokes nothing; a form is content of its own (not read: unsure).
  if (drawn.size) {
    const xobjects = xobjectsOf(file, page.dict);
    for (const name of drawn) {
      const at = xobjects?.get(name);
      const obj = at ? objectAt(file, at[0], at[1]) : null;
      if (!obj || obj.streamAt === null || !/\/Subtype\s*\/Image\b/.test(obj.dict)) return pdfjs('draws a form or an unknown XObject');
    }
  }
  return strokes ? { kind: 'own', ops: read } : { kind: 'none' };
}

/**
 * A dictionary entry's value from its match (1: the value written in place; 2, 3: a reference):
 * the value, or the text of the object the reference names (null when it is not found or is a stream).
 */
function inPlaceOrNamed(file: PdfFile, m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return m[1];
  const obj = objectAt(file, Number(m[2]), Number(m[3]));
  return obj && obj.streamAt === null ? obj.dict.trimStart() : null;
}

/** Whether every annotation of the page is a link with no appearance stream of its own. */
function onlyBareLinks(file: PdfFile, pageDict: string): boolean {
  const annots = /\/Annots\s*(?:(\[[^\]]*\])|(\d+)\s+(\d+)\s+R\b)/.exec(pageDict);
  const list = annots && inPlaceOrNamed(file, annots);
  if (!list?.startsWith('[')) return false;
  // Annotations written inline (dictionaries in the array) are not read here.
  if (list.includes('<<')) return false;
  for (const r of list.matchAll(REF)) {
    const a = objectAt(file, Number(r[1]), Number(r[2]));
    if (!a || a.streamAt !== null || !/\/Subtype\s*\/Link\b/.test(a.dict) || /\/AP\b/.test(a.dict)) return false;
  }
  return true;
}

/** The page's XObject resources, name → object (its own or inherited from its parents), or null when not found. */
function xobjectsOf(file: PdfFile, pageDict: string): Map<string, [number, number]> | null {
  let dict = pageDict;
  for (let hops = 0; !/\/Resources\b/.test(dict); hops++) {
    const parent = /\/Parent\s+(\d+)\s+(\d+)\s+R\b/.exec(dict);
    const up = parent && hops < 32 ? objectAt(file, Number(parent[1]), Number(parent[2])) : null;
    if (!up) return null;
    dict = up.dict;
  }
  const byRef = /\/Resources\s*(\d+)\s+(\d+)\s+R\b/.exec(dict);
  if (byRef) {
    const res = objectAt(file, Number(byRef[1]), Number(byRef[2]));
    if (!res) return null;
    dict = res.dict;
  }
  const x = /\/XObject\s*(?:(<<[^>]*>>)|(\d+)\s+(\d+)\s+R\b)/.exec(dict);
  const body = x && inPlaceOrNamed(file, x);
  if (!body?.startsWith('<<')) return null;
  const out = new Map<string, [number, number]>();
  for (const m of body.matchAll(/\/([^\s/<>[\]()]+)\s*(\d+)\s+(\d+)\s+R\b/g)) out.set(m[1], [Number(m[2]), Number(m[3])]);
  return out;
}

const MAX_CONTENT = 32 << 20;

/** A stream's decoded bytes, when it is unfiltered or Flate without predictors; null otherwise. */
function streamBytes(file: PdfFile, obj: { dict: string; streamAt: number | null } | null): Uint8Array | null {
  if (!obj || obj.streamAt === null) return null;
  if (/\/DecodeParms\b|\/F\b|\/FFilter\b/.test(obj.dict)) return null;
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(obj.dict);
  const filters = filter ? filter[1].match(/\/[A-Za-z0-9]+/g) ?? [] : [];
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== '/FlateDecode')) return null;
  const end = file.text.indexOf('endstream', obj.streamAt);
  if (end < 0) return null;
  const raw = file.bytes.subarray(obj.streamAt, end);
  if (!filters.length) return raw;
  try {
    // A content stream past this size is not a letter's page: pdf.js reads it, in pieces.
    return inflateSync(raw, { maxOutputLength: MAX_CONTENT });
  } catch {
    return null;
  }
}
