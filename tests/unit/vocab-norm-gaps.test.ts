// norm and measureOf leave a run of one space as it is instead of replacing it with a space
// (issue 17): the same text as replacing every run, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NORM_GAPS, SPACE_GAPS, measureOf, norm } from '../../src/extract/vocab-map.js';

const everyRun = (s: string) => s.toLowerCase().replace(/[\u2019'.]/g, '').replace(/[\s/\\\-–—_,;:()[\]]+/g, ' ').trim();
const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '/', '\\', '-', '–', '—', '_', ',', ';', ':', '(', ')', '[', ']', '.', "'", '’', 'a', 'B', 'pcso', 'PCSOs', 'officer', 'community support officers', 'police ', 'constables', 'staff', 'é', '');
const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));

/** Whether measureOf named both kinds of officer before the gaps and the pcsos shortcut (main 16bfa27). */
function bothBefore(text: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  const pcsos = /\bpcsos?\b|community support/.test(t);
  const officers = /\bofficers?\b|\bconstables?\b/.test(t.replace(/(?:police )?community support officers?|\bpcsos?\b/g, ' '));
  return pcsos && officers;
}

describe('norm gaps', () => {
  it.each([
    ['Police  Officers', 'police officers'],
    ['Retired/ Resigned', 'retired resigned'],
    ['a - b', 'a b'],
    [' one two ', 'one two'],
    ["O'Brien’s dept.", 'obriens dept'],
  ])('norm(%j) is %j', (s, out) => {
    expect(norm(s)).toBe(out);
    expect(everyRun(s)).toBe(out);
  });

  it('is every run replaced, on any text (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(norm(s), s).toBe(everyRun(s));
        expect(s.replace(NORM_GAPS, ' ').replace(/[\s/\\\-–—_,;:()[\]]+/g, ' '), s).toBe(s.replace(/[\s/\\\-–—_,;:()[\]]+/g, ' '));
        expect(s.replace(SPACE_GAPS, ' '), s).toBe(s.replace(/\s+/g, ' '));
      }),
      { numRuns: 5000, seed: 17 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(norm(s), s).toBe(everyRun(s));
        expect(s.replace(SPACE_GAPS, ' '), s).toBe(s.replace(/\s+/g, ' '));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('measureOf names both kinds of officer as before (property)', () => {
    expect(measureOf('Police officers and community support officers')).toBe('officers_and_pcsos');
    expect(measureOf('PCSOs')).toBe('pcsos');
    expect(measureOf('Police  Officers')).toBe('officers');
    fc.assert(
      fc.property(text, (s) => {
        expect(measureOf(s) === 'officers_and_pcsos', s).toBe(bothBefore(s));
      }),
      { numRuns: 5000, seed: 17 },
    );
  });
});
