// pdf.js on its worker thread (pdf-runtime.ts) gives the reader what pdf.js gives in-process:
// the same text items page by page (they cross merged and packed, and are rebuilt), and operator
// lists that keep, in order, the operators ruled tables and image checks read, with the same
// transforms and path bounding boxes (nothing at all for a page that draws nothing). Compared on the committed fixtures against pdf.js's own
// in-process worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { acquirePdfWorker, stopPdfWorkers, unpackText, WorkerStopped } from '../../src/readers/pdf-runtime.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = ['fixtures/attachments/convictions-ruled.pdf', 'fixtures/attachments/convictions-unruled.pdf', 'fixtures/attachments/officers-ruled.pdf', 'fixtures/attachments/suspensions-two-pages.pdf', 'fixtures/attachments/scanned.pdf'];

type Doc = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
const open = (file: string, worker?: unknown): Promise<Doc> =>
  pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(ROOT, file))), isEvalSupported: false, verbosity: 0, ...(worker ? { worker } : {}) } as Parameters<typeof pdfjs.getDocument>[0]).promise;

const KEPT = new Set([pdfjs.OPS.save, pdfjs.OPS.restore, pdfjs.OPS.transform, pdfjs.OPS.constructPath, ...Object.entries(pdfjs.OPS).filter(([name]) => name.startsWith('paint')).map(([, op]) => op)]);

/** Font names carry the document's number (g_d3_f1): the two loads of one file differ there only. */
const font = (name: string) => name.replace(/^g_d\d+_/, 'g_');
const sameDocItems = (items: object[]) => items.map((i) => ('fontName' in i ? { ...i, fontName: font(String(i.fontName)) } : i));
const sameDocStyles = (styles: Record<string, unknown>) => Object.fromEntries(Object.entries(styles).map(([k, v]) => [font(k), v]));

/** The operators a lean list keeps, with the arguments read from them (transform: the matrix; constructPath: its op and bounding box). */
function readable(list: { fnArray: number[]; argsArray: unknown[][] }): Array<[number, unknown]> {
  const out: Array<[number, unknown]> = [];
  list.fnArray.forEach((fn, i) => {
    if (!KEPT.has(fn)) return;
    const args = list.argsArray[i];
    if (fn === pdfjs.OPS.transform) out.push([fn, Array.from(args as number[])]);
    else if (fn === pdfjs.OPS.constructPath) out.push([fn, [args[0], args[2] ? Array.from(args[2] as ArrayLike<number>) : args[2]]]);
    else out.push([fn, null]);
  });
  return out;
}

describe('pdf.js on a worker thread', () => {
  it.each(FILES)('%s: the same text items and readable operators as in-process', async (file) => {
    const thread = await acquirePdfWorker();
    const [here, there] = await Promise.all([open(file), open(file, thread.worker)]);
    try {
      expect(there.numPages).toBe(here.numPages);
      for (let n = 1; n <= here.numPages; n++) {
        const [a, b] = await Promise.all([here.getPage(n), there.getPage(n)]);
        const [ta, tb] = await Promise.all([a.getTextContent(), b.getTextContent()]);
        expect(sameDocItems(tb.items)).toStrictEqual(sameDocItems(ta.items));
        expect(sameDocStyles(tb.styles)).toStrictEqual(sameDocStyles(ta.styles));
        const [oa, ob] = await Promise.all([a.getOperatorList(), b.getOperatorList()]);
        // A list that draws no path and paints no image crosses empty (its transforms change nothing read).
        const inProcess = readable(oa as never);
        const draws = inProcess.some(([fn]) => fn !== pdfjs.OPS.save && fn !== pdfjs.OPS.restore && fn !== pdfjs.OPS.transform);
        expect(readable(ob as never)).toEqual(draws ? inProcess : []);
        // Nothing else crosses: the list holds the kept operators only.
        expect(ob.fnArray.every((fn) => KEPT.has(fn))).toBe(true);
      }
    } finally {
      await Promise.all([here.destroy(), there.destroy()]);
      thread.release();
    }
  });

  it('a packed text chunk unpacks to the items it was made from', () => {
    const num = new Float64Array([12.5, 9, 9, 0, 0, 9, 50.25, 700.125, 1, 0, 0, 1, 0, 0, 1, -0, 3, 0]);
    expect(unpackText({ packedText: { str: ['Rank', ''], dir: ['ltr', 'ltr'], font: ['g_d0_f1', 'g_d0_f2'], num }, styles: { g_d0_f1: { ascent: 0.7 } }, lang: null })).toEqual({
      items: [
        { str: 'Rank', dir: 'ltr', width: 12.5, height: 9, transform: [9, 0, 0, 9, 50.25, 700.125], fontName: 'g_d0_f1', hasEOL: true },
        { str: '', dir: 'ltr', width: 0, height: 0, transform: [1, 0, 0, 1, -0, 3], fontName: 'g_d0_f2', hasEOL: false },
      ],
      styles: { g_d0_f1: { ascent: 0.7 } },
      lang: null,
    });
  });
});

describe('a document’s hold on a worker thread', () => {
  it('live() passes a call’s value and failure through', async () => {
    const thread = await acquirePdfWorker();
    try {
      await expect(thread.live(Promise.resolve(42))).resolves.toBe(42);
      await expect(thread.live(Promise.reject(new Error('broken page')))).rejects.toThrow('broken page');
    } finally {
      thread.release();
    }
  });

  it('a thread that stops fails the calls waiting on it, and the next document gets a new thread', async () => {
    const thread = await acquirePdfWorker();
    const never = thread.live(new Promise<never>(() => undefined));
    await stopPdfWorkers();
    await expect(never).rejects.toBeInstanceOf(WorkerStopped);
    await expect(thread.live(Promise.resolve(1))).rejects.toBeInstanceOf(WorkerStopped);
    thread.release();
    const next = await acquirePdfWorker();
    try {
      const doc = await open(FILES[0], next.worker);
      expect(await next.live(doc.getPage(1).then((p) => p.getTextContent())).then((t) => t.items.length)).toBeGreaterThan(0);
      await doc.destroy();
    } finally {
      next.release();
    }
  });

  it('each slot is its own thread, and both read a document alike', async () => {
    const [a, b] = await Promise.all([acquirePdfWorker(0), acquirePdfWorker(1)]);
    try {
      expect(a.worker).not.toBe(b.worker);
      const [da, db] = await Promise.all([open(FILES[3], a.worker), open(FILES[3], b.worker)]);
      for (let n = 1; n <= da.numPages; n++) {
        const [ta, tb] = await Promise.all([da.getPage(n).then((p) => p.getTextContent()), db.getPage(n).then((p) => p.getTextContent())]);
        expect(sameDocItems(tb.items)).toStrictEqual(sameDocItems(ta.items));
      }
      await Promise.all([da.destroy(), db.destroy()]);
    } finally {
      a.release();
      b.release();
    }
  });
});
