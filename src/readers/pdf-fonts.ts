// The fonts pdf-text reads a page's text with: for each character code, its text and width as
// pdf.js (5.4) gives them in getTextContent. Only fonts whose mapping is read from the PDF
// itself are modelled, so nothing depends on a font program:
// - simple fonts (Type1 not embedded, TrueType embedded or not) with a base encoding, optional
//   /Differences, optional /ToUnicode, and /Widths or standard metrics; symbol fonts (Symbol,
//   Wingdings, fonts flagged symbolic) when not embedded, read by the encoding pdf.js gives them;
// - composite fonts (Type0) over an embedded CIDFontType2, encoded Identity-H, with /ToUnicode.
// Anything else (Type3, CFF and Type1 programs whose built-in encodings pdf.js would read,
// embedded symbolic fonts, vertical writing, other CMaps, a glyph name outside the tables shown on
// a page) throws NotRead: pdf.js reads that file instead.
import { Cmd, Lexer, Name, NotRead, type Dict, type Value } from './pdf-objects.js';
import { ENCODINGS, GLYPH_UNICODE, STANDARD_FONT_ALIASES, STANDARD_METRICS, SYMBOL_FONTS } from './pdf-fontdata.js';

export interface Glyph {
  unicode: string;
  width: number;
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}

export interface Font {
  /** Two bytes per character code (Identity-H), else one. */
  readonly twoByte: boolean;
  glyph(code: number): Glyph;
}

/** What reading a font needs from the file: a reference resolved, a stream's bytes. */
export interface Resolver {
  get(v: Value | undefined): Value | undefined;
  stream(ref: Value | undefined): Uint8Array | null;
}

// pdf.js's getCharUnicodeCategory.
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const FONT_FLAG_SYMBOLIC = 4;
const FONT_FLAG_NONSYMBOLIC = 32;
const SYMBOLS = new Set(SYMBOL_FONTS);

function glyphOf(unicode: string, width: number): Glyph {
  const m = SPECIAL_CHAR.exec(unicode);
  return { unicode, width, isWhitespace: !!m?.[1], isZeroWidthDiacritic: !!m?.[2], isInvisibleFormatMark: !!m?.[3] };
}

/**
 * A font's glyphs, each made once (pdf.js _charToGlyph): its text from `toUnicode`, else the code
 * itself as a char; its width from `widths`, else the default. `check` refuses codes not modelled.
 */
function cachedFont(twoByte: boolean, widths: Array<number | undefined>, defaultWidth: number, toUnicode: Array<string | undefined>, check?: (code: number) => void): Font {
  const cache: Glyph[] = [];
  return {
    twoByte,
    glyph(code) {
      let g = cache[code];
      if (g) return g;
      check?.(code);
      let width = widths[code];
      if (typeof width !== 'number') width = defaultWidth;
      g = glyphOf(toUnicode[code] || String.fromCharCode(code), width);
      cache[code] = g;
      return g;
    },
  };
}

/** A BaseFont's name as pdf.js normalises it for the standard fonts' tables (Arial,Bold → Arial-Bold). */
const standardName = (baseFont: string) => baseFont.replaceAll(/[,_]/g, '-');
const num = (v: Value | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const nameOf = (v: Value | undefined): string | undefined => (v instanceof Name ? v.name : undefined);

export function loadFont(r: Resolver, fontDict: Value | undefined): Font {
  const dict = r.get(fontDict);
  if (!(dict instanceof Map)) throw new NotRead('a font that is not a dictionary');
  const subtype = nameOf(r.get(dict.get('Subtype')));
  if (dict.has('FontMatrix')) throw new NotRead('a font with its own matrix');
  if (subtype === 'Type0') return compositeFont(r, dict);
  if (subtype === 'Type1' || subtype === 'TrueType') return simpleFont(r, dict, subtype);
  throw new NotRead(`a ${subtype ?? 'untyped'} font`);
}

function simpleFont(r: Resolver, dict: Dict, type: 'Type1' | 'TrueType'): Font {
  const descriptor = r.get(dict.get('FontDescriptor'));
  const baseFont = nameOf(r.get(dict.get('BaseFont')));
  if (!baseFont) throw new NotRead('a font without a name');
  let flags: number;
  let embedded = false;
  if (descriptor instanceof Map) {
    if (descriptor.has('FontFile') || descriptor.has('FontFile3')) throw new NotRead('a Type1 or CFF font program');
    embedded = descriptor.has('FontFile2');
    if (embedded && type !== 'TrueType') throw new NotRead('a TrueType program in a Type1 font');
    const f = num(r.get(descriptor.get('Flags')));
    flags = f !== undefined && Number.isInteger(f) ? f : 0;
  } else {
    if (descriptor !== undefined) throw new NotRead('a font descriptor that is not a dictionary');
    // pdf.js's flags for a font without a descriptor: a standard font's.
    const plain = standardName(baseFont).split('-', 1)[0];
    flags = SYMBOLS.has(plain) ? FONT_FLAG_SYMBOLIC : FONT_FLAG_NONSYMBOLIC;
  }
  // pdf.js's name for the font: the descriptor's (when it names the same font), else the BaseFont's.
  const fontName = descriptor instanceof Map ? nameOf(r.get(descriptor.get('FontName'))) : standardName(baseFont);
  if (fontName !== (descriptor instanceof Map ? baseFont : fontName)) throw new NotRead('a font descriptor naming another font');
  const symbolsName = SYMBOLS.has(fontName!);
  if (symbolsName && embedded) throw new NotRead('a symbol font');
  // The base encoding, and the differences from it.
  const differences: string[] = [];
  let baseEncoding: string | null = null;
  const enc = r.get(dict.get('Encoding'));
  if (enc instanceof Map) {
    baseEncoding = nameOf(r.get(enc.get('BaseEncoding'))) ?? null;
    const diffs = r.get(enc.get('Differences'));
    if (diffs !== undefined) {
      if (!Array.isArray(diffs)) throw new NotRead('differences that are not an array');
      let index = 0;
      for (const entry of diffs) {
        const e = r.get(entry);
        if (typeof e === 'number') index = e;
        else if (e instanceof Name) differences[index++] = e.name;
        else throw new NotRead('a bad differences entry');
      }
    }
  } else if (enc instanceof Name) baseEncoding = enc.name;
  else if (enc !== undefined) throw new NotRead('an encoding that is not a name or dictionary');
  if (baseEncoding === 'MacExpertEncoding') throw new NotRead('MacExpertEncoding');
  if (baseEncoding !== 'MacRomanEncoding' && baseEncoding !== 'WinAnsiEncoding') baseEncoding = null;
  // A symbol font (Symbol, Wingdings …) with no program: pdf.js ignores the encoding it names.
  if (symbolsName) baseEncoding = null;
  let defaultEncoding: readonly string[];
  if (baseEncoding) defaultEncoding = ENCODINGS[baseEncoding as 'WinAnsiEncoding' | 'MacRomanEncoding'];
  else {
    const symbolic = !!(flags & FONT_FLAG_SYMBOLIC) && !(type === 'TrueType' && flags & FONT_FLAG_NONSYMBOLIC && differences.length);
    const nonsymbolic = !!(flags & FONT_FLAG_NONSYMBOLIC);
    // An embedded symbolic font's codes mean what its program says (pdf.js reads the program's cmap).
    if (symbolic && embedded) throw new NotRead('a symbolic font');
    defaultEncoding = type === 'TrueType' && !nonsymbolic ? ENCODINGS.WinAnsiEncoding : ENCODINGS.StandardEncoding;
    if (symbolic || symbolsName) {
      defaultEncoding = ENCODINGS.MacRomanEncoding;
      if (/Symbol/i.test(fontName!)) defaultEncoding = ENCODINGS.SymbolSetEncoding;
      else if (/Dingbats/i.test(fontName!)) throw new NotRead('a dingbats font');
      else if (/Wingdings/i.test(fontName!)) defaultEncoding = ENCODINGS.WinAnsiEncoding;
    }
  }
  // Code → text: the glyph names' Unicode (pdf.js _simpleFontToUnicode), a /ToUnicode map first.
  const encoding = defaultEncoding.slice();
  for (const code in differences) if (differences[code] !== '.notdef') encoding[+code] = differences[code];
  const byName: Array<string | undefined> = [];
  // Codes whose glyph name pdf.js would read by rules not modelled here: a page showing one is pdf.js's.
  const unknown: Array<string | undefined> = [];
  for (let code = 0; code < encoding.length; code++) {
    const glyphName = encoding[code];
    if (glyphName === undefined || glyphName === '') continue;
    const u = GLYPH_UNICODE[glyphName];
    if (u === undefined) unknown[code] = glyphName;
    else byName[code] = String.fromCharCode(u);
  }
  let toUnicode: Array<string | undefined> = byName;
  const cmap = dict.get('ToUnicode');
  if (cmap !== undefined) {
    const map = toUnicodeMap(r, cmap);
    if (map.length > 0) {
      // Codes the map leaves out are read by the encoding, when there is one (pdf.js amendFallbackToUnicode).
      if (baseEncoding || differences.length) {
        for (const code in unknown) if (map[+code] === undefined) throw new NotRead(`the glyph name ${unknown[+code]}`);
        for (const code in byName) if (map[+code] === undefined) map[+code] = byName[+code];
      }
      unknown.length = 0; // the map says what these codes are
      toUnicode = map;
    }
  }
  // Widths: /Widths from /FirstChar, else the standard font's metrics by glyph name.
  let widths: Array<number | undefined> = [];
  let defaultWidth = 0;
  const w = r.get(dict.get('Widths'));
  const firstChar = num(r.get(dict.get('FirstChar')));
  if (Array.isArray(w)) {
    let j = firstChar !== undefined && Number.isInteger(firstChar) ? firstChar : 0;
    for (const x of w) {
      const width = r.get(x);
      if (typeof width === 'number') widths[j] = width;
      j++;
    }
    if (descriptor instanceof Map) {
      const missing = num(r.get(descriptor.get('MissingWidth')));
      defaultWidth = missing ?? 0;
    } else defaultWidth = standardMetrics(baseFont).defaultWidth;
  } else {
    const metrics = standardMetrics(baseFont);
    defaultWidth = metrics.defaultWidth;
    widths = [];
    for (let code = 0; code < 256; code++) {
      const name = differences[code] !== undefined && metrics.widths[differences[code]] ? differences[code] : defaultEncoding[code];
      const width = name !== undefined ? metrics.widths[name] : undefined;
      if (width) widths[code] = width;
    }
  }
  // A Type1 font with no program: pdf.js shows codes its encoding leaves unnamed as spaces of a guessed width (not modelled).
  const missingType1 = type === 'Type1' && !embedded;
  return cachedFont(false, widths, defaultWidth, toUnicode, (code) => {
    if (unknown[code] !== undefined && toUnicode === byName) throw new NotRead(`the glyph name ${unknown[code]}`);
    if (missingType1 && code < 256) {
      const glyphName = differences[code] || defaultEncoding[code];
      if (glyphName === '' || glyphName === '.notdef') throw new NotRead('a code the font’s encoding leaves unnamed');
    }
  });
}

/** Widths by glyph name of a standard font (or a font named as one), as pdf.js getBaseFontMetrics. */
function standardMetrics(baseFont: string): { defaultWidth: number; widths: Record<string, number> } {
  const name = standardName(baseFont);
  const lookup = STANDARD_FONT_ALIASES[name] || name;
  const m = STANDARD_METRICS[lookup];
  // pdf.js guesses Helvetica or Times for other names; not followed here.
  if (m === undefined) throw new NotRead(`no widths for ${baseFont}`);
  return typeof m === 'number' ? { defaultWidth: m, widths: {} } : { defaultWidth: 0, widths: m };
}

function compositeFont(r: Resolver, dict: Dict): Font {
  const encoding = r.get(dict.get('Encoding'));
  if (!(encoding instanceof Name) || encoding.name !== 'Identity-H') throw new NotRead('a composite font not encoded Identity-H');
  const descendants = r.get(dict.get('DescendantFonts'));
  const cid = Array.isArray(descendants) && descendants.length ? r.get(descendants[0]) : undefined;
  if (!(cid instanceof Map)) throw new NotRead('a composite font without its CID font');
  if (nameOf(r.get(cid.get('Subtype'))) !== 'CIDFontType2') throw new NotRead('a CID font not TrueType');
  const descriptor = r.get(cid.get('FontDescriptor'));
  if (!(descriptor instanceof Map) || !descriptor.has('FontFile2')) throw new NotRead('a CID font not embedded');
  if (cid.has('FontMatrix')) throw new NotRead('a font with its own matrix');
  const toUnicode = toUnicodeMap(r, dict.get('ToUnicode'));
  if (!toUnicode.length) throw new NotRead('a composite font without a ToUnicode map');
  // Widths: /W lists (start [w …] or first last w), /DW for the rest.
  const dw = num(r.get(cid.get('DW')));
  const defaultWidth = dw !== undefined ? Math.ceil(dw) : 1000;
  const widths: number[] = [];
  const w = r.get(cid.get('W'));
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length; i++) {
      let start = r.get(w[i++]);
      if (typeof start !== 'number' || !Number.isInteger(start)) break;
      const code = r.get(w[i]);
      if (Array.isArray(code)) {
        for (const c of code) {
          const width = r.get(c);
          if (typeof width === 'number') widths[start] = width;
          start++;
        }
      } else if (typeof code === 'number' && Number.isInteger(code)) {
        const width = r.get(w[++i]);
        if (typeof width !== 'number') continue;
        if (code - start > 0xffff) throw new NotRead('a width range too wide');
        for (let j = start; j <= code; j++) widths[j] = width;
      } else break;
    }
  }
  return cachedFont(true, widths, defaultWidth, toUnicode);
}

const MAX_RANGE = 0xffff;

/** A /ToUnicode CMap stream as code → text (pdf.js readToUnicode: bfchar and bfrange, UTF-16BE). */
function toUnicodeMap(r: Resolver, ref: Value | undefined): Array<string | undefined> {
  if (ref instanceof Name) throw new NotRead('a named ToUnicode map');
  const text = r.stream(ref);
  if (text === null) throw new NotRead('a ToUnicode map not read');
  const raw: Array<string | undefined> = [];
  const lexer = new Lexer(text);
  const strToInt = (s: Value | undefined): number => {
    if (typeof s !== 'string') throw new NotRead('a malformed ToUnicode map');
    let a = 0;
    for (let i = 0; i < s.length; i++) a = (a << 8) | s.charCodeAt(i);
    return a >>> 0;
  };
  for (let v = lexer.next(); v !== undefined; v = lexer.next()) {
    if (!(v instanceof Cmd)) continue;
    if (v.cmd === 'usecmap' || v.cmd === 'begincidchar' || v.cmd === 'begincidrange' || v.cmd === 'beginnotdefrange') throw new NotRead(`${v.cmd} in a ToUnicode map`);
    if (v.cmd === 'beginbfchar') {
      for (let src = lexer.next(); !(src instanceof Cmd && src.cmd === 'endbfchar'); src = lexer.next()) {
        const dst = lexer.next();
        if (typeof dst !== 'string') throw new NotRead('a malformed bfchar');
        raw[strToInt(src)] = dst;
      }
    } else if (v.cmd === 'beginbfrange') {
      for (let lo = lexer.next(); !(lo instanceof Cmd && lo.cmd === 'endbfrange'); lo = lexer.next()) {
        let low = strToInt(lo);
        const high = strToInt(lexer.next());
        const dst = lexer.next();
        if (high - low > MAX_RANGE) throw new NotRead('a bfrange too wide');
        if (typeof dst === 'string') {
          // pdf.js CMap.mapBfRange: the last byte counts up, carrying into the one before.
          let d = dst;
          const last = d.length - 1;
          while (low <= high) {
            raw[low++] = d;
            const next = d.charCodeAt(last) + 1;
            if (next > 0xff) {
              d = d.substring(0, last - 1) + String.fromCharCode(d.charCodeAt(last - 1) + 1) + '\x00';
              continue;
            }
            d = d.substring(0, last) + String.fromCharCode(next);
          }
        } else if (Array.isArray(dst)) {
          for (let i = 0; low <= high && i < dst.length; i++, low++) {
            if (typeof dst[i] !== 'string') throw new NotRead('a malformed bfrange');
            raw[low] = dst[i] as string;
          }
        } else throw new NotRead('a malformed bfrange');
      }
    }
  }
  const map: Array<string | undefined> = [];
  for (let code = 0; code < raw.length; code++) {
    let token = raw[code];
    if (token === undefined) continue;
    if (token.length % 2 !== 0) token = `\u0000${token}`;
    const points: number[] = [];
    for (let k = 0; k < token.length; k += 2) {
      const w1 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
      if ((w1 & 0xf800) !== 0xd800) {
        points.push(w1);
        continue;
      }
      k += 2;
      const w2 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
      points.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
    }
    map[code] = String.fromCodePoint(...points);
  }
  return map;
}

