// The process's tesseract.js workers: created on first use (each loads the English model
// from the @tesseract.js-data/eng package on disk, never from the network), reused for every
// page of every document after that, at most `workers` of them. An idle worker does not keep
// the process alive; a page that overruns its time limit loses its worker (a wasm call
// cannot be interrupted) and a fresh one takes its place.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Worker as TesseractWorker, Page } from 'tesseract.js';
import { loadEsm } from '../load-esm.js';

interface Slot {
  worker: TesseractWorker;
  thread: { ref(): void; unref(): void } | undefined;
  /** The resolution the worker was last told. */
  dpi: number;
}

const idle: Slot[] = [];
const all = new Set<Slot>();
let starting = 0;
const waiting: Array<{ resolve(s: Slot): void; reject(e: unknown): void }> = [];
let limit = 1;

export class OcrTimeout extends Error {
  constructor(ms: number) {
    super(`OCR took longer than ${ms / 1000} s`);
    this.name = 'OcrTimeout';
  }
}

/** Where the English LSTM model (the "best_int" build tesseract.js would otherwise fetch) lies in node_modules. */
export function modelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** A worker that has not loaded the model by then never will (tesseract.js swallows a failed model load, e.g. a missing file, and never settles). */
const START_TIMEOUT_MS = 60_000;

async function spawn(dpi: number): Promise<Slot> {
  const { createWorker, OEM } = (await loadEsm<{ default: typeof import('tesseract.js') }>('tesseract.js')).default;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('OCR engine did not start')), START_TIMEOUT_MS);
  });
  const starting = createWorker('eng', OEM.LSTM_ONLY, {
    langPath: modelPath(), // throws when the package is not installed
    gzip: true,
    // Read the model from the package every time; never write a cache file into the cwd.
    cacheMethod: 'none',
    // Without a handler tesseract.js rethrows a failed job from its message listener (an uncaught exception).
    errorHandler: () => undefined,
  });
  const worker = await Promise.race([starting, stalled]).finally(() => clearTimeout(timer));
  // The render resolution, so tesseract does not estimate it (and print that it did on stdout).
  // Automatic page segmentation (tesseract's own default; tesseract.js's is one uniform block), so columns and tables are found.
  await worker.setParameters({ user_defined_dpi: String(dpi), tessedit_pageseg_mode: '3' as never });
  const thread = (worker as unknown as { worker?: { ref(): void; unref(): void } }).worker;
  return { worker, thread, dpi };
}

async function acquire(dpi: number): Promise<Slot> {
  const free = idle.pop();
  if (free) return free;
  if (all.size + starting < limit) {
    starting++;
    try {
      const slot = await spawn(dpi);
      all.add(slot);
      return slot;
    } finally {
      starting--;
    }
  }
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

function release(slot: Slot): void {
  const next = waiting.shift();
  if (next) return next.resolve(slot);
  slot.thread?.unref();
  idle.push(slot);
}

/** A worker that overran is thrown away; whoever waits gets a new one. */
function discard(slot: Slot, dpi: number): void {
  all.delete(slot);
  void slot.worker.terminate().catch(() => undefined);
  const next = waiting.shift();
  if (next) acquire(dpi).then(next.resolve, next.reject);
}

/** Recognises one page image (encoded: PGM, PNG…) with positions of blocks, lines and words (skew is undone on the positions, see layout.ts). */
export async function recognizePage(image: Uint8Array, opts: { workers: number; timeoutMs: number; dpi: number }): Promise<Page> {
  limit = Math.max(1, opts.workers);
  const slot = await acquire(opts.dpi);
  slot.thread?.ref();
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrTimeout(opts.timeoutMs)), opts.timeoutMs);
  });
  try {
    if (slot.dpi !== opts.dpi) {
      await slot.worker.setParameters({ user_defined_dpi: String(opts.dpi) });
      slot.dpi = opts.dpi;
    }
    const result = await Promise.race([slot.worker.recognize(Buffer.from(image), {}, { blocks: true, text: false }), overran]);
    release(slot);
    return result.data;
  } catch (e) {
    if (e instanceof OcrTimeout) discard(slot, opts.dpi);
    else release(slot);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Ends every worker (tests and benchmarks; the CLI simply exits, idle workers do not hold it). */
export async function shutdownOcr(): Promise<void> {
  const slots = [...all];
  all.clear();
  idle.length = 0;
  for (const w of waiting.splice(0)) w.reject(new Error('OCR shut down'));
  await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
}
