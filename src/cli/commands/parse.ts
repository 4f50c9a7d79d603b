// `foi-harvest parse <input...>` — files or URLs → disclosures on stdout (json/ndjson) or CSV files.
import type { Command } from 'commander';
import { configureOcr } from '../../readers/ocr/config.js';
import { OCR_MODES, type OcrMode } from '../../readers/ocr/types.js';
import { OCR_DEFAULT, OCR_FLAGS, withOcrOption } from '../ocr-option.js';

export interface ParseOptions {
  url?: string;
  force?: string;
  format: string;
  out?: string;
  excel?: boolean;
  explain?: boolean;
  overwrite?: boolean;
  formulaGuard?: boolean;
  ocr: OcrMode;
}

/** The options, once: commander is given them, and so is the quick reading of plain arguments below. */
const OPTIONS: Array<[flags: string, description: string, defaultValue?: string]> = [
  ['--url <source-url>', 'where a local file came from (force detection and provenance); empty = unknown'],
  ['--force <id>', 'force id that overrides detection'],
  ['--format <format>', 'json | ndjson | csv', 'json'],
  ['--out <dir>', 'write files here (required for csv; json/ndjson default to stdout)'],
  ['--excel', 'CSV for Excel: UTF-8 BOM'],
  ['--explain', 'print each block of the document with its role (chrome, metadata, request, answer, refusal, boilerplate, signature, article …) instead of rows'],
  ['--overwrite', 'write into an --out directory that holds files foi-harvest did not write'],
  ['--no-formula-guard', 'CSV for machine pipelines: no apostrophe before text a spreadsheet would run as a formula (recorded in datapackage.json)'],
];

export function register(program: Command): void {
  const cmd = withOcrOption(program.command('parse'))
    .description('turn disclosure documents (HTML, text, PDF, XLSX, CSV, DOCX files or http(s) URLs) into dataset rows')
    .argument('<input...>', 'files or http(s):// URLs');
  for (const [flags, description, defaultValue] of OPTIONS) cmd.option(flags, description, defaultValue);
  cmd.action(async (inputs: string[], opts: ParseOptions) => {
    const { runParse } = await import('../parse-run.js');
    await runParse(inputs, opts);
  });
}

/**
 * `parse` arguments read without commander (~16 ms of a ~190 ms start, issue 17), giving what
 * commander gives, for the plain cases only: inputs, and options from the list above or
 * `--ocr` written as separate words with a value that does not start with "-". Anything else
 * (help, `--opt=value`, `--`, short or unknown options, a missing or dash-led value, a bad
 * --ocr mode, an empty argument, no input) returns null, and commander reads the arguments and reports.
 */
export function plainParseArgs(args: readonly string[]): { inputs: string[]; opts: ParseOptions } | null {
  const opts: Record<string, unknown> = {};
  const takesValue = new Map<string, string>();
  const flags = new Map<string, [string, boolean]>();
  // --ocr is withOcrOption's (shared with other commands), read like the rest.
  for (const [spec, , defaultValue] of [...OPTIONS, [OCR_FLAGS, '', OCR_DEFAULT]]) {
    const [flag, value] = spec.split(' ');
    const negated = flag.startsWith('--no-');
    const key = (negated ? flag.slice(5) : flag.slice(2)).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (value) takesValue.set(flag, key);
    else flags.set(flag, [key, !negated]);
    if (defaultValue !== undefined) opts[key] = defaultValue;
    else if (negated) opts[key] = true;
  }
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '') return null;
    if (!a.startsWith('-')) inputs.push(a);
    else if (takesValue.has(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('-')) return null;
      opts[takesValue.get(a)!] = v;
    } else if (flags.has(a)) {
      const [key, on] = flags.get(a)!;
      opts[key] = on;
    } else return null;
  }
  if (!inputs.length || !OCR_MODES.includes(opts.ocr as OcrMode)) return null;
  return { inputs, opts: opts as unknown as ParseOptions };
}

/** What commander's preAction hook and action do for `parse`, for plainParseArgs's result. */
export async function runPlainParse(inputs: string[], opts: ParseOptions): Promise<void> {
  configureOcr({ mode: opts.ocr });
  const { runParse } = await import('../parse-run.js');
  await runParse(inputs, opts);
}
