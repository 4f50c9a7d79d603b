// The report's topic charts are tallied a disclosure at a time (so `report` can stream the store):
// the sums per topic, measure + event, force and year must be those of the figures themselves.
import { describe, expect, it } from 'vitest';
import type { FlatFigure } from '../../src/records/schema.js';
import { TopicTally } from '../../src/report/charts.js';

const fig = (force_name: string, measure: string, event: string, year: number | null, value: number, is_total = false) =>
  ({ force: force_name.toLowerCase(), force_name, measure, event, year, value, is_total }) as unknown as FlatFigure;

describe('TopicTally', () => {
  const tally = new TopicTally();
  tally.add({ topics: ['convictions', 'other'] }, [
    fig('Essex Police', 'officers', 'convicted', 2020, 3),
    fig('Essex Police', 'officers', 'convicted', 2020, 4),
    fig('Essex Police', 'officers', 'convicted', 2021, 5),
    fig('Essex Police', 'officers', 'convicted', null, 100, true), // a total: left out
    fig('Essex Police', 'unknown', 'other', 2020, 9),
  ]);
  tally.add({ topics: ['convictions', 'vetting'] }, [
    fig('Kent Police', 'officers', 'convicted', 2020, 2),
    fig('Kent Police', 'applicants', 'vetting_refused', null, 7),
  ]);
  tally.add({ topics: ['misconduct'] }, [fig('Kent Police', 'unknown', 'other', 2019, 1)]);

  it('sums each force and year of the commonest informative measure + event, per topic, most figures first', () => {
    expect(tally.top(3)).toEqual([
      {
        topic: 'convictions',
        measure: 'officers',
        event: 'convicted',
        figures: 4,
        cells: [
          { force: 'Essex', year: '2020', value: 7 },
          { force: 'Essex', year: '2021', value: 5 },
          { force: 'Kent', year: '2020', value: 2 },
        ],
      },
      // a tie between two informative pairs: the first by name
      {
        topic: 'vetting',
        measure: 'applicants',
        event: 'vetting_refused',
        figures: 1,
        cells: [{ force: 'Kent', year: 'year not given', value: 7 }],
      },
      // only uninformative figures: the commonest pair stands
      { topic: 'misconduct', measure: 'unknown', event: 'other', figures: 1, cells: [{ force: 'Kent', year: '2019', value: 1 }] },
    ]);
    expect(tally.top(1).map((t) => t.topic)).toEqual(['convictions']);
  });

  it('draws one chart per topic, noting how many figures were summed', () => {
    const charts = tally.charts(2);
    expect(charts.map((c) => c.title)).toEqual(['convictions: officers (convicted) by force and year', 'vetting: applicants (vetting refused) by force and year']);
    expect(charts[0].note).toMatch(/^Sum of 4 figures that are not totals;/);
    expect(charts[0].svg).toContain('<svg');
  });
});
