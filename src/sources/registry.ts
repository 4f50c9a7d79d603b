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

/** The force whose web host serves `url`, or null. The longest matching host wins. */
export function forceForUrl(url: string | null | undefined): Force | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const hostPath = `${host}${u.pathname.toLowerCase()}`;
  let best: { force: Force; len: number } | null = null;
  for (const f of FORCES) {
    for (const h of f.hosts) {
      const hit = h.includes('/') ? hostPath.startsWith(h) : host === h || host.endsWith(`.${h}`);
      if (hit && (!best || h.length > best.len)) best = { force: f, len: h.length };
    }
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
