// `foi-harvest parse <input...>` — files or URLs → disclosures on stdout (json/ndjson) or CSV files.
import type { Command } from 'commander';
import { withOcrOption } from '../ocr-option.js';

interface ParseOptions {
  url?: string;
  force?: string;
  format: string;
  out?: string;
  excel?: boolean;
  explain?: boolean;
  formulaGuard?: boolean;
}

export function register(program: Command): void {
  withOcrOption(program.command('parse'))
    .description('turn disclosure documents (HTML, text, PDF, XLSX, CSV, DOCX files or http(s) URLs) into dataset rows')
    .argument('<input...>', 'files or http(s):// URLs')
    .option('--url <source-url>', 'where a local file came from (force detection and provenance); empty = unknown')
    .option('--force <id>', 'force id that overrides detection')
    .option('--format <format>', 'json | ndjson | csv', 'json')
    .option('--out <dir>', 'write files here (required for csv; json/ndjson default to stdout)')
    .option('--excel', 'CSV for Excel: UTF-8 BOM')
    .option('--explain', 'print each block of the document with its role (chrome, metadata, request, answer, refusal, boilerplate, signature, article …) instead of rows')
    .option('--overwrite', 'write into an --out directory that holds files foi-harvest did not write')
    .option('--no-formula-guard', 'CSV for machine pipelines: no apostrophe before text a spreadsheet would run as a formula (recorded in datapackage.json)')
    .action(async (inputs: string[], opts: ParseOptions) => {
      const { runParse } = await import('../parse-run.js');
      await runParse(inputs, opts);
    });
}
