// The work behind `parse`: each input on its own, so one bad input never stops the rest.
import { basename } from 'node:path';
import { readRegularFile } from '../files/read-file.js';
import { explainDocument, parseDocument } from '../pipeline/parse.js';
import type { Disclosure } from '../records/schema.js';
import { findForce } from '../sources/registry.js';
import { UsageError, reportFailure } from './errors.js';

const FORMATS = ['json', 'ndjson', 'csv'];

export async function runParse(
  inputs: string[],
  opts: { url?: string; force?: string; format: string; out?: string; excel?: boolean; formulaGuard?: boolean; overwrite?: boolean; explain?: boolean },
): Promise<void> {
  if (!FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${opts.format}")`);
  if (opts.format === 'csv' && !opts.out) throw new UsageError('--format csv writes one file per table: give --out <dir>');
  let force: string | null = null;
  if (opts.force) {
    const f = findForce(opts.force);
    if (!f) throw new UsageError(`--force: unknown force "${opts.force}" (see foi-harvest forces)`);
    force = f.id;
  }
  if (opts.url && inputs.length > 1) throw new UsageError('--url names the source of one file: give one input with it');
  const results: Disclosure[] = [];
  for (const input of inputs) {
    try {
      let bytes: Uint8Array;
      let url: string | null = opts.url || null;
      let contentType: string | null = null;
      if (/^https?:\/\//i.test(input)) {
        const { getOnce } = await import('../http/get-once.js'); // the HTTP stack only for URLs
        const got = await getOnce(input);
        bytes = got.bytes;
        url = got.url;
        contentType = got.contentType;
      } else {
        // Only regular files, with the byte cap counted while reading (not a device, not a FIFO).
        bytes = await readRegularFile(input);
      }
      if (opts.explain) {
        // Each block with its role, so a wrong field can be traced to a wrong segment.
        process.stdout.write(`== ${input}\n${await explainDocument({ bytes, url, name: url ?? basename(input), contentType, force })}`);
        continue;
      }
      results.push(await parseDocument({ bytes, url, name: url ?? basename(input), contentType, force }));
    } catch (err) {
      reportFailure(input, err);
    }
  }
  if (opts.explain) return;
  if (opts.out) {
    const { writeExport } = await import('../export/write.js');
    const { OutDirError } = await import('../export/atomic.js');
    await writeExport(results, { out: opts.out, formats: [opts.format as 'json' | 'ndjson' | 'csv'], excel: opts.excel, formulaGuard: opts.formulaGuard, overwrite: opts.overwrite }).catch((e: unknown) => {
      throw e instanceof OutDirError ? new UsageError(e.message) : e;
    });
    return;
  }
  // In pieces: one big table's JSON can pass V8's string limit (src/cli/json-out.ts).
  const { jsonChunks, writeChunks } = await import('./json-out.js');
  if (opts.format === 'ndjson') await writeChunks(process.stdout, (function* () { for (const d of results) { yield* jsonChunks(d, 0); yield '\n'; } })());
  else await writeChunks(process.stdout, (function* () { yield* jsonChunks(results, 2); yield '\n'; })());
}
