// A local file's bytes (kept apart from the reading code, which never touches the file system), read safely: only a regular file (a symlink to /dev/zero, a device or
// a FIFO is refused, never read or waited on), and never more than a cap, counted while
// reading — a file's stated size can change under us, and devices state none.
// Synchronous calls: a CLI reads its inputs one at a time anyway, and node:fs/promises (with the
// streams and readline it loads) cost a short `parse` ~1–2 ms of start-up (issue 17).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

export async function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of hanging.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileReadError('no such file');
    if (code === 'EISDIR') throw new FileReadError('is a directory, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw new FileReadError('permission denied');
    throw new FileReadError(`cannot open (${code ?? (e instanceof Error ? e.message : String(e))})`);
  }
  try {
    // The opened file itself, not the path: what is read is what was checked.
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileReadError('is a directory, not a file');
    if (!st.isFile()) throw new FileReadError(`not a regular file (${st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'special file'}); refused`);
    if (st.size > maxBytes) throw new FileReadError(`file of ${st.size} bytes exceeds the ${maxBytes}-byte cap`);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileReadError(`file grew past the ${maxBytes}-byte cap while being read`);
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}
