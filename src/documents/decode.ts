// Bytes → string, honouring a BOM, the declared charset (HTTP header or <meta>),
// and sniffing when neither is given: real force sites still serve windows-1252.
import iconv from 'iconv-lite';
import chardet from 'chardet';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w:.-]+)"?/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  charset: string;
  /** How the charset was chosen: bom | header | meta | utf8 | sniffed | fallback */
  source: string;
}

/**
 * Decode document bytes. A declared charset wins unless the bytes contradict it
 * (a page that says utf-8 but is not valid utf-8 is decoded as windows-1252).
 */
export function decodeText(bytes: Uint8Array, contentType?: string | null, isHtml = false): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.charset), charset: bom.charset, source: 'bom' };
  let declared = charsetFromContentType(contentType);
  let source = 'header';
  if (!declared && isHtml) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const m = META_CHARSET.exec(head);
    if (m) {
      declared = m[1].toLowerCase();
      source = 'meta';
    }
  }
  const valid = isValidUtf8(bytes);
  if (declared && iconv.encodingExists(declared)) {
    const isUtf8 = /^utf-?8$/i.test(declared);
    if (!isUtf8 || valid) {
      // iso-8859-1 is labelled where windows-1252 is meant (WHATWG treats them as one).
      const cs = /^(iso-8859-1|latin1|us-ascii|ascii)$/i.test(declared) ? 'windows-1252' : declared;
      return { text: iconv.decode(Buffer.from(bytes), cs), charset: cs, source };
    }
  }
  if (valid) return { text: Buffer.from(bytes).toString('utf8'), charset: 'utf-8', source: 'utf8' };
  const guess = chardet.detect(bytes);
  const cs = guess && iconv.encodingExists(guess) && !/^utf-?8$/i.test(guess) ? guess.toLowerCase() : 'windows-1252';
  return { text: iconv.decode(Buffer.from(bytes), cs === 'iso-8859-1' ? 'windows-1252' : cs), charset: cs, source: guess ? 'sniffed' : 'fallback' };
}
