// `foi-harvest report`: a static review site from the store. index.html (overview, charts,
// forces × topics, latest disclosures, last run's changes and failures, corrections, a
// filterable list) and one page per disclosure showing its source documents with every
// extracted row highlighted where it was read. Opens from file:// with no network.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyCorrections, orphanedByRemoval } from '../corrections/apply.js';
import type { Correction, CorrectionOutcome } from '../corrections/types.js';
import { sha256Hex } from '../documents/hash.js';
import { buildChanges } from '../export/changes.js';
import { writeAtomically } from '../export/atomic.js';
import { flatFigures } from '../export/figures-flat.js';
import { readDocument } from '../readers/index.js';
import { CHILD_TABLES, type DatasetDisclosure } from '../records/schema.js';
import { TOPICS } from '../records/vocab.js';
import { FORCES } from '../sources/registry.js';
import type { Store } from '../store/store.js';
import { TopicTally, disclosuresChart, type Chart } from './charts.js';
import { renderDoc } from './highlight.js';
import { FILTER_SCRIPT, SCROLL_SCRIPT, esc, page } from './html.js';
import type { Mark, ShownDoc } from './types.js';

export interface ReportResult {
  files: string[];
  disclosures: number;
  /** Extracted rows whose place in the source could not be found (shown on their pages). */
  unplaced: number;
}

export function pageName(id: string): string {
  return `disclosure-${id.replace(/[^A-Za-z0-9._-]+/g, '_')}-${sha256Hex(new TextEncoder().encode(id)).slice(0, 6)}.html`;
}

const MARKED = ['figures', 'questions', 'periods', 'exemptions', 'cases'] as const;

function marksOf(d: DatasetDisclosure): Mark[] {
  const out: Mark[] = [];
  for (const t of MARKED) for (const r of d[t]) out.push({ key: `${t}-${r.ordinal}`, kind: t, locator: r.locator, text: r.text, sha256: r.sha256 });
  return out;
}

async function showDocs(store: Store, d: DatasetDisclosure): Promise<ShownDoc[]> {
  const docs: ShownDoc[] = [];
  const seen = new Set<string>();
  for (const s of store.sourcesOf(d.id)) {
    if (!s.sha256 || seen.has(s.sha256)) continue;
    seen.add(s.sha256);
    const bytes = store.getDocument(s.sha256);
    let read = null;
    let error: string | null = null;
    if (!bytes) error = 'document missing from the store';
    else {
      try {
        read = await readDocument({ bytes, name: s.name ?? s.url, contentType: s.contentType, url: s.url });
      } catch (e) {
        error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    docs.push({ sha256: s.sha256, role: s.role, url: s.url, name: s.name ?? null, read, error });
  }
  return docs;
}

type Applied = Map<string, CorrectionOutcome>; // `${table}-${ordinal}-${field}` → outcome

function shown(applied: Applied, table: string, ordinal: number | null, field: string, value: unknown): string {
  const o = applied.get(`${table}-${ordinal ?? 0}-${field}`);
  const text = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join('; ') : String(v));
  if (!o) return esc(text(value));
  return `<span class="corrected-mark" title="${esc(`corrected: ${o.reason}`)}"><del>${esc(text(o.from))}</del> <ins>${esc(text(value))}</ins></span>`;
}

function disclosurePage(d: DatasetDisclosure, docs: ShownDoc[], forceName: string | null, outcomes: CorrectionOutcome[]): { html: string; unplaced: number } {
  const applied: Applied = new Map(outcomes.filter((o) => o.status === 'applied').map((o) => [`${o.table}-${o.ordinal ?? 0}-${o.field}`, o]));
  const marks = marksOf(d);
  const placed = new Set<string>();
  let sources = '';
  for (const doc of docs) {
    const mine = marks.filter((m) => m.sha256 === doc.sha256);
    const label = doc.role === 'page' ? 'Disclosure page' : `Attachment: ${doc.name ?? doc.url}`;
    sources += `<section class="doc"><h3>${esc(label)}</h3><p class="small muted"><a href="${esc(doc.url)}" rel="noreferrer">${esc(doc.url)}</a> · sha256 ${esc(doc.sha256.slice(0, 12))}… · ${mine.length} extracted rows</p>`;
    if (doc.read) {
      const r = renderDoc(doc.read, mine);
      for (const k of r.placed) placed.add(k);
      sources += r.html;
    } else sources += `<p class="unplaced">could not be shown: ${esc(doc.error)}</p>`;
    sources += '</section>';
  }
  const where = (key: string) => (placed.has(key) ? '' : ' <span class="unplaced" title="not found in the stored source">not located</span>');
  const v = (table: string, r: Record<string, unknown>, field: string) => shown(applied, table, r.ordinal as number, field, r[field]);
  let rows = `<h2>Figures (${d.figures.length})</h2><p class="small muted">Click a row to see where it was read.</p><table id="figures"><thead><tr><th>#</th><th>value</th><th>measure</th><th>event</th><th>year</th><th>breakdown</th><th>question</th></tr></thead><tbody>`;
  for (const f of d.figures) {
    const r = f as unknown as Record<string, unknown>;
    const breakdown = (['label', 'offence', 'offence_category', 'gender', 'rank', 'status'] as const)
      .filter((k) => f[k] !== null || applied.has(`figures-${f.ordinal}-${k}`))
      .map((k) => `${k}: ${v('figures', r, k)}`)
      .join('<br>');
    rows +=
      `<tr data-target="figures-${f.ordinal}"${f.corrected ? ' class="corrected"' : ''}><td>${f.ordinal}${f.corrected ? ' <span class="badge corrected" title="' + esc(f.correction_reason) + '">corrected</span>' : ''}</td>` +
      `<td class="num">${v('figures', r, 'value')}${f.is_total ? ' <span class="badge">total</span>' : ''}${where(`figures-${f.ordinal}`)}</td>` +
      `<td>${v('figures', r, 'measure')}</td><td>${v('figures', r, 'event')}</td><td>${v('figures', r, 'year')}</td><td class="small">${breakdown}</td><td>${v('figures', r, 'question')}</td></tr>`;
  }
  rows += '</tbody></table>';
  const other = (t: 'exemptions' | 'periods' | 'cases' | 'questions', cols: string[]) => {
    const list = d[t] as unknown as Array<Record<string, unknown>>;
    if (!list.length) return '';
    let h = `<h2>${t[0].toUpperCase()}${t.slice(1)} (${list.length})</h2><table id="${t}"><thead><tr><th>#</th>${cols.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>`;
    for (const r of list) h += `<tr data-target="${t}-${r.ordinal}"><td>${r.ordinal}${r.corrected ? ' <span class="badge corrected">corrected</span>' : ''}${where(`${t}-${r.ordinal}`)}</td>${cols.map((c) => `<td>${v(t, r, c)}</td>`).join('')}</tr>`;
    return h + '</tbody></table>';
  };
  rows += other('questions', ['label']) + other('periods', ['start', 'end']) + other('exemptions', ['act', 'citation', 'class']) + other('cases', ['role', 'event', 'event_year', 'offence', 'status_now']);
  const head = d as unknown as Record<string, unknown>;
  const meta = (['reference', 'kind', 'outcome', 'request_date', 'response_date', 'published_date', 'topics'] as const)
    .map((k) => `<tr><th>${k}</th><td>${shown(applied, 'disclosures', null, k, head[k])}</td></tr>`)
    .join('');
  const body =
    `<h1>${shown(applied, 'disclosures', null, 'title', d.title ?? d.id)}${d.corrected ? ' <span class="badge corrected">corrected</span>' : ''}</h1>` +
    `<p class="muted">${esc(forceName ?? d.force ?? 'force not known')} · <code>${esc(d.id)}</code>${d.url ? ` · <a href="${esc(d.url)}" rel="noreferrer">source</a>` : ''}</p>` +
    `<table class="small">${meta}</table>` +
    (d.warnings.length ? `<p class="unplaced">warnings: ${d.warnings.map(esc).join('; ')}</p>` : '') +
    `<div class="layout"><div class="rows">${rows}</div><div class="sources"><h2>Sources</h2>${sources || '<p class="muted">no stored source documents</p>'}</div></div>`;
  const unplaced = marks.filter((m) => !placed.has(m.key)).length;
  return { html: page({ title: `${d.title ?? d.id} — foi-harvest`, body, script: SCROLL_SCRIPT }), unplaced };
}

/** What the overview keeps of a disclosure once its page is written (the record itself is let go). */
interface Listed {
  id: string;
  title: string | null;
  force: string | null;
  reference: string | null;
  topics: string[];
  outcome: string;
  date: string;
  figures: number;
  corrected: boolean;
}

function listed(d: DatasetDisclosure): Listed {
  return {
    id: d.id,
    title: d.title,
    force: d.force,
    reference: d.reference,
    topics: d.topics,
    outcome: d.outcome,
    date: d.published_date ?? d.response_date ?? d.request_date ?? '',
    figures: d.figures.length,
    corrected: d.corrected || CHILD_TABLES.some((t) => d[t].some((r) => r.corrected)),
  };
}

/** `inStore`: the ids of the disclosures in the store that the corrections name (their outcomes link to their pages). */
function overview(store: Store, ds: Listed[], names: Map<string, string>, charts: Chart[], outcomes: CorrectionOutcome[], unplaced: number, inStore: ReadonlySet<string>): string {
  const status = store.status();
  const figureCount = ds.reduce((n, d) => n + d.figures, 0);
  let body = `<h1>FOI disclosures in the store</h1><p>${ds.length} disclosures from ${new Set(ds.map((d) => d.force)).size} forces, ${figureCount} figures. ` +
    `${status.lastRun ? `Last run: ${esc(status.lastRun.kind)} #${status.lastRun.id}, ${esc(status.lastRun.finishedAt ?? status.lastRun.startedAt)} (${esc(status.lastRun.status)}).` : ''}` +
    `${unplaced ? ` <span class="unplaced">${unplaced} extracted rows could not be located in their source: see their pages.</span>` : ''}</p>`;
  body += `<h2>Charts</h2><div class="charts">${charts.map((c) => `<figure><figcaption><strong>${esc(c.title)}</strong><br><span class="small muted">${esc(c.note)}</span></figcaption>${c.svg}</figure>`).join('')}</div>`;
  // forces × topics
  const topics = TOPICS.filter((t) => ds.some((d) => d.topics.includes(t)));
  const forces = [...new Set(ds.map((d) => d.force ?? ''))].sort();
  body += `<h2>Forces × topics</h2><table id="matrix"><thead><tr><th>force</th>${topics.map((t) => `<th>${esc(t)}</th>`).join('')}<th>all</th></tr></thead><tbody>`;
  for (const f of forces) {
    const mine = ds.filter((d) => (d.force ?? '') === f);
    body += `<tr><th>${esc(names.get(f) ?? (f || 'not known'))}</th>${topics.map((t) => `<td class="num">${mine.filter((d) => d.topics.includes(t)).length || ''}</td>`).join('')}<td class="num">${mine.length}</td></tr>`;
  }
  body += '</tbody></table>';
  // last run's changes
  const last = store.lastChangeRun();
  const changes = last ? buildChanges(store, { after: last - 1, through: last }) : null;
  body += `<h2>What changed in the last run${last ? ` (#${last})` : ''}</h2>`;
  if (!changes || !(changes.counts.new + changes.counts.changed + changes.counts.removed)) body += '<p class="muted">nothing</p>';
  else {
    body += `<p>${changes.counts.new} new, ${changes.counts.changed} changed, ${changes.counts.removed} removed.</p><ul class="small">`;
    for (const c of changes.new.slice(0, 30)) body += `<li>new: <a href="${pageName(c.id)}">${esc(c.title ?? c.id)}</a> (${esc(c.force)})</li>`;
    for (const c of changes.changed.slice(0, 30)) body += `<li>changed: <a href="${pageName(c.id)}">${esc(c.title ?? c.id)}</a> — ${c.diff.map((x) => esc(x.path)).join(', ')}</li>`;
    for (const c of changes.removed.slice(0, 30)) body += `<li>removed: ${esc(c.id)}</li>`;
    body += '</ul>';
  }
  body += `<h2>Failures in the last fetch (${status.failures.length})</h2>`;
  body += status.failures.length
    ? `<table class="small"><tr><th>url</th><th>status</th><th>error</th></tr>${status.failures.map((f) => `<tr><td>${esc(f.url)}</td><td>${esc(f.status)}</td><td>${esc(f.error)}</td></tr>`).join('')}</table>`
    : '<p class="muted">none</p>';
  body += `<h2>Corrections (${outcomes.length})</h2>`;
  body += outcomes.length
    ? `<table class="small" id="corrections"><tr><th>#</th><th>status</th><th>disclosure</th><th>row</th><th>field</th><th>value</th><th>reason</th></tr>${outcomes
        .map(
          (o) =>
            `<tr><td>${o.id}</td><td><span class="badge ${o.status === 'orphaned' ? 'orphaned' : 'corrected'}">${o.status}</span>${o.problem ? ` <span class="small">${esc(o.problem)}</span>` : ''}</td><td>${inStore.has(o.disclosure_id) ? `<a href="${pageName(o.disclosure_id)}">${esc(o.disclosure_id)}</a>` : esc(o.disclosure_id)}</td><td>${esc(o.table)}${o.ordinal ? ` #${o.ordinal}` : ''}</td><td>${esc(o.field)}</td><td><del>${esc(JSON.stringify(o.from))}</del> <ins>${esc(JSON.stringify(o.to))}</ins></td><td>${esc(o.reason)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">none</p>';
  // latest + all disclosures, filterable
  const date = (d: Listed) => d.date;
  const sorted = [...ds].sort((a, b) => date(b).localeCompare(date(a)) || a.id.localeCompare(b.id));
  body += `<h2>Latest disclosures</h2><ol class="small">${sorted
    .filter((d) => date(d))
    .slice(0, 10)
    .map((d) => `<li>${esc(date(d))} — <a href="${pageName(d.id)}">${esc(d.title ?? d.id)}</a> (${esc(names.get(d.force ?? '') ?? d.force)})</li>`)
    .join('')}</ol>`;
  body += `<h2>All disclosures</h2><p><input id="filter" type="search" placeholder="Filter: force, title, topic, reference, outcome…" aria-label="filter disclosures"> <span class="muted"><span id="shown">${ds.length}</span> of ${ds.length} shown</span></p>`;
  body += '<table id="disclosures"><thead><tr><th>date</th><th>force</th><th>reference</th><th>title</th><th>topics</th><th>outcome</th><th>figures</th></tr></thead><tbody>';
  for (const d of sorted) {
    body += `<tr><td>${esc(date(d))}</td><td>${esc(names.get(d.force ?? '') ?? d.force ?? '')}</td><td>${esc(d.reference)}</td><td><a href="${pageName(d.id)}">${esc(d.title ?? d.id)}</a>${d.corrected ? ' <span class="badge corrected">corrected</span>' : ''}</td><td>${esc(d.topics.join(', '))}</td><td>${esc(d.outcome)}</td><td class="num">${d.figures}</td></tr>`;
  }
  body += '</tbody></table>';
  return page({ title: 'foi-harvest review', body, script: FILTER_SCRIPT, home: true });
}

/**
 * Builds the site into `out` (atomically, like exports). The store is read a page of disclosures
 * at a time: each disclosure's page is written as it is read, and only a line of it (for the
 * overview's list) and its share of the chart sums are kept, so memory stays flat as the store grows.
 */
export async function buildReport(store: Store, out: string): Promise<ReportResult> {
  const names = new Map(FORCES.map((f) => [f.id, f.name]));
  const byDisclosure = new Map<string, Correction[]>();
  for (const c of store.corrections()) byDisclosure.set(c.disclosureId, [...(byDisclosure.get(c.disclosureId) ?? []), c]);
  const all: CorrectionOutcome[] = [];
  let unplaced = 0;
  const ds: Listed[] = [];
  const tally = new TopicTally();
  const files = await writeAtomically(out, async (stage) => {
    const written: string[] = [];
    // Disclosures in the store that have corrections: the only ids asked about below.
    const corrected = new Set<string>();
    for (const raw of store.iterateDisclosures()) {
      const corrections = byDisclosure.get(raw.id);
      if (corrections) corrected.add(raw.id);
      const { record, outcomes } = applyCorrections(raw, corrections ?? []);
      all.push(...outcomes);
      ds.push(listed(record));
      tally.add(record, flatFigures(record));
      const docs = await showDocs(store, record);
      const p = disclosurePage(record, docs, names.get(record.force ?? '') ?? null, outcomes);
      unplaced += p.unplaced;
      const name = pageName(record.id);
      await writeFile(join(stage, name), p.html);
      written.push(name);
    }
    for (const [id, list] of byDisclosure) if (!corrected.has(id)) all.push(...list.map(orphanedByRemoval));
    all.sort((a, b) => a.id - b.id);
    const charts = [disclosuresChart(ds, names), ...tally.charts()];
    await writeFile(join(stage, 'index.html'), overview(store, ds, names, charts, all, unplaced, corrected));
    return ['index.html', ...written];
  });
  return { files, disclosures: ds.length, unplaced };
}
