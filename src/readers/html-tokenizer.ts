// parse5, reading plain runs of characters in one step (issue 17: parse5 was ~18 % of an HTML page's
// time). parse5's tokenizer takes a page one character at a time: each character of text, of a tag
// name or of an attribute value is a pass through its state machine and a one-character string
// concatenation, and each word and each space between words of text becomes a token of its own,
// which the tree builder handles separately (reconstructing formatting elements, appending to the
// text node). RunTokenizer takes the rest of such a run at once, as the state it is in would have
// taken it character by character, and in the insertion modes where parse5 handles a space and a
// letter alike it lets text and its spaces be one token. The tree is the same node for node (a
// property test parses fixture pages, mutations of them and random markup both ways and compares).
//
// It reaches into parse5's tokenizer (protected members, the insertion modes' numbers), so parse5 is
// pinned to one version in package.json, the fields it reads are checked once at load (else parse5's
// own tokenizer reads the page), and the property test is what says an upgrade still holds.
import { Parser, Tokenizer, Token, type ParserOptions, type TreeAdapterTypeMap, type DefaultTreeAdapterMap } from 'parse5';
import { adapter, type Htmlparser2TreeAdapterMap } from 'parse5-htmlparser2-tree-adapter';

const CHARACTER = Token.TokenType.CHARACTER;
const NULL_CHARACTER = Token.TokenType.NULL_CHARACTER;
// Insertion modes in which parse5 inserts a whitespace token and a character token alike (reconstruct
// the active formatting elements, insert the characters; a character also clears frameset-ok):
// IN_BODY, IN_CAPTION, IN_CELL, IN_TEMPLATE; and TEXT (the content of script, style, title,
// textarea), where both are inserted as they are (parse5 7.3's InsertionMode, which it does not export).
const MERGE_MODES = new Set([6, 7, 10, 14, 17]);

const LF = 0x0a;
const CR = 0x0d;
const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;
const SOLIDUS = 0x2f;
const EQUALS = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

const isSpace = (c: number) => c === 0x20 || c === LF || c === 0x09 || c === 0x0c;
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
/** A character a tag or attribute name's run may hold: printable ASCII, which parse5 lower-cases as toLowerCase does. */
const nameChar = (c: number) => c > 0x20 && c < 0x7f && c !== SOLIDUS && c !== GT;
const attrNameChar = (c: number) => nameChar(c) && c !== EQUALS && c !== QUOT && c !== APOS && c !== LT;

/** The preprocessor's position and line bookkeeping (private in parse5's types). */
interface Input {
  html: string;
  pos: number;
  line: number;
  lineStartPos: number;
  isEol: boolean;
  skipNextNewLine: boolean;
}

interface ParserState {
  insertionMode: number;
  skipNextNewLine: boolean;
}

class RunTokenizer extends Tokenizer {
  private get input(): Input {
    return this.preprocessor as unknown as Input;
  }

  /**
   * Consume html[pos + 1, end) as the preprocessor's advance() would one character at a time
   * (the run holds no CR, NUL or surrogate, so only line feeds need its bookkeeping) and return it.
   */
  private take(end: number, lines: boolean): string {
    const pre = this.input;
    const start = pre.pos + 1;
    if (lines) {
      const html = pre.html;
      for (let p = start; p < end; p++) {
        if (pre.isEol) {
          pre.line++;
          pre.lineStartPos = p;
        }
        pre.isEol = html.charCodeAt(p) === LF;
      }
    }
    pre.pos = end - 1;
    this.consumedAfterSnapshot += end - start;
    return pre.html.slice(start, end);
  }

  /** Whether a run may be taken after the current character: not straight after a CR (its LF is skipped), not at the end. */
  private canRun(): boolean {
    const pre = this.input;
    return !pre.skipNextNewLine && pre.pos + 1 < pre.html.length;
  }

  /**
   * In a mode where parse5 inserts spaces and letters alike, the rest of the text up to the next
   * markup (`<`, and `&` where it starts a character reference) as one character token.
   */
  private mergeText(amp: boolean): boolean {
    const parser = this.handler as unknown as ParserState;
    const pre = this.input;
    if (this.inForeignNode || !MERGE_MODES.has(parser.insertionMode) || parser.skipNextNewLine || pre.skipNextNewLine) return false;
    // Locations are kept per token: with them asked for, tokens stay as parse5 makes them.
    if (this.options.sourceCodeLocationInfo) return false;
    const token = this.currentCharacterToken;
    if (token !== null && token.type === NULL_CHARACTER) return false;
    const html = pre.html;
    let text = !isSpace(html.charCodeAt(pre.pos));
    let i = pre.pos + 1;
    for (; i < html.length; i++) {
      const c = html.charCodeAt(i);
      if (c <= 0x20) {
        if (c === CR || c === 0) break;
        if (!isSpace(c)) text = true;
      } else if (c === LT || (c === AMP && amp) || isSurrogate(c)) break;
      else text = true;
    }
    // Spaces alone keep their own token: the modes around a body (after it, in a table) treat them apart.
    if (!text) return false;
    const run = html[pre.pos] + this.take(i, true);
    if (token === null) this._createCharacterToken(CHARACTER, run);
    else {
      token.type = CHARACTER;
      token.chars += run;
    }
    return true;
  }

  /** Whether a text state takes `cp` as text (its default case), so a run may go on from it. */
  private static plain(cp: number, amp: boolean): boolean {
    return cp > 0 && cp !== LT && !(cp === AMP && amp) && cp < 0xd800;
  }

  /** A text state's run, taken before the state sees `cp` (merged, true) or after it (false: the state must take `cp`, then runAfter). */
  private mergeAt(cp: number, amp: boolean): boolean {
    return RunTokenizer.plain(cp, amp) && this.mergeText(amp);
  }

  /** After a text state took `cp` into the current token: the run of its kind (spaces, or other text) that follows. */
  private runAfter(cp: number, amp: boolean): void {
    if (!RunTokenizer.plain(cp, amp) || this.currentCharacterToken === null || !this.canRun()) return;
    const pre = this.input;
    const html = pre.html;
    let i = pre.pos + 1;
    if (isSpace(cp)) {
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      if (i > pre.pos + 1) this.currentCharacterToken.chars += this.take(i, true);
    } else {
      for (; i < html.length; i++) {
        const c = html.charCodeAt(i);
        if (c <= 0x20 ? isSpace(c) || c === CR || c === 0 : c === LT || (c === AMP && amp) || isSurrogate(c)) break;
      }
      if (i > pre.pos + 1) this.currentCharacterToken.chars += this.take(i, false);
    }
  }

  // The text states: data and RCDATA (title, textarea) read character references; raw text
  // (style …), script data and plain text do not. '<' ends every run: it may start a tag.
  protected override _stateData(cp: number): void {
    if (this.mergeAt(cp, true)) return;
    super._stateData(cp);
    this.runAfter(cp, true);
  }

  protected override _stateRcdata(cp: number): void {
    if (this.mergeAt(cp, true)) return;
    super._stateRcdata(cp);
    this.runAfter(cp, true);
  }

  protected override _stateRawtext(cp: number): void {
    if (this.mergeAt(cp, false)) return;
    super._stateRawtext(cp);
    this.runAfter(cp, false);
  }

  protected override _stateScriptData(cp: number): void {
    if (this.mergeAt(cp, false)) return;
    super._stateScriptData(cp);
    this.runAfter(cp, false);
  }

  protected override _statePlaintext(cp: number): void {
    if (this.mergeAt(cp, false)) return;
    super._statePlaintext(cp);
    this.runAfter(cp, false);
  }

  protected override _stateTagName(cp: number): void {
    super._stateTagName(cp);
    if (!nameChar(cp) || !this.canRun()) return;
    const html = this.input.html;
    let i = this.input.pos + 1;
    while (i < html.length && nameChar(html.charCodeAt(i))) i++;
    if (i > this.input.pos + 1) (this.currentToken as Token.TagToken).tagName += this.take(i, false).toLowerCase();
  }

  protected override _stateAttributeName(cp: number): void {
    super._stateAttributeName(cp);
    if (!attrNameChar(cp) || !this.canRun()) return;
    const html = this.input.html;
    let i = this.input.pos + 1;
    while (i < html.length && attrNameChar(html.charCodeAt(i))) i++;
    if (i > this.input.pos + 1) this.currentAttr.name += this.take(i, false).toLowerCase();
  }

  private quotedValue(cp: number, quote: number): void {
    if (cp <= 0 || cp === quote || cp === AMP || cp >= 0xd800 || !this.canRun()) return;
    const html = this.input.html;
    let i = this.input.pos + 1;
    for (; i < html.length; i++) {
      const c = html.charCodeAt(i);
      if (c === quote || c === AMP || c === 0 || c === CR || isSurrogate(c)) break;
    }
    if (i > this.input.pos + 1) this.currentAttr.value += this.take(i, true);
  }

  protected override _stateAttributeValueDoubleQuoted(cp: number): void {
    super._stateAttributeValueDoubleQuoted(cp);
    this.quotedValue(cp, QUOT);
  }

  protected override _stateAttributeValueSingleQuoted(cp: number): void {
    super._stateAttributeValueSingleQuoted(cp);
    this.quotedValue(cp, APOS);
  }
}

/**
 * Whether this parse5 has what the runs read and move, checked once on a fresh parser: where it
 * does not (another version than the pinned one), pages are parsed by parse5's own tokenizer.
 */
const RUNS_HOLD = ((): boolean => {
  const proto = Tokenizer.prototype as unknown as Record<string, unknown>;
  const states = ['_stateData', '_stateRcdata', '_stateRawtext', '_stateScriptData', '_statePlaintext', '_stateTagName', '_stateAttributeName', '_stateAttributeValueDoubleQuoted', '_stateAttributeValueSingleQuoted', '_createCharacterToken'];
  if (!states.every((n) => typeof proto[n] === 'function')) return false;
  const parser = new Parser({}) as unknown as { tokenizer: Record<string, unknown>; insertionMode: unknown; skipNextNewLine: unknown };
  const t = parser.tokenizer;
  const pre = t.preprocessor as Record<string, unknown> | undefined;
  return (
    !!pre &&
    ['html', 'pos', 'line', 'lineStartPos', 'isEol', 'skipNextNewLine'].every((k) => k in pre) &&
    ['currentCharacterToken', 'consumedAfterSnapshot', 'inForeignNode'].every((k) => k in t) &&
    typeof parser.insertionMode === 'number' &&
    typeof parser.skipNextNewLine === 'boolean'
  );
})();

/** Whether pages are read in runs (tests: a check that they are, so the property tests test something). */
export const readsRuns = RUNS_HOLD;

/** parse5's Parser with the run-reading tokenizer (not when parse errors are asked for: runs skip their checks). */
class RunParser<T extends TreeAdapterTypeMap> extends Parser<T> {
  constructor(options?: Partial<ParserOptions<T>>, document?: T['document'], fragmentContext?: T['element'] | null) {
    super(options, document, fragmentContext);
    if (RUNS_HOLD && !this.onParseError) this.tokenizer = new RunTokenizer(this.options, this);
  }
}

/** A document parsed as parse5's parse() parses it. */
export function parseDocumentRuns<T extends TreeAdapterTypeMap = DefaultTreeAdapterMap>(html: string, options?: ParserOptions<T>): T['document'] {
  return RunParser.parse(html, options) as T['document'];
}

/** A page as cheerio.load(html) parses it (parse5, the htmlparser2 adapter, scripting on): hand it to cheerio.load. */
export function parseDom(html: string): Htmlparser2TreeAdapterMap['document'] {
  return parseDocumentRuns<Htmlparser2TreeAdapterMap>(html, { treeAdapter: adapter, scriptingEnabled: true });
}
