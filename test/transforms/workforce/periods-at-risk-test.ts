import assert from 'node:assert/strict';
import * as aq from 'arquero';
import type { Period } from '../../../src/time/periods.js';
import {
  averageHeadcountSpec,
  summarizeAverageHeadcount,
} from '../../../src/transforms/workforce/periods-at-risk.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Two ten-day periods. A in post throughout; B days 5–14; C days -10–4; D from day 12.
const P1: Period = { kind: 'month', label: 'P1', start: 0, end: 9 };
const P2: Period = { kind: 'month', label: 'P2', start: 10, end: 19 };
const people = aq.table({
  person_id: ['A', 'B', 'C', 'D'],
  worker_type: ['officer', 'staff', 'officer', 'staff'],
  start_date: [0, 5, -10, 12],
  end_date: [null, 14, 4, null],
  fte: [1, 0.5, 1, 0.8],
});

describe('summarizeAverageHeadcount', () => {
  it('gives the two-point and time-weighted averages and person-days of each period', () => {
    // P1: day 0 in post A, C (2; fte 2); day 9 A, B (2; fte 1.5) → two-point 2 and 1.75.
    //     person-days A 10 + B 5 (days 5–9) + C 5 (days 0–4) = 20 → 2.0; fte-days 10 + 2.5 + 5 = 17.5 → 1.75.
    // P2: day 10 A, B (2; 1.5); day 19 A, D (2; 1.8) → 2 and 1.65.
    //     person-days A 10 + B 5 (10–14) + D 8 (12–19) = 23 → 2.3; fte-days 10 + 2.5 + 6.4 = 18.9 → 1.89.
    tableEqual(
      summarizeAverageHeadcount(people, { periods: [P1, P2] }),
      {
        period: ['P1', 'P2'],
        period_start: [0, 10],
        period_end: [9, 19],
        headcount_start: [2, 2],
        headcount_end: [2, 2],
        avg_headcount_two_point: [2, 2],
        person_days: [20, 23],
        days_in_period: [10, 10],
        avg_headcount_time_weighted: [2, 2.3],
        fte_start: [2, 1.5],
        fte_end: [1.5, 1.8],
        avg_fte_two_point: [1.75, 1.65],
        fte_days: [17.5, 18.9],
        avg_fte_time_weighted: [1.75, 1.89],
      },
      1e-12,
    );
  });

  it('groups by the given columns and leaves out groups with no day in post', () => {
    // P2 officers: only A (C left on day 4). Staff: B, D as above.
    const t = summarizeAverageHeadcount(people, { periods: P2, by: ['worker_type'] });
    tableEqual(t.select('worker_type', 'headcount_start', 'headcount_end', 'person_days'), {
      worker_type: ['officer', 'staff'],
      headcount_start: [1, 1],
      headcount_end: [1, 1],
      person_days: [10, 13],
    });
  });

  it('says which column is missing', () => {
    assert.throws(
      () => summarizeAverageHeadcount(people.select('start_date', 'end_date'), { periods: P1 }),
      /summarizeAverageHeadcount: column "fte" missing\. Found: start_date, end_date\./,
    );
  });

  it('asks for a period when none is given', () => {
    assert.throws(
      () => summarizeAverageHeadcount(people, { periods: [] }),
      /summarizeAverageHeadcount: no period given/,
    );
  });
});

describe('averageHeadcountSpec', () => {
  it('makes the start headcount the population and the FTE follow its headcount', () => {
    const spec = averageHeadcountSpec(['worker_type']);
    assert.deepEqual(spec.by, ['period', 'worker_type']);
    assert.equal(spec.population, 'headcount_start');
    assert.deepEqual(spec.means?.[0], { name: 'fte_start', n: 'headcount_start' });
  });
});
