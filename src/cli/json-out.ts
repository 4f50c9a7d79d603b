// `parse`'s JSON and NDJSON on stdout, written in pieces. One disclosure of a big table holds
// a million figures: as one string its JSON passes V8's string limit ("Invalid string length")
// and doubles the peak memory. The bytes are exactly JSON.stringify's (same indentation, same
// keys skipped); only the outer levels are walked here, each figure (or question, case…) is
// stringified whole.
import { once } from 'node:events';

const SKIP = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
const WALK_DEPTH = 3; // results → disclosure → its arrays → their rows (stringified whole)

/** JSON.stringify(value, null, space) in pieces (space 0: compact, else that many spaces). */
export function* jsonChunks(value: unknown, space = 2, pad = '', depth = 0): Generator<string> {
  const v = value as { toJSON?: unknown } | null;
  if (depth >= WALK_DEPTH || v === null || typeof v !== 'object' || typeof v.toJSON === 'function') {
    const s = JSON.stringify(value, null, space);
    yield s === undefined ? 'null' : space && pad ? s.replace(/\n/g, `\n${pad}`) : s;
    return;
  }
  const inner = space ? `${pad}${' '.repeat(space)}` : '';
  const nl = space ? '\n' : '';
  if (Array.isArray(v)) {
    if (!v.length) return void (yield '[]');
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i ? ',' : ''}${nl}${inner}`;
      yield* jsonChunks(SKIP(v[i]) ? null : v[i], space, inner, depth + 1);
    }
    yield `${nl}${pad}]`;
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !SKIP(o[k]));
  if (!keys.length) return void (yield '{}');
  yield '{';
  for (let i = 0; i < keys.length; i++) {
    yield `${i ? ',' : ''}${nl}${inner}${JSON.stringify(keys[i])}:${space ? ' ' : ''}`;
    yield* jsonChunks(o[keys[i]], space, inner, depth + 1);
  }
  yield `${nl}${pad}}`;
}

/** Writes the pieces to a stream in blocks of about 1 MB, waiting when the stream asks. */
export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!buf.length) return;
    const ok = out.write(buf.join(''));
    buf = [];
    size = 0;
    if (!ok) await once(out, 'drain');
  };
  for (const c of chunks) {
    buf.push(c);
    size += c.length;
    if (size >= 1 << 20) await flush();
  }
  await flush();
}
