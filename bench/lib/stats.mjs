// Small helpers shared by the bench sections: medians, a seeded random source (so every
// run generates the same documents), temp dirs that are always removed, and formatting.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** mulberry32: a tiny deterministic PRNG, so generated inputs are the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
export const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

/** Runs `fn(dir)` with a fresh temp dir that is removed afterwards, whatever happens. */
export async function withTempDir(prefix, fn) {
  const dir = mkdtempSync(join(tmpdir(), `foi-bench-${prefix}-`));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const fmt = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
export const mib = (bytes) => bytes / (1024 * 1024);

/** Peak resident set size of this process so far, in bytes (VmHWM; maxRSS where /proc is missing). */
export function peakRss() {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Least-squares slope of y against x: the cost of one more unit (a page, a disclosure), fixed costs such as start-up in the intercept. */
export function slope(points) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return num / den;
}

/** min and median of a sample, the two figures every row prints. */
export const minMed = (xs) => ({ min: Math.min(...xs), median: median(xs) });

/** "min 1.23 / med 1.40" */
export const mm = (s, digits = 2, unit = '') => `min ${fmt(s.min, digits)}${unit} / med ${fmt(s.median, digits)}${unit}`;

/** Where the code under test lives: this checkout, or FOI_BENCH_ROOT (a built checkout of another commit, for before/after). */
export const CODE_ROOT = process.env.FOI_BENCH_ROOT ? `${process.env.FOI_BENCH_ROOT.replace(/\/$/, '')}/` : new URL('../..', import.meta.url).pathname;

/** FOI_BENCH_BASELINE (a built checkout to run beside ours), with a trailing slash; null when unset. */
export const BASELINE_ROOT = process.env.FOI_BENCH_BASELINE ? `${process.env.FOI_BENCH_BASELINE.replace(/\/$/, '')}/` : null;

/**
 * The builds a row compares: ours, then the baseline when FOI_BENCH_BASELINE is set, each with the
 * listing style its sites need (FOI_BENCH_LISTING, FOI_BENCH_BASELINE_LISTING; see sites.mjs).
 */
export function benchBuilds() {
  const builds = [{ name: 'ours', root: CODE_ROOT, listing: process.env.FOI_BENCH_LISTING ?? 'search' }];
  if (BASELINE_ROOT) builds.push({ name: 'baseline', root: BASELINE_ROOT, listing: process.env.FOI_BENCH_BASELINE_LISTING ?? 'search' });
  return builds;
}

/** The builds in repetition r's order: which goes first alternates, so a slow spell falls on both sides. */
export const inTurn = (builds, r) => (r % 2 ? [...builds].reverse() : builds);
