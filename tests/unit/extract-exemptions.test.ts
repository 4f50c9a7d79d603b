import { describe, expect, it } from 'vitest';
import { extractExemptions } from '../../src/extract/exemptions.js';
import { linesOf } from '../support/doc.js';

const cites = (text: string, act: 'FOIA' | 'FOISA' = 'FOIA') => extractExemptions(linesOf(text), act).exemptions.map((e) => e.citation);

describe('exemption citations', () => {
  it.each([
    ['Section 40(2) – Personal information', ['40(2)']],
    ['The information is exempt by virtue of Section 30 (1) (a) (b (c) Investigations', ['30(1)(a)', '30(1)(b)', '30(1)(c)']],
    ['Section 40(2)&(3A)(a) - Personal Information', ['40(2)', '40(3A)(a)']],
    ['Section 40(2)(a)(b)&(3)(a)(i) – Personal Information', ['40(2)(a)', '40(2)(b)', '40(3)(a)(i)']],
    ['under Section 40(2)(a)(b) and (3A)(a) of the Act', ['40(2)(a)', '40(2)(b)', '40(3A)(a)']],
    ['Section 40(5B)(a)(i) - Personal Information', ['40(5B)(a)(i)']],
    ['would neither confirm nor deny by virtue of sections 40(5)(personal information) and 30(3)(investigations).', ['40(5)', '30(3)']],
    ['it relied on sections 14(1), 38(1)(a) and 40(2).', ['14(1)', '38(1)(a)', '40(2)']],
    ['sections 40(2) & (5) and 30(1) were properly cited', ['40(2)', '40(5)', '30(1)']],
    ['such a search would exceed the appropriate limit (FOIA, s.12).', ['12']],
    ['When citing s40(5), there is a requirement to consider fairness', ['40(5)']],
    ['Section 12 (1) of the Freedom of Information Act 2000', ['12(1)']],
    ['Relevant provisions: sections 16 (Refusal of request); 38(1)(b) (Personal information); 35(1)(a) and (b) (Law enforcement)', ['38(1)(b)', '35(1)(a)', '35(1)(b)']],
    ['It relied on section 12; 14 officers would need to search the files.', ['12']],
  ])('%s', (text, expected) => expect(cites(text, /Relevant provisions/.test(text) ? 'FOISA' : 'FOIA')).toEqual(expected));

  it('keeps each citation once, in its most specific form', () => {
    expect(cites('Section 40(2)(a) Personal information\nThe Section 40(2) exemption applies.\nSection 40 is absolute.')).toEqual(['40(2)(a)']);
  });

  it('skips duties and notices, other Acts, purpose clauses and quoted statute', () => {
    const text = [
      'Section 1(1)(a) requires us to confirm whether we hold information.',
      'This letter is a Refusal Notice under Section 17 of the Act.',
      'Officers searched him under section 23 of the Misuse of Drugs Act 1971.',
      'Correspondence about closures under the Highways Act 1980, Section 38, for the parade.',
      'Under the Freedom of Information Act 2000, section 40(2) applies.',
      'Section 31(1)(g) Law enforcement by virtue of section 31(2)(b)',
      'Information which is not exempt information by virtue of section 30 is exempt information if …',
    ].join('\n');
    expect(cites(text)).toEqual(['40(2)', '31(1)(g)']);
  });

  it('records a citation the Act does not have as a warning, not a row', () => {
    const r = extractExemptions(linesOf('Section 31(a)(g) Law Enforcement\nSection 31(1)(g) Law enforcement'), 'FOIA');
    expect(r.exemptions.map((e) => e.citation)).toEqual(['31(1)(g)']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/31\(a\)/);
  });

  it('gives act, name, class and NCND flag', () => {
    const [e] = extractExemptions(linesOf('Section 23(5) Information supplied by, or concerning, certain Security Bodies'), 'FOIA').exemptions;
    expect(e).toMatchObject({ act: 'FOIA', citation: '23(5)', section: '23', class: 'absolute', ncnd: true, name: 'Information supplied by, or concerning, certain security bodies' });
    const [q] = extractExemptions(linesOf('Section 31(1)(a) Law enforcement applies.'), 'FOIA').exemptions;
    expect(q).toMatchObject({ class: 'qualified', ncnd: false });
    const [c] = extractExemptions(linesOf('Section 12(1) cost of compliance.'), 'FOIA').exemptions;
    expect(c.class).toBe('procedural');
  });

  it('reads Police Scotland citations under FOISA, where section 38 is personal information', () => {
    const ex = extractExemptions(linesOf('We are applying section 38(1)(b) of FOISA and section 18 (neither confirm nor deny).'), 'FOISA').exemptions;
    expect(ex.map((e) => [e.act, e.citation, e.name, e.ncnd])).toEqual([
      ['FOISA', '38(1)(b)', 'Personal information', false],
      ['FOISA', '18', 'Further provision as respects responses to request (neither confirm nor deny)', true],
    ]);
  });

  it('reads EIR regulations', () => {
    const ex = extractExemptions(linesOf('The exception at regulation 12(5)(b) of the EIR applies.'), 'FOIA').exemptions;
    expect(ex.map((e) => [e.act, e.citation])).toEqual([['EIR', '12(5)(b)']]);
  });
});
