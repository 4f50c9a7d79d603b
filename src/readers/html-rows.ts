// Table rows packed while the page is parsed. A parse5 tree of a page holding one table of
// 500k rows costs about 65 bytes of heap per byte of markup (a 14 MB page: 0.9 GB); the
// reader needs from each row only its cells' text, spans and links. So the tree adapter
// packs each <tr> into that as the parser closes it and drops the row's subtree: the tree
// then holds the page's structure and one packed record per row, and the reader gets the
// same cells from a packed row as from the full one (packRow is the one definition of both).
import { Element } from 'domhandler';
import type { AnyNode, ChildNode, Document, ParentNode } from 'domhandler';
import { Parser, Tokenizer } from 'parse5';
import type { Token, TreeAdapterTypeMap, ParserOptions } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';

export interface PackedLink {
  href: string;
  /** The link's raw text (not yet collapsed). */
  text: string;
}
export interface PackedCell {
  tag: 'td' | 'th';
  /** The cell's text, whitespace collapsed. */
  text: string;
  colspan?: string;
  rowspan?: string;
  links: PackedLink[];
}

const isTag = (n: AnyNode): n is Element => n.type === 'tag';
// Runs of whitespace as one space. Most text needs no change but trimming: a test finds the
// rest (a character other than a space, or two spaces) more cheaply than a replace copies it.
const NEEDS_COLLAPSE = /[^\S ]|\u200b| {2}/;
export const collapse = (s: string) => (NEEDS_COLLAPSE.test(s) ? s.replace(/[\s\u00a0\u200b]+/g, ' ') : s).trim();

/** Text of a node and everything under it, in document order (walked by hand: no recursion). */
export function textOf(el: AnyNode): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isTag(n) || n.type === 'root') {
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/** Whether an element holds a `tag` element anywhere beneath it. */
function hasTag(el: Element, tag: string): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.tagName.toLowerCase() === tag) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/** Links (<a href>) inside an element, in document order. */
function linksIn(el: Element): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.tagName.toLowerCase() === 'a' && n.attribs.href !== undefined) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** A closed row, packed: it stands in the tree where its <tr> stood (the <tr> and its subtree let go). */
export interface PackedRow {
  type: 'packed-row';
  cells: PackedCell[];
  parent: ParentNode | null;
  prev: AnyNode | null;
  next: AnyNode | null;
}
export const isPackedRow = (n: unknown): n is PackedRow => (n as PackedRow).type === 'packed-row';
const NO_LINKS: PackedLink[] = [];

/** A row's cells (its own <td>/<th> children): packed at parse time, or read from the tree now. */
export function packRow(tr: Element | PackedRow): PackedCell[] {
  if (isPackedRow(tr)) return tr.cells;
  const cells: PackedCell[] = [];
  for (const td of tr.children) {
    if (!isTag(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
    cells.push({
      tag: td.tagName,
      text: collapse(textOf(td)),
      colspan: td.attribs.colspan,
      rowspan: td.attribs.rowspan,
      links: hasTag(td, 'a') ? linksIn(td).map((a) => ({ href: a.attribs.href, text: textOf(a) })) : NO_LINKS,
    });
  }
  return cells;
}

// Elements the reader looks for anywhere in the page (landmarks, headings, nested tables):
// a row holding one keeps its subtree.
const KEEP_TAGS = new Set(['table', 'h1', 'main', 'title']);

/** Whether a closed row can be packed: not inside a cell, and nothing in it the reader seeks elsewhere. */
function packable(tr: Element): boolean {
  for (let p = tr.parent; p; p = p.parent) if (isTag(p) && (p.tagName === 'td' || p.tagName === 'th')) return false;
  const stack: AnyNode[] = [...tr.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (KEEP_TAGS.has(n.tagName) || (n.attribs.role ?? '').toLowerCase() === 'main') return false;
    for (const c of n.children) stack.push(c);
  }
  return true;
}

/**
 * The element parse5-htmlparser2-tree-adapter makes, without its two per-element maps of each
 * attribute's namespace and prefix when no attribute has either (every attribute of an HTML
 * element): three prototype-less dictionaries an element became one (issue 17: ~4 µs a page of
 * the bench's ~100 µs parse). domhandler's `attributes` reads a missing map as all undefined, so
 * parse5 (getAttrList) and every reader of the tree see the same attributes either way.
 */
export function createElement(tagName: string, namespaceURI: string, attrs: Token.Attribute[]): Element {
  const attribs: Record<string, string> = Object.create(null);
  let plain = true;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    attribs[a.name] = a.value;
    if (a.namespace !== undefined || a.prefix !== undefined) plain = false;
  }
  const node = new Element(tagName, attribs, []);
  node.namespace = namespaceURI;
  if (!plain) setAttribMaps(node as unknown as AttribMaps, attrs);
  return node;
}

/** The adapter's per-attribute namespace and prefix maps, where an element has them. */
interface AttribMaps {
  'x-attribsNamespace'?: Record<string, string | undefined>;
  'x-attribsPrefix'?: Record<string, string | undefined>;
}

function setAttribMaps(node: AttribMaps, attrs: Token.Attribute[]): void {
  const ns: Record<string, string | undefined> = Object.create(null);
  const prefix: Record<string, string | undefined> = Object.create(null);
  for (const a of attrs) {
    ns[a.name] = a.namespace;
    prefix[a.name] = a.prefix;
  }
  node['x-attribsNamespace'] = ns;
  node['x-attribsPrefix'] = prefix;
}

/** The adapter's adoptAttributes (attributes of a second <html> or <body> tag), maps made where needed. */
export function adoptAttributes(recipient: Element, attrs: Token.Attribute[]): void {
  const node = recipient as unknown as AttribMaps;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    if (recipient.attribs[a.name] !== undefined) continue;
    recipient.attribs[a.name] = a.value;
    if (!node['x-attribsNamespace'] && (a.namespace !== undefined || a.prefix !== undefined)) {
      node['x-attribsNamespace'] = Object.create(null);
      node['x-attribsPrefix'] = Object.create(null);
    }
    if (node['x-attribsNamespace']) {
      node['x-attribsNamespace'][a.name] = a.namespace;
      node['x-attribsPrefix']![a.name] = a.prefix;
    }
  }
}

const packingAdapter = {
  ...adapter,
  createElement,
  adoptAttributes,
  onItemPop(node: AnyNode) {
    if (!isTag(node) || node.tagName !== 'tr' || !packable(node) || !node.parent) return;
    // Swap the row for its packed form: the parser is done with a closed row (formatting
    // elements stop at cells, stray content is fostered before the table), so nothing points at it.
    const kids = node.parent.children;
    const i = kids.lastIndexOf(node);
    if (i < 0) return;
    const row: PackedRow = { type: 'packed-row', cells: packRow(node), parent: node.parent, prev: node.prev, next: node.next };
    kids[i] = row as unknown as ChildNode;
    if (node.prev) node.prev.next = row as unknown as ChildNode;
    if (node.next) node.next.prev = row as unknown as ChildNode;
  },
};

/** The page parsed as cheerio parses it (parse5, scripting on), with its table rows packed. */
export function parsePacked(html: string): Document {
  return parseHtml(html, { treeAdapter: packingAdapter as typeof adapter, scriptingEnabled: true });
}

// parse5's tokenizer reads a page one code point at a time: each letter of a word costs a turn of
// its state machine and a string concatenation (a cons string per letter, flattened later by
// whoever reads the text). Its text and quoted-attribute-value states take every "plain" code
// point as itself, so after the tokenizer has taken one, the run of plain ones that follows is
// appended to the same token as one slice, and the tokenizer moves past it: the same tokens, the
// same tree (tests: serialised trees equal on open-ended markup), ~a third of the tokenizer's
// time on the bench's pages (issue 17). Plain: printable, not '<' or '&', no space, line break,
// NUL, surrogate, control character or noncharacter (none of which the preprocessor or the
// states treat specially; the quote closing an attribute value is left out there).
const plainText = (c: number) => (c > 0x20 && c < 0x7f && c !== 0x3c && c !== 0x26) || (c >= 0xa0 && c < 0xd800) || (c > 0xdfff && c < 0xfdd0);

/** The parse5 tokenizer's fields the fast path reads and moves (parse5 7.x). */
interface TokenizerState {
  preprocessor: { html: string; pos: number };
  currentCharacterToken: { chars: string } | null;
  currentAttr: { value: string };
  consumedAfterSnapshot: number;
}
type StateFn = (this: TokenizerState, cp: number) => void;

/** The end of the run of plain code units from `from` (`quote` ends it too; 0: none). */
function plainRunEnd(html: string, from: number, quote: number): number {
  let end = from;
  while (end < html.length) {
    const c = html.charCodeAt(end);
    if (c === quote || !(plainText(c) || (quote !== 0 && c === 0x20))) break;
    end++;
  }
  return end;
}

/** A text state (data, RCDATA, raw text, script data, plain text) that takes a plain run at once. */
function textRuns(base: StateFn): StateFn {
  return function (this: TokenizerState, cp: number) {
    base.call(this, cp);
    // The state emitted `cp` into the current character token (its default case): the run follows it.
    if (!plainText(cp) || this.currentCharacterToken === null) return;
    const pre = this.preprocessor;
    const end = plainRunEnd(pre.html, pre.pos + 1, 0);
    if (end === pre.pos + 1) return;
    this.currentCharacterToken.chars += pre.html.slice(pre.pos + 1, end);
    this.consumedAfterSnapshot += end - pre.pos - 1;
    pre.pos = end - 1;
  };
}

/** A quoted attribute value state that takes a plain run (spaces too, not its quote) at once. */
function valueRuns(base: StateFn, quote: number): StateFn {
  return function (this: TokenizerState, cp: number) {
    base.call(this, cp);
    if (cp === quote || !(plainText(cp) || cp === 0x20)) return;
    const pre = this.preprocessor;
    const end = plainRunEnd(pre.html, pre.pos + 1, quote);
    if (end === pre.pos + 1) return;
    this.currentAttr.value += pre.html.slice(pre.pos + 1, end);
    this.consumedAfterSnapshot += end - pre.pos - 1;
    pre.pos = end - 1;
  };
}

const TEXT_STATES = ['_stateData', '_stateRcdata', '_stateRawtext', '_stateScriptData', '_statePlaintext'] as const;
/** The states replaced on each parse, or null where this parse5 does not have them (then none is). */
const fastStates: Record<string, StateFn> | null = (() => {
  const proto = Tokenizer.prototype as unknown as Record<string, StateFn>;
  const names = [...TEXT_STATES, '_stateAttributeValueDoubleQuoted', '_stateAttributeValueSingleQuoted'];
  if (!names.every((n) => typeof proto[n] === 'function')) return null;
  // The fields the runs read and move, as parse5 7.x names them (another version: no runs, no guess).
  const t = new Parser({}).tokenizer as unknown as Partial<TokenizerState>;
  if (!('currentCharacterToken' in t && 'currentAttr' in t && typeof t.consumedAfterSnapshot === 'number' && typeof t.preprocessor?.pos === 'number' && typeof t.preprocessor.html === 'string')) return null;
  const out: Record<string, StateFn> = {};
  for (const n of TEXT_STATES) out[n] = textRuns(proto[n]);
  out._stateAttributeValueDoubleQuoted = valueRuns(proto._stateAttributeValueDoubleQuoted, 0x22);
  out._stateAttributeValueSingleQuoted = valueRuns(proto._stateAttributeValueSingleQuoted, 0x27);
  return out;
})();

/** Whether this parse5 has the states and fields the runs need (so parses take runs). */
export const tokenizerRuns = fastStates !== null;

/** parse5's parse (a whole document), its tokenizer taking runs of plain text at once unless `runs` is false. */
export function parseHtml<T extends TreeAdapterTypeMap>(html: string, options: ParserOptions<T>, runs = true): T['document'] {
  const parser = new Parser(options);
  if (runs && fastStates) Object.assign(parser.tokenizer, fastStates);
  parser.tokenizer.write(html, true);
  return parser.document;
}
