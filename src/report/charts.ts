// Charts as inline SVG, drawn at build time with Observable Plot on a server-side DOM
// (linkedom): the report needs no script or network to show them.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { DatasetDisclosure, FlatFigure } from '../records/schema.js';

export interface Chart {
  title: string;
  note: string;
  svg: string;
}

function draw(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document: document as unknown as Document });
  return (el as unknown as { outerHTML: string }).outerHTML;
}

const short = (s: string) => s.replace(/ (Police|Constabulary)( Service)?$/, '').replace(/^Police Service of /, '');

export function disclosuresChart(ds: DatasetDisclosure[], names: Map<string, string>): Chart {
  const data = ds.map((d) => ({ force: short(names.get(d.force ?? '') ?? d.force ?? 'unknown'), outcome: d.outcome }));
  return {
    title: 'Disclosures by force and outcome',
    note: `${ds.length} disclosures in the store.`,
    svg: draw({
      marginLeft: 150,
      width: 640,
      height: Math.max(160, 26 * new Set(data.map((d) => d.force)).size + 70),
      x: { label: 'disclosures', grid: true },
      y: { label: null },
      color: { legend: true, type: 'categorical' },
      marks: [Plot.barX(data, Plot.groupY({ x: 'count' }, { y: 'force', fill: 'outcome', sort: { y: '-x' } })), Plot.ruleX([0])],
    }),
  };
}

/** For each of the topics with most figures: its commonest measure + event, summed by force and year (totals left out). */
export function topicCharts(ds: DatasetDisclosure[], flat: Map<string, FlatFigure[]>, limit = 3): Chart[] {
  const byTopic = new Map<string, FlatFigure[]>();
  for (const d of ds) {
    for (const t of d.topics) {
      if (t === 'other') continue;
      const list = byTopic.get(t) ?? [];
      for (const f of flat.get(d.id) ?? []) if (!f.is_total) list.push(f);
      byTopic.set(t, list);
    }
  }
  const topics = [...byTopic.entries()].filter(([, l]) => l.length).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, limit);
  return topics.map(([topic, figures]) => {
    const pairs = new Map<string, number>();
    for (const f of figures) pairs.set(`${f.measure}|${f.event}`, (pairs.get(`${f.measure}|${f.event}`) ?? 0) + 1);
    // The commonest pair that says what was counted, unless nothing does.
    const informative = (k: string) => !k.startsWith('unknown|') && !k.endsWith('|other');
    const ranked = [...pairs.entries()].sort((a, b) => Number(informative(b[0])) - Number(informative(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]));
    const [measure, event] = ranked[0][0].split('|');
    const data = figures
      .filter((f) => f.measure === measure && f.event === event)
      .map((f) => ({ force: short(f.force_name ?? f.force ?? 'unknown'), year: f.year === null ? 'year not given' : String(f.year), value: f.value }));
    return {
      title: `${topic.replace(/_/g, ' ')}: ${measure.replace(/_/g, ' ')} (${event.replace(/_/g, ' ')}) by force and year`,
      note: `Sum of ${data.length} figures that are not totals; each figure counts ${measure}, event ${event}. Check each against its source before use.`,
      svg: draw({
        marginLeft: 150,
        width: 640,
        height: Math.max(160, 26 * new Set(data.map((d) => d.force)).size + 70),
        x: { label: `${measure} (sum)`, grid: true },
        y: { label: null },
        color: { legend: true, type: 'ordinal', scheme: 'tableau10' },
        marks: [Plot.barX(data, Plot.groupY({ x: 'sum' }, { y: 'force', x: 'value', fill: 'year', sort: { y: '-x' } })), Plot.ruleX([0])],
      }),
    };
  });
}
