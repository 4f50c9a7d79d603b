// `--ocr auto|always|never`, shared by the commands that read documents (parse, fetch,
// refresh, reparse): one definition, and the setting is made before the command runs.
// Built with the command's own createOption, so this file needs no commander at run time
// (`parse` can run without loading commander: src/cli/commands/parse.ts).
import type { Command } from 'commander';
import { configureOcr } from '../readers/ocr/config.js';
import { OCR_MODES, type OcrMode } from '../readers/ocr/types.js';

export const OCR_FLAGS = '--ocr <mode>';
export const OCR_DEFAULT: OcrMode = 'auto';

export function withOcrOption(cmd: Command): Command {
  return cmd
    .addOption(
      cmd
        .createOption(OCR_FLAGS, 'read PDF pages by OCR: auto (pages with no usable text layer; about 1–3 s a page), always (every page), never')
        .choices(OCR_MODES)
        .default(OCR_DEFAULT),
    )
    .hook('preAction', (c) => configureOcr({ mode: c.opts().ocr as OcrMode }));
}
