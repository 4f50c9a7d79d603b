// Bytes → string, honouring a BOM, the declared charset (HTTP header or <meta>),
// and sniffing when neither is given: real force sites still serve windows-1252.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type iconvModule from 'iconv-lite';
import type chardetModule from 'chardet';

// Loaded on first need (~60 ms of start-up together): most documents are valid UTF-8.
let iconvLib: typeof iconvModule | undefined;
let chardetLib: typeof chardetModule | undefined;
const iconv = (): typeof iconvModule => (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as typeof iconvModule);
const chardet = (): typeof chardetModule => (chardetLib ??= createRequire(import.meta.url)('chardet') as typeof chardetModule);
/** Whether either library has been loaded in this process (for tests of the lazy load). */
export const decoderLibsLoaded = (): boolean => iconvLib !== undefined || chardetLib !== undefined;

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w:.-]+)"?/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

/**
 * `bytes` (from `start` to `end`) as a Buffer over the same memory: Buffer.from(bytes) copies
 * the whole document (issue 17). For readers of the bytes only: a write goes to the original.
 */
export function bufferView(bytes: Uint8Array, start = 0, end = bytes.length): Buffer {
  const to = Math.min(end, bytes.length);
  const from = Math.min(start, to);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from);
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark (Windows "Unicode" text saved by some tools): mostly
 * Latin text puts a zero byte in every other position, on the odd offsets for little-endian
 * and the even ones for big-endian. Single-byte text never has that many NULs at one parity.
 */
export function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  // Both rules need a NUL: a native search (memchr) turns away most documents before the count.
  if (bufferView(bytes, 0, n).indexOf(0) < 0) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs >= 0.5 && evenZero / pairs <= 0.02) return 'utf-16le';
  if (evenZero / pairs >= 0.5 && oddZero / pairs <= 0.02) return 'utf-16be';
  return null;
}

export interface Decoded {
  text: string;
  charset: string;
  /** How the charset was chosen: bom | utf16-pattern | header | meta | utf8 | sniffed | fallback */
  source: string;
}

/**
 * Decodings of bytes that nobody writes to (fetched bodies, see decodeFetched), by the bytes
 * object, while it lives. A crawled page is decoded by the crawler (its links) and again by the
 * HTML reader: the second decode is this lookup, and gives the same string object, so the kept
 * parse of that text (readers/html-tree.ts) is found without hashing and comparing a new copy.
 */
const fetchedText = new WeakMap<Uint8Array, { contentType: string | null; isHtml: boolean; decoded: Decoded }>();

/**
 * decodeText for bytes that are never written to afterwards (an HTTP body): the result is
 * remembered for a later decodeText of the same bytes object with the same arguments.
 */
export function decodeFetched(bytes: Uint8Array, contentType: string | null | undefined, isHtml: boolean): Decoded {
  const decoded = decodeText(bytes, contentType, isHtml);
  fetchedText.set(bytes, { contentType: contentType ?? null, isHtml, decoded });
  return decoded;
}

/**
 * Decode document bytes. A declared charset wins unless the bytes contradict it
 * (a page that says utf-8 but is not valid utf-8 is decoded as windows-1252).
 */
export function decodeText(bytes: Uint8Array, contentType?: string | null, isHtml = false): Decoded {
  const known = fetchedText.get(bytes);
  if (known && known.contentType === (contentType ?? null) && known.isHtml === isHtml) return { ...known.decoded };
  const bom = bomCharset(bytes);
  if (bom) return { text: iconv().decode(bufferView(bytes, bom.skip), bom.charset), charset: bom.charset, source: 'bom' };
  // Before any declared charset: no 8-bit charset gives a NUL every other byte.
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: iconv().decode(bufferView(bytes), utf16), charset: utf16, source: 'utf16-pattern' };
  let declared = charsetFromContentType(contentType);
  let source = 'header';
  if (!declared && isHtml) {
    const head = bufferView(bytes, 0, 4096).toString('latin1');
    const m = META_CHARSET.exec(head);
    if (m) {
      declared = m[1].toLowerCase();
      source = 'meta';
    }
  }
  // Node's validator (simdutf): no decoded copy of the whole document just to check it.
  const valid = isUtf8(bytes);
  const declaredUtf8 = !!declared && /^utf-?8$/i.test(declared);
  // Declared UTF-8 and valid: what iconv would give (no BOM here), without loading it.
  if (declaredUtf8 && valid) return { text: bufferView(bytes).toString('utf8'), charset: declared!, source };
  // Declared UTF-8 but not valid: the declaration is not believed (sniffed below).
  if (declared && !declaredUtf8 && iconv().encodingExists(declared)) {
    // iso-8859-1 is labelled where windows-1252 is meant (WHATWG treats them as one).
    const cs = /^(iso-8859-1|latin1|us-ascii|ascii)$/i.test(declared) ? 'windows-1252' : declared;
    return { text: iconv().decode(bufferView(bytes), cs), charset: cs, source };
  }
  if (valid) return { text: bufferView(bytes).toString('utf8'), charset: 'utf-8', source: 'utf8' };
  const guess = chardet().detect(bytes);
  const cs = guess && iconv().encodingExists(guess) && !/^utf-?8$/i.test(guess) ? guess.toLowerCase() : 'windows-1252';
  return { text: iconv().decode(bufferView(bytes), cs === 'iso-8859-1' ? 'windows-1252' : cs), charset: cs, source: guess ? 'sniffed' : 'fallback' };
}
