// Commands that read a store (export, status, reparse) must not create an empty one by
// mistake: a missing or unreadable store is a usage error naming the path.
//
// A store on a read-only mount (a backup, a shared volume) is still readable: SQLite cannot
// open a WAL database where it cannot write its -shm file, so such a store is copied to a
// temporary directory and the copy is read; what the command records (its run) goes to the
// copy and is dropped on close, never back to the read-only store.
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli/errors.js';
import { Store } from './store.js';

export const DEFAULT_STORE = 'foi-harvest.db';

/** Whether SQLite can write beside the store (the file itself and its -wal/-shm files). */
export function storeWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(resolve(path)), constants.W_OK);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return false;
    throw e;
  }
}

function openCopy(path: string): Store {
  const dir = mkdtempSync(join(tmpdir(), 'foi-harvest-readonly-'));
  try {
    const copy = join(dir, 'store.db');
    copyFileSync(path, copy);
    // Writes not yet checkpointed into the main file live in the -wal file: copied with it.
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return Store.openCopy(path, copy, dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export function openExistingStore(path: string): Store {
  if (!existsSync(path)) throw new UsageError(`--store: no store at ${path} (run foi-harvest fetch first)`);
  try {
    if (!storeWritable(path)) {
      const store = openCopy(path);
      process.stderr.write(`foi-harvest: ${path} is read-only: reading a temporary copy (nothing is written to the store)\n`);
      return store;
    }
    return Store.open(path, { create: false });
  } catch (e) {
    throw new UsageError(`--store: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
