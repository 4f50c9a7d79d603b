// Plain text: every non-blank line is a block; offsets point into the text as given,
// so a `char:` locator can be checked against the original file.
import type { Block, ReadResult } from './types.js';

export function linesToBlocks(text: string, kind: Block['kind'] = 'line'): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body || /^[\s\u00a0]*$/.test(body)) continue;
    const start = m.index + lead;
    const end = start + body.length;
    blocks.push({ kind, text: body, start, end, locator: `char:${start}-${end}` });
  }
  return blocks;
}

export function readText(text: string, mediaType: 'text/plain' | 'text/csv' = 'text/plain'): ReadResult {
  // NUL bytes are never meaningful in a disclosure and break SQLite text and CSV readers.
  const clean = text.replace(/\u0000/g, ' ');
  return { mediaType, text: clean, blocks: linesToBlocks(clean), tables: [], links: [], title: null, warnings: [] };
}
