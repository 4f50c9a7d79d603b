// Export files are written into a staging directory beside --out and only then renamed
// into place, one file at a time: a reader never sees a half-written file, and a failed
// or killed export leaves the previous files as they were.
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

const STAGE_TAG = '.export-';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging directories left by exports that were killed (their pid is gone). */
async function removeStaleStages(parent: string, base: string): Promise<void> {
  const prefix = `.${base}${STAGE_TAG}`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Test-only fault injection (FOI_HARVEST_TEST_EXPORT_FAULT): `fail` throws once every file is
 * staged, `pause:<ms>` waits there, so tests can break or kill an export at its worst moment.
 */
async function testFault(): Promise<void> {
  const fault = process.env.FOI_HARVEST_TEST_EXPORT_FAULT;
  if (!fault) return;
  if (fault === 'fail') throw new Error('injected failure (FOI_HARVEST_TEST_EXPORT_FAULT)');
  const pause = /^pause:(\d+)$/.exec(fault);
  if (pause) await new Promise((r) => setTimeout(r, Number(pause[1])));
}

/** Calls `write(stageDir)`, which returns the file names it wrote there, then moves them into `out`. */
export async function writeAtomically(out: string, write: (stage: string) => Promise<string[]>): Promise<string[]> {
  const target = resolve(out);
  const st = await stat(target).catch(() => null);
  if (st && !st.isDirectory()) throw new Error(`${out} is not a directory`);
  await mkdir(target, { recursive: true });
  const parent = dirname(target);
  const base = basename(target);
  await removeStaleStages(parent, base);
  const stage = await mkdtemp(join(parent, `.${base}${STAGE_TAG}${process.pid}-`));
  try {
    const files = await write(stage);
    await testFault();
    for (const f of files) await rename(join(stage, f), join(target, f));
    return files;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
