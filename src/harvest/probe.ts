// `probe`: is each force's disclosure log still where the registry says, and does its adapter
// still read it? One polite GET of the first listing page (robots.txt obeyed), the items found
// and how, the newest item's date, and a verdict a weekly cron job can alert on.
import { decodeText } from '../documents/decode.js';
import { takeKeptRoot } from '../readers/html-tree.js';
import { adapterFor } from '../sources/adapters/index.js';
import type { Force } from '../sources/registry.js';
import type { HttpGetter } from './documents.js';
import { toMirror } from './crawl.js';

export type Verdict = 'ok' | 'changed' | 'blocked' | 'unreachable' | 'unsupported';

export interface ProbeResult {
  force: string;
  platform: string;
  listing_url: string;
  /** HTTP status of the listing page, or null when no answer came (network, robots.txt). */
  status: number | null;
  items: number;
  /** How the items were found: the selectors, or discovery's fallback (url-pattern, link-text), or none. */
  found_by: string | null;
  /** The newest date among the listed items, ISO, or null. */
  newest: string | null;
  verdict: Verdict;
  /** Why, in a few words, when the verdict is not ok. */
  reason: string | null;
}

export async function probeForce(http: HttpGetter, force: Force, listingUrl: string, allowedHosts: string[], baseUrl: string | null): Promise<ProbeResult> {
  const base: ProbeResult = { force: force.id, platform: force.platform, listing_url: listingUrl, status: null, items: 0, found_by: null, newest: null, verdict: 'ok', reason: null };
  if (!force.supported && !baseUrl) return { ...base, verdict: 'unsupported', reason: 'no disclosure log fetch can read (see forces --format json, evidence)' };
  let res;
  try {
    res = await http.get({ url: listingUrl, allowedHosts });
  } catch (e) {
    const err = e as { reason?: string; status?: number; message?: string };
    const message = (err.message ?? String(e)).split('\n')[0];
    const status = typeof err.status === 'number' ? err.status : null;
    if (err.reason === 'blocked') return { ...base, status, verdict: 'blocked', reason: 'blocked by a browser challenge' };
    if (err.reason === 'robots') return { ...base, verdict: 'blocked', reason: 'disallowed by robots.txt' };
    return { ...base, status, verdict: 'unreachable', reason: message };
  }
  if (!res.bytes) return { ...base, status: res.status, verdict: 'unreachable', reason: `HTTP ${res.status} with no body` };
  const html = decodeText(res.bytes, res.contentType, true).text;
  const found = adapterFor(force).discover(html, res.url);
  takeKeptRoot(html); // kept by discover for a next-page reader; a probe reads one page
  const dates = found.items.map((i) => i.date).filter((d): d is string => !!d).sort();
  const out: ProbeResult = {
    ...base,
    listing_url: listingUrl,
    status: res.status,
    items: found.items.length,
    found_by: found.via,
    newest: dates[dates.length - 1] ?? null,
  };
  if (found.via === 'none') return { ...out, verdict: 'changed', reason: 'the listing page lists no disclosures' };
  if (found.via !== 'selectors') return { ...out, verdict: 'changed', reason: `the selectors matched nothing; found by ${found.via}` };
  // Items that lead off the force's hosts mean the page is not its log any more.
  const mirrored = found.items.map((i) => toMirror(i.url, force, baseUrl));
  if (!mirrored.some((u) => allowedHosts.some((h) => new URL(u).host === h || new URL(u).hostname.endsWith(`.${h}`)))) {
    return { ...out, verdict: 'changed', reason: "the listed items are not on the force's hosts" };
  }
  return out;
}
