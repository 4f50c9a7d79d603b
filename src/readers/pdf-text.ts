// A PDF's text items read on this thread, the items pdf.js's getTextContent gives (same strings,
// positions, widths, line ends), without pdf.js: its text pass costs about as much again as the
// rest of reading a page. Modelled on pdf.js 5.4 (pdf-parse 2.4's) and checked against it item
// by item on every real, fixture and bench PDF we have (tests/unit/pdf-text.test.ts).
//
// Only what can be read with certainty is: the file indexed by pdf-file, fonts pdf-fonts models,
// pages unrotated, content of the operators listed below. Anything else makes the whole document
// pdf.js's to read (the answer is why), so the text is always the text pdf.js would give.
import { indexFile, objectAt, streamBytes, type PdfFile } from './pdf-file.js';
import { loadFont, type Font, type Resolver } from './pdf-fonts.js';
import { Cmd, CONTENT_OPERATORS, Lexer, Name, NotRead, reasonOf, Ref, valueOf, type Dict, type Value } from './pdf-objects.js';
import type { PageRef } from './pdf-lines.js';
import { PathRecorder, type PagePaths } from './pdf-paths.js';

export interface OwnItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface OwnPage {
  ref: PageRef;
  /** The page's visible box, [x0, y0, x1, y1], as pdf.js's page.view. */
  view: number[];
  items: OwnItem[];
  /** Its content streams' bytes, one after another (pdf-lines reads its drawn lines from them). */
  content: Uint8Array;
  /** Its paths as pdf-paths reads them, recorded in the same pass as its text, or why they are pdf.js's to list. */
  paths: PagePaths;
}

/** A document pdf-text can open: its file index, page count, and each page read on asking. */
export interface OwnDoc {
  file: PdfFile;
  numPages: number;
  /** Page n (from 1), or why it is left to pdf.js. */
  page(n: number): OwnPage | { why: string };
}

/** The document opened for reading its pages' text items, or why it is left to pdf.js. */
export function openOwn(bytes: Uint8Array): OwnDoc | { why: string } {
  let file: PdfFile | string;
  try {
    file = indexFile(bytes);
  } catch (e) {
    return { why: reasonOf(e) };
  }
  if (typeof file === 'string') return { why: file };
  try {
    const doc = new Doc(file);
    const pages = doc.pages();
    return {
      file,
      numPages: pages.length,
      page(n) {
        try {
          const p = pages[n - 1];
          const content = doc.content(p);
          const paths = new PathRecorder(new Set());
          const items = textItems(doc, p, content, paths);
          return { ref: p.ref, view: p.view, items, content, paths: paths.result() };
        } catch (e) {
          return { why: reasonOf(e) };
        }
      },
    };
  } catch (e) {
    return { why: reasonOf(e) };
  }
}

interface PageNode {
  ref: PageRef;
  view: number[];
  contents: Value | undefined;
  resources: Dict;
}

const LETTER = [0, 0, 612, 792];

class Doc implements Resolver {
  private readonly cache = new Map<string, Value>();
  readonly fonts = new Map<string, Font>();
  constructor(readonly file: PdfFile) {}

  /** A value with any reference followed (to the object's value; a stream's dictionary). */
  get(v: Value | undefined): Value | undefined {
    for (let hops = 0; v instanceof Ref; hops++) {
      if (hops > 8) throw new NotRead('a reference chain');
      v = this.object(v);
    }
    return v;
  }

  private object(ref: Ref): Value {
    const key = `${ref.num} ${ref.gen}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      const obj = objectAt(this.file, ref.num, ref.gen);
      if (!obj) throw new NotRead(`object ${key} not found`);
      v = valueOf(obj.dict);
      this.cache.set(key, v);
    }
    return v;
  }

  stream(ref: Value | undefined): Uint8Array | null {
    return ref instanceof Ref ? streamBytes(this.file, objectAt(this.file, ref.num, ref.gen)) : null;
  }

  /** The pages in order, with what they inherit from the page tree. */
  pages(): PageNode[] {
    const root = this.get(this.trailer().get('Root'));
    if (!(root instanceof Map)) throw new NotRead('no catalog');
    const top = root.get('Pages');
    const out: PageNode[] = [];
    const seen = new Set<string>();
    const walk = (ref: Value | undefined, inherited: Dict, depth: number) => {
      if (!(ref instanceof Ref) || depth > 32) throw new NotRead('a page tree not read');
      const key = `${ref.num} ${ref.gen}`;
      if (seen.has(key)) throw new NotRead('a page tree with a loop');
      seen.add(key);
      const node = this.get(ref);
      if (!(node instanceof Map)) throw new NotRead('a page tree node that is not a dictionary');
      const here = new Map(inherited);
      for (const k of ['Resources', 'MediaBox', 'CropBox', 'Rotate']) if (node.has(k)) here.set(k, node.get(k)!);
      const type = this.get(node.get('Type'));
      if (type instanceof Name && type.name === 'Pages') {
        const kids = this.get(node.get('Kids'));
        if (!Array.isArray(kids)) throw new NotRead('pages without kids');
        for (const kid of kids) walk(kid, here, depth + 1);
        return;
      }
      if (!(type instanceof Name) || type.name !== 'Page') throw new NotRead('a page tree node of no known type');
      out.push(this.page(ref, node, here));
    };
    walk(top, new Map(), 0);
    const count = this.get((this.get(top) as Dict | undefined)?.get('Count'));
    if (count !== out.length) throw new NotRead('a page count that is not the pages found');
    return out;
  }

  private page(ref: Ref, node: Dict, inherited: Dict): PageNode {
    const rotate = this.get(inherited.get('Rotate'));
    if (rotate !== undefined && rotate !== 0) throw new NotRead('a rotated page');
    const unit = this.get(node.get('UserUnit'));
    if (unit !== undefined && unit !== 1) throw new NotRead('a page with its own user unit');
    const media = this.box(inherited.get('MediaBox')) ?? LETTER;
    const crop = this.box(inherited.get('CropBox')) ?? media;
    let view = media;
    if (crop !== media && !crop.every((x, i) => x === media[i])) {
      const box = [Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])];
      if (box[2] - box[0] > 0 && box[3] - box[1] > 0) view = box;
    }
    const resources = this.get(inherited.get('Resources'));
    return { ref: { num: ref.num, gen: ref.gen }, view, contents: node.get('Contents'), resources: resources instanceof Map ? resources : new Map() };
  }

  /** A rectangle normalised as pdf.js normalizeRect; null when it is not four numbers. */
  private box(v: Value | undefined): number[] | null {
    const a = this.get(v);
    if (!Array.isArray(a) || a.length !== 4) return null;
    const n = a.map((x) => this.get(x));
    if (!n.every((x) => typeof x === 'number')) return null;
    const [x0, y0, x1, y1] = n as number[];
    const box = [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
    return box[2] - box[0] > 0 && box[3] - box[1] > 0 ? box : null;
  }

  /** The trailer's dictionary: after `trailer`, or a cross-reference stream's, where startxref points. */
  trailer(): Dict {
    const text = this.file.text;
    const at = text.lastIndexOf('startxref');
    const off = at < 0 ? NaN : Number(/^startxref\s+(\d+)/.exec(text.slice(at, at + 40))?.[1]);
    if (!(off >= 0) || off >= text.length) throw new NotRead('no startxref');
    if (text.startsWith('xref', off)) {
      const t = text.indexOf('trailer', off);
      if (t < 0) throw new NotRead('no trailer');
      const d = valueOf(text.slice(t + 7, t + 7 + 4096));
      if (!(d instanceof Map)) throw new NotRead('no trailer');
      return d;
    }
    const m = /^(\d+)\s+(\d+)\s+obj\b/.exec(text.slice(off, off + 40));
    const obj = m && objectAt(this.file, Number(m[1]), Number(m[2]));
    const d = obj ? valueOf(obj.dict) : null;
    if (!(d instanceof Map) || !(d.get('Type') instanceof Name) || (d.get('Type') as Name).name !== 'XRef') throw new NotRead('startxref points at no cross-reference');
    return d;
  }

  /** The page's content streams, one after another as pdf.js reads them. */
  content(page: PageNode): Uint8Array {
    let refs = this.get(page.contents) === undefined ? [] : [page.contents];
    const first = page.contents instanceof Ref ? objectAt(this.file, page.contents.num, page.contents.gen) : null;
    if (Array.isArray(page.contents)) refs = page.contents;
    else if (first && first.streamAt === null) {
      const a = this.get(page.contents);
      if (!Array.isArray(a)) throw new NotRead('contents not read');
      refs = a;
    }
    const parts: Uint8Array[] = [];
    for (const r of refs) {
      const part = this.stream(r);
      if (part === null) throw new NotRead('contents not read');
      parts.push(part);
    }
    return parts.length === 1 ? parts[0] : new Uint8Array(Buffer.concat(parts));
  }

  font(resources: Dict, name: string): Font {
    const fonts = this.get(resources.get('Font'));
    const ref = fonts instanceof Map ? fonts.get(name) : undefined;
    if (!(ref instanceof Ref)) throw new NotRead(ref === undefined ? `font ${name} not found` : 'a font written in place');
    const key = `${ref.num} ${ref.gen}`;
    let f = this.fonts.get(key);
    if (!f) {
      f = loadFont(this, ref);
      this.fonts.set(key, f);
    }
    return f;
  }
}

const IDENTITY = [1, 0, 0, 1, 0, 0];
const FONT_SCALE = 0.001; // a simple or TrueType-based font's matrix [0.001 0 0 0.001 0 0]

/** pdf.js Util.transform: the 2D affine product m1 × m2. */
export function transform(m1: number[], m2: number[]): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/** pdf.js's TextState, saved and restored whole by q and Q. */
class TextState {
  ctm = IDENTITY;
  fontName: string | null = null;
  fontSize = 0;
  font: Font | null = null;
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;
  constructor(
    public textMatrix = IDENTITY.slice(),
    public textLineMatrix = IDENTITY.slice(),
  ) {}
  clone(): TextState {
    const c = new TextState(this.textMatrix.slice(), this.textLineMatrix.slice());
    c.ctm = this.ctm;
    c.fontName = this.fontName;
    c.fontSize = this.fontSize;
    c.font = this.font;
    c.charSpacing = this.charSpacing;
    c.wordSpacing = this.wordSpacing;
    c.leading = this.leading;
    c.textHScale = this.textHScale;
    c.textRise = this.textRise;
    return c;
  }
  translateTextMatrix(x: number, y: number): void {
    translate(this.textMatrix, x, y);
  }
  /** Td: the line matrix moved, and the text matrix set to it. */
  moveToNextLine(x: number, y: number): void {
    translate(this.textLineMatrix, x, y);
    this.textMatrix = this.textLineMatrix.slice();
  }
  carriageReturn(): void {
    this.moveToNextLine(0, -this.leading);
  }
  /** The text's horizontal scale in device space (pdf.js's textAdvanceScale). */
  advanceScale(): number {
    return Math.hypot(this.ctm[0], this.ctm[1]) * Math.hypot(this.textLineMatrix[0], this.textLineMatrix[1]);
  }
}

/** pdf.js's translate of a text matrix, in place. */
function translate(m: number[], x: number, y: number): void {
  m[4] = m[0] * x + m[2] * y + m[4];
  m[5] = m[1] * x + m[3] * y + m[5];
}

// Inline images are not read: pdf.js's Lexer takes their data raw, which this Lexer would misread.
const INLINE_IMAGE = new Set(['BI', 'ID', 'EI']);

// pdf.js's text layout constants (getTextContent).
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

// pdf.js normalizeUnicode: the characters it folds (NFKC) in text content.
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
const normalize = (s: string) => s.replace(NORMALIZE, (_, p1: string | undefined) => (p1 ? p1.normalize('NFKC') : ''));
// Text pdf.js's bidi would reorder (Hebrew, Arabic, Syriac …), and the one ligature pdf.js maps by a table: not modelled.
const RIGHT_TO_LEFT = /[\u0590-\u08ac\ufb05\ufb1d-\ufdff\ufe70-\ufeff]/;
const BEYOND_LATIN1_CONTROLS = /[^\u0000-\u009f]/;

/** One page's text items, as pdf.js getTextContent builds them; its operators also go to `paths`. */
function textItems(doc: Doc, page: PageNode, content: Uint8Array, paths: PathRecorder): OwnItem[] {
  const viewBox = page.view;
  const items: OwnItem[] = [];
  const stack: TextState[] = [];
  let state = new TextState();
  // The item being built (pdf.js's textContentItem); its measures in one object, as numbers held in
  // closure variables would be boxed afresh on every change (several per glyph).
  const it = { totalWidth: 0, width: 0, height: 0, textAdvanceScale: 0, spaceInFlowMin: 0, spaceInFlowMax: 0, trackingSpaceMin: Infinity, negativeSpaceMax: -Infinity, notASpace: -Infinity };
  let initialized = false;
  let str: string[] = [];
  // The last glyph's text transform (pdf.js's prevTransform), kept in place rather than as a new array per glyph.
  const prev = new Float64Array(6);
  let hasPrev = false;
  let itemTransform: number[] | null = null;
  let hasEOL = false;
  const twoLast = [' ', ' '];
  let twoLastPos = 0;

  const saveLastChar = (ch: string): boolean => {
    const nextPos = (twoLastPos + 1) % 2;
    const ret = twoLast[twoLastPos] !== ' ' && twoLast[nextPos] === ' ';
    twoLast[twoLastPos] = ch;
    twoLastPos = nextPos;
    return ret;
  };
  const shouldAddWhitespace = () => twoLast[twoLastPos] !== ' ' && twoLast[(twoLastPos + 1) % 2] === ' ';
  const resetLastChars = () => {
    twoLast[0] = twoLast[1] = ' ';
    twoLastPos = 0;
  };
  // The current text transform (pdf.js getCurrentTextTransform: ctm × textMatrix × [size·scale 0 0 size 0 rise]),
  // written into `cur` with pdf.js's very operations (the products by the matrix's zeros included), so every bit is its.
  const cur = new Float64Array(6);
  const computeCurrent = () => {
    const m = state.textMatrix;
    const c = state.ctm;
    const a = state.fontSize * state.textHScale;
    const d = state.fontSize;
    const r = state.textRise;
    const t0 = m[0] * a + m[2] * 0;
    const t1 = m[1] * a + m[3] * 0;
    const t2 = m[0] * 0 + m[2] * d;
    const t3 = m[1] * 0 + m[3] * d;
    const t4 = m[0] * 0 + m[2] * r + m[4];
    const t5 = m[1] * 0 + m[3] * r + m[5];
    cur[0] = c[0] * t0 + c[2] * t1;
    cur[1] = c[1] * t0 + c[3] * t1;
    cur[2] = c[0] * t2 + c[2] * t3;
    cur[3] = c[1] * t2 + c[3] * t3;
    cur[4] = c[0] * t4 + c[2] * t5 + c[4];
    cur[5] = c[1] * t4 + c[3] * t5 + c[5];
  };
  const arrayOf = (t: Float64Array) => [t[0], t[1], t[2], t[3], t[4], t[5]];
  const currentTransform = (): number[] => {
    computeCurrent();
    return arrayOf(cur);
  };
  const pushWhitespace = (w: number, h: number, t: number[]) => {
    items.push({ str: ' ', width: w, height: h, transform: t, hasEOL: false });
  };
  const ensureItem = () => {
    if (initialized) return;
    const trm = (itemTransform = currentTransform());
    it.width = it.totalWidth = 0;
    it.height = Math.hypot(trm[2], trm[3]);
    it.textAdvanceScale = state.advanceScale();
    const { fontSize } = state;
    it.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    it.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    it.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    it.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    it.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    hasEOL = false;
    initialized = true;
  };
  const updateAdvanceScale = () => {
    if (!initialized) return;
    const scaleFactor = state.advanceScale();
    if (scaleFactor === it.textAdvanceScale) return;
    it.totalWidth += it.width * it.textAdvanceScale;
    it.width = 0;
    it.textAdvanceScale = scaleFactor;
  };
  const flush = () => {
    if (!initialized) return;
    it.totalWidth += it.width * it.textAdvanceScale;
    const raw = str.join('');
    // Both what bidi would reorder and what pdf.js folds lie above U+009F: most text has none.
    let text = raw;
    if (BEYOND_LATIN1_CONTROLS.test(raw)) {
      if (RIGHT_TO_LEFT.test(raw)) throw new NotRead('right-to-left text');
      text = normalize(raw);
    }
    items.push({ str: text, width: Math.abs(it.totalWidth), height: Math.abs(it.height), transform: itemTransform!, hasEOL });
    initialized = false;
    str = [];
  };
  const appendEOL = () => {
    resetLastChars();
    if (initialized) {
      hasEOL = true;
      flush();
    } else items.push({ str: '', width: 0, height: 0, transform: currentTransform(), hasEOL: true });
  };
  const addFakeSpaces = (w: number, orientation: number): boolean => {
    if (orientation * it.spaceInFlowMin <= w && w <= orientation * it.spaceInFlowMax) {
      if (initialized) {
        resetLastChars();
        str.push(' ');
      }
      return false;
    }
    flush();
    resetLastChars();
    pushWhitespace(Math.abs(w), 0, hasPrev ? arrayOf(prev) : currentTransform());
    return true;
  };
  const compareWithLastPosition = (glyphWidth: number): boolean => {
    computeCurrent();
    const current = cur;
    let posX = current[4];
    let posY = current[5];
    if (posX + glyphWidth < viewBox[0] || posX > viewBox[2] || posY < viewBox[1] || posY > viewBox[3]) return false;
    if (!state.font || !hasPrev) return true;
    let lastPosX = prev[4];
    let lastPosY = prev[5];
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (current[0] && current[1] === 0 && current[2] === 0) rotate = current[0] > 0 ? 0 : 180;
    else if (current[1] && current[0] === 0 && current[3] === 0) rotate = current[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = inverseRotation(posX, posY, current);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, prev);
    }
    const advanceX = (posX - lastPosX) / it.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const orientation = Math.sign(it.width);
    if (advanceX < orientation * it.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * it.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flush();
      return true;
    }
    if (Math.abs(advanceY) > it.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= orientation * it.notASpace) resetLastChars();
    if (advanceX <= orientation * it.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flush();
        pushWhitespace(Math.abs(advanceX), 0, arrayOf(prev));
      } else it.width += advanceX;
    } else if (!addFakeSpaces(advanceX, orientation)) {
      if (str.length === 0) {
        resetLastChars();
        pushWhitespace(Math.abs(advanceX), 0, arrayOf(prev));
      } else it.width += advanceX;
    }
    if (Math.abs(advanceY) > it.height * VERTICAL_SHIFT_RATIO) flush();
    return true;
  };
  const showText = (chars: string, extraSpacing: number) => {
    const font = state.font;
    if (!font) throw new NotRead('text shown with no font set');
    if (!chars) {
      const charSpacing = state.charSpacing + extraSpacing;
      if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
      return;
    }
    if (font.twoByte && chars.length % 2) throw new NotRead('a two-byte string of odd length');
    const step = font.twoByte ? 2 : 1;
    const count = chars.length / step;
    const scale = FONT_SCALE * state.fontSize;
    for (let k = 0; k < count; k++) {
      const at = k * step;
      const code = font.twoByte ? (chars.charCodeAt(at) << 8) | chars.charCodeAt(at + 1) : chars.charCodeAt(at);
      const glyph = font.glyph(code);
      if (glyph.isInvisibleFormatMark) continue;
      let charSpacing = state.charSpacing + (k + 1 === count ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (code === 0x20) charSpacing += state.wordSpacing;
      if (glyph.isWhitespace) {
        charSpacing += scaledDim;
        state.translateTextMatrix(charSpacing * state.textHScale, 0);
        saveLastChar(' ');
        continue;
      }
      if (!glyph.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        state.translateTextMatrix(scaledDim * state.textHScale, 0);
        continue;
      }
      ensureItem();
      if (glyph.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= state.textHScale;
      state.translateTextMatrix(scaledDim, 0);
      it.width += scaledDim;
      if (scaledDim) {
        computeCurrent();
        prev.set(cur);
        hasPrev = true;
      }
      if (saveLastChar(glyph.unicode)) str.push(' ');
      str.push(glyph.unicode);
      if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
    }
  };

  const lexer = new Lexer(content);
  // The operands so far are args[0 … nargs - 1]: a count, not the array's length, since setting
  // a length (to empty it after each operator) is a call into the runtime.
  const args: Value[] = [];
  let nargs = 0;
  for (let v = lexer.next(); v !== undefined; v = lexer.next()) {
    if (!(v instanceof Cmd)) {
      if (nargs === 33) throw new NotRead('too many operands');
      args[nargs++] = v;
      continue;
    }
    const op = v.cmd;
    const spec = INLINE_IMAGE.has(op) ? undefined : CONTENT_OPERATORS[op];
    if (!spec) throw new NotRead(`operator ${JSON.stringify(op.slice(0, 8))}`);
    if (spec[1] ? nargs > spec[0] : nargs !== spec[0]) throw new NotRead(`${op} with ${nargs} operands`);
    if (paths.refused === null) recordPath(paths, op, args, nargs);
    const previous = state;
    switch (op) {
      case 'q':
        stack.push(state);
        state = state.clone();
        break;
      case 'Q': {
        const prev = stack.pop();
        if (prev) state = prev;
        if (previous.font !== state.font || previous.fontSize !== state.fontSize || previous.fontName !== state.fontName) flush();
        break;
      }
      case 'cm':
        state.ctm = transform(state.ctm, numbersOf(op, args, nargs));
        break;
      case 'Tf': {
        const name = args[0];
        const size = args[1];
        if (!(name instanceof Name) || typeof size !== 'number') throw new NotRead('Tf with bad operands');
        if (state.font && name.name === state.fontName && size === state.fontSize) break;
        flush();
        state.fontName = name.name;
        state.fontSize = size;
        state.font = doc.font(page.resources, name.name);
        break;
      }
      case 'Ts':
        state.textRise = numbersOf(op, args, nargs)[0];
        break;
      case 'Tz':
        state.textHScale = numbersOf(op, args, nargs)[0] / 100;
        break;
      case 'TL':
        state.leading = numbersOf(op, args, nargs)[0];
        break;
      case 'Td': {
        const xy = numbersOf(op, args, nargs);
        state.moveToNextLine(xy[0], xy[1]);
        break;
      }
      case 'TD': {
        const xy = numbersOf(op, args, nargs);
        state.leading = -xy[1];
        state.moveToNextLine(xy[0], xy[1]);
        break;
      }
      case 'T*':
        state.carriageReturn();
        break;
      case 'Tm': {
        // In place, as pdf.js's setTextMatrix (no other state holds these arrays: q copies them).
        const m = numbersOf(op, args, nargs);
        for (let k = 0; k < 6; k++) state.textMatrix[k] = state.textLineMatrix[k] = m[k];
        updateAdvanceScale();
        break;
      }
      case 'Tc':
        state.charSpacing = numbersOf(op, args, nargs)[0];
        break;
      case 'Tw':
        state.wordSpacing = numbersOf(op, args, nargs)[0];
        break;
      case 'BT':
        state.textMatrix = IDENTITY.slice();
        state.textLineMatrix = IDENTITY.slice();
        break;
      case 'TJ': {
        const elements = args[0];
        if (!Array.isArray(elements)) throw new NotRead('TJ without an array');
        if (!state.font) throw new NotRead('text shown with no font set');
        const spaceFactor = (-1 * state.fontSize) / 1000;
        let buffer = '';
        for (const item of elements) {
          if (typeof item === 'string') buffer += item;
          else if (typeof item === 'number') {
            if (item !== 0) {
              showText(buffer, item * spaceFactor);
              buffer = '';
            }
          } else throw new NotRead('a TJ element neither string nor number');
        }
        if (buffer) showText(buffer, 0);
        break;
      }
      case 'Tj':
        if (typeof args[0] !== 'string') throw new NotRead('Tj without a string');
        showText(args[0], 0);
        break;
      case "'":
        if (typeof args[0] !== 'string') throw new NotRead("' without a string");
        state.carriageReturn();
        showText(args[0], 0);
        break;
      case '"': {
        const aw = args[0];
        const ac = args[1];
        const s = args[2];
        if (typeof aw !== 'number' || typeof ac !== 'number' || typeof s !== 'string') throw new NotRead('" with bad operands');
        state.wordSpacing = aw;
        state.charSpacing = ac;
        state.carriageReturn();
        showText(s, 0);
        break;
      }
      case 'Do': {
        flush();
        const name = args[0];
        const xobjects = doc.get(page.resources.get('XObject'));
        const x = name instanceof Name && xobjects instanceof Map ? doc.get(xobjects.get(name.name)) : undefined;
        const subtype = x instanceof Map ? doc.get(x.get('Subtype')) : undefined;
        if (!(subtype instanceof Name) || subtype.name !== 'Image') throw new NotRead('draws a form or an unknown XObject');
        break;
      }
      case 'gs': {
        const name = args[0];
        const states = doc.get(page.resources.get('ExtGState'));
        const gs = name instanceof Name && states instanceof Map ? doc.get(states.get(name.name)) : undefined;
        if (!(gs instanceof Map)) throw new NotRead('a graphics state not found');
        if (gs.has('Font')) throw new NotRead('a graphics state that sets the font');
        break;
      }
      case 'BMC':
      case 'BDC':
      case 'EMC':
        flush();
        break;
      case 'd0':
      case 'd1':
        throw new NotRead('a Type3 glyph description');
    }
    nargs = 0;
  }
  if (nargs) throw new NotRead('operands after the last operator');
  flush();
  return items;
}

/** An operator and its operands as pdf-paths' own scanner would give them to the recorder. */
function recordPath(paths: PathRecorder, op: string, args: Value[], n: number): void {
  let numeric = true;
  for (let k = 0; k < n; k++) {
    const a = args[k];
    if (typeof a === 'number') continue;
    // pdf-paths reads no null operand (its scanner takes the word for an operator).
    if (a === null) {
      paths.refuse('operator "null"');
      return;
    }
    numeric = false;
  }
  const last = n ? args[n - 1] : undefined;
  paths.op(op, args as number[], numeric, op === 'Do' ? (last instanceof Name ? last.name : '') : null);
}

/** The operands (args[0 … n - 1]), when all are numbers. */
function numbersOf(op: string, args: Value[], n: number): number[] {
  for (let k = 0; k < n; k++) if (typeof args[k] !== 'number') throw new NotRead(`${op} with operands not numbers`);
  return args as number[];
}

function inverseRotation(x: number, y: number, m: ArrayLike<number>): [number, number] {
  const scale = Math.hypot(m[0], m[1]);
  return [(m[0] * x + m[1] * y) / scale, (m[2] * x + m[3] * y) / scale];
}
