// `report` on the demo store, driven in a real browser (Debian's Chromium, headless, from
// file://): the overview loads with its charts and filter, a disclosure page scrolls to the
// place a figure was read from, a corrected value is marked, nothing reaches the network and
// nothing logs an error. Screenshots go to test-output/report/.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { pageName } from '../../src/report/build.js';
import { launchChromium } from '../support/browser.js';
import { ROOT, runCli } from '../support/cli.js';
import { runCliAsync, tempDir } from './fetch-support.js';

const tmp = tempDir('report');
const SHOTS = join(ROOT, 'test-output', 'report');
const db = join(tmp.dir, 'demo.db');
const site = join(tmp.dir, 'site');
let ID = '';
let browser: Browser;
let close: () => Promise<void>;
let page: Page;
const problems: string[] = [];
const offline: string[] = [];

beforeAll(async () => {
  const demo = await runCliAsync(['demo', '--store', db, '--out', join(tmp.dir, 'data')], { timeoutMs: 90_000 });
  expect(demo.code, demo.stderr).toBe(0);
  // A disclosure with a few figures read from a table (its cells are highlighted).
  const store = Store.open(db);
  ID = store.disclosures().find((d) => d.figures.length >= 3 && d.figures.length <= 10 && d.force === 'west-midlands')!.id;
  store.close();
  const fix = runCli(['correct', '--store', db, '--id', ID, '--table', 'figures', '--ordinal', '2', '--set', 'value=8', '--reason', 'checked against the PDF, p.2']);
  expect(fix.code, fix.stderr).toBe(0);
  const r = runCli(['report', '--store', db, '--out', site]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/^foi-harvest: report of \d+ disclosures written to /);
  mkdirSync(SHOTS, { recursive: true });
  ({ browser, close } = await launchChromium());
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860 });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('request', (req) => {
    if (!/^(file|data|about):/.test(req.url())) offline.push(req.url());
  });
}, 150_000);
afterAll(async () => {
  await close?.();
  tmp.cleanup();
});

describe('report in a browser', () => {
  it('writes the overview and a page per disclosure', () => {
    const files = readdirSync(site);
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.startsWith('disclosure-')).length).toBeGreaterThan(40);
  });

  it('opens the overview from file:// with its charts, and the filter narrows the list', async () => {
    await page.goto(pathToFileURL(join(site, 'index.html')).href, { waitUntil: 'load' });
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('FOI disclosures in the store');
    expect(await page.$$eval('.charts figure svg', (s) => s.length)).toBeGreaterThanOrEqual(2);
    const total = await page.$$eval('#disclosures tbody tr', (rows) => rows.length);
    await page.screenshot({ path: join(SHOTS, 'overview.png') });
    await page.type('#filter', 'west midlands');
    const shown = await page.$$eval('#disclosures tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
    const wm = await page.$$eval('#disclosures tbody tr', (rows) => rows.filter((r) => /west midlands/i.test(r.textContent ?? '')).length);
    expect(shown).toBe(wm);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await page.$eval('#shown', (s) => s.textContent)).toBe(String(shown));
    await page.screenshot({ path: join(SHOTS, 'overview-filtered.png') });
  });

  it('a disclosure page scrolls to where a clicked figure was read, and marks the corrected value', async () => {
    const links = await page.$$eval('#disclosures tbody a', (as) => as.map((a) => a.getAttribute('href')!));
    const href = pageName(ID);
    expect(links).toContain(href);
    await page.goto(pathToFileURL(join(site, href)).href, { waitUntil: 'load' });
    expect(await page.$eval('tr[data-target="figures-2"] .corrected-mark', (e) => e.textContent)).toMatch(/^\d+ 8$/);
    expect(await page.$eval('tr[data-target="figures-2"] .badge.corrected', (e) => e.getAttribute('title'))).toBe('checked against the PDF, p.2');
    for (const target of ['figures-1', 'figures-2']) {
      await page.click(`tr[data-target="${target}"]`);
      const seen = await page.waitForFunction(
        (key) => {
          const el = document.querySelector(`.flash[data-keys~="${key}"]`);
          if (!el) return false;
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        },
        { timeout: 5000 },
        target,
      );
      expect(await seen.jsonValue()).toBe(true);
    }
    const flashed = await page.$$eval('.flash', (els) => els.map((e) => e.getAttribute('data-keys')));
    expect(flashed.every((k) => k!.split(' ').includes('figures-2'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'disclosure.png') });
  });

  it('logged no errors and asked the network for nothing', () => {
    expect(problems).toEqual([]);
    expect(offline).toEqual([]);
  });
});
