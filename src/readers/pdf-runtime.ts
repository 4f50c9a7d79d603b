// pdf.js's legacy build (the only one that runs on Node: the modern build needs DOMMatrix and
// refuses Node) carries core-js polyfills that REPLACE some of Node's own builtins for the
// whole realm — Array.prototype.push, JSON.parse, Function.prototype.toString — when pdf-parse
// is imported here and when pdf.js's worker module loads (on its own thread, below). Every
// later push and JSON.parse (extractors, the store) then ran through them (~12 % of PDF time).
// Here, and in the worker thread, the builtins that existed before are put back after each of
// those steps; what the polyfills ADD (Promise.withResolvers, Uint8Array.toHex, … which pdf.js
// needs on Node 20) stays, and Node's natives are spec-complete for what pdf.js does.
import { setMaxListeners } from 'node:events';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type * as PdfParseModule from 'pdf-parse';
import { loadEsm } from './load-esm.js';

type Saved = Array<[object, PropertyKey, PropertyDescriptor]>;

const BUILTIN_CTORS = ['Array', 'Object', 'Function', 'Promise', 'Map', 'Set', 'WeakMap', 'String', 'Number', 'RegExp', 'Symbol', 'Error', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Date'];

function builtins(): object[] {
  const g = globalThis as unknown as Record<string, { prototype?: object } | undefined>;
  const out: object[] = [JSON, Math, Reflect];
  for (const name of BUILTIN_CTORS) {
    const ctor = g[name];
    if (!ctor) continue;
    out.push(ctor);
    if (ctor.prototype) out.push(ctor.prototype);
  }
  out.push(Object.getPrototypeOf(Uint8Array)); // %TypedArray%
  out.push(Object.getPrototypeOf(Uint8Array.prototype));
  return out;
}

function save(): Saved {
  const saved: Saved = [];
  for (const obj of builtins()) {
    for (const key of Reflect.ownKeys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key);
      if (d && typeof d.value === 'function') saved.push([obj, key, d]);
    }
  }
  return saved;
}

function restore(saved: Saved): void {
  for (const [obj, key, d] of saved) {
    const now = Object.getOwnPropertyDescriptor(obj, key);
    if (now?.value !== d.value && (now?.configurable ?? true)) Object.defineProperty(obj, key, d);
  }
}

/** Runs `step` (an import, or pdf.js's first document load) and undoes what it replaced. */
async function keepingBuiltins<T>(step: () => Promise<T>): Promise<T> {
  const saved = save();
  try {
    return await step();
  } finally {
    restore(saved);
  }
}

let lib: Promise<typeof PdfParseModule> | null = null;

/** pdf-parse (and pdf.js), loaded once, on the first PDF. */
export function loadPdfParse(): Promise<typeof PdfParseModule> {
  return (lib ??= keepingBuiltins(() => loadEsm<typeof PdfParseModule>('pdf-parse')));
}

// pdf.js parses in a worker. On Node it would run a stand-in worker in this thread, each message
// deep-copied by structuredClone (~15 % of PDF time), its core-js polyfills loaded here. One real
// worker thread instead parses while this thread lays out the previous page (and the polyfills stay
// in the worker's own realm). It is shared by every document, and unref'd while no document is
// open so it never keeps the process alive. A second such thread (slot 1, FOI_HARVEST_PDF_THREADS=2)
// takes part of a long document's pages, so that pdf.js's passes run side by side on two cores.
interface PdfWorkerLike {
  destroy(): void;
}
interface Shared {
  worker: PdfWorkerLike;
  thread: Worker;
  port: MessagePort;
  users: number;
  /** Told when the thread stops (a crash, out of memory): pending pdf.js calls would wait forever. */
  watchers: Set<(e: WorkerStopped) => void>;
  stoppedBy: WorkerStopped | null;
}
/** The worker threads, by slot: slot 0 serves every document, slot 1 the second half of a long one's pages. */
const pool: Array<Shared | null> = [];
/**
 * Threads a long document is read on: one, or two with FOI_HARVEST_PDF_THREADS=2 (and two cores),
 * which parse its pages side by side (read per document, so a process can change it between them).
 * One by default: the second thread is a second pdf.js to start and compile (+20–35 % CPU for a
 * `parse` of a few PDFs), and its wall-time gain on a long document needs a free core.
 */
export const pdfThreads = (): number => Math.min(Number(process.env.FOI_HARVEST_PDF_THREADS) || 1, 2, availableParallelism());

export class WorkerStopped extends Error {}

// The thread's module: pdf.js's own worker, loaded with the same care for the builtins as above
// (the polyfills would slow every push in the worker too), answering on the port it is given.
// A data: URL so that it runs the same from dist/ and from src/ under vitest.
const THREAD_SOURCE = `
import { workerData } from 'node:worker_threads';
import { setMaxListeners } from 'node:events';
const objs = [JSON, Math, Reflect, Object.getPrototypeOf(Uint8Array), Object.getPrototypeOf(Uint8Array.prototype)];
for (const name of ${JSON.stringify(BUILTIN_CTORS)}) {
  const ctor = globalThis[name];
  if (ctor) objs.push(ctor, ...(ctor.prototype ? [ctor.prototype] : []));
}
const saved = [];
for (const obj of objs) for (const key of Reflect.ownKeys(obj)) {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (d && typeof d.value === 'function') saved.push([obj, key, d]);
}
// pdf.js's worker module loads here while the main thread loads pdf.js; the operators to keep
// (pdf.js's numbering, from the main thread's pdf.js) come on the config port.
const [{ WorkerMessageHandler }, keep] = await Promise.all([import(workerData.src), new Promise((resolve) => workerData.config.once('message', resolve))]);
workerData.config.close();
for (const [obj, key, d] of saved) {
  const now = Object.getOwnPropertyDescriptor(obj, key);
  if (now?.value !== d.value && (now?.configurable ?? true)) Object.defineProperty(obj, key, d);
}
const { port } = workerData;
// pdf.js listens on the port once per open document; a crawl opens more than Node's warning limit of ten.
setMaxListeners(0, port);
// Wire format of pdf.js's MessageHandler (pinned by pdf-parse): a request names its action and
// stream; a stream's messages carry stream (its kind), streamId and chunk.
const CANCEL_COMPLETE = 2, CLOSE = 3, ENQUEUE = 4, ERROR = 5, PULL = 6, OPLIST = 0x100;
// Operator lists asked for through getOperatorList() (intent flag OPLIST) serve ruled tables and
// image checks. They cross as the operators those read — save, restore, transform, path
// construction (with its bounding box) and image painting — the rest (every glyph of every text
// run, colours, fonts) left out. A render asks without that flag and gets everything.
const lean = new Map(); // stream → chunks sent
const keepOps = new Set(keep.ops);
const keepArgs = new Set(keep.args);
const leanChunk = (chunk, whole) => {
  const { fnArray, argsArray } = chunk;
  const fns = [];
  const args = [];
  let drawn = false;
  for (let i = 0; i < chunk.length; i++) {
    const fn = fnArray[i];
    if (!keepOps.has(fn)) continue;
    fns.push(fn);
    if (fn !== keep.save && fn !== keep.restore && fn !== keep.transform) drawn = true;
    const a = keepArgs.has(fn) ? argsArray[i] : null;
    // constructPath: [op, [coordinates], bounding box] — the box, as plain numbers, is what is read.
    args.push(fn === keep.constructPath && a ? [a[0], null, a[2] ? Array.from(a[2]) : a[2]] : a);
  }
  // A whole list (one chunk) that draws no path and paints no image: its transforms change nothing read.
  if (whole && !drawn) fns.length = args.length = 0;
  return { ...chunk, fnArray: fns, argsArray: args, length: fns.length };
};
// A page's text comes in chunks of ten items or so, each a message (and a pull back); a text
// stream's chunks are merged into one message, sent before the stream's close and whenever the
// worker waits: its own messages keep their order (streams are independent of each other) and
// the receiver's totals are the same.
const text = new Set();
const key = (name, id) => name + '|' + id;
port.addEventListener('message', ({ data: m }) => {
  if (!m || m.streamId === undefined) return;
  if (m.action === 'GetOperatorList' && m.data && m.data.intent & OPLIST) lean.set(key(m.sourceName, m.streamId), 0);
  else if (m.action === 'GetTextContent') text.add(key(m.sourceName, m.streamId));
  // A text stream is read whole by its receiver (getTextContent), so its sender need not stop
  // every hundred items to wait for a pull: the request and each pull leave it unbounded.
  if (text.has(key(m.sourceName, m.streamId)) && (m.action === 'GetTextContent' || m.stream === PULL)) m.desiredSize = Infinity;
});
const post = port.postMessage.bind(port);
// A page's text items cross packed — their strings in arrays, their numbers in one transferred
// Float64Array — since cloning a hundred small objects key by key costs more than reading the page
// took; unpackText (this thread's receiving side) rebuilds the very same items. Any item not of
// the shape pdf.js gives text items crosses as it is.
const TEXT_KEYS = ['str', 'dir', 'width', 'height', 'transform', 'fontName', 'hasEOL'];
const packText = (chunk) => {
  if (Object.keys(chunk).join() !== 'items,styles,lang') return null;
  const { items } = chunk;
  const n = items.length;
  const str = new Array(n), dir = new Array(n), font = new Array(n), num = new Float64Array(n * 9);
  for (let i = 0, o = 0; i < n; i++, o += 9) {
    const it = items[i], t = it.transform;
    // Its seven keys, each of its type (counted, not listed and joined: this runs for every item).
    let keys = 0;
    for (const _ in it) keys++;
    if (keys !== TEXT_KEYS.length || typeof it.str !== 'string' || typeof it.dir !== 'string' || typeof it.fontName !== 'string' || typeof it.width !== 'number' || typeof it.height !== 'number' || typeof it.hasEOL !== 'boolean' || !Array.isArray(t) || t.length !== 6) return null;
    for (let k = 0; k < 6; k++) {
      if (typeof t[k] !== 'number') return null;
      num[o + 2 + k] = t[k];
    }
    str[i] = it.str; dir[i] = it.dir; font[i] = it.fontName;
    num[o] = it.width; num[o + 1] = it.height; num[o + 8] = it.hasEOL ? 1 : 0;
  }
  return { packedText: { str, dir, font, num }, styles: chunk.styles, lang: chunk.lang };
};
// The chunks of each text stream wait here, merged, until the stream closes or the worker waits.
const held = new Map();
let flushing = false;
const flush = (k) => {
  const m = held.get(k);
  if (!m) return;
  held.delete(k);
  const packed = packText(m.chunk);
  if (packed) post({ ...m, chunk: packed }, [packed.packedText.num.buffer]);
  else post(m);
};
port.postMessage = (m, transfer) => {
  const k = m && m.stream !== undefined ? key(m.targetName, m.streamId) : null;
  if (k && m.stream === ENQUEUE && text.has(k) && m.chunk && Array.isArray(m.chunk.items) && !(transfer && transfer.length)) {
    const h = held.get(k);
    if (h) {
      for (const item of m.chunk.items) h.chunk.items.push(item);
      Object.assign(h.chunk.styles, m.chunk.styles);
    } else held.set(k, { ...m, chunk: { ...m.chunk, items: [...m.chunk.items], styles: Object.assign(Object.create(null), m.chunk.styles) } });
    if (!flushing) {
      flushing = true;
      setImmediate(() => {
        flushing = false;
        for (const k of [...held.keys()]) flush(k);
      });
    }
    return;
  }
  // Whatever else a stream sends (its close, an error, a cancel's answer) follows its held text.
  if (k) flush(k);
  if (k && (m.stream === CLOSE || m.stream === ERROR || m.stream === CANCEL_COMPLETE)) {
    lean.delete(k);
    text.delete(k);
  }
  if (k && lean.has(k) && m.stream === ENQUEUE && m.chunk && Array.isArray(m.chunk.argsArray) && Array.isArray(m.chunk.fnArray) && typeof m.chunk.length === 'number') {
    const sent = lean.get(k);
    lean.set(k, sent + 1);
    m = { ...m, chunk: leanChunk(m.chunk, sent === 0 && m.chunk.lastChunk === true) };
    transfer = undefined;
  }
  post(m, transfer);
};
WorkerMessageHandler.initializeFromPort(port);
`;
const THREAD_MAIN = new URL(`data:text/javascript,${encodeURIComponent(THREAD_SOURCE)}`);

function pdfjsPath(file: string): string {
  // The pdf.js that pdf-parse itself loads (the same module instance and version).
  const fromParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  return pathToFileURL(fromParse.resolve(`pdfjs-dist/legacy/build/${file}`)).href;
}

interface PackedText {
  packedText: { str: string[]; dir: string[]; font: string[]; num: Float64Array };
  styles: unknown;
  lang: unknown;
}

/** The text chunk the worker packed (see packText in THREAD_SOURCE), as pdf.js built it. */
export function unpackText({ packedText: { str, dir, font, num }, styles, lang }: PackedText): { items: object[]; styles: unknown; lang: unknown } {
  const items = new Array<object>(str.length);
  for (let i = 0, o = 0; i < str.length; i++, o += 9) {
    items[i] = { str: str[i], dir: dir[i], width: num[o], height: num[o + 1], transform: [num[o + 2], num[o + 3], num[o + 4], num[o + 5], num[o + 6], num[o + 7]], fontName: font[i], hasEOL: num[o + 8] === 1 };
  }
  return { items, styles, lang };
}

async function startShared(slot: number): Promise<Shared> {
  // The thread starts first: it loads pdf.js's worker module while this thread loads pdf.js.
  const { port1, port2 } = new MessageChannel();
  const config = new MessageChannel();
  const thread = new Worker(THREAD_MAIN, { workerData: { port: port2, config: config.port2, src: pdfjsPath('pdf.worker.mjs') }, transferList: [port2, config.port2] });
  let PDFWorker: new (o: { port: unknown; verbosity: number }) => PdfWorkerLike;
  let OPS: Record<string, number>;
  try {
    await loadPdfParse();
    // pdf-parse has loaded this very module (with the builtins kept): the import is its cached instance.
    ({ PDFWorker, OPS } = await loadEsm<{ PDFWorker: typeof PDFWorker; OPS: typeof OPS }>(pdfjsPath('pdf.mjs')));
  } catch (e) {
    await thread.terminate();
    throw e;
  }
  // The operators a lean operator list keeps, and those whose arguments it keeps (see THREAD_SOURCE).
  const paint = Object.entries(OPS).filter(([name]) => name.startsWith('paint')).map(([, op]) => op);
  const keep = { ops: [OPS.save, OPS.restore, OPS.transform, OPS.constructPath, ...paint], args: [OPS.transform, OPS.constructPath], constructPath: OPS.constructPath, save: OPS.save, restore: OPS.restore, transform: OPS.transform };
  config.port1.postMessage(keep);
  config.port1.close();
  // pdf.js listens on the port once per open document; a crawl opens more than Node's warning limit of ten.
  setMaxListeners(0, port1);
  // Registered before pdf.js's own listener, so that pdf.js receives the text items it sent.
  port1.addEventListener('message', (ev) => {
    const m = (ev as MessageEvent).data as { chunk?: PackedText | object } | null;
    if (m?.chunk && 'packedText' in m.chunk) m.chunk = unpackText(m.chunk);
  });
  const s: Shared = { worker: new PDFWorker({ port: port1, verbosity: 0 }), thread, port: port1, users: 0, watchers: new Set(), stoppedBy: null };
  const stop = (why: string) => {
    if (s.stoppedBy) return;
    s.stoppedBy = new WorkerStopped(`pdf.js worker stopped (${why})`);
    if (pool[slot] === s) pool[slot] = null;
    s.worker.destroy();
    port1.close();
    for (const watch of s.watchers) watch(s.stoppedBy);
  };
  thread.once('error', (e) => stop(e.message.split('\n')[0]));
  thread.once('exit', (code) => stop(`exit ${code}`));
  return s;
}

const starting: Array<Promise<Shared> | null> = [];

/** One document's hold on a worker thread. */
export interface PdfThread {
  /** For pdf.js's getDocument. */
  worker: PdfWorkerLike;
  /** `p`, or a WorkerStopped rejection as soon as the thread stops. */
  live<T>(p: Promise<T>): Promise<T>;
  /** When the document is destroyed. */
  release(): void;
}

/**
 * A shared pdf.js worker (slot 0, or 1 for the second thread) for one document: pass `worker`
 * to getDocument, wrap pdf.js calls in `live`, and call `release()` when the document is destroyed.
 */
export async function acquirePdfWorker(slot = 0): Promise<PdfThread> {
  let s = pool[slot];
  if (!s) {
    starting[slot] ??= startShared(slot).finally(() => (starting[slot] = null));
    s = pool[slot] = await starting[slot];
  }
  const shared = s;
  if (shared.users++ === 0) {
    shared.thread.ref();
    shared.port.ref();
  }
  // The calls in flight, each failed if the thread stops. Not a race against a long-lived
  // "stopped" promise: each race would leave a reaction on it, and with that reaction the call's
  // result (a page's text, its operator list), for as long as the thread lives.
  const inFlight = new Set<(e: WorkerStopped) => void>();
  const watch = (e: WorkerStopped) => {
    for (const fail of inFlight) fail(e);
    inFlight.clear();
  };
  shared.watchers.add(watch);
  let released = false;
  return {
    worker: shared.worker,
    live<T>(p: Promise<T>): Promise<T> {
      if (shared.stoppedBy) return Promise.reject(shared.stoppedBy);
      return new Promise<T>((resolve, reject) => {
        inFlight.add(reject);
        p.then(
          (v) => {
            inFlight.delete(reject);
            resolve(v);
          },
          (e: unknown) => {
            inFlight.delete(reject);
            reject(e);
          },
        );
      });
    },
    release() {
      if (released) return;
      released = true;
      shared.watchers.delete(watch);
      if (--shared.users === 0) {
        shared.thread.unref();
        shared.port.unref();
      }
    },
  };
}

/** Stops every worker thread (tests; a shutdown): documents open on them fail with WorkerStopped, and the next document starts a new one. */
export async function stopPdfWorkers(): Promise<void> {
  const running = await Promise.all(pool.map((s, slot) => s ?? starting[slot] ?? null));
  await Promise.all(running.map((s) => s?.thread.terminate()));
}
