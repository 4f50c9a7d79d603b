// `--ocr auto|always|never`, shared by the commands that read documents (parse, fetch,
// refresh, reparse): one definition, and the setting is made before the command runs.
import { Option, type Command } from 'commander';
import { configureOcr } from '../readers/ocr/config.js';
import { OCR_MODES, type OcrMode } from '../readers/ocr/types.js';

export function withOcrOption(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--ocr <mode>', 'read PDF pages by OCR: auto (pages with no usable text layer; about 1–3 s a page), always (every page), never')
        .choices(OCR_MODES)
        .default('auto'),
    )
    .hook('preAction', (c) => configureOcr({ mode: c.opts().ocr as OcrMode }));
}
