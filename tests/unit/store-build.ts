// A store filled the way `fetch` fills it (stored bytes → assembleDisclosure → upsert), for
// end-to-end tests of export, status, reparse and refresh (not a test file itself).
import { assembleDisclosure, type SourceDoc } from '../../src/pipeline/assemble.js';
import { Store, type SourceRef } from '../../src/store/store.js';

const enc = (s: string) => new TextEncoder().encode(s);

export const PAGES = [
  {
    url: 'https://foi.west-midlands.police.uk/officer-convictions-65a-24/',
    text: `Officer Convictions (65A/24)
Request
1. How many police officers have been convicted of a criminal offence since 1 January 2019?
2. How many of them are still serving?
Response
1. TWENTY one police officers were convicted.
2. Information is exempt under Section 40(2) of the Freedom of Information Act.
`,
    attachments: [
      { url: 'https://foi.west-midlands.police.uk/65A_24_attachment.csv', name: '65A_24_attachment.csv', text: 'Year,Officers convicted\r\n2019,3\r\n2020,5\r\n' },
      { url: 'https://foi.west-midlands.police.uk/65A_24_PIT.pdf', name: '65A_24_PIT.pdf', error: 'HTTP 404' },
    ],
  },
  {
    url: 'https://foi.west-midlands.police.uk/vetting-12b-23/',
    text: `Vetting Refusals (12B/23)
Request
Please state how many applicants failed vetting in 2022.
Response
The information is not held by West Midlands Police.
`,
    attachments: [],
  },
  {
    url: 'https://example.org/press/foi-survey',
    text: `Police officers with convictions
A Freedom of Information survey found that 150 serving officers have criminal convictions.
`,
    attachments: [],
  },
] as const;

/** Fills a store at `path` with PAGES as fetch would; returns the disclosure ids. */
export async function buildStore(path: string): Promise<string[]> {
  const store = Store.open(path);
  try {
    const run = store.startRun('fetch', { test: true });
    const ids: string[] = [];
    for (const p of PAGES) {
      const bytes = enc(p.text);
      const sha = store.putDocument(bytes, 'text/plain');
      const sources: SourceRef[] = [{ role: 'page', url: p.url, sha256: sha, contentType: 'text/plain' }];
      const docs: SourceDoc[] = [];
      for (const a of p.attachments) {
        if ('text' in a) {
          const b = enc(a.text);
          sources.push({ role: 'attachment', url: a.url, sha256: store.putDocument(b, 'text/csv'), contentType: 'text/csv', name: a.name });
          docs.push({ url: a.url, bytes: b, contentType: 'text/csv', name: a.name });
        } else {
          sources.push({ role: 'attachment', url: a.url, sha256: null, contentType: null, name: a.name, error: a.error });
          docs.push({ url: a.url, bytes: null, name: a.name, error: a.error });
        }
      }
      const d = await assembleDisclosure({ url: p.url, bytes, contentType: 'text/plain' }, docs, null);
      store.upsertDisclosure(d, sources, run);
      ids.push(d.id);
    }
    store.finishRun(run, { new: ids.length }, 'ok');
    return ids;
  } finally {
    store.close();
  }
}
