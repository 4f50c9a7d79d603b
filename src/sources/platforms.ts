// Per-platform listing configuration (platforms.json) merged with a force's own
// overrides (forces.json `overrides`): the data every adapter runs on.
import data from './platforms.json' with { type: 'json' };
import type { DateOrder } from './dates.js';
import type { Force } from './registry.js';

export interface Selectors {
  /** One element per disclosure on a listing page. */
  item: string;
  /** Within an item: the link to the disclosure page. */
  link: string;
  /** Within an item: its title (falls back to the link text). */
  title: string;
  /** Within an item: its date (`datetime` attribute or text). */
  date: string;
  /** Within an item: a short description, used by `--match`. */
  summary: string;
  /** On a listing page: the link to the next (older) page. */
  next: string;
  /** On a disclosure page: where attachment links are looked for (first match wins). */
  content: string;
}

export interface PlatformConfig {
  platform: string;
  name: string;
  description?: string;
  listing_template: string;
  selectors: Selectors;
  /** Item links must contain this path fragment (filters category and navigation links). */
  item_path?: string;
  /** Regex on a link's path that marks a disclosure page: what discovery falls back to when the selectors match nothing. */
  item_pattern?: string;
  /** The listing's own date-range parameters (Single Online Home's fdte / tdte), used for --since. */
  date_filter?: { from: string; to?: string; format: 'iso' | 'dmy' };
  /** The query parameter that numbers listing pages, for the pagination fallback. */
  page_param?: string;
  /** The source's own site (WhatDoTheyKnow), where it is not a force's. */
  base_url?: string;
  /** Regex (one capture group) that finds the request reference in a listing title. */
  reference_in_title?: string;
  date_order: DateOrder;
  attachment_extensions: string[];
}

type RawPlatform = Omit<PlatformConfig, 'platform'>;
const PLATFORMS = (data as unknown as { platforms: Record<string, RawPlatform> }).platforms;

export function platformIds(): string[] {
  return Object.keys(PLATFORMS);
}

export function platformConfig(platform: string): PlatformConfig | null {
  const p = PLATFORMS[platform];
  return p ? { platform, ...p, selectors: { ...p.selectors } } : null;
}

/** The force's platform configuration with its overrides applied; unknown platforms fall back to generic. */
export function configForForce(force: Force): PlatformConfig {
  const base = platformConfig(force.platform) ?? platformConfig('generic')!;
  const o = (force.overrides ?? {}) as Partial<RawPlatform> & { selectors?: Partial<Selectors> };
  return {
    ...base,
    ...(o.listing_template ? { listing_template: o.listing_template } : {}),
    ...(o.item_path !== undefined ? { item_path: o.item_path } : {}),
    ...(o.item_pattern !== undefined ? { item_pattern: o.item_pattern } : {}),
    ...(o.date_filter !== undefined ? { date_filter: o.date_filter } : {}),
    ...(o.reference_in_title ? { reference_in_title: o.reference_in_title } : {}),
    ...(o.date_order ? { date_order: o.date_order } : {}),
    ...(o.attachment_extensions ? { attachment_extensions: o.attachment_extensions } : {}),
    selectors: { ...base.selectors, ...(o.selectors ?? {}) },
  };
}

/**
 * Fills a template such as `{origin}/foi-ai/{site_slug}/disclosure-log/` from the force's data.
 * `logUrl` / `origin` are the (possibly re-based, see `--base-url`) disclosure-log URL and site root.
 */
export function fillTemplate(template: string, force: Force, at: { logUrl?: string; origin?: string } = {}): string {
  const logUrl = at.logUrl ?? force.disclosure_log_url;
  const u = new URL(logUrl);
  const values: Record<string, string> = {
    disclosure_log_url: logUrl,
    origin: at.origin ?? u.origin,
    host: u.host,
    site_slug: force.site_slug ?? force.id,
    id: force.id,
  };
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}
