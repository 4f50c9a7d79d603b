// A PDF file indexed for reading its objects on this thread (pdf-lines, pdf-text): objects written
// out plainly (the last version of each, as an update leaves it) or packed in object streams, and
// streams unfiltered or Flate-compressed. What cannot be read with certainty (encryption, an
// object with two versions, other filters) reads as null or a reason, and is left to pdf.js.
import { inflateSync } from 'node:zlib';
import { latin1 } from './pdf-objects.js';

export interface PdfFile {
  text: string; // latin1: one char per byte, so offsets are byte offsets
  bytes: Uint8Array;
  /** "num gen" → offset just after `obj`, for objects written out plainly (the last one wins, as in an update). */
  objects: Map<string, number>;
  /** Objects stored inside object streams: number → their text (null when packed twice: which is current is unknown here). */
  packed: Map<number, string | null>;
}

export function indexFile(bytes: Uint8Array): PdfFile | 'encrypted' | 'object streams not read' {
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
export function objectAt(file: PdfFile, num: number, gen: number, at = file.objects.get(`${num} ${gen}`)): { dict: string; streamAt: number | null } | null {
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

export const REF = /(\d+)\s+(\d+)\s+R\b/g;

/**
 * A dictionary entry's value from its match (1: the value written in place; 2, 3: a reference):
 * the value, or the text of the object the reference names (null when it is not found or is a stream).
 */
export function inPlaceOrNamed(file: PdfFile, m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return m[1];
  const obj = objectAt(file, Number(m[2]), Number(m[3]));
  return obj && obj.streamAt === null ? obj.dict.trimStart() : null;
}

const MAX_CONTENT = 32 << 20;

/** A stream's decoded bytes, when it is unfiltered or Flate without predictors; null otherwise. */
export function streamBytes(file: PdfFile, obj: { dict: string; streamAt: number | null } | null): Uint8Array | null {
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
