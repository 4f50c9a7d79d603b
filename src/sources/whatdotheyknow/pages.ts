// WhatDoTheyKnow (mySociety's Alaveteli) as published: an authority's request list
// (/body/<url_name>, paginated HTML), a request's JSON (/request/<url_title>.json) and its
// page, whose correspondence holds the authority's responses and their attachment links
// (/request/<t>/response/<incoming id>/attach/<n>/<file>). Pure functions over the bytes.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { parseDom } from '../../readers/html-tokenizer.js';
import { z } from 'zod';
import { platformConfig } from '../platforms.js';
import { selectorAdapter, resolveLink } from '../adapters/selectors.js';
import type { Adapter } from '../adapters/types.js';

/** described_state values Alaveteli uses (WhatDoTheyKnow's set). */
export const WDTK_STATES = [
  'waiting_response', 'waiting_clarification', 'gone_postal', 'not_held', 'rejected', 'successful', 'partially_successful',
  'internal_review', 'error_message', 'requires_admin', 'user_withdrawn', 'attention_requested', 'vexatious', 'not_foi',
] as const;

/** The request list of an authority: selectors from platforms.json, with discovery's fallbacks. */
export function listingAdapter(): Adapter {
  const cfg = platformConfig('whatdotheyknow');
  if (!cfg) throw new Error('internal error: platforms.json has no whatdotheyknow entry');
  return selectorAdapter(cfg, {
    // The state shows on the listing ("icon_successful"): kept as the item's summary prefix so a
    // re-run can tell a request whose state has not moved.
    refineItem: (item, _node, wrapped) => {
      const el = wrapped();
      const state = /\bicon_([a-z_]+)/.exec(el.find('[class*=icon_]').attr('class') ?? '')?.[1] ?? null;
      // "Updated <time>": the list may be ordered by it, so it (not the request date) ends a --since walk.
      const updated = /^(\d{4}-\d{2}-\d{2})/.exec(el.find('.date_updated time[datetime], .request_listing__updated time[datetime]').first().attr('datetime') ?? '')?.[1] ?? null;
      const tags = [state ? `state:${state}` : '', updated ? `updated:${updated}` : ''].filter(Boolean).join(' ');
      return { ...item, reference: null, summary: tags ? `${tags} ${item.summary ?? ''}`.trim() : item.summary };
    },
  });
}

/** The state a listing item carries (see listingAdapter), or null. */
export function listedState(summary: string | null): string | null {
  return /(?:^|\s)state:([a-z_]+)/.exec(summary ?? '')?.[1] ?? null;
}

/** The date a listing item was last updated (see listingAdapter), or null. */
export function listedUpdate(summary: string | null): string | null {
  return /(?:^|\s)updated:(\d{4}-\d{2}-\d{2})/.exec(summary ?? '')?.[1] ?? null;
}

const RequestJson = z.object({
  url_title: z.string().min(1),
  title: z.string(),
  described_state: z.string(),
  display_status: z.string().nullish(),
  law_used: z.string().nullish(),
  created_at: z.string().nullish(),
  tags: z.array(z.array(z.string())).nullish(),
  user: z.object({ name: z.string().nullish(), url_name: z.string().nullish() }).passthrough().nullish(),
  public_body: z.object({ url_name: z.string(), name: z.string() }).passthrough().nullish(),
  info_request_events: z
    .array(z.object({ event_type: z.string(), created_at: z.string().nullish(), incoming_message_id: z.number().nullish(), described_state: z.string().nullish() }).passthrough())
    .default([]),
});
export type WdtkRequest = z.infer<typeof RequestJson>;

/** A request's JSON, checked; throws one line naming what is wrong. */
export function parseRequestJson(text: string): WdtkRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('request JSON does not parse');
  }
  const r = RequestJson.safeParse(raw);
  if (!r.success) throw new Error(`request JSON lacks ${r.error.issues[0].path.join('.') || 'its fields'}`);
  return r.data;
}

export interface ThreadMessage {
  direction: 'incoming' | 'outgoing';
  id: number;
  /** ISO date of the message, or null. */
  date: string | null;
  /** Paragraphs of the message body, as printed. */
  paragraphs: string[];
  attachments: Array<{ url: string; name: string }>;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The correspondence on a request's page, in page order. */
export function threadMessages(html: string, baseUrl: string): ThreadMessage[] {
  const $ = cheerio.load(parseDom(html));
  const out: ThreadMessage[] = [];
  $('.correspondence[id^=incoming-], .correspondence[id^=outgoing-]').each((_, node) => {
    const el = $(node as Element);
    const [dir, num] = (el.attr('id') ?? '').split('-');
    const date = el.find('.correspondence__header time[datetime], time[datetime]').first().attr('datetime')?.slice(0, 10) ?? null;
    const text = el.find('.correspondence_text').first();
    const paragraphs: string[] = [];
    text.find('p, li, h2, h3, h4, td').each((__, p) => {
      const $p = $(p as Element);
      if ($p.find('p, li').length) return; // the innermost blocks only
      const t = collapse($p.text());
      if (t) paragraphs.push(t);
    });
    if (!paragraphs.length && collapse(text.text())) paragraphs.push(...text.text().split(/\n{2,}/).map(collapse).filter(Boolean));
    const attachments: ThreadMessage['attachments'] = [];
    el.find('a[href*="/attach/"]').each((__, a) => {
      const $a = $(a as Element);
      const url = resolveLink($a.attr('href'), baseUrl);
      // "View as HTML" renderings are Alaveteli's, not the authority's document.
      if (!url || /\.html?$/i.test(new URL(url).pathname) && /\.[a-z0-9]+\.html?$/i.test(new URL(url).pathname) || attachments.some((x) => x.url === url)) return;
      attachments.push({ url, name: collapse($a.text()) || decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') });
    });
    out.push({ direction: dir === 'incoming' ? 'incoming' : 'outgoing', id: Number(num), date, paragraphs, attachments });
  });
  return out;
}
