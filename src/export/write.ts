// Placeholder export writer until the export issue lands: json and ndjson only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Disclosure } from '../records/schema.js';

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'sqlite';

export async function writeExport(disclosures: readonly Disclosure[], opts: { out: string; formats: ExportFormat[]; excel?: boolean }): Promise<void> {
  await mkdir(opts.out, { recursive: true });
  for (const f of opts.formats) {
    if (f === 'json') await writeFile(join(opts.out, 'disclosures.json'), JSON.stringify(disclosures, null, 2) + '\n');
    else if (f === 'ndjson') await writeFile(join(opts.out, 'disclosures.ndjson'), disclosures.map((d) => JSON.stringify(d)).join('\n') + '\n');
    else throw new Error(`export format ${f} is not implemented yet`);
  }
}
