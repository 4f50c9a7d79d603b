// Helpers for the fetch / demo end-to-end tests: the CLI run asynchronously (the fixture
// servers live in the test process, so a blocking spawnSync would starve them), temp dirs,
// and a look into the store a run wrote.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, type CliResult } from '../support/cli.js';

export const SITES = join(ROOT, 'fixtures', 'sites');

export function runCliAsync(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `foi-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private copy of a fixture site that a test may edit. */
export function copySite(name: string, into: string): string {
  const dest = join(into, name);
  cpSync(join(SITES, name), dest, { recursive: true });
  return dest;
}

/** The JSON summary `fetch --log-format json` prints on stdout (its last line). */
export function summaryOf(r: CliResult): any {
  const lines = r.stdout.trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`no JSON summary on stdout (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}
