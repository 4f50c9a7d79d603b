// Scanner dirt off a page image before OCR: a dark blob of a few pixels standing alone is
// dust, not ink. Left in, tesseract reads it as a stray mark ("-14", "I'can") or breaks a
// table row into extra columns. Pure, on RGBA pixels as a canvas gives them.

/** Dark = luminance below this (paper is near white even in a grey scan). */
const INK = 128;

/**
 * Whitens every 8-connected dark blob of at most `maxArea` pixels with no other ink within
 * `margin` pixels, in place; returns how many were removed. Size alone cannot tell dust from
 * the dot of an i at scan resolutions; the dot sits close to its stem, dust mostly does not.
 */
export function despeckle(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, maxArea: number, margin: number): number {
  const n = width * height;
  const dark = new Uint8Array(n);
  for (let i = 0, k = 0; i < n; i++, k += 4) dark[i] = 0.299 * rgba[k] + 0.587 * rgba[k + 1] + 0.114 * rgba[k + 2] < INK ? 1 : 0;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const blob: number[] = [];
  let removed = 0;
  for (let start = 0; start < n; start++) {
    if (!dark[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    blob.length = 0;
    let big = false;
    while (top > 0) {
      const p = stack[--top];
      if (!big) {
        blob.push(p);
        if (blob.length > maxArea) big = true;
      }
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (dark[q] && !seen[q]) {
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
    }
    if (!big && alone(blob, dark, width, height, margin)) {
      for (const p of blob) rgba[p * 4] = rgba[p * 4 + 1] = rgba[p * 4 + 2] = 255;
      removed++;
    }
  }
  return removed;
}

/** No dark pixel outside the blob within `margin` of its bounding box. */
function alone(blob: number[], dark: Uint8Array, width: number, height: number, margin: number): boolean {
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (const p of blob) {
    const x = p % width;
    const y = (p - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const own = new Set(blob);
  for (let y = Math.max(0, y0 - margin); y <= Math.min(height - 1, y1 + margin); y++) {
    for (let x = Math.max(0, x0 - margin); x <= Math.min(width - 1, x1 + margin); x++) {
      const q = y * width + x;
      if (dark[q] && !own.has(q)) return false;
    }
  }
  return true;
}
