// `demo`: serve the bundled fixture sites on 127.0.0.1 and run the whole job against them —
// fetch every site's forces through `--base-url`, then export — so a newcomer sees the tool
// work, offline, in a few seconds.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';
import type { FetchSummary } from '../harvest/summary.js';

export interface DemoOptions {
  store?: string;
  out?: string;
  /** First port to serve the sites on (one port per site, counting up); default: any free ports. */
  port?: string | number;
  /** Where the fixture sites are; default: the package's fixtures/sites. */
  sites?: string;
  /** Per-host delay for the loopback servers, ms. */
  delay?: number;
}

export interface DemoResult {
  summary: FetchSummary;
  /** The WhatDoTheyKnow harvest, when a site of that kind is bundled. */
  wdtkSummary: FetchSummary | null;
  out: string;
  store: string;
  files: string[];
  sites: Array<{ site: string; url: string; platform: string; forces: string[]; source?: string }>;
}

export const DEFAULT_SITES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'sites');
/**
 * Ports tried first when --port is not given: the same ports on every run make a second
 * demo over the same store a real incremental run (same URLs, so 304s and "unchanged").
 * Any that is taken falls back to a free port.
 */
export const DEFAULT_DEMO_PORT = 47801;

interface SiteMeta {
  platform: string;
  forces: string[];
  /** `whatdotheyknow`: the site is WhatDoTheyKnow-like, harvested with fetch --source whatdotheyknow. */
  source?: string;
}

async function siteDirs(root: string): Promise<Array<{ name: string; dir: string; meta: SiteMeta }>> {
  let names: string[];
  try {
    names = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    throw new UsageError(`demo: no fixture sites at ${root}`);
  }
  const out = [];
  for (const name of names) {
    const dir = join(root, name);
    let meta: SiteMeta;
    try {
      meta = JSON.parse(await readFile(join(dir, 'site.json'), 'utf8')) as SiteMeta;
    } catch {
      continue; // not a site (no site.json)
    }
    if (Array.isArray(meta.forces) && meta.forces.length) out.push({ name, dir, meta });
  }
  if (!out.length) throw new UsageError(`demo: no fixture sites (with site.json) under ${root}`);
  return out;
}

export async function runDemo(opts: DemoOptions, print: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<DemoResult> {
  const out = resolve(opts.out ?? './demo-out');
  // Not ./foi-harvest.db: demo data must never mix with a real harvest.
  const storePath = resolve(opts.store ?? './foi-harvest-demo.db');
  // Paths are printed as the user gave them (or as the defaults read), so the next command can be typed as shown.
  const shownOut = (opts.out ?? 'demo-out').replace(/[\\/]+$/, '');
  const shownStore = opts.store ?? 'foi-harvest-demo.db';
  let port: number | null = null;
  if (opts.port !== undefined && opts.port !== '') {
    port = Number(opts.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`demo: --port must be a port number (1-65535), not "${opts.port}"`);
  }
  const root = resolve(opts.sites ?? DEFAULT_SITES);
  const sites = await siteDirs(root);
  if (port !== null && port + sites.length - 1 > 65535) throw new UsageError(`demo: --port ${port} leaves no room for ${sites.length} sites`);

  const { startSite } = await import('../fixture-server/server.js');
  const { runFetch } = await import('./fetch-run.js');
  const { summaryLine } = await import('../harvest/summary.js');
  const servers: Array<{ close(): Promise<void> }> = [];
  try {
    const started: DemoResult['sites'] = [];
    for (const [i, s] of sites.entries()) {
      let server;
      try {
        server = await startSite(s.dir, { port: (port ?? DEFAULT_DEMO_PORT) + i }).catch((e: NodeJS.ErrnoException) => {
          if (port === null && (e.code === 'EADDRINUSE' || e.code === 'EACCES')) return startSite(s.dir, { port: 0 });
          throw e;
        });
      } catch (e) {
        throw new UsageError(`demo: cannot serve ${s.name}${port === null ? '' : ` on port ${port + i}`}: ${e instanceof Error ? e.message : String(e)}`);
      }
      servers.push(server);
      started.push({ site: s.name, url: server.url, platform: s.meta.platform, forces: s.meta.forces, source: s.meta.source });
      print(`serving ${s.name} (${s.meta.platform}: ${s.meta.forces.join(', ')}) at ${server.url}/`);
    }
    const logs = started.filter((s) => s.source !== 'whatdotheyknow');
    const wdtk = started.find((s) => s.source === 'whatdotheyknow') ?? null;
    const summary = await runFetch({
      force: logs.flatMap((s) => s.forces),
      baseUrl: logs.flatMap((s) => s.forces.map((f) => `${f}=${s.url}/`)),
      store: storePath,
      // Loopback servers: a short delay keeps the per-host manners visible without the wait.
      delay: opts.delay ?? 20,
      concurrency: Math.max(1, logs.length),
      retryBaseMs: 50,
      timeoutMs: 15_000,
    });
    const forceLine = (id: string, f: FetchSummary['forces'][string]) =>
      `  ${id.padEnd(18)} ${String(f.disclosures).padStart(3)} disclosures (${f.new} new, ${f.changed} changed, ${f.unchanged} unchanged) from ${f.listed} listed${f.skipped.robots ? `, ${f.skipped.robots} not fetched (robots.txt)` : ''}${f.failures ? `, ${f.failures} failed` : ''}`;
    print(summaryLine(summary));
    for (const [id, f] of Object.entries(summary.forces)) print(forceLine(id, f));
    // The same forces' requests on the WhatDoTheyKnow-like site, into the same store.
    let wdtkSummary: FetchSummary | null = null;
    if (wdtk) {
      wdtkSummary = await runFetch({
        source: 'whatdotheyknow',
        force: wdtk.forces,
        baseUrl: [`whatdotheyknow=${wdtk.url}/`],
        store: storePath,
        delay: opts.delay ?? 20,
        retryBaseMs: 50,
        timeoutMs: 15_000,
      });
      print(`whatdotheyknow ${summaryLine(wdtkSummary)}`);
      for (const [id, f] of Object.entries(wdtkSummary.forces)) print(forceLine(id, f));
    }

    const { Store } = await import('../store/store.js');
    const { exportStore } = await import('./export-run.js');
    const store = Store.open(storePath);
    let files: string[];
    try {
      const r = await exportStore(store, { out, formats: ['csv', 'json', 'ndjson', 'sqlite'] });
      files = r.files;
      print(`exported ${r.disclosures} disclosures to ${shownOut}/ (${files.map((f) => f.split(/[\\/]/).pop()).join(', ')})`);
    } finally {
      store.close();
    }
    print(`store: ${shownStore} (try: foi-harvest status --store ${shownStore})`);
    return { summary, wdtkSummary, out, store: storePath, files, sites: started };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
