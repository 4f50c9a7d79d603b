// The process's OCR settings: the CLI sets them once from --ocr; readers use them unless a
// caller passes its own. One setting per process because the worker pool (and its loaded
// model) is one per process too.
import { availableParallelism } from 'node:os';
import type { OcrOptions } from './types.js';

// Asked once: it is a system call, and the readers ask for the options on every PDF page.
const CPUS = availableParallelism();

const DEFAULTS: OcrOptions = {
  mode: 'auto',
  workers: CPUS,
  pageTimeoutMs: 60_000,
  maxPages: 50,
  scale: 2,
  lowConfidence: 70,
};

let current: OcrOptions = { ...DEFAULTS };

export function configureOcr(options: Partial<OcrOptions>): void {
  current = { ...current, ...options };
}

export function ocrOptions(overrides?: Partial<OcrOptions>): OcrOptions {
  const o = { ...current, ...overrides };
  return { ...o, workers: Math.max(1, Math.min(o.workers, CPUS)) };
}

/** ocrOptions(overrides).mode without building the options (a check made on every PDF page): a key given wins, as in its spread. */
export function ocrMode(overrides?: Partial<OcrOptions>): OcrOptions['mode'] {
  return overrides && 'mode' in overrides ? overrides.mode! : current.mode;
}
