// HTML → blocks, tables and links. Site furniture (navigation, cookie banners,
// "Quickly exit this site" bars, skip links, footers) is dropped so that extractors
// see only the disclosure; block structure is kept because extractors lean on it.
import * as cheerio from 'cheerio';
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

const collapse = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

function isFurniture(el: Element): boolean {
  const a = el.attribs ?? {};
  const role = (a.role ?? '').toLowerCase();
  if (['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog'].includes(role)) return true;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  const idClass = `${a.id ?? ''} ${a.class ?? ''}`;
  return FURNITURE.test(idClass);
}

export function readHtml(html: string, baseUrl?: string | null): ReadResult {
  const $ = cheerio.load(html);
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
    const spans: Map<number, { cell: Cell; left: number }> = new Map();
    let headerRows = 0;
    let sawData = false;
    const tableStart = text.length + (text ? 1 : 0);
    $(table)
      .find('tr')
      .filter((_, tr) => $(tr).closest('table').get(0) === table)
      .each((r, tr) => {
        const cells: Cell[] = [];
        let col = 0;
        const takeSpans = () => {
          while (spans.has(col)) {
            const s = spans.get(col)!;
            cells.push({ ...s.cell });
            if (--s.left <= 0) spans.delete(col);
            col++;
          }
        };
        const tds = $(tr).children('td,th').toArray() as Element[];
        const allTh = tds.length > 0 && tds.every((c) => c.tagName === 'th');
        for (const td of tds) {
          takeSpans();
          const t = collapse($(td).text());
          const colspan = Math.min(Math.max(Number(td.attribs.colspan) || 1, 1), 50);
          const rowspan = Math.min(Math.max(Number(td.attribs.rowspan) || 1, 1), 500);
          const cell: Cell = { text: t, locator: `html:t${tIndex}:r${r + 1}:c${col + 1}`, colspan, rowspan };
          for (let k = 0; k < colspan; k++) {
            cells.push({ ...cell, locator: `html:t${tIndex}:r${r + 1}:c${col + 1}` });
            if (rowspan > 1) spans.set(col, { cell, left: rowspan - 1 });
            col++;
          }
          $(td)
            .find('a[href]')
            .each((_, a) => addLink(a as Element));
        }
        takeSpans();
        if (!cells.length) return;
        if (allTh && !sawData) headerRows++;
        else sawData = true;
        // The row as one line of text, so char: locators and prose readers see it.
        if (text) text += '\n';
        const lineStart = text.length;
        cells.forEach((c, i) => {
          if (i) text += ' | ';
          c.start = text.length;
          text += c.text;
          c.end = text.length;
          c.locator = c.text ? `char:${c.start}-${c.end}` : c.locator;
        });
        const lineEnd = text.length;
        blocks.push({ kind: 'table_row', text: text.slice(lineStart, lineEnd), start: lineStart, end: lineEnd, locator: `char:${lineStart}-${lineEnd}` });
        rows.push(cells);
      });
    if (rows.length) {
      const caption = collapse($(table).children('caption').text()) || undefined;
      tables.push({ locator: `html:t${tIndex}`, rows, headerRows: headerRows || undefined, start: tableStart, end: text.length, caption });
    }
  };

  const addLink = (a: Element) => {
    const href = (a.attribs.href ?? '').trim();
    if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return;
    let url = href;
    try {
      url = new URL(href, baseUrl ?? undefined).toString();
    } catch {
      if (!baseUrl) url = href;
      else return;
    }
    const name = collapse($(a).text()) || decodeURIComponent(href.split('/').pop() ?? href);
    links.push({ url, name, locator: `html:a${links.length + 1}` });
  };

  const walk = (node: AnyNode, depth: number) => {
    if (depth > MAX_DEPTH) {
      if (!warnings.length) warnings.push(`HTML nested deeper than ${MAX_DEPTH} levels; deeper content skipped`);
      return;
    }
    if (node.type === 'text') {
      buf += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const tag = el.type === 'tag' ? el.tagName.toLowerCase() : 'root';
    if (tag !== 'root') {
      if (DROP_TAGS.has(tag)) return;
      if (tag === 'header' && !$(el).find('h1').length) return;
      if (isFurniture(el)) return;
      if (tag === 'table') return readTable(el);
      if (tag === 'br') {
        flush();
        return;
      }
      if (tag === 'a') addLink(el);
    }
    const isBlock = BLOCK_TAGS.has(tag);
    const prevKind = kind;
    if (isBlock) {
      flush();
      if (/^h[1-6]$/.test(tag)) kind = 'heading';
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
  const main = $('main, [role=main]').first();
  const root = main.length ? main.get(0)! : ($('body').get(0) ?? $.root().get(0)!);
  const h1 = $('h1').first();
  if (main.length && h1.length && !main.find('h1').length) walk(h1.get(0)!, 0);
  walk(root as AnyNode, 0);
  flush();

  const title = collapse(h1.text()) || collapse($('title').first().text()) || null;
  return { mediaType: 'text/html', text, blocks, tables, links, title, warnings };
}
