// Runs killed mid-way (SIGKILL, power cut) never reach finishRun and would stay `running`
// forever. A running run names its process in stats_json ({pid, host}); whoever opens the
// store next marks the runs of dead processes on this host `interrupted`.
import type Database from 'better-sqlite3';
import { hostname } from 'node:os';

export interface RunOwner {
  pid: number;
  host: string;
}

export function runOwner(): RunOwner {
  return { pid: process.pid, host: hostname() };
}

/** Whether a process is alive here (EPERM: alive, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run with no owner recorded (written before owners were) is taken as dead after this long. */
const OWNERLESS_AFTER_MS = 24 * 3600 * 1000;

/** Marks dead `running` runs `interrupted`; returns their ids. */
export function markInterruptedRuns(db: Database.Database, now = Date.now()): number[] {
  const rows = db.prepare("SELECT id, started_at, stats_json FROM runs WHERE status = 'running'").all() as Array<{ id: number; started_at: string; stats_json: string | null }>;
  const dead: number[] = [];
  const here = hostname();
  for (const r of rows) {
    let owner: Partial<RunOwner> | null = null;
    try {
      owner = r.stats_json ? (JSON.parse(r.stats_json) as Partial<RunOwner>) : null;
    } catch {
      owner = null;
    }
    if (owner && typeof owner.pid === 'number') {
      // Another machine's process cannot be asked; its runs are left as they are.
      if (owner.host === here && owner.pid !== process.pid && !pidAlive(owner.pid)) dead.push(r.id);
    } else if (now - Date.parse(r.started_at) > OWNERLESS_AFTER_MS) dead.push(r.id);
  }
  if (!dead.length) return dead;
  const mark = db.prepare("UPDATE runs SET status = 'interrupted' WHERE id = ? AND status = 'running'");
  db.transaction(() => {
    for (const id of dead) mark.run(id);
  })();
  return dead;
}
