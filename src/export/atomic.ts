// An export is a set of files that must be read together (disclosures.csv with the
// figures.csv of the same run). Each export is written into a fresh directory beside --out
// (`.<out>.set-<time>-<pid>`) and `<out>` is a symlink switched to it with one rename(2):
// a reader sees the whole previous set or the whole new one, never a mix, and a failed or
// killed export leaves the previous set exactly as it was. The set before the current one is
// kept (a reader that is mid-way through it can finish); older sets are removed.
//
// --out must be ours: absent, an empty directory, or one holding the marker file we write
// into every set. Anything else (`--out /`, a directory of the user's own files) is refused
// unless `overwrite` is given, and even then the user's files are never deleted: a foreign
// directory is written into file by file, as asked.
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, rmdir, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pidAlive } from '../store/runs.js';

const STAGE_TAG = '.export-';
const SET_TAG = '.set-';
/** Written into every export set: the directory is ours to replace. */
export const EXPORT_MARKER = '.foi-harvest-export';
const MARKER_TEXT = JSON.stringify({ written_by: 'foi-harvest', note: 'foi-harvest export: this directory is replaced by the next export' }) + '\n';

export class OutDirError extends Error {}


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

const hasMarker = (dir: string) =>
  readFile(join(dir, EXPORT_MARKER), 'utf8').then(
    (t) => t.includes('"written_by":"foi-harvest"'),
    () => false,
  );

type OutState =
  | { kind: 'absent' }
  | { kind: 'link'; target: string | null } // our symlink; target = the set it points to
  | { kind: 'dir'; empty: boolean } // a real directory that is ours (marker) or empty
  | { kind: 'foreign'; why: string };

async function outState(target: string): Promise<OutState> {
  const l = await lstat(target).catch(() => null);
  if (!l) return { kind: 'absent' };
  if (l.isSymbolicLink()) {
    const st = await stat(target).catch(() => null);
    if (!st) return { kind: 'foreign', why: 'is a broken symbolic link' };
    if (!st.isDirectory()) return { kind: 'foreign', why: 'is not a directory' };
    const entries = await readdir(target);
    if (entries.length && !(await hasMarker(target))) return { kind: 'foreign', why: 'links to a directory holding files foi-harvest did not write' };
    return { kind: 'link', target: resolve(dirname(target), await readlink(target)) };
  }
  if (!l.isDirectory()) return { kind: 'foreign', why: 'is not a directory' };
  const entries = await readdir(target);
  if (!entries.length) return { kind: 'dir', empty: true };
  if (await hasMarker(target)) return { kind: 'dir', empty: false };
  return { kind: 'foreign', why: `holds files foi-harvest did not write (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})` };
}

/** Sets beside `out` other than those in `keep`, carrying our marker: removed. */
async function removeOldSets(parent: string, base: string, keep: Set<string>): Promise<void> {
  const prefix = `.${base}${SET_TAG}`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const p = join(parent, name);
    if (!name.startsWith(prefix) || keep.has(p)) continue;
    if (await hasMarker(p)) await rm(p, { recursive: true, force: true });
  }
}

export interface AtomicOptions {
  /** Write into an --out that holds files foi-harvest did not write (they are kept; same names are replaced). */
  overwrite?: boolean;
}

/** Calls `write(stageDir)`, which returns the file names it wrote there, then makes them the set at `out`. */
export async function writeAtomically(out: string, write: (stage: string) => Promise<string[]>, opts: AtomicOptions = {}): Promise<string[]> {
  const target = resolve(out);
  const parent = dirname(target);
  const base = basename(target);
  const cwd = resolve(process.cwd());
  if (target === parent || cwd === target || cwd.startsWith(target + sep)) {
    throw new OutDirError(`--out ${out}: is ${target === parent ? 'the root directory' : 'the current directory or one above it'}; give a directory of its own for the export`);
  }
  const state = await outState(target);
  if (state.kind === 'foreign' && !opts.overwrite) {
    throw new OutDirError(`--out ${out}: ${state.why}; give an empty or new directory, or --overwrite to write into it anyway`);
  }
  await mkdir(parent, { recursive: true });
  await removeStaleStages(parent, base);
  const stage = await mkdtemp(join(parent, `.${base}${STAGE_TAG}${process.pid}-`));
  try {
    const files = await write(stage);
    await writeFile(join(stage, EXPORT_MARKER), MARKER_TEXT);
    await testFault();
    if (state.kind === 'foreign') {
      // Asked to write into someone else's directory: file by file, their other files kept, and
      // no marker (it stays theirs: a later export will not move or delete it).
      const dir = (await lstat(target)).isSymbolicLink() ? resolve(parent, await readlink(target)) : target;
      for (const f of files) await rename(join(stage, f), join(dir, f));
      return files;
    }
    const set = join(parent, `.${base}${SET_TAG}${Date.now()}-${process.pid}`);
    await rename(stage, set);
    const keep = new Set([set]);
    if (state.kind === 'dir') {
      // A real directory (an older export, or an empty one made for us) becomes the previous
      // set, and its name the symlink: the one moment without a complete set at `out`.
      const previous = join(parent, `.${base}${SET_TAG}0-${process.pid}-previous`);
      await rename(target, previous);
      if (state.empty) await rmdir(previous);
      else keep.add(previous);
    } else if (state.kind === 'link' && state.target) keep.add(state.target);
    const link = join(parent, `.${base}.link-${process.pid}`);
    await rm(link, { force: true });
    await symlink(relative(parent, set), link, 'dir');
    await rename(link, target);
    await removeOldSets(parent, base, keep);
    return files;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
