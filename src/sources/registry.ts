// The force registry (forces.json) and look-ups by id, alias and URL.
import data from './forces.json' with { type: 'json' };
import { configForForce, fillTemplate } from './platforms.js';

export interface Force {
  id: string;
  name: string;
  aliases: string[];
  /** Host suffixes (or host + path prefixes) whose pages belong to the force. */
  hosts: string[];
  platform: string;
  country: 'england' | 'wales' | 'scotland' | 'northern-ireland' | 'uk';
  act: 'FOIA' | 'FOISA';
  disclosure_log_url: string;
  supported: boolean;
  site_slug?: string;
  overrides?: Record<string, unknown>;
  /** What the entry's facts rest on: which facts, the public source, and its date. */
  evidence: Array<{ facts: string; source: string; date: string }>;
  /** The force's authority on WhatDoTheyKnow (`by_convention`: the <county>_police pattern, unchecked). */
  whatdotheyknow?: { url_name: string; by_convention?: boolean };
}

export const FORCES: readonly Force[] = (data as { forces: Force[] }).forces;

const norm = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim();

// Normalised id → force, then name/alias → force (first in registry order wins), built once:
// the extractors ask for every heading line, and normalising the whole registry each time
// was a tenth of HTML parse time (npm run bench).
let byId: Map<string, Force> | null = null;
let byName: Map<string, Force> | null = null;
function lookupMaps(): [Map<string, Force>, Map<string, Force>] {
  if (!byId || !byName) {
    byId = new Map();
    byName = new Map();
    for (const f of FORCES) {
      if (!byId.has(norm(f.id))) byId.set(norm(f.id), f);
      for (const n of [f.name, ...f.aliases]) if (!byName.has(norm(n))) byName.set(norm(n), f);
    }
  }
  return [byId, byName];
}

/** A force by id, alias or name ("psni", "the Met", "West Midlands Police"), or null. */
export function findForce(key: string): Force | null {
  const k = norm(key);
  if (!k) return null;
  const [ids, names] = lookupMaps();
  return ids.get(k) ?? names.get(k) ?? null;
}

// Each host of the registry as forceForUrl compares it, in registry order, built once: the
// host's "." + suffix form was a new string per host per call (53 per document; issue 17).
interface HostEntry {
  force: Force;
  h: string;
  dotted: string;
  path: boolean;
}
let hostEntries: HostEntry[] | null = null;
const hosts = (): HostEntry[] => (hostEntries ??= FORCES.flatMap((force) => force.hosts.map((h) => ({ force, h, dotted: `.${h}`, path: h.includes('/') }))));

// A URL of printable ASCII without "%" names its host as printed, up to case (the parser only
// lower-cases it): a host of the registry (its part before any "/") must then stand in the URL
// itself, and a URL holding none is not parsed (~1 µs) to find that out. A URL with other
// characters (percent escapes, non-ASCII letters, tabs the parser drops) is always parsed.
const PARSE_ALWAYS = /[^\x21-\x7e]|%/;
let hostHeads: RegExp | null = null;
const mayNameHost = (url: string): boolean =>
  PARSE_ALWAYS.test(url) || (hostHeads ??= new RegExp(hosts().map((e) => e.h.split('/')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')).test(url);

/** mayNameHost, for tests: wherever it is false, forceForUrl must find no force. */
export const forceForUrlGate = (url: string): boolean => mayNameHost(url);

/** The force whose web host serves `url`, or null. The longest matching host wins (the first in registry order of equals). */
export function forceForUrl(url: string | null | undefined): Force | null {
  if (!url || !mayNameHost(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  let hostPath: string | null = null;
  let best: HostEntry | null = null;
  for (const e of hosts()) {
    const hit = e.path ? (hostPath ??= `${host}${u.pathname.toLowerCase()}`).startsWith(e.h) : host === e.h || host.endsWith(e.dotted);
    if (hit && (!best || e.h.length > best.h.length)) best = e;
  }
  return best?.force ?? null;
}

/** Forces the harvester can crawl (an adapter exists and the site is known to work). */
export function supportedForces(): Force[] {
  return FORCES.filter((f) => f.supported);
}

/**
 * `url` moved onto a mirror: the mirror's origin and path prefix replace the original origin
 * (`--base-url essex=http://127.0.0.1:5000/` serves /foi-ai/essex-police/… from the local server).
 */
export function rebaseUrl(url: string, base: string): string {
  const u = new URL(url);
  const b = new URL(base);
  return `${b.origin}${b.pathname.replace(/\/+$/, '')}${u.pathname}${u.search}`;
}

/**
 * The first listing page of the force's disclosure log, on its own site or on a mirror.
 * With `since` (ISO), a listing that filters by date itself (Single Online Home's `fdte`) is asked to.
 */
export function listingUrl(force: Force, baseUrl?: string | null, since?: string | null): string {
  const cfg = configForForce(force);
  let url: string;
  if (!baseUrl) url = fillTemplate(cfg.listing_template, force);
  else {
    const b = new URL(baseUrl);
    url = fillTemplate(cfg.listing_template, force, {
      logUrl: rebaseUrl(force.disclosure_log_url, baseUrl),
      origin: `${b.origin}${b.pathname.replace(/\/+$/, '')}`,
    });
  }
  if (since && cfg.date_filter) {
    const [y, m, d] = since.split('-');
    const value = cfg.date_filter.format === 'dmy' ? `${d}/${m}/${y}` : since;
    // Appended by hand, not URLSearchParams: the listing's own query (`q=&dt=Disclosure+log`) stays byte for byte.
    url += `${url.includes('?') ? '&' : '?'}${encodeURIComponent(cfg.date_filter.from)}=${encodeURIComponent(value)}`;
  }
  return url;
}
