import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../../src/privacy/index.js';
import type { Period } from '../../../src/time/periods.js';
import {
  leaversByTypeSpec,
  leaverRatesSpec,
  summarizeLeaverRates,
  summarizeLeaversByType,
} from '../../../src/transforms/leavers/leavers.js';
import { tableEqual } from '../../helpers/table-equal.js';

const P1: Period = { kind: 'month', label: 'P1', start: 0, end: 9 };
const P2: Period = { kind: 'month', label: 'P2', start: 10, end: 19 };
// B resigns on day 5, C transfers out on day 9 (last day of P1), D retires on day 12, E resigns on day 19.
const people = aq.table({
  person_id: ['A', 'B', 'C', 'D', 'E', 'F'],
  worker_type: ['officer', 'officer', 'officer', 'staff', 'staff', 'staff'],
  start_date: [0, 0, 0, 0, 3, -5],
  end_date: [null, 5, 9, 12, 19, null],
  leaver_type: [
    null,
    'voluntary_resignation',
    'transfer_out',
    'normal_retirement',
    'voluntary_resignation',
    null,
  ],
  fte: [1, 1, 1, 1, 1, 1],
});

describe('summarizeLeaverRates', () => {
  it('divides leavers (transfers out excluded) by the start headcount and by both averages', () => {
    // P1: in post day 0: A B C D F = 5; day 9: A C D E F = 5 → two-point 5.
    //     person-days A 10, B 6 (0–5), C 10, D 10, E 7 (3–9), F 10 = 53 → 5.3.
    //     leavers: B (voluntary); C is a transfer, shown apart. Rate 1/5 = 20%; turnover 1/5 = 20%, 1/5.3 = 18.8679%.
    // P2: day 10: A D E F = 4; day 19: A E F = 3 → 3.5. person-days A 10, D 3, E 10, F 10 = 33 → 3.3.
    //     leavers D, E (E voluntary): 2/4 = 50%, voluntary 25%, 2/3.5 = 57.142857%, 2/3.3 = 60.606061%.
    tableEqual(
      summarizeLeaverRates(people, { periods: [P1, P2] }),
      {
        period: ['P1', 'P2'],
        period_start: [0, 10],
        period_end: [9, 19],
        headcount_start: [5, 4],
        avg_headcount_two_point: [5, 3.5],
        avg_headcount_time_weighted: [5.3, 3.3],
        leavers: [1, 2],
        voluntary_resignations: [1, 1],
        transfers_out: [1, 0],
        leaver_rate_pct: [20, 50],
        voluntary_rate_pct: [20, 25],
        turnover_two_point_pct: [20, 200 / 3.5],
        turnover_time_weighted_pct: [100 / 5.3, 200 / 3.3],
      },
      1e-9,
    );
  });

  it('publishes through its CellSpec with rates recomputed from numerator and denominator', () => {
    const rates = summarizeLeaverRates(people, { periods: [P1, P2] });
    const published = publishTable(rates, leaverRatesSpec(), { mode: 'analyst' });
    assert.equal(published.table.get('leaver_rate_pct', 1), 50);
    assert.equal(published.table.get('turnover_two_point_pct', 0), 20);
  });

  it('hides the rates of a group under the minimum in publish mode', () => {
    const rates = summarizeLeaverRates(people, { periods: P1 });
    const published = publishTable(rates, leaverRatesSpec());
    // headcount_start 5 is shown; leavers 1 < 5 is hidden, and every rate over it with it.
    assert.equal(published.table.get('headcount_start', 0), 5);
    assert.equal(published.table.get('leaver_rate_pct_status', 0), 'suppressed');
  });
});

describe('summarizeLeaversByType', () => {
  it('lists every leaver type, transfers included, and the headline without them', () => {
    const t = summarizeLeaversByType(people, { periods: P1, by: ['worker_type'] });
    // Only officers left in P1: B voluntary, C transfer; the six other types are 0; headline 1 (B).
    tableEqual(t, {
      period: Array(9).fill('P1'),
      worker_type: Array(9).fill('officer'),
      leaver_type: [
        'voluntary_resignation',
        'normal_retirement',
        'medical_retirement',
        'dismissal',
        'transfer_out',
        'death',
        'end_of_contract',
        'other',
        'all_except_transfers',
      ],
      leavers: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    });
  });

  it('says which columns are missing', () => {
    assert.throws(
      () => summarizeLeaversByType(people.select('end_date'), { periods: P1 }),
      /summarizeLeaversByType: column "leaver_type" missing\. Found: end_date\./,
    );
  });
});

describe('leaversByTypeSpec', () => {
  it('hides a second type when one is hidden under a shown headline', () => {
    // A headline of 12 leavers: 10 resignations and 2 dismissals.
    const t = aq.table({
      period: Array(3).fill('P'),
      leaver_type: ['voluntary_resignation', 'dismissal', 'all_except_transfers'],
      leavers: [10, 2, 12],
    });
    const published = publishTable(t, leaversByTypeSpec());
    // dismissal 2 < 5 is hidden; 12 − 10 would give it back, so the resignations (or the headline) go too.
    const hidden = (published.table.array('leavers_status') as string[]).filter(
      (s) => s === 'suppressed',
    );
    assert.equal(hidden.length, 2);
  });
});
