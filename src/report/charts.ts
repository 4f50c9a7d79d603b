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

/** What the overview's first chart needs of a disclosure. */
export interface ForceOutcome {
  force: string | null;
  outcome: string;
}

export function disclosuresChart(ds: readonly ForceOutcome[], names: Map<string, string>): Chart {
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

type Cell = { force: string; year: string; value: number };
/** One topic's figures that are not totals, kept as sums per (measure, event) → (force, year). */
interface TopicSums {
  figures: number;
  pairs: Map<string, { figures: number; cells: Map<string, Cell> }>;
}

/**
 * The topic charts' data, tallied a disclosure at a time: sums per topic, measure + event, force
 * and year, so what is held grows with the number of distinct keys, not with the store.
 */
export class TopicTally {
  private readonly topics = new Map<string, TopicSums>();

  add(d: Pick<DatasetDisclosure, 'topics'>, flat: readonly FlatFigure[]): void {
    const figures = flat.filter((f) => !f.is_total);
    for (const t of d.topics) {
      if (t === 'other') continue;
      const sums = this.topics.get(t) ?? { figures: 0, pairs: new Map() };
      this.topics.set(t, sums);
      for (const f of figures) {
        sums.figures++;
        const key = `${f.measure}|${f.event}`;
        const pair = sums.pairs.get(key) ?? { figures: 0, cells: new Map<string, Cell>() };
        sums.pairs.set(key, pair);
        pair.figures++;
        const force = short(f.force_name ?? f.force ?? 'unknown');
        const year = f.year === null ? 'year not given' : String(f.year);
        const cell = pair.cells.get(`${force}\u0000${year}`) ?? { force, year, value: 0 };
        pair.cells.set(`${force}\u0000${year}`, cell);
        cell.value += f.value;
      }
    }
  }

  /** For each of the `limit` topics with most figures: its commonest informative measure + event, and that pair's sums by force and year. */
  top(limit = 3): Array<{ topic: string; measure: string; event: string; figures: number; cells: Cell[] }> {
    const topics = [...this.topics.entries()].filter(([, s]) => s.figures).sort((a, b) => b[1].figures - a[1].figures || a[0].localeCompare(b[0])).slice(0, limit);
    return topics.map(([topic, sums]) => {
      // The commonest pair that says what was counted, unless nothing does.
      const informative = (k: string) => !k.startsWith('unknown|') && !k.endsWith('|other');
      const ranked = [...sums.pairs.entries()].sort((a, b) => Number(informative(b[0])) - Number(informative(a[0])) || b[1].figures - a[1].figures || a[0].localeCompare(b[0]));
      const [key, pair] = ranked[0];
      const [measure, event] = key.split('|');
      return { topic, measure, event, figures: pair.figures, cells: [...pair.cells.values()] };
    });
  }

  /** The charts of `top(limit)`: summed by force and year (totals left out). */
  charts(limit = 3): Chart[] {
    return this.top(limit).map(({ topic, measure, event, figures, cells: data }) => {
      return {
        title: `${topic.replace(/_/g, ' ')}: ${measure.replace(/_/g, ' ')} (${event.replace(/_/g, ' ')}) by force and year`,
        note: `Sum of ${figures} figures that are not totals; each figure counts ${measure}, event ${event}. Check each against its source before use.`,
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
}
