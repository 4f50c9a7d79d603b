// What a fetch run did, counted as it goes: kept in the runs table, printed at the end
// (one human line, or JSON), and returned to `refresh`.

export interface ForceSummary {
  /** Items read from the force's listing pages (before --since / --match / --limit). */
  listed: number;
  listingPages: number;
  /** Disclosures stored or confirmed this run (new + changed + unchanged). */
  disclosures: number;
  new: number;
  changed: number;
  unchanged: number;
  failures: number;
  /** Listing pages that should have listed disclosures and listed none ("site has probably changed"). */
  zeroItemWarnings: number;
  /** The listing still had a next page when the page cap stopped it. */
  listingCapped?: boolean;
  skipped: { since: number; match: number; robots: number };
  /** How listing items and pages were found: the selectors, or what discovery fell back to. */
  discovery: { items: 'selectors' | 'url-pattern' | 'link-text' | 'none' | null; paging: string[] };
  /** The listing answered with a browser challenge (403/503 bot defence). */
  blocked: boolean;
}

export interface FetchFailure {
  force: string;
  url: string;
  reason: string;
}

export interface FetchSummary {
  runId: number;
  store: string;
  status: 'ok' | 'partial' | 'failed';
  requests: number;
  /** Responses by status class: "200", "304", "4xx", "5xx" (and "other" for the rest, e.g. 3xx). */
  responses: Record<string, number>;
  retries: number;
  robotsBlocked: number;
  bytes: number;
  disclosures: { new: number; changed: number; unchanged: number };
  failures: FetchFailure[];
  warnings: string[];
  forces: Record<string, ForceSummary>;
}

export function emptyForceSummary(): ForceSummary {
  return { listed: 0, listingPages: 0, disclosures: 0, new: 0, changed: 0, unchanged: 0, failures: 0, zeroItemWarnings: 0, skipped: { since: 0, match: 0, robots: 0 }, discovery: { items: null, paging: [] }, blocked: false };
}

/** Folds the HTTP client's per-status counts into the classes the summary reports. */
export function statusClasses(byStatus: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { '200': 0, '304': 0, '4xx': 0, '5xx': 0 };
  for (const [k, v] of Object.entries(byStatus)) {
    const code = Number(k);
    if (code === 200 || code === 304) out[k] += v;
    else if (code >= 400 && code < 500) out['4xx'] += v;
    else if (code >= 500 && code < 600) out['5xx'] += v;
    else if (code >= 200 && code < 300) out['200'] += v;
    else out.other = (out.other ?? 0) + v;
  }
  return out;
}

function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** One line for people: what was asked for, what came back, what changed, what failed. */
export function summaryLine(s: FetchSummary): string {
  const r = s.responses;
  const statuses = Object.entries(r)
    .filter(([k, v]) => v > 0 || k === '200' || k === '304')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const forces = Object.keys(s.forces).length;
  const zero = Object.values(s.forces).reduce((a, f) => a + f.zeroItemWarnings, 0);
  return (
    `fetch: ${forces} force${forces === 1 ? '' : 's'}; ${s.requests} requests (${statuses}), ${s.retries} retries, ` +
    `${s.robotsBlocked} robots-blocked, ${humanBytes(s.bytes)}; disclosures ${s.disclosures.new} new, ${s.disclosures.changed} changed, ` +
    `${s.disclosures.unchanged} unchanged; ${s.failures.length} failed` +
    (zero ? `; ${zero} listing page${zero === 1 ? '' : 's'} with no items (site changed?)` : '')
  );
}

/** Per-force lines, printed under the summary when more than one force ran or something went wrong. */
export function forceLines(s: FetchSummary): string[] {
  return Object.entries(s.forces).map(
    ([id, f]) =>
      `  ${id}: ${f.listed} listed on ${f.listingPages} page${f.listingPages === 1 ? '' : 's'}, ${f.disclosures} disclosures (${f.new} new, ${f.changed} changed, ${f.unchanged} unchanged), ` +
      `${f.failures} failed${f.zeroItemWarnings ? `, ${f.zeroItemWarnings} zero-item warning${f.zeroItemWarnings === 1 ? '' : 's'}` : ''}` +
      `${f.discovery.items && f.discovery.items !== 'selectors' && f.discovery.items !== 'none' ? `, items found by ${f.discovery.items} (selectors matched nothing)` : ''}${f.blocked ? ', blocked by a browser challenge' : ''}`,
  );
}
