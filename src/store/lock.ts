// One refresh at a time per store: a lock file beside it holding the holder's pid and start
// time, created with O_EXCL. A lock whose process is gone (killed, crashed) is taken over.
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockInfo {
  pid: number;
  started_at: string;
  host: string;
}

export class LockHeldError extends Error {
  constructor(
    readonly path: string,
    readonly holder: LockInfo | null,
  ) {
    super(
      holder
        ? `another refresh is running (pid ${holder.pid} on ${holder.host}, since ${holder.started_at}; lock ${path})`
        : `another refresh is starting (lock ${path})`,
    );
  }
}

export interface Lock {
  path: string;
  /** The dead holder whose lock was taken over, if any. */
  takenOverFrom: LockInfo | null;
  release(): void;
}

function readLock(path: string): LockInfo | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const v = JSON.parse(text) as LockInfo;
    return Number.isInteger(v.pid) && v.pid > 0 ? v : null;
  } catch {
    return null;
  }
}

function alive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true; // cannot tell for another machine: assume it runs
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(info) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock or throws LockHeldError naming the holder. */
export function acquireLock(path: string): Lock {
  const me: LockInfo = { pid: process.pid, started_at: new Date().toISOString(), host: hostname() };
  let takenOverFrom: LockInfo | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, me)) {
      return {
        path,
        takenOverFrom,
        release() {
          const cur = readLock(path);
          if (cur && cur !== 'missing' && cur.pid === me.pid && cur.started_at === me.started_at) unlinkSync(path);
        },
      };
    }
    let holder = readLock(path);
    if (holder === 'missing') continue;
    if (holder === null) {
      // Created but not yet written by a process starting right now: look again shortly.
      sleep(100);
      holder = readLock(path);
      if (holder === 'missing') continue;
      if (holder === null) throw new LockHeldError(path, null);
    }
    if (alive(holder)) throw new LockHeldError(path, holder);
    // Stale: move it aside atomically, and check that what we moved is the dead holder's lock
    // (not one a concurrent refresh created meanwhile), then try again to create ours.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = readLock(aside);
    if (moved && moved !== 'missing' && (moved.pid !== holder.pid || moved.started_at !== holder.started_at)) {
      try {
        linkSync(aside, path);
      } catch {
        // Someone holds the lock again either way.
      }
      unlinkSync(aside);
      throw new LockHeldError(path, moved);
    }
    unlinkSync(aside);
    takenOverFrom = holder;
  }
  throw new LockHeldError(path, null);
}
