// pdf.js's legacy build (the only one that runs on Node: the modern build needs DOMMatrix and
// refuses Node) carries core-js polyfills that REPLACE some of Node's own builtins for the
// whole process — Array.prototype.push, JSON.parse, Function.prototype.toString — when
// pdf-parse is imported and again when pdf.js loads its worker code for the first document.
// Every later push and JSON.parse in the process (extractors, the store) then ran through
// them (~12 % of PDF time). Here the builtins that existed before are put back after each of
// those steps; what the polyfills ADD (Promise.withResolvers, Uint8Array.toHex, … which
// pdf.js needs on Node 20) stays, and Node's natives are spec-complete for what pdf.js does.
import type * as PdfParseModule from 'pdf-parse';

type Saved = Array<[object, PropertyKey, PropertyDescriptor]>;

function builtins(): object[] {
  const g = globalThis as unknown as Record<string, { prototype?: object } | undefined>;
  const out: object[] = [JSON, Math, Reflect];
  for (const name of ['Array', 'Object', 'Function', 'Promise', 'Map', 'Set', 'WeakMap', 'String', 'Number', 'RegExp', 'Symbol', 'Error', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Date']) {
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
