import { describe, expect, it } from 'vitest';
import { makeMatcher, topicsOfTitle } from '../../src/harvest/match.js';

describe('topicsOfTitle', () => {
  it.each([
    ['Officer Convictions', ['convictions']],
    ['Police officers convicted of criminal offences 2019-2023', ['convictions']],
    ['Officers suspended or on restricted duties', ['suspensions']],
    ['Gross misconduct hearings and outcomes', ['misconduct_proceedings']],
    ['Sexual misconduct allegations against officers', ['sexual_misconduct', 'misconduct_proceedings']],
    ['Vetting and re-vetting failures', ['vetting']],
    ['Officers charged with criminal offences', ['charges']],
    ['Public complaints about officers', ['complaints']],
    ['Unmanned aerial vehicles (drones)', ['other']],
    ['Stop and search by ethnicity', ['other']],
  ])('%s → %j', (title, want) => {
    expect(topicsOfTitle(title)).toEqual(want);
  });
});

describe('makeMatcher', () => {
  it('a topic id decides on the listing alone', () => {
    const m = makeMatcher('suspensions');
    expect(m.kind).toBe('topic');
    expect(m.onListing('Police officers suspended', null)).toBe(true);
    expect(m.onListing('Use of drones', null)).toBe(false);
    expect(m.onListing('Staff numbers', 'How many officers are currently suspended?')).toBe(true);
  });

  it('"other" matches titles of no conduct topic', () => {
    const m = makeMatcher('other');
    expect(m.onListing('Use of drones', null)).toBe(true);
    expect(m.onListing('Officer Convictions', null)).toBe(false);
  });

  it('free text matches title or summary case-insensitively, else defers to the page', () => {
    const m = makeMatcher('Drones');
    expect(m.kind).toBe('text');
    expect(m.onListing('Use of DRONES', null)).toBe(true);
    expect(m.onListing('Equipment', 'how many drones does the force own')).toBe(true);
    expect(m.onListing('Equipment', null)).toBeNull();
    expect(m.onPage('The force owns 12\u00a0drones.')).toBe(true);
    expect(m.onPage('The force owns 12 helicopters.')).toBe(false);
  });

  it('free text of several words matches across whitespace differences', () => {
    const m = makeMatcher('stop  and search');
    expect(m.onListing('Stop and\nsearch by ethnicity', null)).toBe(true);
  });
});
