// Commands that read a store (export, status, reparse) must not create an empty one by
// mistake: a missing or unreadable store is a usage error naming the path.
import { existsSync } from 'node:fs';
import { UsageError } from '../cli/errors.js';
import { Store } from './store.js';

export const DEFAULT_STORE = 'foi-harvest.db';

export function openExistingStore(path: string): Store {
  if (!existsSync(path)) throw new UsageError(`--store: no store at ${path} (run foi-harvest fetch first)`);
  try {
    return Store.open(path, { create: false });
  } catch (e) {
    throw new UsageError(`--store: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
