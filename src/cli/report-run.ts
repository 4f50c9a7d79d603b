// The work behind `report`.
import { join } from 'node:path';
import { buildReport } from '../report/build.js';
import { openExistingStore } from '../store/open-existing.js';
import { reportFailure } from './errors.js';

export async function runReport(opts: { store: string; out: string }): Promise<void> {
  const store = openExistingStore(opts.store);
  try {
    const r = await buildReport(store, opts.out);
    process.stderr.write(`foi-harvest: report of ${r.disclosures} disclosure${r.disclosures === 1 ? '' : 's'} written to ${opts.out} (${r.files.length} pages); open ${join(opts.out, 'index.html')}\n`);
    if (r.unplaced) process.stderr.write(`foi-harvest: warning: ${r.unplaced} extracted rows could not be located in their stored sources (marked "not located" on their pages)\n`);
  } catch (e) {
    reportFailure(opts.out, e);
  } finally {
    store.close();
  }
}
