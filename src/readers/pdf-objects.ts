// PDF values (numbers, names, strings, arrays, dictionaries, references) read from a file's bytes
// as pdf.js's Lexer and Parser read them: numbers to the same bits (pdf-paths' numberAt), strings with their
// escapes, names with their #xx codes. Used on dictionaries (pdf-text's fonts and page tree) and,
// token by token, on content streams. Anything pdf.js would read leniently (a malformed hex
// string, a brace) is refused with a reason, so the caller leaves the file to pdf.js. Strings are
// made one char per byte.
import { latin1, numberAt } from './pdf-paths.js';

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

const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) SPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;
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

  /** The next value (an array or dictionary read whole), a Cmd, or null at the end. */
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
      while (i < n && SPACE[s[i]]) i++;
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
    if (DELIMITER[c]) throw new NotRead(`a stray ${String.fromCharCode(s[i])}`);
    const start = i;
    while (i < n && !SPACE[s[i]] && !DELIMITER[s[i]]) i++;
    this.pos = i;
    const num = numberAt(s, start, i);
    if (num !== null) return num;
    // Operators are one to three bytes: looked up by their bytes, no string made.
    const len = i - start;
    const key = len <= 3 ? s[start] + (len > 1 ? s[start + 1] * 256 : 0) + (len > 2 ? s[start + 2] * 65536 : 0) : -1;
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
      // `n g R` is three tokens: a reference, once the R is seen.
      if (typeof v === 'number') {
        const save = this.pos;
        const gen = this.token();
        const r = typeof gen === 'number' ? this.token() : null;
        if (typeof gen === 'number' && r instanceof Cmd && r.cmd === 'R') v = new Ref(v, gen);
        else this.pos = save;
      }
      out.set(key.name, v);
    }
  }

  private name(i: number): Name {
    const s = this.s;
    const n = s.length;
    let out = '';
    let from = i;
    while (i < n && !SPACE[s[i]] && !DELIMITER[s[i]]) {
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
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : SPACE[c] ? -1 : -2;
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
  if (typeof v === 'number') {
    // A bare reference as an object's whole body (rare) or just a number.
    const save = lexer.pos;
    const gen = lexer.next();
    const r = typeof gen === 'number' ? lexer.next() : undefined;
    if (typeof gen === 'number' && r instanceof Cmd && r.cmd === 'R') return new Ref(v, gen);
    lexer.pos = save;
  }
  return v;
}
