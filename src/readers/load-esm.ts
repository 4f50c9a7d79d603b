// Libraries that are ES modules only (pdf-parse, pdf.js) or that load their own workers by path
// (tesseract.js) are imported at run time, on the first document that needs them. The CLI runs
// from dist/app/ (scripts/bundle.mjs), whose chunks V8 compiles from a code cache; a dynamic
// import() written in such a chunk has no loader (Node only gives one to the modules it loads
// itself). bin/load-app.cjs therefore sets a loader of its own here, and this is the one place
// our code imports a library at run time.
const LOADER = Symbol.for('foi-harvest.loadEsm');

/** The module `specifier` names (a package, or a file URL or path), imported once by Node. */
export function loadEsm<T>(specifier: string): Promise<T> {
  const loader = (globalThis as Record<symbol, unknown>)[LOADER] as ((s: string) => Promise<unknown>) | undefined;
  return (loader ? loader(specifier) : import(specifier)) as Promise<T>;
}
