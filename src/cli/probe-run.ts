// `probe`: check each force's disclosure log (see src/harvest/probe.ts) and say which need attention.
import { UsageError } from './errors.js';
import { FORCES, findForce, listingUrl, type Force } from '../sources/registry.js';
import type { ProbeResult } from '../harvest/probe.js';

export interface ProbeOptions {
  force?: string[];
  format?: string;
  baseUrl?: string[];
  userAgent?: string;
  delay?: string | number;
  timeoutMs?: number;
}

function forceOf(key: string): Force {
  const f = findForce(key);
  if (!f) throw new UsageError(`probe: unknown force "${key}" (run "foi-harvest forces" for the list)`);
  return f;
}

export async function runProbe(opts: ProbeOptions): Promise<{ results: ProbeResult[]; exitCode: number }> {
  const format = (opts.format ?? 'table').toLowerCase();
  if (format !== 'table' && format !== 'json') throw new UsageError(`probe: --format must be table or json, not "${opts.format}"`);
  const bases = new Map<string, string>();
  for (const spec of opts.baseUrl ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`probe: --base-url "${spec}" must be <force>=<url>`);
    const f = forceOf(spec.slice(0, eq).trim());
    try {
      bases.set(f.id, new URL(spec.slice(eq + 1).trim()).toString());
    } catch {
      throw new UsageError(`probe: --base-url for ${f.id}: "${spec.slice(eq + 1)}" is not a URL`);
    }
  }
  const keys = (opts.force ?? []).flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean);
  const forces = keys.length ? [...new Set(keys.map(forceOf))] : bases.size ? [...bases.keys()].map(forceOf) : [...FORCES];
  const delay = opts.delay === undefined ? 1000 : Number(opts.delay);
  if (!Number.isInteger(delay) || delay < 0) throw new UsageError(`probe: --delay must be a whole number of ms, not "${opts.delay}"`);

  const { PoliteClient } = await import('../http/client.js');
  const { probeForce } = await import('../harvest/probe.js');
  const { allowedHostsFor } = await import('../harvest/crawl.js');
  const client = new PoliteClient({ userAgent: opts.userAgent, delayMs: delay, concurrency: 8, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
  try {
    const results = await Promise.all(
      forces.map((f) => {
        const base = bases.get(f.id) ?? null;
        return probeForce(client, f, listingUrl(f, base), allowedHostsFor(f, base), base);
      }),
    );
    const exitCode = results.some((r) => r.verdict !== 'ok' && r.verdict !== 'unsupported') ? 1 : 0;
    return { results, exitCode };
  } finally {
    await client.close();
  }
}

export function probeTable(results: ProbeResult[]): string {
  const header = ['force', 'verdict', 'status', 'items', 'found_by', 'newest', 'listing_url', 'reason'];
  const rows = results.map((r) => [r.force, r.verdict, r.status === null ? '-' : String(r.status), String(r.items), r.found_by ?? '-', r.newest ?? '-', r.listing_url, r.reason ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
