// PDF extraction: pages per second through readDocument + extraction (parseDocument: the
// reader's text, ruled and unruled tables, then the disclosure extractor) on a generated
// multi-page set plus fixtures/attachments/*.pdf, against `pdftotext` (poppler) on the same
// files in the same run. pdftotext is installed with apt-get when missing and we are root;
// otherwise the baseline is skipped with a note.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { BASELINE_ROOT, CODE_ROOT, median, minMed, rng, int, pick, slope } from './lib/stats.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

function pdfBytes(build) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Title: 'bench' } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

const OFFENCES = ['Assault by beating', 'Drink driving', 'Theft', 'Misconduct in public office', 'Harassment', 'Possession of a class A drug', 'Fraud by false representation', 'Speeding'];
const RANKS = ['PC', 'PS', 'DC', 'Insp', 'PCSO', 'DS'];

function drawTable(doc, rows, { y, widths, ruled }) {
  let top = y;
  rows.forEach((row, r) => {
    let left = 50;
    row.forEach((text, c) => {
      if (ruled) doc.lineWidth(0.75).rect(left, top, widths[c], 18).stroke();
      doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      doc.text(text, left + 4, top + 5, { width: widths[c] - 8, align: c === 0 ? 'left' : 'right', lineBreak: false });
      left += widths[c];
    });
    top += 18;
  });
  return top;
}

/**
 * A response letter of `pages` pages: prose with figures on each page, and a table of
 * officer-level rows (ruled on even pages, unruled on odd), as in real FOI attachments.
 */
function responsePdf(pages, seed) {
  const rand = rng(seed);
  return pdfBytes((doc) => {
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(12).text(`Freedom of Information request ${int(rand, 100, 999)}/24 — page ${p}`, 50, 50);
      doc.font('Helvetica').fontSize(10);
      doc.text(
        `In the calendar year ${2018 + (p % 6)} there were ${int(rand, 2, 40)} police officers convicted of a criminal offence, ` +
          `of whom ${int(rand, 0, 9)} remain in post. A further ${int(rand, 1, 20)} officers were suspended pending investigation. ` +
          'Information about individual officers is withheld under Section 40(2) of the Freedom of Information Act 2000.',
        50,
        75,
        { width: 495 },
      );
      const rows = [['Rank', 'Offence', 'Year', 'Outcome']];
      for (let r = 0; r < 22; r++) rows.push([pick(rand, RANKS), pick(rand, OFFENCES), String(int(rand, 2015, 2024)), pick(rand, ['Dismissed', 'Resigned', 'Final written warning', 'Serving'])]);
      drawTable(doc, rows, { y: 140, widths: [60, 220, 60, 150], ruled: p % 2 === 0 });
    }
  });
}

/** pdftotext's path, installing poppler-utils when it is missing and we may; null with a reason otherwise. */
export function findPdftotext() {
  const which = () => spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim() || null;
  let path = which();
  if (path) return { path, note: null };
  if (process.getuid?.() !== 0) return { path: null, note: 'pdftotext not installed and not running as root: baseline skipped (apt-get install poppler-utils)' };
  const r = spawnSync('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils)'], { stdio: 'ignore', timeout: 300_000 });
  path = which();
  return path ? { path, note: 'poppler-utils installed by the bench' } : { path: null, note: `apt-get install poppler-utils failed (exit ${r.status}): baseline skipped` };
}

export async function pdfCorpus(dir) {
  const files = [];
  const sizes = [1, 2, 5, 10, 20, 40];
  for (const [i, pages] of sizes.entries()) {
    const path = join(dir, `response-${pages}p.pdf`);
    writeFileSync(path, await responsePdf(pages, 100 + i));
    files.push(path);
  }
  const att = join(ROOT, 'fixtures', 'attachments');
  for (const f of readdirSync(att).sort()) if (f.endsWith('.pdf')) files.push(join(att, f));
  return files;
}

/**
 * Like with like, two ways. (1) Per page with start-up amortised on both sides: over the
 * generated 1–40-page letters, the slope of time against pages — ours in-process (warm),
 * pdftotext one process per file (its start-up is in the intercept, not the slope).
 * (2) Both as whole processes over every readable PDF: one `foi-harvest parse` of all files
 * (one Node start) against a shell running pdftotext on each (one start per file — it takes
 * one file at a time). Ours and pdftotext alternate within each repetition.
 */
export async function benchPdf({ dir, reps = 5, log = () => {} }) {
  const { readDocument } = await import(join(CODE_ROOT, 'dist', 'readers', 'index.js'));
  const { parseDocument } = await import(join(CODE_ROOT, 'dist', 'pipeline', 'parse.js'));
  // FOI_BENCH_BASELINE=<a built checkout>: its parseDocument on the same letters in this process,
  // alternated with ours (below), for a before/after ratio.
  const baseParse = BASELINE_ROOT ? (await import(join(BASELINE_ROOT, 'dist', 'pipeline', 'parse.js'))).parseDocument : null;
  const all = await pdfCorpus(dir);
  const tool = findPdftotext();
  // Only PDFs both sides can read (the encrypted, scanned-blank and truncated fixtures are error paths, not speed).
  const files = [];
  const skipped = [];
  let pages = 0;
  for (const path of all) {
    const bytes = readFileSync(path);
    try {
      const doc = await readDocument({ bytes, name: path });
      if (tool.path && spawnSync(tool.path, ['-q', path, '-'], { stdio: 'ignore' }).status !== 0) throw new Error('pdftotext cannot read it');
      files.push({ path, bytes, pages: doc.pages, generated: path.startsWith(dir) });
      pages += doc.pages;
    } catch (e) {
      skipped.push(`${path.split('/').pop()}: ${String(e.message ?? e).split('\n')[0]}`);
    }
  }
  const generated = files.filter((f) => f.generated);
  // Ours also in CPU time of the whole process (every thread: pdf.js parses on worker threads
  // while the main thread lays pages out), as pdftotext, single-threaded, spends wall ≈ CPU.
  let lastCpu = 0;
  const timeOurs = async (f, read = false, twoThreads = false) => {
    const threads = process.env.FOI_HARVEST_PDF_THREADS;
    if (twoThreads) process.env.FOI_HARVEST_PDF_THREADS = '2';
    const c = process.cpuUsage();
    const t = performance.now();
    if (read) await readDocument({ bytes: f.bytes, name: f.path });
    else await parseDocument({ bytes: f.bytes, name: f.path });
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    lastCpu = (used.user + used.system) / 1000;
    if (threads === undefined) delete process.env.FOI_HARVEST_PDF_THREADS;
    else process.env.FOI_HARVEST_PDF_THREADS = threads;
    return ms;
  };
  const timeTool = (f) => {
    const t = performance.now();
    execFileSync(tool.path, ['-q', f.path, '-'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    return performance.now() - t;
  };
  // pdf.js alone, on one of our worker threads, every page asked for at once: its text pass, and
  // its text pass with the operator list (drawn lines), the two passes the reader makes on a page
  // with columns. Diagnostic: the floor the reader stands on (skipped for a build without pdf-runtime).
  const runtime = await import(join(CODE_ROOT, 'dist', 'readers', 'pdf-runtime.js')).catch(() => null);
  const PDFParse = runtime ? (await runtime.loadPdfParse()).PDFParse : null;
  const timePdfjs = async (f, withOps) => {
    const t = performance.now();
    const thread = await runtime.acquirePdfWorker();
    const parser = new PDFParse({ data: new Uint8Array(f.bytes), isEvalSupported: false, verbosity: 0, worker: thread.worker });
    try {
      const doc = await parser.load();
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) {
        pages.push(
          doc.getPage(n).then(async (page) => {
            await page.getTextContent();
            if (withOps) await page.getOperatorList();
            page.cleanup();
          }),
        );
      }
      await Promise.all(pages);
    } finally {
      await parser.destroy();
      thread.release();
    }
    return performance.now() - t;
  };
  const cli = [join(CODE_ROOT, 'bin', 'foi-harvest.js'), 'parse', ...files.map((f) => f.path), '--format', 'ndjson'];
  const wholeOurs = () => {
    const t = performance.now();
    spawnSync(process.execPath, cli, { stdio: 'ignore', maxBuffer: 256 << 20 });
    return performance.now() - t;
  };
  const wholeTool = () => {
    const t = performance.now();
    spawnSync('sh', ['-c', 'for f in "$@"; do "$0" -q "$f" - >/dev/null; done', tool.path, ...files.map((f) => f.path)], { stdio: 'ignore' });
    return performance.now() - t;
  };
  for (const f of files) await timeOurs(f); // warm-up: load pdf.js, compile
  if (baseParse) for (const f of files) await baseParse({ bytes: f.bytes, name: f.path });
  // Per generated file, one time per repetition for each side (alternating); the slope is fitted
  // to each file's minimum and to its median over the repetitions — a slope per repetition is
  // too noisy, pdftotext's few ms per page being smaller than its process start's jitter.
  if (PDFParse) for (const f of generated) await timePdfjs(f, true);
  const times = generated.map(() => ({ ours: [], oursCpu: [], twoThreads: [], twoThreadsCpu: [], read: [], textPass: [], bothPasses: [], tool: [] }));
  const whole = { ours: [], tool: [], ratio: [] };
  // Each repetition starts at another letter (the order rotates), and times pdftotext on every
  // letter, then ours on every letter (which goes first alternates), then the diagnostics: each
  // side's runs follow one another, not the other side's. Timed letter by letter in turn, the
  // runs of each side were slowed by what the other had just done (pdftotext's 1-page times ran
  // 39–85 ms against 24–27 ms alone, and its median-fitted slope scattered 0.46–1.08 ms/page).
  for (let r = 0; r < reps; r++) {
    const order = generated.map((_, k) => (k + r) % generated.length);
    const toolPhase = () => {
      if (tool.path) for (const i of order) times[i].tool.push(timeTool(generated[i]));
    };
    const oursPhase = async () => {
      for (const i of order) {
        times[i].ours.push(await timeOurs(generated[i]));
        times[i].oursCpu.push(lastCpu);
      }
    };
    if (r % 2) {
      toolPhase();
      await oursPhase();
    } else {
      await oursPhase();
      toolPhase();
    }
    for (const i of order) {
      const f = generated[i];
      // The same with a long letter's pages on two pdf.js threads (FOI_HARVEST_PDF_THREADS=2): what a second thread buys.
      times[i].twoThreads.push(await timeOurs(f, false, true));
      times[i].twoThreadsCpu.push(lastCpu);
      times[i].read.push(await timeOurs(f, true));
      if (PDFParse) {
        times[i].textPass.push(await timePdfjs(f, false));
        times[i].bothPasses.push(await timePdfjs(f, true));
      }
    }
    log(`pdf rep ${r + 1}/${reps}: per-page series done`);
  }
  // Both as whole processes, in pairs of their own after the per-page series.
  for (let r = 0; r < reps; r++) {
    const wo = wholeOurs();
    whole.ours.push(wo / pages);
    if (tool.path) {
      const wt = wholeTool();
      whole.tool.push(wt / pages);
      whole.ratio.push(wo / wt);
    }
    log(`pdf whole-process pair ${r + 1}/${reps}: ${wo.toFixed(0)} ms${tool.path ? ` vs pdftotext ${(whole.tool.at(-1) * pages).toFixed(0)} ms` : ''}`);
  }
  const fit = (side, how) => slope(generated.map((f, i) => ({ x: f.pages, y: how === 'min' ? Math.min(...times[i][side]) : median(times[i][side]) })));
  const both = (side) => ({ min: fit(side, 'min'), median: fit(side, 'median') });
  const perPage = { ours: both('ours'), oursCpu: both('oursCpu'), twoThreads: both('twoThreads'), twoThreadsCpu: both('twoThreadsCpu'), read: both('read'), textPass: PDFParse ? both('textPass') : null, bothPasses: PDFParse ? both('bothPasses') : null, tool: tool.path ? both('tool') : null };
  perPage.ratio = perPage.tool ? { min: perPage.ours.min / perPage.tool.min, median: perPage.ours.median / perPage.tool.median } : null;
  // Beside the baseline: the six letters read three times over by one build, then by the other
  // (which goes first alternates), in a loop of their own after the rest (pdf.js's passes above
  // leave garbage whose collection would fall into whichever build came next).
  let baseline = null;
  if (baseParse) {
    const letterPages = generated.reduce((a, f) => a + f.pages, 0);
    const timeSet = async (parse) => {
      const t = performance.now();
      for (let k = 0; k < 3; k++) for (const f of generated) await parse({ bytes: f.bytes, name: f.path });
      return (performance.now() - t) / 3 / letterPages;
    };
    const ours = [];
    const base = [];
    const ratios = [];
    // Both builds warmed alike first (the baseline had read each file once only: its first pair ran 0.45-0.49x).
    for (let k = 0; k < 2; k++) {
      await timeSet(baseParse);
      await timeSet(parseDocument);
    }
    for (let r = 0; r < 2 * reps; r++) {
      if (r % 2) base.push(await timeSet(baseParse));
      ours.push(await timeSet(parseDocument));
      if (!(r % 2)) base.push(await timeSet(baseParse));
      ratios.push(ours.at(-1) / base.at(-1));
    }
    baseline = { root: BASELINE_ROOT, pairs: ratios.length, oursMsPerPage: minMed(ours), baselineMsPerPage: minMed(base), ratio: minMed(ratios), ratios };
    log(`pdf beside ${BASELINE_ROOT}: ours med ${median(ours).toFixed(2)} ms/page, baseline ${median(base).toFixed(2)} ms/page; pairs ${ratios.map((x) => x.toFixed(2)).join(', ')}`);
  }
  log(`pdf per page: ours ${perPage.ours.median.toFixed(2)} ms (CPU, all threads: ${perPage.oursCpu.median.toFixed(2)} ms)${perPage.tool ? `, pdftotext ${perPage.tool.median.toFixed(2)} ms` : ''}`);
  log(`pdf per page, a long letter's pages on two pdf.js threads: ${perPage.twoThreads.median.toFixed(2)} ms (CPU ${perPage.twoThreadsCpu.median.toFixed(2)} ms)${perPage.tool ? `, ${(perPage.twoThreads.median / perPage.tool.median).toFixed(1)}× pdftotext` : ''}`);
  if (perPage.textPass) {
    const vs = (x) => (perPage.tool ? ` (${(x / perPage.tool.median).toFixed(1)}× pdftotext)` : '');
    log(`pdf per page, pdf.js alone on one thread: text pass ${perPage.textPass.median.toFixed(2)} ms${vs(perPage.textPass.median)}, text + operator list ${perPage.bothPasses.median.toFixed(2)} ms${vs(perPage.bothPasses.median)}`);
  }
  const mm = (xs) => (xs.length ? minMed(xs) : null);
  return {
    files: files.length,
    generatedFiles: generated.length,
    generatedPages: generated.reduce((a, f) => a + f.pages, 0),
    pages,
    skipped,
    reps,
    baseline,
    perPage: { oursMs: perPage.ours, oursCpuMs: perPage.oursCpu, twoThreadsMs: perPage.twoThreads, twoThreadsCpuMs: perPage.twoThreadsCpu, readMs: perPage.read, pdfjsTextPassMs: perPage.textPass, pdfjsBothPassesMs: perPage.bothPasses, pdftotextMs: perPage.tool, ratio: perPage.ratio },
    whole: { oursMsPerPage: mm(whole.ours), pdftotextMsPerPage: mm(whole.tool), ratio: mm(whole.ratio) },
    ratio: perPage.ratio?.median ?? null,
    target: 2.5,
    note: tool.note,
    samples: { perFile: generated.map((f, i) => ({ pages: f.pages, ...times[i] })), whole },
  };
}
