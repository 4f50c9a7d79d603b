// What a newcomer meets first (issue 15): the command with no arguments, a checkout that was
// never built, pipes closed early, errors that name the real cause, progress only on a
// terminal, and JSON log lines for cron.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFetch } from '../../src/cli/fetch-run.js';
import { formatStatus } from '../../src/cli/status-run.js';
import { createLog, newRunId } from '../../src/cli/log.js';
import { wantsProgress } from '../../src/cli/progress.js';
import { startSite } from '../../src/fixture-server/server.js';
import { Store } from '../../src/store/store.js';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { SITES, runCliAsync, tempDir } from './fetch-support.js';

const tmp = tempDir('first');
afterAll(() => tmp.cleanup());

const ESC = '\u001b';

/** Runs a shell pipeline; returns the exit status of the first command (PIPESTATUS[0]) and its stderr. */
function pipeline(cmd: string): { status: string; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `${cmd}; echo "status=\${PIPESTATUS[0]}" >&3`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const fd3 = (r.output[3] ?? '').toString();
  return { status: /status=(\d+)/.exec(fd3)?.[1] ?? '?', stdout: r.stdout, stderr: r.stderr };
}

describe('first contact with the command', () => {
  it('with no arguments prints the help on stderr and exits 2', () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: foi-harvest \[options\] \[command\]\n/);
    expect(r.stderr).toContain('\nCommands:\n');
  });

  it('a checkout that was never built says "run npm run build" in one line', () => {
    // The entry point alone, beside no dist/: what a fresh clone has before npm ci.
    const bare = join(tmp.dir, 'bare');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    copyFileSync(BIN, join(bare, 'bin', 'foi-harvest.js'));
    const r = spawnSync(process.execPath, [join(bare, 'bin', 'foi-harvest.js'), 'forces'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`foi-harvest: error: not built yet: run npm run build in ${bare}/\n`);
  });

  it('unknown options and commands get the one error prefix', () => {
    const r = runCli(['fetch', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("foi-harvest: error: unknown option '--nope'");
  });
});

describe('pipes closed early', () => {
  // `| true` closes the pipe before the tool writes a byte: the write meets EPIPE every time.
  const INPUTS = Array(12).fill('fixtures/parse/dismissals.txt').join(' ');
  it.each([
    ['parse … --format ndjson | true', `node bin/foi-harvest.js parse ${INPUTS} --format ndjson | true`],
    ['parse … --format ndjson | head -1', `node bin/foi-harvest.js parse ${INPUTS} --format ndjson | head -1`],
    ['schema | true', 'node bin/foi-harvest.js schema | true'],
    ['schema | head -1', 'node bin/foi-harvest.js schema | head -1'],
    ['forces | true', 'node bin/foi-harvest.js forces | true'],
    ['forces --format json | head -c 1', 'node bin/foi-harvest.js forces --format json | head -c 1'],
  ])('%s ends quietly with status 0', (_name, cmd) => {
    const r = pipeline(cmd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe('0');
    if (cmd.includes('| head -1')) expect(r.stdout.split('\n')).toHaveLength(2); // one line
  });
});

describe('errors say what happened', () => {
  it('a fetch from a closed port is "connection refused", never robots; status counts the failures; the run is an error', async () => {
    const site = await startSite(join(SITES, 'single-online-home-essex'));
    const base = `${site.url}/`;
    await site.close(); // nothing listens there any more
    const store = join(tmp.dir, 'refused.db');
    const lines: string[] = [];
    const log = createLog({ format: 'json', write: (l) => lines.push(l), verbose: true });
    const summary = await runFetch({ force: ['essex'], baseUrl: [`essex=${base}`], store, delay: 0, retryBaseMs: 5, timeoutMs: 2000, log, progress: false });
    expect(summary.status).toBe('failed');
    expect(summary.robotsBlocked).toBe(0);
    expect(summary.failures.length).toBeGreaterThan(0);
    for (const f of summary.failures) {
      expect(f.reason).toMatch(/connection refused \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);
      expect(f.reason).not.toMatch(/robots/i);
    }
    const events = lines.map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ run: log.run, level: 'info', event: 'run-start' });
    expect(events.at(-1)).toMatchObject({ run: log.run, level: 'info', event: 'run-finish', status: 'failed' });
    expect(events.find((e) => e.event === 'run-failed')).toMatchObject({ level: 'error' });
    expect(events.map((e) => e.message).join("\n")).not.toMatch(/robots/i);

    const s = Store.open(store);
    try {
      const text = formatStatus(s.status());
      expect(text).toContain(`\nfailed fetches (run #${summary.runId}): ${summary.failures.length}\n`);
      expect(text).toMatch(/\nlast run: #\d+ fetch, failed, \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+\.\d s\): \d+ requests?, 0 new, 0 changed, 0 unchanged, \d+ failed\n/);
    } finally {
      s.close();
    }
  });
});

describe('logs for cron', () => {
  it('--log-format json: every stderr line has time, run, level, event; --verbose adds one debug line per disclosure', async () => {
    const site = await startSite(join(SITES, 'single-online-home-essex'));
    try {
      const store = join(tmp.dir, 'json.db');
      const r = await runCliAsync(['fetch', '--force', 'essex', '--base-url', `essex=${site.url}/`, '--store', store, '--delay', '0', '--log-format', 'json', '--verbose']);
      expect(r.code, r.stderr).toBe(0);
      const events = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
      for (const e of events) {
        expect(Object.keys(e).slice(0, 5)).toEqual(['time', 'run', 'level', 'event', 'message']);
        expect(e.run).toBe(events[0].run);
      }
      expect(events[0].event).toBe('run-start');
      expect(events.at(-1)).toMatchObject({ event: 'run-finish', status: 'ok', summary: { disclosures: { new: 7 } } });
      const perDisclosure = events.filter((e) => e.event === 'disclosure');
      expect(perDisclosure).toHaveLength(7);
      expect(perDisclosure.every((e) => e.level === 'debug' && e.force === 'essex' && e.outcome === 'new')).toBe(true);
      // Without --verbose: no debug lines.
      const quiet = await runCliAsync(['fetch', '--force', 'essex', '--base-url', `essex=${site.url}/`, '--store', store, '--delay', '0', '--log-format', 'json']);
      expect(quiet.stderr.split('\n').filter((l) => l.includes('"debug"'))).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('run ids sort by time', () => {
    expect(newRunId(new Date('2026-11-30T01:45:00.123Z'), 42)).toBe('20261130T014500Z-42');
  });
});

describe('progress only where a person watches', () => {
  it.each([
    [{ isTTY: true, env: {} }, true],
    [{ isTTY: true, env: { TERM: 'xterm-256color' } }, true],
    [{ isTTY: false, env: {} }, false],
    [{ isTTY: undefined, env: {} }, false],
    [{ isTTY: true, env: { TERM: 'dumb' } }, false],
    [{ isTTY: true, env: { NO_PROGRESS: '1' } }, false],
    [{ isTTY: true, env: {}, logFormat: 'json' }, false],
  ])('%j → %s', (t, want) => {
    expect(wantsProgress(t)).toBe(want);
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('demo on a terminal draws a bar and clears it; piped, not one control character', async () => {
    const out = join(tmp.dir, 'tty');
    const typescript = join(tmp.dir, 'typescript');
    const cmd = `${process.execPath} ${BIN} demo --store ${join(out, 'demo.db')} --out ${join(out, 'data')}`;
    // util-linux `script` gives the command a pseudo-terminal and records what it drew.
    const r = spawnSync('script', ['-qfec', cmd, typescript], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, TERM: 'xterm' } });
    expect(r.status, r.stderr).toBe(0);
    const screen = readFileSync(typescript, 'utf8');
    expect(screen).toMatch(/fetch \S* \d\/6 forces \| \d+ disclosures \| \d+ requests/);
    // Cleared before the summary: the line is erased and the cursor shown again.
    expect(screen).toMatch(new RegExp(`${ESC}\\[2K[^\\n]*fetch: 6 forces;`));

    const piped = await runCliAsync(['demo', '--store', join(out, 'piped.db'), '--out', join(out, 'piped')]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout + piped.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});
