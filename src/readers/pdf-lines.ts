// Where a page's drawn lines come from, for the ruled-table finder (pdf-parse getPageTables), which
// keeps only stroked paths from pdf.js's operator list: a second full pass over the page (its text
// again, every glyph sent across threads). This reads the page's own content streams from the file
// (objects written plainly or packed in object streams; Flate or no filter): a page that strokes
// nothing needs no list, and one whose paths pdf-paths can read gets them from there. Anything not
// read here with certainty (encryption, an object with two versions, other filters, forms,
// annotations other than bare links, what pdf-paths refuses) is left to pdf.js, so the answer is
// always the list pdf.js would give.
import { indexFile, inPlaceOrNamed, objectAt, REF, streamBytes, type PdfFile } from './pdf-file.js';
import { reasonOf } from './pdf-objects.js';
import { OPS, pagePaths, type PagePaths, type PathOps } from './pdf-paths.js';

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

/**
 * The answer for one document's pages; the file is indexed on the first question (unless given,
 * as pdf-text indexed it). A page's content already read (pdf-text's) is not read again, nor are
 * its paths when pdf-text recorded them in its own pass (`paths`).
 */
export function pageLines(bytes: Uint8Array, indexed?: PdfFile): (ref: PageRef | null | undefined, content?: Uint8Array, paths?: PagePaths) => PageLines {
  let file: PdfFile | string | undefined = indexed;
  return (ref, content, paths) => {
    if (!ref) return { kind: 'pdfjs', why: 'no page reference' };
    try {
      file ??= indexFile(bytes);
      return typeof file === 'string' ? { kind: 'pdfjs', why: file } : drawnLinesOf(file, ref, content, paths);
    } catch (e) {
      // A file this reading trips on is pdf.js's to read, as every page's lines once were.
      return { kind: 'pdfjs', why: reasonOf(e) };
    }
  };
}

function drawnLinesOf(file: PdfFile, ref: PageRef, known?: Uint8Array, paths?: PagePaths): PageLines {
  const pdfjs = (why: string): PageLines => ({ kind: 'pdfjs', why });
  const page = objectAt(file, ref.num, ref.gen);
  if (!page || page.streamAt !== null || !/\/Type\s*\/Page\b/.test(page.dict)) return pdfjs('page object not found');
  // pdf.js draws annotations' appearances into the operator list; a link without one draws nothing there.
  if (/\/Annots\b/.test(page.dict) && !onlyBareLinks(file, page.dict)) return pdfjs('annotations');
  const content = known ?? contentOf(file, page.dict);
  if (typeof content === 'string') return content === 'none' ? { kind: 'none' } : pdfjs(content);
  const read = paths ?? pagePaths(content);
  if (typeof read === 'string') return pdfjs(read);
  const { ops, drawn } = read;
  // The finder keeps plain strokes only: a page with none needs no lines at all.
  const strokes = ops.argsArray.some((a, k) => ops.fnArray[k] === OPS.constructPath && (a as number[])[0] === OPS.stroke);
  // XObjects drawn with Do: an image strokes nothing; a form is content of its own (not read: unsure).
  if (drawn.size) {
    const xobjects = xobjectsOf(file, page.dict);
    for (const name of drawn) {
      const at = xobjects?.get(name);
      const obj = at ? objectAt(file, at[0], at[1]) : null;
      if (!obj || obj.streamAt === null || !/\/Subtype\s*\/Image\b/.test(obj.dict)) return pdfjs('draws a form or an unknown XObject');
    }
  }
  return strokes ? { kind: 'own', ops } : { kind: 'none' };
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

/** A page's content streams' bytes, one after another as pdf.js reads them; 'none' for a blank page, else why not read. */
function contentOf(file: PdfFile, pageDict: string): Uint8Array | string {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(pageDict);
  // No /Contents: a blank page. One written other than as a reference or an array of them: unsure.
  if (!contents) return /\/Contents\b/.test(pageDict) ? 'contents not read' : 'none';
  let refs = [...contents[1].matchAll(REF)];
  // /Contents n 0 R may name an array object rather than a stream.
  if (refs.length === 1 && !contents[1].startsWith('[')) {
    const target = objectAt(file, Number(refs[0][1]), Number(refs[0][2]));
    if (!target) return 'contents not found';
    if (target.streamAt === null) {
      if (!target.dict.trimStart().startsWith('[')) return 'contents not read';
      refs = [...target.dict.matchAll(REF)];
    }
  }
  // pdf.js reads a page's content streams one after another, as one.
  const parts: Uint8Array[] = [];
  for (const r of refs) {
    const part = streamBytes(file, objectAt(file, Number(r[1]), Number(r[2])));
    if (!part) return 'contents not read';
    parts.push(part);
  }
  return parts.length === 1 ? parts[0] : new Uint8Array(Buffer.concat(parts));
}
