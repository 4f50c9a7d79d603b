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

import { CLASS, CONTENT_OPERATORS, DELIMITER, latin1, numberAt, opKey, SPACE } from './pdf-objects.js';

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

/** A page's paths and the XObjects it draws, or why they are left to pdf.js. */
export type PagePaths = { ops: PathOps; drawn: Set<string> } | string;

/** pathOps of a page's content with the XObjects it draws. */
export function pagePaths(content: Uint8Array): PagePaths {
  const drawn = new Set<string>();
  const ops = pathOps(content, drawn);
  return typeof ops === 'string' ? ops : { ops, drawn };
}

const MAX_OPERANDS = 33;

const PAINT: Record<string, number> = {
  S: OPS.stroke, s: OPS.closeStroke, f: OPS.fill, F: OPS.fill, 'f*': OPS.eoFill, B: OPS.fillStroke, 'B*': OPS.eoFillStroke,
  b: OPS.closeFillStroke, 'b*': OPS.closeEOFillStroke, n: OPS.endPath,
};
/** The operators by their bytes (up to three, packed in one number), so a token is looked up without making a string. */
const OPERATORS = new Map<number, { op: string; operands: number; variable: boolean }>();
for (const [op, [operands, variable]] of Object.entries(CONTENT_OPERATORS)) {
  const bytes = Buffer.from(op, 'latin1');
  OPERATORS.set(opKey(bytes, 0, bytes.length), { op, operands, variable });
}

/** The page's paths as pdf.js lists them, or why they are left to pdf.js; the XObjects it draws (`/Name Do`) go into `drawn`. */
export function pathOps(b: Uint8Array, drawn: Set<string>): PathOps | string {
  const nums: number[] = []; // the numeric operands so far, nums[0 … operands - 1] when all are numbers
  let operands = 0;
  let numeric = true;
  let nameAt = -1; // where the last operand starts, when it was a name (read only for Do)
  let nameEnd = 0;
  const paths = new PathRecorder(drawn);
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
    const spec = len <= 3 ? OPERATORS.get(opKey(b, start, len)) : undefined;
    if (!spec) return `operator ${JSON.stringify(word || latin1(b, start, i))}`;
    const token = spec.op;
    if (spec.variable ? operands > spec.operands : operands !== spec.operands) return `${token} with ${operands} operands`;
    const why = paths.op(token, nums, numeric, token === 'Do' && nameAt >= 0 ? latin1(b, nameAt, nameEnd) : null);
    if (why !== null) return why;
    operands = 0;
    numeric = true;
    nameAt = -1;
  }
  return paths.ops;
}

/**
 * What pathOps keeps of a page's operators, one operator at a time: its scanner feeds it here, and
 * pdf-text's text pass feeds it the operators it reads anyway, so that a page read here is not
 * scanned twice (issue 17).
 */
export class PathRecorder {
  private readonly fnArray: number[] = [];
  private readonly argsArray: unknown[] = [];
  private readonly box = new Float32Array([Infinity, Infinity, -Infinity, -Infinity]);
  private segments = 0;
  private curved = false;
  /** Why the page's paths are left to pdf.js, once an operator was refused: nothing is recorded after it. */
  refused: string | null = null;
  /** `drawn`: the XObjects drawn (`/Name Do`) go into it. */
  constructor(readonly drawn: Set<string>) {}

  /** The paths so far, as pdf.js lists them. */
  get ops(): PathOps {
    return { fnArray: this.fnArray, argsArray: this.argsArray };
  }

  /** What was recorded, or why not. */
  result(): PagePaths {
    return this.refused ?? { ops: this.ops, drawn: this.drawn };
  }

  /** The page's paths are pdf.js's to list, for this reason (the first one given stands). */
  refuse(why: string): string {
    return (this.refused ??= why);
  }

  /**
   * One operator, its operand count already checked: `nums` its operands when `numeric` (all are
   * numbers), `name` the name it draws (Do). Null, or why the page is left to pdf.js.
   */
  op(token: string, nums: readonly number[], numeric: boolean, name: string | null): string | null {
    if (this.refused !== null) return this.refused;
    const why = this.record(token, nums, numeric, name);
    return why === null ? null : this.refuse(why);
  }

  private record(token: string, nums: readonly number[], numeric: boolean, name: string | null): string | null {
    switch (token) {
      case 'q':
        if (this.segments) return 'q inside a path';
        this.fnArray.push(OPS.save);
        this.argsArray.push(null);
        break;
      case 'Q':
        // pdf.js keeps a path in its graphics state, which q and Q change: a path open across them is not modelled.
        if (this.segments) return 'Q inside a path';
        this.fnArray.push(OPS.restore);
        this.argsArray.push(null);
        break;
      case 'cm':
        if (!numeric) return 'cm with operands not numbers';
        this.fnArray.push(OPS.transform);
        this.argsArray.push(nums.slice(0, 6));
        break;
      case 'm':
      case 'l':
        if (!numeric) return `${token} with operands not numbers`;
        point(this.box, nums[0], nums[1]);
        this.segments++;
        break;
      case 're': {
        if (!numeric) return 're with operands not numbers';
        const x = nums[0];
        const y = nums[1];
        rect(this.box, x, y, x + nums[2], y + nums[3]);
        this.segments++;
        break;
      }
      case 'c':
      case 'v':
      case 'y':
        // A curve's box is pdf.js's bezier extrema; only a stroked one reaches the finder.
        this.curved = true;
        this.segments++;
        break;
      case 'h':
        this.segments++;
        break;
      case 'BI':
        return 'inline image';
      case 'Do':
        this.drawn.add(name ?? '');
        break;
      default: {
        const fn = PAINT[token];
        if (fn === undefined) break;
        if (this.curved && fn === OPS.stroke) return 'a stroked curve';
        // pdf.js adds a closePath to the close-and-paint operators, so their path is never empty.
        const empty = this.segments === 0 && fn !== OPS.closeStroke && fn !== OPS.closeFillStroke && fn !== OPS.closeEOFillStroke;
        this.fnArray.push(OPS.constructPath);
        this.argsArray.push(empty ? [fn, [null], null] : [fn, [null], this.box.slice()]);
        this.box.set([Infinity, Infinity, -Infinity, -Infinity]);
        this.segments = 0;
        this.curved = false;
      }
    }
    return null;
  }
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
