// Many pending pauses and requests wait on the client's one closing signal. Each adding and
// removing its own 'abort' listener (an EventTarget's, with its bookkeeping) cost more than the
// rest of a pause (issue 17, crawl CPU): here they share one listener per signal and a Set.

const hooks = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `fn` once when `signal` aborts (which must not have happened yet); returns the
 * function that unhooks it. Callbacks run in the order they were added.
 */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  let set = hooks.get(signal);
  if (!set) {
    const fns = (set = new Set());
    hooks.set(signal, fns);
    signal.addEventListener(
      'abort',
      () => {
        const due = [...fns];
        fns.clear();
        for (const f of due) f();
      },
      { once: true },
    );
  }
  const fns = set;
  fns.add(fn);
  return () => {
    fns.delete(fn);
  };
}
