// pdf.js's legacy build (the only one that runs on Node: the modern build needs DOMMatrix and
// refuses Node) carries core-js polyfills that REPLACE some of Node's own builtins for the
// whole process — Array.prototype.push, JSON.parse, Function.prototype.toString — when
// pdf-parse is imported and again when pdf.js loads its worker code for the first document.
// Every later push and JSON.parse in the process (extractors, the store) then ran through
// them (~12 % of PDF time). Here the builtins that existed before are put back after each of
// those steps; what the polyfills ADD (Promise.withResolvers, Uint8Array.toHex, … which
// pdf.js needs on Node 20) stays, and Node's natives are spec-complete for what pdf.js does.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type * as PdfParseModule from 'pdf-parse';

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
export async function keepingBuiltins<T>(step: () => Promise<T>): Promise<T> {
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
  return (lib ??= keepingBuiltins(() => import('pdf-parse')));
}

// pdf.js parses in a worker. On Node it would run a stand-in worker in this thread, each message
// deep-copied by structuredClone (~15 % of PDF time), its core-js polyfills loaded here. One real
// worker thread instead parses while this thread lays out the previous page (and the polyfills stay
// in the worker's own realm). It is shared by every document, and unref'd while no document is
// open so it never keeps the process alive.
interface PdfWorkerLike {
  destroy(): void;
}
interface Shared {
  worker: PdfWorkerLike;
  thread: Worker;
  port: MessagePort;
  users: number;
  /** Rejects when the thread stops (a crash, out of memory): pending pdf.js calls would wait forever. */
  stopped: Promise<never>;
}
let shared: Shared | null = null;

export class WorkerStopped extends Error {}

// The thread's module: pdf.js's own worker, loaded with the same care for the builtins as above
// (the polyfills would slow every push in the worker too), answering on the port it is given.
// A data: URL so that it runs the same from dist/ and from src/ under vitest.
const THREAD_SOURCE = `
import { workerData } from 'node:worker_threads';
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
const { WorkerMessageHandler } = await import(workerData.src);
for (const [obj, key, d] of saved) {
  const now = Object.getOwnPropertyDescriptor(obj, key);
  if (now?.value !== d.value && (now?.configurable ?? true)) Object.defineProperty(obj, key, d);
}
const { port, keep } = workerData;
// Operator lists asked for through getOperatorList() (intent flag OPLIST, 0x100) serve ruled
// tables and image checks, which read the operators and the arguments of path construction and
// transforms only: the other arguments (every glyph of every text run) are not copied across.
// A render asks without that flag and gets everything. StreamKind.ENQUEUE is 4, CLOSE 3, ERROR 5.
const lean = new Set();
const keepArgs = new Set(keep);
port.addEventListener('message', ({ data: m }) => {
  if (m && m.action === 'GetOperatorList' && m.streamId !== undefined && m.data && m.data.intent & 0x100) lean.add(m.sourceName + '|' + m.streamId);
});
const post = port.postMessage.bind(port);
port.postMessage = (m, transfer) => {
  const key = m && m.stream !== undefined && lean.size ? m.targetName + '|' + m.streamId : null;
  if (key && lean.has(key)) {
    if (m.stream === 4 && m.chunk && Array.isArray(m.chunk.argsArray) && Array.isArray(m.chunk.fnArray)) {
      const { fnArray, argsArray } = m.chunk;
      const args = new Array(argsArray.length);
      for (let i = 0; i < argsArray.length; i++) args[i] = keepArgs.has(fnArray[i]) ? argsArray[i] : null;
      m = { ...m, chunk: { ...m.chunk, argsArray: args } };
      transfer = undefined;
    } else if (m.stream === 3 || m.stream === 5) lean.delete(key);
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

async function startShared(): Promise<Shared> {
  const { PDFWorker, OPS } = (await keepingBuiltins(() => import(pdfjsPath('pdf.mjs')))) as {
    PDFWorker: new (o: { port: unknown; verbosity: number }) => PdfWorkerLike;
    OPS: Record<string, number>;
  };
  const { port1, port2 } = new MessageChannel();
  const thread = new Worker(THREAD_MAIN, { workerData: { port: port2, src: pdfjsPath('pdf.worker.mjs'), keep: [OPS.constructPath, OPS.transform] }, transferList: [port2] });
  const s: Shared = { worker: new PDFWorker({ port: port1, verbosity: 0 }), thread, port: port1, users: 0, stopped: null as unknown as Promise<never> };
  s.stopped = new Promise<never>((_, reject) => {
    const stop = (why: string) => {
      if (shared === s) shared = null;
      s.worker.destroy();
      port1.close();
      reject(new WorkerStopped(`pdf.js worker stopped (${why})`));
    };
    thread.once('error', (e) => stop(e.message.split('\n')[0]));
    thread.once('exit', (code) => stop(`exit ${code}`));
  });
  s.stopped.catch(() => undefined);
  return s;
}

let starting: Promise<Shared> | null = null;

/**
 * The shared pdf.js worker for one document: pass `worker` to getDocument, race pdf.js calls
 * against `stopped`, and call `release()` when the document is destroyed.
 */
export async function acquirePdfWorker(): Promise<{ worker: PdfWorkerLike; stopped: Promise<never>; release(): void }> {
  let s = shared;
  if (!s) {
    starting ??= startShared().finally(() => (starting = null));
    s = shared = await starting;
  }
  if (s.users++ === 0) {
    s.thread.ref();
    s.port.ref();
  }
  let released = false;
  return {
    worker: s.worker,
    stopped: s.stopped,
    release() {
      if (released) return;
      released = true;
      if (--s.users === 0) {
        s.thread.unref();
        s.port.unref();
      }
    },
  };
}
