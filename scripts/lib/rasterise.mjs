// Turns a PDF into an image-only PDF as a scanner would: each page rendered to greyscale at
// a scanner's resolution, turned by a slight skew, speckled with noise (seeded, so the same
// input gives the same bytes), saved as JPEG and placed full-page in a new PDF. Node only:
// pdf-parse (its pdf.js) renders, @napi-rs/canvas turns and encodes, pdfkit writes.
// Run alone: node scripts/lib/rasterise.mjs in.pdf out.pdf [--dpi 150] [--skew 0.8] [--noise 0.05] [--seed 1]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFParse } from 'pdf-parse';
import PDFDocument from 'pdfkit';

const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {Uint8Array} pdf
 * @param {{ dpi?: number, skewDegrees?: number | number[], noise?: number, specks?: number, seed?: number, quality?: number, stamp?: string, rotate?: 0 | 90 }} [o]
 *   skewDegrees: one angle, or one per page (cycled); noise: share of grey jitter (0–1); specks: dark dots per million pixels;
 *   stamp: a line of real text put on every page over the image (as a scanning service stamps a reference);
 *   rotate: 90 stores each page sideways with /Rotate 90, so it displays upright (as scanners store landscape pages).
 * @returns {Promise<Buffer>}
 */
export async function rasterise(pdf, o = {}) {
  const { dpi = 150, skewDegrees = 0.8, noise = 0.06, specks = 60, seed = 1, quality = 0.75, stamp, rotate = 0 } = o;
  const skews = Array.isArray(skewDegrees) ? skewDegrees : [skewDegrees];
  const parser = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 });
  const shots = await parser.getScreenshot({ scale: dpi / 72, imageBuffer: true, imageDataUrl: false });
  await parser.destroy();
  const random = prng(seed);
  const out = new PDFDocument({ autoFirstPage: false, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Title: 'scanned' } });
  const chunks = [];
  out.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
  for (const [i, page] of shots.pages.entries()) {
    const img = await loadImage(Buffer.from(page.data));
    const w = Math.round(page.width);
    const h = Math.round(page.height);
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.translate(w / 2, h / 2);
    ctx.rotate((skews[i % skews.length] * Math.PI) / 180);
    ctx.drawImage(img, -w / 2, -h / 2, w, h);
    const data = ctx.getImageData(0, 0, w, h);
    const px = data.data;
    for (let k = 0; k < px.length; k += 4) {
      // Greyscale, paper not quite white, ink not quite black, and grain.
      const grey = 0.299 * px[k] + 0.587 * px[k + 1] + 0.114 * px[k + 2];
      const v = 18 + grey * 0.88 + (random() - 0.5) * 255 * noise;
      px[k] = px[k + 1] = px[k + 2] = Math.max(0, Math.min(255, v));
    }
    const count = Math.round((w * h * specks) / 1e6);
    for (let s = 0; s < count; s++) {
      const x = Math.floor(random() * w);
      const y = Math.floor(random() * h);
      const r = 1 + Math.floor(random() * 2);
      for (let dy = 0; dy < r; dy++) for (let dx = 0; dx < r; dx++) {
        const k = ((Math.min(h - 1, y + dy) * w) + Math.min(w - 1, x + dx)) * 4;
        px[k] = px[k + 1] = px[k + 2] = 40;
      }
    }
    ctx.putImageData(data, 0, 0);
    let stored = canvas;
    if (rotate === 90) {
      // Stored turned a quarter anticlockwise; /Rotate 90 turns it back for display.
      stored = createCanvas(h, w);
      const sctx = stored.getContext('2d');
      sctx.translate(0, w);
      sctx.rotate(-Math.PI / 2);
      sctx.drawImage(canvas, 0, 0);
    }
    const jpeg = stored.toBuffer('image/jpeg', Math.round(quality * 100));
    const size = [(stored.width * 72) / dpi, (stored.height * 72) / dpi];
    out.addPage({ size, margin: 0 });
    if (rotate) out.page.dictionary.data.Rotate = rotate;
    out.image(jpeg, 0, 0, { width: size[0], height: size[1] });
    if (stamp) out.font('Helvetica').fontSize(8).text(stamp, 20, 12, { lineBreak: false });
  }
  out.end();
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output, ...rest] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: node scripts/lib/rasterise.mjs in.pdf out.pdf [--dpi 150] [--skew 0.8] [--noise 0.06] [--seed 1]\n');
    process.exit(2);
  }
  const opt = (name, dflt) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : dflt;
  };
  const bytes = await rasterise(readFileSync(input), { dpi: opt('--dpi', 150), skewDegrees: opt('--skew', 0.8), noise: opt('--noise', 0.06), seed: opt('--seed', 1) });
  writeFileSync(output, bytes);
}
