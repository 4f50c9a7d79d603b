// A page's paths as pdf.js's operator list would give them to pdf-parse's ruled-table finder:
// the save, restore and transform operators and one constructPath per painted path (its painting
// operator and bounding box, float32 as pdf.js keeps it). Read from the page's content streams on
// this thread, they spare pdf.js a second pass over the page (its text again, every glyph sent
// across threads). The finder reads nothing else from the list. Where pdf.js would list something
// this reading does not model, the answer is why, and pdf.js is asked instead.
//
// Modelled on pdf.js 5.4 (pdf-parse 2.4's) and checked against its operator list on every real,
// fixture and bench PDF we have (tests/unit/pdf-paths.test.ts): operands counted as its
// EvaluatorPreprocessor counts them, any other count refused (pdf.js would shift operands between
// operators); numbers built as its Lexer builds them; paths' bounding boxes as its buildPath keeps
// them. An operator list asked for through the API is not optimised (pdf.js gives it the
// NullOptimizer), so ops are listed as they come. Stroked curves, unknown operators and inline
// images are refused.

/** pdf.js's operator codes (pdfjs-dist OPS; a test checks them against the installed pdf.js). */
export const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  constructPath: 91,
} as const;

/** The part of pdf.js's operator list the ruled-table finder reads. */
export interface PathOps {
  fnArray: number[];
  argsArray: unknown[];
}

// Operand counts of every content operator, as pdf.js's opMap: [count, variable (at most count)].
const SPEC: Record<string, readonly [number, boolean]> = {
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

const MAX_OPERANDS = 33;

const PAINT: Record<string, number> = {
  S: OPS.stroke, s: OPS.closeStroke, f: OPS.fill, F: OPS.fill, 'f*': OPS.eoFill, B: OPS.fillStroke, 'B*': OPS.eoFillStroke,
  b: OPS.closeFillStroke, 'b*': OPS.closeEOFillStroke, n: OPS.endPath,
};
// Each byte's class, as PDF's lexical rules have it: white space, delimiter, or regular.
const SPACE = 1;
const DELIMITER = 2;
const CLASS = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) CLASS[c] = SPACE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;

/** Bytes [start, end) as text, one char per byte. */
export const latin1 = (b: Uint8Array, start: number, end: number) => Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');

/** The operators by their bytes (up to three, packed in one number), so a token is looked up without making a string. */
const OPERATORS = new Map<number, { op: string; operands: number; variable: boolean }>();
for (const [op, [operands, variable]] of Object.entries(SPEC)) {
  let key = 0;
  for (let k = op.length - 1; k >= 0; k--) key = key * 256 + op.charCodeAt(k);
  OPERATORS.set(key, { op, operands, variable });
}

/** The page's paths as pdf.js lists them, or why they are left to pdf.js; the XObjects it draws (`/Name Do`) go into `drawn`. */
export function pathOps(b: Uint8Array, drawn: Set<string>): PathOps | string {
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  const nums: number[] = []; // the numeric operands so far, nums[0 … operands - 1] when all are numbers
  let operands = 0;
  let numeric = true;
  let nameAt = -1; // where the last operand starts, when it was a name (read only for Do)
  let nameEnd = 0;
  const box = new Float32Array([Infinity, Infinity, -Infinity, -Infinity]);
  let segments = 0;
  let curved = false;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    const kind = CLASS[c];
    if (kind === SPACE) {
      i++;
      continue;
    }
    if (c === 0x25) {
      while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x28 || c === 0x3c || c === 0x5b || c === 0x2f) {
      // An operand other than a number: a string, hex string, dictionary, array or name.
      const end = c === 0x2f ? endOfName(b, i + 1) : skipObject(b, i);
      if (end < 0) return 'content not read';
      nameAt = c === 0x2f ? i + 1 : -1;
      nameEnd = end;
      i = end;
      if (operands === MAX_OPERANDS) return 'too many operands';
      operands++;
      numeric = false;
      continue;
    }
    if (kind === DELIMITER) return 'content not read';
    const start = i;
    while (i < n && CLASS[b[i]] === 0) i++;
    const value = numberAt(b, start, i);
    if (value !== null) {
      // pdf.js gives up on content with more operands than any operator takes.
      if (operands === MAX_OPERANDS) return 'too many operands';
      nums[operands] = value;
      operands++;
      nameAt = -1;
      continue;
    }
    const len = i - start;
    // Operators are one to three bytes; of longer words only true and false are operands.
    const word = len > 3 ? latin1(b, start, start + Math.min(len, 8)) : '';
    if (word === 'true' || word === 'false') {
      if (operands === MAX_OPERANDS) return 'too many operands';
      operands++;
      numeric = false;
      nameAt = -1;
      continue;
    }
    const spec = len <= 3 ? OPERATORS.get(b[start] + (len > 1 ? b[start + 1] * 256 : 0) + (len > 2 ? b[start + 2] * 65536 : 0)) : undefined;
    if (!spec) return `operator ${JSON.stringify(word || latin1(b, start, i))}`;
    const token = spec.op;
    if (spec.variable ? operands > spec.operands : operands !== spec.operands) return `${token} with ${operands} operands`;
    switch (token) {
      case 'q':
        if (segments) return 'q inside a path';
        fnArray.push(OPS.save);
        argsArray.push(null);
        break;
      case 'Q':
        // pdf.js keeps a path in its graphics state, which q and Q change: a path open across them is not modelled.
        if (segments) return 'Q inside a path';
        fnArray.push(OPS.restore);
        argsArray.push(null);
        break;
      case 'cm':
        if (!numeric) return 'cm with operands not numbers';
        fnArray.push(OPS.transform);
        argsArray.push(nums.slice(0, 6));
        break;
      case 'm':
      case 'l':
        if (!numeric) return `${token} with operands not numbers`;
        point(box, nums[0], nums[1]);
        segments++;
        break;
      case 're': {
        if (!numeric) return 're with operands not numbers';
        const x = nums[0];
        const y = nums[1];
        rect(box, x, y, x + nums[2], y + nums[3]);
        segments++;
        break;
      }
      case 'c':
      case 'v':
      case 'y':
        // A curve's box is pdf.js's bezier extrema; only a stroked one reaches the finder.
        curved = true;
        segments++;
        break;
      case 'h':
        segments++;
        break;
      case 'BI':
        return 'inline image';
      case 'Do':
        drawn.add(nameAt < 0 ? '' : latin1(b, nameAt, nameEnd));
        break;
      default: {
        const fn = PAINT[token];
        if (fn === undefined) break;
        if (curved && fn === OPS.stroke) return 'a stroked curve';
        // pdf.js adds a closePath to the close-and-paint operators, so their path is never empty.
        const empty = segments === 0 && fn !== OPS.closeStroke && fn !== OPS.closeFillStroke && fn !== OPS.closeEOFillStroke;
        fnArray.push(OPS.constructPath);
        argsArray.push(empty ? [fn, [null], null] : [fn, [null], box.slice()]);
        box.set([Infinity, Infinity, -Infinity, -Infinity]);
        segments = 0;
        curved = false;
      }
    }
    operands = 0;
    numeric = true;
    nameAt = -1;
  }
  return { fnArray, argsArray };
}

/** pdf.js Util.pointBoundingBox, into a Float32Array as its path state keeps it. */
function point(box: Float32Array, x: number, y: number): void {
  box[0] = Math.min(box[0], x);
  box[1] = Math.min(box[1], y);
  box[2] = Math.max(box[2], x);
  box[3] = Math.max(box[3], y);
}

/** pdf.js Util.rectBoundingBox. */
function rect(box: Float32Array, x0: number, y0: number, x1: number, y1: number): void {
  box[0] = Math.min(box[0], x0, x1);
  box[1] = Math.min(box[1], y0, y1);
  box[2] = Math.max(box[2], x0, x1);
  box[3] = Math.max(box[3], y0, y1);
}

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

function endOfName(b: Uint8Array, i: number): number {
  while (i < b.length && CLASS[b[i]] === 0) i++;
  return i;
}

/** The end of the string, hex string, dictionary or array starting at i (nested ones included), or -1. */
function skipObject(b: Uint8Array, i: number): number {
  const n = b.length;
  const c = b[i];
  if (c === 0x28) {
    let depth = 1;
    i++;
    while (i < n && depth) {
      const d = b[i++];
      if (d === 0x5c) i++;
      else if (d === 0x28) depth++;
      else if (d === 0x29) depth--;
    }
    return depth ? -1 : i;
  }
  if (c === 0x3c && b[i + 1] !== 0x3c) {
    while (i < n && b[i] !== 0x3e) i++;
    return i < n ? i + 1 : -1;
  }
  // << dictionary >> or [ array ]: their contents skipped object by object.
  const dict = c === 0x3c;
  i += dict ? 2 : 1;
  while (i < n) {
    const d = b[i];
    if (CLASS[d] === SPACE) i++;
    else if (d === 0x25) while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    else if (dict && d === 0x3e && b[i + 1] === 0x3e) return i + 2;
    else if (!dict && d === 0x5d) return i + 1;
    else if (d === 0x28 || d === 0x3c || d === 0x5b) {
      i = skipObject(b, i);
      if (i < 0) return -1;
    } else if (d === 0x2f) i = endOfName(b, i + 1);
    else if (CLASS[d] === DELIMITER) return -1;
    else i = endOfName(b, i);
  }
  return -1;
}
