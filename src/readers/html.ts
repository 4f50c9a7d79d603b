// HTML → blocks, tables and links. Site furniture (navigation, cookie banners,
// "Quickly exit this site" bars, skip links, footers) is dropped so that extractors
// see only the disclosure; block structure is kept because extractors lean on it.
import { takeKeptRoot } from './html-tree.js';
import { collapse, isPackedRow, packRow, parsePacked, textOf, type PackedRow } from './html-rows.js';
import type { AnyNode, Element } from 'domhandler';
import type { Block, Cell, Link, ReadResult, Table } from './types.js';

const DROP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'nav', 'footer', 'form', 'button', 'select', 'input', 'object', 'embed', 'canvas', 'head']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'figure', 'figcaption', 'details', 'summary', 'hr', 'body', 'html', 'center',
]);
const FURNITURE = /(^|[\s_-])(cookie|cookies|skip|exit-site|quick-exit|quickexit|leave-site|breadcrumbs?|site-header|site-footer|masthead|banner|menu|navbar|share|social|feedback|beta-banner|phase-banner)([\s_-]|$)/i;
const FURNITURE_TEXT = /^(skip to (main )?content|quickly exit this site|leave this site|exit this site)/i;
const MAX_DEPTH = 400;
/** Text that collapse (html-rows.ts) turns into nothing: its whitespace, NBSP and zero-width space only. */
export const BLANK_TEXT = /^[\s\u00a0\u200b]*$/;

const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog']);

function isFurniture(el: Element): boolean {
  const a = el.attribs ?? {};
  if (a.role !== undefined && FURNITURE_ROLES.has(a.role.toLowerCase())) return true;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (!a.id && !a.class) return false; // most elements: nothing for the pattern to find
  const idClass = `${a.id ?? ''} ${a.class ?? ''}`;
  return FURNITURE.test(idClass);
}

const isTag = (n: AnyNode): n is Element => n.type === 'tag';

/** A table's own rows (directly or in thead/tbody/tfoot), not those of tables nested in its cells. */
function ownRows(table: Element): Array<Element | PackedRow> {
  const rows: Array<Element | PackedRow> = [];
  const isRow = (c: AnyNode) => isPackedRow(c) || (isTag(c) && c.tagName.toLowerCase() === 'tr');
  for (const child of table.children) {
    if (isRow(child)) rows.push(child as Element | PackedRow);
    else if (!isTag(child)) continue;
    // A loop, not a spread: a body of 500k rows would overflow the stack as arguments.
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName.toLowerCase())) for (const c of child.children) if (isRow(c)) rows.push(c as Element | PackedRow);
  }
  return rows;
}

/** Whether an h1 stands inside `el` (walked by hand, for the same reason). */
function hasH1(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.tagName.toLowerCase() === 'h1') return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Tags a parser closes by itself when the next one opens: left open in sloppy pages, so not counted as nesting.
const SELF_CLOSING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
/** Tags nested deeper than this are dropped (their text kept) before parsing: parse5 slows quadratically with depth. */
export const MAX_MARKUP_DEPTH = 1000;

/**
 * The markup with every tag nested deeper than `limit` removed, text kept; the same string
 * when nothing is that deep. One linear pass, so a hostile page nested 100k deep parses in
 * about the time of a flat one (the reader skips content that deep anyway, with a warning).
 */
export function flattenDeepMarkup(html: string, limit = MAX_MARKUP_DEPTH): string {
  // Nesting deeper than `limit` needs more than `limit` opening tags of at least three characters
  // ("<b>"): a shorter text is returned as it is, unread (most pages are).
  if (html.length <= 3 * limit) return html;
  // It needs more than `limit` tags: most pages have fewer "<" than that.
  let opens = 0;
  for (let at = html.indexOf('<'); at >= 0 && opens <= limit; at = html.indexOf('<', at + 1)) opens++;
  if (opens <= limit) return html;
  const re = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  let last = 0;
  let out: string[] | null = null;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2].toLowerCase();
    if (m[3] || VOID_TAGS.has(name) || SELF_CLOSING.has(name)) continue;
    const closing = m[1] === '/';
    const level = closing ? depth : depth + 1;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (level <= limit) continue;
    out ??= [];
    out.push(html.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (!out) return html;
  out.push(html.slice(last));
  return out.join('');
}

// The tree is walked by hand below, never with cheerio's selectors or .text(): domutils'
// search is quadratic in depth and its text() recursive, so a page nested 100k deep would
// take minutes or overflow the stack.

/** The first <main> (or role=main), <body>, <h1> and <title> in document order. */
function landmarks(root: AnyNode): { main?: Element; body?: Element; h1?: Element; title?: Element } {
  const out: { main?: Element; body?: Element; h1?: Element; title?: Element } = {};
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isTag(n)) {
      const tag = n.tagName.toLowerCase();
      if (!out.main && (tag === 'main' || (n.attribs.role ?? '').toLowerCase() === 'main')) out.main = n;
      else if (!out.body && tag === 'body') out.body = n;
      else if (!out.h1 && tag === 'h1') out.h1 = n;
      else if (!out.title && tag === 'title') out.title = n;
    }
    const kids = (n as Element).children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

export function readHtml(html: string, baseUrl?: string | null): ReadResult {
  const markup = flattenDeepMarkup(html);
  // The crawler's parse of this page when it kept one, else a parse that packs table rows as they close.
  const doc = takeKeptRoot(markup) ?? parsePacked(markup);
  const blocks: Block[] = [];
  const tables: Table[] = [];
  const links: Link[] = [];
  const warnings: string[] = [];
  let text = '';
  let buf = '';
  let kind: Block['kind'] = 'paragraph';

  const emit = (s: string, k: Block['kind']): { start: number; end: number } | null => {
    const body = collapse(s);
    if (!body || FURNITURE_TEXT.test(body)) return null;
    if (text) text += '\n';
    const start = text.length;
    text += body;
    const end = text.length;
    blocks.push({ kind: k, text: body, start, end, locator: `char:${start}-${end}` });
    return { start, end };
  };
  const flush = () => {
    if (buf) emit(buf, kind);
    buf = '';
  };

  const readTable = (table: Element) => {
    flush();
    const rows: Cell[][] = [];
    const tIndex = tables.length + 1;
    // A slot is a cell before its place in the text is known; `r`/`c` name it where it has no text.
    type Slot = { text: string; r: number; c: number; colspan: number; rowspan: number };
    const spans: Map<number, { cell: Slot; left: number }> = new Map();
    let headerRows = 0;
    let sawData = false;
    const tableStart = text.length + (text ? 1 : 0);
    ownRows(table).forEach((tr, r) => {
      const slots: Slot[] = [];
      let col = 0;
      const takeSpans = () => {
        while (spans.has(col)) {
          const s = spans.get(col)!;
          slots.push(s.cell);
          if (--s.left <= 0) spans.delete(col);
          col++;
        }
      };
      const tds = packRow(tr);
      const allTh = tds.length > 0 && tds.every((c) => c.tag === 'th');
      for (const td of tds) {
        takeSpans();
        const colspan = Math.min(Math.max(Number(td.colspan) || 1, 1), 50);
        const rowspan = Math.min(Math.max(Number(td.rowspan) || 1, 1), 500);
        const first: Slot = { text: td.text, r: r + 1, c: col + 1, colspan, rowspan };
        for (let k = 0; k < colspan; k++) {
          slots.push(k ? { ...first, c: col + 1 } : first);
          if (rowspan > 1) spans.set(col, { cell: first, left: rowspan - 1 });
          col++;
        }
        for (const l of td.links) addLink(l.href, l.text);
      }
      takeSpans();
      if (!slots.length) return;
      if (allTh && !sawData) headerRows++;
      else sawData = true;
      // The row as one line of text, so char: locators and prose readers see it. The line is
      // built on its own: slicing it back out of `text` would flatten the whole text per row
      // (quadratic time and memory on a large page). Locators and the line are joined from
      // parts: a template literal or += leaves a tree of string pieces (~250 bytes a locator).
      if (text) text += '\n';
      const lineStart = text.length;
      const parts: string[] = [];
      let len = 0;
      const cells: Cell[] = slots.map((s, i) => {
        if (i) {
          parts.push(' | ');
          len += 3;
        }
        const start = lineStart + len;
        parts.push(s.text);
        len += s.text.length;
        const end = lineStart + len;
        const locator = s.text ? ['char:', start, '-', end].join('') : `html:t${tIndex}:r${s.r}:c${s.c}`;
        return { text: s.text, locator, colspan: s.colspan, rowspan: s.rowspan, start, end };
      });
      const line = parts.join('');
      text += line;
      const lineEnd = text.length;
      blocks.push({ kind: 'table_row', text: line, start: lineStart, end: lineEnd, locator: ['char:', lineStart, '-', lineEnd].join('') });
      rows.push(cells);
    });
    if (rows.length) {
      const caption = collapse(table.children.filter(isTag).filter((c) => c.tagName === 'caption').map(textOf).join('')) || undefined;
      tables.push({ locator: `html:t${tIndex}`, rows, headerRows: headerRows || undefined, start: tableStart, end: text.length, caption });
    }
  };

  const addLink = (rawHref: string | undefined, rawText: string) => {
    const href = (rawHref ?? '').trim();
    if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return;
    let url = href;
    try {
      url = new URL(href, baseUrl ?? undefined).toString();
    } catch {
      if (!baseUrl) url = href;
      else return;
    }
    const name = collapse(rawText) || decodeURIComponent(href.split('/').pop() ?? href);
    links.push({ url, name, locator: `html:a${links.length + 1}` });
  };

  const walk = (node: AnyNode, depth: number) => {
    if (depth > MAX_DEPTH) {
      if (!warnings.length) warnings.push(`HTML nested deeper than ${MAX_DEPTH} levels; deeper content skipped`);
      return;
    }
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      // Whitespace before a block's first text is what collapse trims: not kept (most text
      // nodes of a page are the indentation between its tags, issue 17).
      if (buf === '' && BLANK_TEXT.test(data)) return;
      buf += data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const tag = el.type === 'tag' ? el.tagName.toLowerCase() : 'root';
    if (tag !== 'root') {
      if (DROP_TAGS.has(tag)) return;
      if (tag === 'header' && !hasH1(el)) return;
      if (isFurniture(el)) return;
      if (tag === 'table') return readTable(el);
      if (tag === 'br') {
        flush();
        return;
      }
      if (tag === 'a') addLink(el.attribs.href, textOf(el));
    }
    const isBlock = BLOCK_TAGS.has(tag);
    const prevKind = kind;
    if (isBlock) {
      flush();
      if (tag.length === 2 && tag[0] === 'h' && tag[1] >= '1' && tag[1] <= '6') kind = 'heading';
      else if (tag === 'li') kind = 'list_item';
      else if (tag === 'p' || tag === 'div') kind = kind === 'list_item' ? 'list_item' : 'paragraph';
    }
    for (const child of el.children ?? []) walk(child, depth + 1);
    if (isBlock) {
      flush();
      kind = prevKind;
    }
  };

  // Read only the main content where the page marks it; the h1 may sit outside it.
  const found = landmarks(doc);
  const root = found.main ?? found.body ?? doc;
  if (found.main && found.h1 && !hasH1(found.main)) walk(found.h1, 0);
  walk(root as AnyNode, 0);
  flush();

  const title = collapse(found.h1 ? textOf(found.h1) : '') || collapse(found.title ? textOf(found.title) : '') || null;
  return { mediaType: 'text/html', text, blocks, tables, links, title, warnings };
}
