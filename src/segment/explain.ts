// `parse --explain`: each block with its role, so a wrong field can be traced to a wrong segment.
import type { Segmentation } from './types.js';

export function explainSegmentation(seg: Segmentation, width = 100): string {
  const rows: string[] = [];
  for (const r of seg.lines) {
    if (r.line.blank) continue;
    const text = r.line.text.replace(/\s+/g, ' ').trim();
    const shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    const q = r.question ? ` q${r.question}` : '';
    rows.push(`${r.line.locator.padEnd(16)} ${r.role.padEnd(14)} ${`(${r.why}${q})`.padEnd(26)} ${shown}`);
  }
  return rows.join('\n');
}
