import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { deriveOvertimeLevel } from '../../../src/transforms/leavers/retention-overtime.js';
import { tableEqual } from '../../helpers/table-equal.js';

const Y = 365.25;
// A joined on day 0, observed from day 100 (entry 100 days) to day 464 (time 465 days): 365 days observed.
// B joined on day 200 and left after 100 days (days 200–299). C joined on day 300, observed to day 464.
const retention = aq.table({
  person_id: ['A', 'B', 'C'],
  start_date: [0, 200, 300],
  tenure_entry_years: [100 / Y, 0, 0],
  tenure_years: [465 / Y, 100 / Y, 165 / Y],
});
// A: 10 h on day 50 (before the window: not counted) and 30 h on day 400; B: 5 h on day 250; C: none.
const overtime = aq.table({ person_id: ['A', 'A', 'B'], date: [50, 400, 250], hours: [10, 30, 5] });

describe('deriveOvertimeLevel', () => {
  it('divides hours claimed in the observed days by the years observed, then bands by rank', () => {
    // A: 30 h / (365 / 365.25) y; B: 5 h / (100 / 365.25) y = 18.26 h/y; C: 0.
    tableEqual(
      deriveOvertimeLevel(retention, overtime, { bands: 3 }).select(
        'overtime_hours_per_year',
        'overtime_band',
      ),
      {
        overtime_hours_per_year: [30 / (365 / Y), 5 / (100 / Y), 0],
        overtime_band: ['Q3 (most)', 'Q2', 'Q1 (least)'],
      },
      1e-9,
    );
  });
  it('needs at least two bands', () => {
    assert.throws(
      () => deriveOvertimeLevel(retention, overtime, { bands: 1 }),
      /deriveOvertimeLevel: bands must be a whole number ≥ 2 \(4 = quartiles\), got 1\./,
    );
  });
});
