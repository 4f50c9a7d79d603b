// PDF values (numbers, names, strings, arrays, dictionaries, references) read from a file's bytes
// as pdf.js's Lexer and Parser read them: numbers to the same bits (numberAt), strings with their
// escapes, names with their #xx codes. Its lexical pieces (byte classes, numbers, operators and
// their operand counts) are pdf-paths' too, which scans content streams for paths without values. Used on dictionaries (pdf-text's fonts and page tree) and,
// token by token, on content streams. Anything pdf.js would read leniently (a malformed hex
// string, a brace) is refused with a reason, so the caller leaves the file to pdf.js. Strings are
// made one char per byte.

export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A bare word: an operator in a content stream, or a keyword (`R`, `obj`, `stream`). */
export class Cmd {
  constructor(readonly cmd: string) {}
}
export type Dict = Map<string, Value>;
export type Value = number | boolean | null | string | Name | Ref | Cmd | Value[] | Dict;

/** Thrown where this reading stops: the message says why, and pdf.js reads the file instead. */
export class NotRead extends Error {}

/** Why a reading on this thread stopped: a NotRead's reason, or any other error's message. */
export const reasonOf = (e: unknown): string => (e instanceof NotRead ? e.message : `not read here (${e instanceof Error ? e.message : String(e)})`);

// Each byte's class, as PDF's lexical rules have it: white space, delimiter, or regular.
export const SPACE = 1;
export const DELIMITER = 2;
export const CLASS = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) CLASS[c] = SPACE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;

/** Bytes [start, end) as text, one char per byte. */
export const latin1 = (b: Uint8Array, start: number, end: number) => Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');

/** An operator's bytes (one to three) packed in one number, so a token is looked up without making a string. */
export const opKey = (b: Uint8Array, start: number, len: number) => b[start] + (len > 1 ? b[start + 1] * 256 : 0) + (len > 2 ? b[start + 2] * 65536 : 0);

// Operand counts of every content operator, as pdf.js's opMap: [count, variable (at most count)].
export const CONTENT_OPERATORS: Record<string, readonly [number, boolean]> = {
  w: [1, false], J: [1, false], j: [1, false], M: [1, false], d: [2, false], ri: [1, false], i: [1, false], gs: [1, false],
  q: [0, false], Q: [0, false], cm: [6, false],
  m: [2, false], l: [2, false], c: [6, false], v: [4, false], y: [4, false], h: [0, false], re: [4, false],
  S: [0, false], s: [0, false], f: [0, false], F: [0, false], 'f*': [0, false], B: [0, false], 'B*': [0, false], b: [0, false], 'b*': [0, false], n: [0, false],
  W: [0, false], 'W*': [0, false],
  BT: [0, false], ET: [0, false], Tc: [1, false], Tw: [1, false], Tz: [1, false], TL: [1, false], Tf: [2, false], Tr: [1, false], Ts: [1, false],
  Td: [2, false], TD: [2, false], Tm: [6, false], 'T*': [0, false], Tj: [1, false], TJ: [1, false], "'": [1, false], '"': [3, false],
  d0: [2, false], d1: [6, false],
  CS: [1, false], cs: [1, false], SC: [4, true], SCN: [33, true], sc: [4, true], scn: [33, true],
  G: [1, false], g: [1, false], RG: [3, false], rg: [3, false], K: [4, false], k: [4, false],
  sh: [1, false], BI: [0, false], ID: [0, false], EI: [1, false], Do: [1, false],
  MP: [1, false], DP: [2, false], BMC: [1, false], BDC: [2, false], EMC: [0, false], BX: [0, false], EX: [0, false],
};

/**
 * The number a token spells, computed as pdf.js's Lexer.getNumber does (its digits as one integer,
 * divided once by the power of ten of its decimals), so the value is the same to the last bit;
 * null for a token that is not a plain number (pdf.js's lenient readings of others are not followed).
 */
export function numberAt(b: Uint8Array, start: number, end: number): number | null {
  let i = start;
  let sign = 1;
  if (b[i] === 0x2d) {
    sign = -1;
    i++;
  } else if (b[i] === 0x2b) i++;
  let divideBy = 0;
  if (b[i] === 0x2e) {
    divideBy = 10;
    i++;
  }
  if (i >= end || b[i] < 0x30 || b[i] > 0x39) return null;
  let base = b[i++] - 0x30;
  for (; i < end; i++) {
    const ch = b[i];
    if (ch >= 0x30 && ch <= 0x39) {
      if (divideBy !== 0) divideBy *= 10;
      base = base * 10 + (ch - 0x30);
    } else if (ch === 0x2e && divideBy === 0) divideBy = 1;
    else return null;
  }
  if (divideBy !== 0) base /= divideBy;
  return sign * base;
}

const END = {} as Value; // the end of the text
const SHORT = new Map<number, Cmd>(); // operators met (up to three bytes, packed in a number), one Cmd each

/** Bytes [start, end) as text, one char per byte (short runs without a call into Node). */
function text(b: Uint8Array, start: number, end: number): string {
  if (end - start > 48) return latin1(b, start, end);
  let out = '';
  for (let k = start; k < end; k++) out += String.fromCharCode(b[k]);
  return out;
}
const CLOSE_ARRAY = new Cmd(']');
const CLOSE_DICT = new Cmd('>>');

export class Lexer {
  pos: number;
  constructor(
    readonly s: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  /** The next value (an array or dictionary read whole), a Cmd, or undefined at the end. */
  next(): Value | undefined {
    const v = this.token();
    if (v === END) return undefined;
    if (v === CLOSE_ARRAY || v === CLOSE_DICT) throw new NotRead(`unbalanced ${v.cmd}`);
    return v;
  }

  private token(): Value {
    const s = this.s;
    const n = s.length;
    let i = this.pos;
    for (;;) {
      while (i < n && CLASS[s[i]] === SPACE) i++;
      if (i < n && s[i] === 0x25) {
        while (i < n && s[i] !== 0x0a && s[i] !== 0x0d) i++;
        continue;
      }
      break;
    }
    if (i >= n) {
      this.pos = i;
      return END;
    }
    const c = s[i];
    switch (c) {
      case 0x28:
        return this.literal(i + 1);
      case 0x3c:
        if (s[i + 1] === 0x3c) {
          this.pos = i + 2;
          return this.dict();
        }
        return this.hex(i + 1);
      case 0x3e:
        if (s[i + 1] === 0x3e) {
          this.pos = i + 2;
          return CLOSE_DICT;
        }
        throw new NotRead('a stray >');
      case 0x5b:
        this.pos = i + 1;
        return this.array();
      case 0x5d:
        this.pos = i + 1;
        return CLOSE_ARRAY;
      case 0x2f:
        return this.name(i + 1);
    }
    if (CLASS[c] === DELIMITER) throw new NotRead(`a stray ${String.fromCharCode(s[i])}`);
    const start = i;
    while (i < n && CLASS[s[i]] === 0) i++;
    this.pos = i;
    const num = numberAt(s, start, i);
    if (num !== null) return num;
    // Operators are one to three bytes: looked up by their bytes, no string made.
    const len = i - start;
    const key = len <= 3 ? opKey(s, start, len) : -1;
    const known = key >= 0 ? SHORT.get(key) : undefined;
    if (known) return known;
    const word = text(s, start, i);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const cmd = new Cmd(word);
    if (key >= 0 && SHORT.size < 256) SHORT.set(key, cmd);
    return cmd;
  }

  private array(): Value[] {
    const out: Value[] = [];
    for (;;) {
      const v = this.token();
      if (v === CLOSE_ARRAY) return out;
      if (v === END || v === CLOSE_DICT) throw new NotRead('an unclosed array');
      if (v instanceof Cmd && v.cmd === 'R') out.push(refOf(out));
      else out.push(v);
    }
  }

  private dict(): Dict {
    const out: Dict = new Map();
    for (;;) {
      const key = this.token();
      if (key === CLOSE_DICT) return out;
      if (!(key instanceof Name)) throw new NotRead('a dictionary key that is not a name');
      let v = this.token();
      if (v === END || v === CLOSE_DICT || v === CLOSE_ARRAY) throw new NotRead('an unclosed dictionary');
      if (typeof v === 'number') v = this.refOr(v);
      out.set(key.name, v);
    }
  }

  /** `v`, or the reference `v gen R` when `gen R` follows (three tokens: a reference once the R is seen). */
  refOr(v: number): Value {
    const save = this.pos;
    const gen = this.token();
    const r = typeof gen === 'number' ? this.token() : null;
    if (typeof gen === 'number' && r instanceof Cmd && r.cmd === 'R') return new Ref(v, gen);
    this.pos = save;
    return v;
  }

  private name(i: number): Name {
    const s = this.s;
    const n = s.length;
    let out = '';
    let from = i;
    while (i < n && CLASS[s[i]] === 0) {
      if (s[i] === 0x23) {
        const hex = text(s, i + 1, Math.min(i + 3, n));
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new NotRead('a name with a bad #code');
        out += text(s, from, i) + String.fromCharCode(parseInt(hex, 16));
        i += 3;
        from = i;
      } else i++;
    }
    this.pos = i;
    return new Name(out + text(s, from, i));
  }

  /** A (literal string), escapes read as pdf.js's Lexer.getString reads them. */
  private literal(i: number): string {
    const s = this.s;
    const n = s.length;
    let depth = 1;
    let out = '';
    let from = i;
    while (i < n) {
      const c = s[i];
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) {
        this.pos = i + 1;
        return out + text(s, from, i);
      } else if (c === 0x5c) {
        out += text(s, from, i);
        i++;
        const e = s[i];
        switch (e) {
          case 0x6e: out += '\n'; i++; break; // prettier-ignore
          case 0x72: out += '\r'; i++; break; // prettier-ignore
          case 0x74: out += '\t'; i++; break; // prettier-ignore
          case 0x62: out += '\b'; i++; break; // prettier-ignore
          case 0x66: out += '\f'; i++; break; // prettier-ignore
          case 0x0d:
            i++;
            if (s[i] === 0x0a) i++;
            break;
          case 0x0a:
            i++;
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let x = e & 0x0f;
              i++;
              for (let k = 0; k < 2 && s[i] >= 0x30 && s[i] <= 0x37; k++) x = (x << 3) + (s[i++] & 0x0f);
              out += String.fromCharCode(x);
            } else if (i < n) {
              out += String.fromCharCode(s[i]);
              i++;
            }
        }
        from = i;
        continue;
      }
      i++;
    }
    throw new NotRead('an unclosed string');
  }

  private hex(i: number): string {
    const s = this.s;
    const end = s.indexOf(0x3e, i);
    if (end < 0) throw new NotRead('an unclosed hex string');
    this.pos = end + 1;
    let out = '';
    let high = -1;
    for (let k = i; k < end; k++) {
      const c = s[k];
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : CLASS[c] === SPACE ? -1 : -2;
      if (v === -1) continue;
      if (v === -2) throw new NotRead('a hex string pdf.js would repair');
      if (high < 0) high = v;
      else {
        out += String.fromCharCode((high << 4) | v);
        high = -1;
      }
    }
    if (high >= 0) throw new NotRead('a hex string pdf.js would repair');
    return out;
  }
}

function refOf(out: Value[]): Ref {
  const gen = out.pop();
  const num = out.pop();
  if (typeof num !== 'number' || typeof gen !== 'number') throw new NotRead('an R that is not a reference');
  return new Ref(num, gen);
}

/** The one value written at the start of `text` (an object's body). */
export function valueOf(text: string): Value {
  const lexer = new Lexer(Buffer.from(text, 'latin1'));
  const v = lexer.next();
  if (v === undefined) throw new NotRead('an empty object');
  // A bare reference as an object's whole body (rare), or just a number.
  return typeof v === 'number' ? lexer.refOr(v) : v;
}
