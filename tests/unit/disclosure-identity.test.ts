// Pages that share a reference (a response and its internal review, a reissue, a listing of
// many pages under one number) are different disclosures: each keeps its own row, and
// storing them again changes nothing. Ids are formed as the README says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/documents/hash.js';
import { disclosureId } from '../../src/extract/disclosure.js';
import { assembleDisclosure } from '../../src/pipeline/assemble.js';
import { parseDocument } from '../../src/pipeline/parse.js';
import { Store } from '../../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const enc = (s: string) => new TextEncoder().encode(s);

const RESPONSE = `Officer Convictions (65A/24)
Request
How many police officers were convicted of a criminal offence in 2023?
Response
Seven officers were convicted in 2023.
`;
const REVIEW = `Officer Convictions (65A/24)
Internal review
Request
How many police officers were convicted of a criminal offence in 2023?
Response
Following an internal review, 8 officers were convicted in 2023.
`;
const BASE = 'https://foi.west-midlands.police.uk';

/** Stores pages as fetch does (one upsert per page) and returns what each upsert said. */
async function storeAll(store: Store, pages: Array<{ url: string; text: string }>): Promise<string[]> {
  const run = store.startRun('fetch', {});
  const results: string[] = [];
  for (const p of pages) {
    const bytes = enc(p.text);
    const sha = store.putDocument(bytes, 'text/plain');
    const d = await assembleDisclosure({ url: p.url, bytes, contentType: 'text/plain' }, [], null);
    results.push(store.upsertDisclosure(d, [{ role: 'page', url: p.url, sha256: sha, contentType: 'text/plain' }], run));
  }
  store.finishRun(run, {}, 'ok');
  return results;
}

describe('two pages with one reference', () => {
  const pages = [
    { url: `${BASE}/officer-convictions-65a-24/`, text: RESPONSE },
    { url: `${BASE}/officer-convictions-65a-24-internal-review/`, text: REVIEW },
  ];

  it('are two disclosures, both kept, each with its own figures', async () => {
    const store = Store.open(join(dir, 'two.db'));
    expect(await storeAll(store, pages)).toEqual(['new', 'new']);
    const ds = store.disclosures({});
    expect(ds).toHaveLength(2);
    expect(ds.map((d) => d.reference)).toEqual(['65A/24', '65A/24']);
    expect(new Set(ds.map((d) => d.id)).size).toBe(2);
    const byUrl = Object.fromEntries(ds.map((d) => [d.url, d.figures.map((f) => f.value)]));
    expect(byUrl).toEqual({ [pages[0].url]: [7], [pages[1].url]: [8] });
    // The next night: nothing flips.
    expect(await storeAll(store, pages)).toEqual(['unchanged', 'unchanged']);
    store.close();
  });
});

describe('a listing of 1,000 pages sharing a reference', () => {
  it('gives 1,000 new disclosures, then 1,000 unchanged', async () => {
    const store = Store.open(join(dir, 'many.db'));
    const pages = Array.from({ length: 1000 }, (_, i) => ({ url: `${BASE}/disclosure-log/item-${i}/`, text: `Stop and search (FOI 2024/001)\nResponse\n${i + 1} searches were recorded.\n` }));
    const first = await storeAll(store, pages);
    expect(first.filter((r) => r === 'new')).toHaveLength(1000);
    expect(store.disclosures({})).toHaveLength(1000);
    const second = await storeAll(store, pages);
    expect(second.filter((r) => r === 'unchanged')).toHaveLength(1000);
    store.close();
  }, 120_000);
});

describe('how ids are formed', () => {
  it('a reference and a URL: <force>/<reference slug>-<first 8 hex of sha256(path and query)>', () => {
    const url = `${BASE}/officer-convictions-65a-24/?page=2`;
    expect(disclosureId('west-midlands', '65A/24', url, 'ff')).toBe(`west-midlands/65a-24-${sha256Hex('/officer-convictions-65a-24/?page=2').slice(0, 8)}`);
  });

  it('the same page on a mirror, over http or on another host of the force keeps its id', () => {
    const a = disclosureId('west-midlands', '65A/24', `${BASE}/officer-convictions-65a-24/`, 'ff');
    expect(disclosureId('west-midlands', '65A/24', 'http://127.0.0.1:8123/officer-convictions-65a-24/', 'ff')).toBe(a);
    expect(disclosureId('west-midlands', '65A/24', 'http://www.west-midlands.police.uk/officer-convictions-65a-24/', 'ff')).toBe(a);
  });

  it('a reference and no URL (parse of a local file): <force>/<reference slug>', async () => {
    expect(disclosureId(null, '65A/24', null, 'ff')).toBe('unknown/65a-24');
    const d = await parseDocument({ bytes: enc(RESPONSE), name: 'response.txt', force: 'west-midlands' });
    expect(d.id).toBe('west-midlands/65a-24');
  });

  it('no reference: <force>/u-<first 12 hex of sha256(url, or the content)>', () => {
    expect(disclosureId('essex', null, 'https://www.essex.police.uk/x', 'ab')).toBe(`essex/u-${sha256Hex('https://www.essex.police.uk/x').slice(0, 12)}`);
    expect(disclosureId(null, null, null, 'abc')).toBe(`unknown/u-${sha256Hex('abc').slice(0, 12)}`);
  });
});
