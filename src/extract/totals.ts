// Arithmetic between figures: what a breakdown adds up to says what it counts, and a printed
// total is checked against the figures listed beside it. Pure functions over figure drafts.
import type { Measure } from '../records/vocab.js';
import type { FigureDraft } from './attachment.js';

type Summed = Pick<FigureDraft, 'value' | 'year' | 'is_total'> & { measure?: Measure };

function sumsByYear(figures: Summed[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of figures) {
    if (f.is_total || f.year === null || f.value === null) continue;
    out.set(f.year, (out.get(f.year) ?? 0) + f.value);
  }
  return out;
}

/**
 * The measure a breakdown counts when it does not say: a table of outcomes whose figures add up,
 * year by year, to the figures of one measure printed earlier ("outcomes of the complaints and
 * investigations above", each year's outcomes summing to that year's allegations) counts that
 * measure. Needs two or more years that all agree, and one measure only; null otherwise.
 */
export function measureBySums(breakdown: Summed[], earlier: Summed[]): Measure | null {
  // A breakdown of outcomes is a small table; big sheets are not matched (and stay linear).
  if (breakdown.length > 2000) return null;
  const mine = sumsByYear(breakdown);
  if (mine.size < 2 || [...mine.values()].every((v) => v === 0)) return null;
  const byMeasure = new Map<Measure, Summed[]>();
  for (const f of earlier) {
    if (!f.measure || f.measure === 'unknown' || f.year === null || !mine.has(f.year)) continue;
    const list = byMeasure.get(f.measure);
    if (list) list.push(f);
    else byMeasure.set(f.measure, [f]);
  }
  const fits: Measure[] = [];
  for (const [m, fs] of byMeasure) {
    const theirs = sumsByYear(fs);
    if ([...mine].every(([y, v]) => theirs.get(y) === v)) fits.push(m);
  }
  return fits.length === 1 ? fits[0] : null;
}

/** Figures the same but for the one dimension a total adds over. */
export interface TotalCheck {
  total: number;
  parts: number[];
  /** Where the total is printed, for the warning. */
  locator: string;
  label: string | null;
}

/**
 * A printed total that does not equal the sum of the figures it totals: a warning (both kept).
 * Returns null when it adds up, or when there is nothing to add (one part or none).
 */
export function totalMismatch(c: TotalCheck): string | null {
  if (c.parts.length < 2) return null;
  const sum = c.parts.reduce((a, b) => a + b, 0);
  if (sum === c.total) return null;
  return `${c.locator}: the printed total ${c.total}${c.label ? ` (${c.label})` : ''} is not the sum of the ${c.parts.length} figures beside it (${sum}); both kept`;
}

/**
 * Whether a figure restates the sum of the figures listed beside it: a row or column of a table
 * that is not labelled a total but equals the sum of all the others in its run (the "Court
 * proceedings" row over its "Conviction / No conviction / Ongoing" rows). Needs two or more parts.
 */
export function restatesSum(value: number, others: number[]): boolean {
  return others.length >= 2 && value > 0 && others.reduce((a, b) => a + b, 0) === value;
}

/**
 * Yearly figures given as answer lines ("2010 = 8", "2011 = 8") above a table that breaks each
 * year down (by offence, rank …): when most of those years equal the sum of the table's figures
 * for that year (two or more parts each), every line of the series is that year's total; a year
 * that does not add up keeps both figures and gets a warning. Returns the warnings.
 */
export function markYearTotals(figures: FigureDraft[]): string[] {
  const series = figures.filter((f) => f.year !== null && f.value !== null && !f.is_total && f.text.trimStart().startsWith(String(f.year)) && !/^\d/.test(f.text.trimStart().slice(4)));
  const years = new Set(series.map((f) => f.year));
  if (series.length < 2 || years.size !== series.length) return [];
  const inSeries = new Set(series);
  const parts = new Map<number, FigureDraft[]>();
  for (const f of figures) {
    if (inSeries.has(f) || f.is_total || f.year === null || f.value === null || !years.has(f.year)) continue;
    const list = parts.get(f.year);
    if (list) list.push(f);
    else parts.set(f.year, [f]);
  }
  const checked = series.filter((f) => (parts.get(f.year!) ?? []).filter((p) => p.measure === f.measure || f.measure === 'unknown').length >= 2);
  if (checked.length < 2) return [];
  const sumOf = (f: FigureDraft) => parts.get(f.year!)!.filter((p) => p.measure === f.measure || f.measure === 'unknown').reduce((a, p) => a + p.value!, 0);
  const agree = checked.filter((f) => sumOf(f) === f.value);
  if (agree.length * 2 < checked.length || agree.length < 1) return [];
  const warnings: string[] = [];
  for (const f of checked) {
    f.is_total = true;
    const w = totalMismatch({ total: f.value!, parts: parts.get(f.year!)!.filter((p) => p.measure === f.measure || f.measure === 'unknown').map((p) => p.value!), locator: f.locator, label: f.text });
    if (w) warnings.push(w);
  }
  return warnings;
}
