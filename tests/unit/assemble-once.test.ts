// assembleDisclosure checks and redacts a record with attachments once, whole (issue 17), where it
// used to check and redact the page's record first and then the whole record again. The two are
// the same rows exactly when validateDisclosure is idempotent: a checked, redacted record is a
// fixed point of it. Both are asserted here on every fixture page, with personal data on the page,
// in a link's name and in the attachments.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAttachment, assembleDisclosure, type SourceDoc } from '../../src/pipeline/assemble.js';
import { parseDocument, validateDisclosure } from '../../src/pipeline/parse.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const walk = (d: string, acc: string[] = []): string[] => {
  for (const f of readdirSync(d).sort()) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p, acc);
    else if (/\.(html?|txt)$/.test(f)) acc.push(p);
  }
  return acc;
};
const PAGES = walk(FIXTURES).filter((p) => !p.includes('/broken/') || /privacy|csv-injection|wrong-charset/.test(p));
const bytes = (p: string) => new Uint8Array(readFileSync(p));
const ATTACHMENTS: SourceDoc[] = [
  { url: 'https://www.example-police.test/files/convictions.csv', bytes: bytes(join(FIXTURES, 'attachments', 'convictions.csv')), contentType: 'text/csv', name: 'Data (CSV) prepared by PC John Smith' },
  { url: 'https://www.example-police.test/files/officers.xlsx', bytes: bytes(join(FIXTURES, 'attachments', 'officers.xlsx')), name: 'Officer list' },
  { url: 'https://www.example-police.test/files/gone.pdf', bytes: null, error: 'HTTP 404', name: 'Letter to Mrs Jane Doe' },
];
const PERSONAL_PAGE = `<!doctype html><html><head><title>Complaint about DC Peter Jones</title></head><body><main>
<h1>Complaint about DC Peter Jones</h1><p>Reference: 012/2025</p>
<p>Request: how many complaints were made about Sergeant Mary Brown, born 12/03/1975, aged 49?</p>
<p>Response: 3 complaints were recorded about the officer.</p>
<ul><li><a href="/files/convictions.csv">Data (CSV) prepared by PC John Smith</a></li><li><a href="/files/gone.pdf">Letter to Mrs Jane Doe</a></li></ul>
</main></body></html>`;

/** What assembleDisclosure returned before: the page's checked record, attachment rows added, checked again. */
async function twoPass(page: SourceDoc & { bytes: Uint8Array }, atts: SourceDoc[]) {
  const d = await parseDocument({ bytes: page.bytes, url: page.url, contentType: page.contentType, force: null });
  for (const a of atts) await addAttachment(d, a);
  return validateDisclosure(d);
}

describe('assembleDisclosure checks and redacts once', () => {
  it('a page with personal data: the same rows as checking the page first, and nothing personal left', async () => {
    const page = { url: 'https://www.example-police.test/foi/complaint-012', bytes: new TextEncoder().encode(PERSONAL_PAGE), contentType: 'text/html' };
    const once = await assembleDisclosure(page, ATTACHMENTS);
    expect(once).toEqual(await twoPass(page, ATTACHMENTS));
    expect(JSON.stringify(once)).not.toMatch(/Peter Jones|Mary Brown|John Smith|Jane Doe|12\/03\/1975/);
    expect(once.attachments.map((a) => [a.ordinal, a.name, a.parsed])).toEqual([
      [1, 'Data (CSV) prepared by PC [redacted]', true],
      [2, 'Letter to Mrs [redacted]', false],
      [3, 'Officer list', true],
    ]);
  });

  it.each(PAGES.map((p) => [p.slice(FIXTURES.length + 1), p]))('%s: a checked record is a fixed point of the check, and once = twice', async (_name, p) => {
    const url = 'https://www.example-police.test/foi/' + p.split('/').pop();
    const d = await parseDocument({ bytes: bytes(p), url, contentType: null, force: null });
    expect(validateDisclosure(structuredClone(d))).toEqual(d);
    const page = { url, bytes: bytes(p), contentType: null };
    expect(await assembleDisclosure(page, ATTACHMENTS)).toEqual(await twoPass(page, ATTACHMENTS));
  });
});
