import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { emptyTable } from '../../../src/schema/tables.js';
import {
  isFilled,
  summarizeCompleteness,
  summarizeCoverage,
} from '../../../src/transforms/quality/columns.js';
import { epochDay } from '../../../src/time/dates.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Four welfare checks: kind always filled; one has no date (cannot load in practice, but the
// transform must not assume it).
const checks = aq.table({
  person_id: ['A', 'B', 'C', 'D'],
  date: [epochDay(2024, 1, 15), epochDay(2024, 1, 20), epochDay(2024, 4, 2), null],
  kind: ['welfare_meeting', 'welfare_meeting', 'pause_point_review', 'welfare_meeting'],
});

/** `checks` whose columns can be read only in place: copying one whole (table.array) throws. */
function inPlaceOnly(t: aq.ColumnTable): aq.ColumnTable {
  const copy = aq.table(t.data());
  copy.array = () => {
    throw new Error('a whole column was copied');
  };
  return copy;
}

describe('summarizeCompleteness', () => {
  it('reads every column in place, never a copy of it whole (a national extract would not fit)', () => {
    assert.deepEqual(
      summarizeCompleteness({ welfare_checks: inPlaceOnly(checks) }).objects(),
      summarizeCompleteness({ welfare_checks: checks }).objects(),
    );
  });
  it('counts filled cells per column in schema order', () => {
    tableEqual(summarizeCompleteness({ welfare_checks: checks }), {
      table: ['welfare_checks', 'welfare_checks', 'welfare_checks'],
      column: ['person_id', 'date', 'kind'],
      rows: [4, 4, 4],
      filled: [4, 3, 4],
      missing: [0, 1, 0],
      filled_pct: [100, 75, 100], // 3 / 4 = 75%
    });
  });
  it('leaves out tables without rows', () => {
    assert.equal(summarizeCompleteness({ overtime: emptyTable('overtime') }).numRows(), 0);
  });
});

describe('summarizeCoverage', () => {
  it('reads the date columns in place, never a copy of one whole', () => {
    assert.deepEqual(
      summarizeCoverage({ welfare_checks: inPlaceOnly(checks) }).objects(),
      summarizeCoverage({ welfare_checks: checks }).objects(),
    );
  });
  it('gives the span and the months without rows', () => {
    tableEqual(summarizeCoverage({ welfare_checks: checks }), {
      table: ['welfare_checks'],
      date_column: ['date'],
      rows: [3],
      first_date: [epochDay(2024, 1, 15)],
      last_date: [epochDay(2024, 4, 2)],
      first_month: ['2024-01'],
      last_month: ['2024-04'],
      // January to April = 4 months; February and March hold no check.
      months_spanned: [4],
      months_without_rows: [2],
      empty_months: ['2024-02, 2024-03'],
    });
  });
  it('says "none" for a date column with no dates', () => {
    const sickness = aq.table({
      person_id: ['A'],
      start_date: [epochDay(2023, 12, 31)],
      end_date: [null],
      rtw_interview_date: [null],
    });
    const out = summarizeCoverage({ sickness });
    assert.deepEqual(out.array('date_column'), ['start_date', 'end_date', 'rtw_interview_date']);
    assert.deepEqual(out.array('first_month'), ['2023-12', 'none', 'none']);
    assert.deepEqual(out.array('months_spanned'), [1, 0, 0]);
  });
});

describe('isFilled', () => {
  it('treats null, blank text, empty lists and NaN as missing', () => {
    assert.deepEqual([null, undefined, ' ', [], NaN, 0, false, ['x'], 'a'].map(isFilled), [
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });
});
