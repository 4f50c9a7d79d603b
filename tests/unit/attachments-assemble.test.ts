// A disclosure page with good and broken attachments, through the shared pipeline: broken
// attachments are rows with parsed=false and the reason, never a crash, and the disclosure
// (with the good attachment's figures and cases) is still produced and valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDisclosure } from '../../src/pipeline/assemble.js';
import { DisclosureSchema } from '../../src/records/schema.js';

const DIR = join(__dirname, '..', '..', 'fixtures', 'attachments');
const file = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const BASE = 'https://www.example-police.test/foi/officer-convictions';

const PAGE = `<!doctype html><html><head><title>Officer convictions</title></head><body><main>
<h1>Officer convictions</h1>
<p>Please find the response attached.</p>
<ul>
<li><a href="/files/table.pdf">Convictions table</a></li>
<li><a href="/files/officers.xlsx">Officer list</a></li>
</ul>
</main></body></html>`;

describe('assembleDisclosure with attachments', () => {
  it('reads good attachments and records broken ones with the reason', async () => {
    const d = await assembleDisclosure({ url: BASE, bytes: new TextEncoder().encode(PAGE), contentType: 'text/html' }, [
      { url: 'https://www.example-police.test/files/table.pdf', bytes: file('convictions-unruled.pdf'), name: 'Convictions table' },
      { url: 'https://www.example-police.test/files/officers.xlsx', bytes: file('officers.xlsx'), name: 'Officer list' },
      { url: 'https://www.example-police.test/files/secret.pdf', bytes: file('encrypted.pdf') },
      { url: 'https://www.example-police.test/files/cut.pdf', bytes: file('truncated.pdf') },
      { url: 'https://www.example-police.test/files/bomb.xlsx', bytes: file('zip-bomb.xlsx') },
      { url: 'https://www.example-police.test/files/bomb.docx', bytes: file('zip-bomb.docx') },
      { url: 'https://www.example-police.test/files/gone.pdf', bytes: null, error: 'HTTP 404' },
    ]);
    expect(DisclosureSchema.safeParse(d).success).toBe(true);
    const byUrl = Object.fromEntries(d.attachments.map((a) => [a.url.split('/').pop(), a]));
    expect(byUrl['table.pdf']).toMatchObject({ parsed: true, error: null, media_type: 'application/pdf', pages: 1 });
    expect(byUrl['officers.xlsx']).toMatchObject({ parsed: true, error: null, media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(byUrl['secret.pdf']).toMatchObject({ parsed: false, error: 'encrypted PDF (password required)' });
    expect(byUrl['cut.pdf']).toMatchObject({ parsed: false });
    expect(byUrl['cut.pdf'].error).toMatch(/^corrupt PDF \(/);
    expect(byUrl['bomb.xlsx']).toMatchObject({ parsed: false, error: 'XLSX refused: zip entry xl/worksheets/sheet1.xml declares 4294967280 bytes from 35 (zip bomb?)' });
    expect(byUrl['bomb.docx']).toMatchObject({ parsed: false, error: 'DOCX refused: zip entry word/document.xml declares 4294967280 bytes from 35 (zip bomb?)' });
    expect(byUrl['gone.pdf']).toMatchObject({ parsed: false, error: 'HTTP 404', sha256: null });

    // The good attachments' rows are in the disclosure, tied to it and to the attachment's bytes.
    const tableFigures = d.figures.filter((f) => f.locator.startsWith('pdf:'));
    expect(tableFigures).toHaveLength(28);
    expect(tableFigures.every((f) => f.sha256 === byUrl['table.pdf'].sha256 && f.disclosure_id === d.id)).toBe(true);
    expect(d.cases.filter((c) => c.locator.startsWith('xlsx:')).map((c) => c.offence)).toEqual([
      'Assault',
      'Drink driving',
      'Shoplifting',
      'Possession of a class A drug',
      'Making indecent images of children',
    ]);
    expect(JSON.stringify(d)).not.toMatch(/Testperson|Fictional|Madeup|Notreal|Invented|14\/02\/1981/);
    // Each broken attachment is a warning naming it.
    for (const name of ['secret.pdf', 'cut.pdf', 'bomb.xlsx', 'bomb.docx', 'gone.pdf']) {
      expect(d.warnings.some((w) => w.includes(name))).toBe(true);
    }
  });
});

// A page without attachments: what fetch and reparse store is exactly what parse gives (the
// second schema check and redaction pass only run when attachment rows were added).
describe('assembleDisclosure without attachments', () => {
  const ROOT = join(__dirname, '..', '..', 'fixtures');
  it.each([
    ['parse/dismissals.html', 'https://www.example-police.test/foi/dismissals'],
    ['sites/single-online-home-metropolitan/foi-ai/metropolitan-police/disclosure-2024/april-2024/stop-and-search-by-ethnicity/index.html', 'https://www.met.police.uk/foi-ai/metropolitan-police/disclosure-2024/april-2024/stop-and-search-by-ethnicity/'],
    ['sites/single-online-home-metropolitan/foi-ai/metropolitan-police/disclosure-2024/september-2024/gross-misconduct-hearings-and-outcomes/index.html', null],
  ])('%s is the record parse gives', async (rel, url) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, rel)));
    const { parseDocument } = await import('../../src/pipeline/parse.js');
    const page = url ?? `https://www.example-police.test/${rel}`;
    const assembled = await assembleDisclosure({ url: page, bytes, contentType: 'text/html' }, []);
    expect(DisclosureSchema.safeParse(assembled).success).toBe(true);
    expect(assembled).toEqual(await parseDocument({ bytes, url: page, contentType: 'text/html' }));
  });
});
