import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { parsePeriod } from '../../../src/time/periods.js';
import { epochDay } from '../../../src/time/dates.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { summarizeWellbeingMatrix } from '../../../src/transforms/matrix/summary.js';

const d = (iso: string) =>
  epochDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const empty = (cols: string[]) => aq.table(Object.fromEntries(cols.map((c) => [c, []])));

// F → D1 → T1, T2 and F → D2 → T3; one full-time officer per team all year, overtime 10, 20, 30 h.
const tree = unitTree(
  aq.table({
    unit_id: ['F', 'D1', 'D2', 'T1', 'T2', 'T3'],
    parent_id: [null, 'F', 'F', 'D1', 'D1', 'D2'],
    name: ['Force', 'North', 'South', 'T one', 'T two', 'T three'],
    level: ['force', 'district', 'district', 'team', 'team', 'team'],
  }),
);
const tables = {
  people: aq.table({
    person_id: ['A1', 'A2', 'A3'],
    worker_type: ['officer', 'officer', 'officer'],
    unit_id: ['T1', 'T2', 'T3'],
    high_risk_role: [null, null, null],
    fte: [1, 1, 1],
    service_start_date: Array(3).fill(d('2020-01-01')),
    start_date: Array(3).fill(d('2020-01-01')),
    end_date: [null, null, null],
    leaver_type: [null, null, null],
  }),
  postings: empty(['person_id', 'unit_id', 'role', 'high_risk_role', 'from_date', 'to_date']),
  overtime: aq.table({
    person_id: ['A1', 'A2', 'A3'],
    date: Array(3).fill(d('2023-06-01')),
    hours: [10, 20, 30],
    rest_day_worked: [false, false, false],
  }),
  sickness: empty(['person_id', 'start_date', 'end_date', 'reason_category']),
  oh_referrals: empty(['person_id', 'date']),
  welfare_checks: empty(['person_id', 'date', 'kind']),
  unit_indicators: empty(['unit_id', 'period_start', 'period_end', 'indicator', 'value']),
  exit_interviews: empty([
    'person_id',
    'interview_date',
    'primary_reason',
    'other_reasons',
    'would_recommend',
    'would_return',
  ]),
};

const overtimeOf = (cells: aq.ColumnTable) =>
  Object.fromEntries(
    (cells.objects() as { unit_id: string; indicator: string; numerator: number }[])
      .filter((c) => c.indicator === 'overtime_hours_per_fte')
      .map((c) => [c.unit_id, c.numerator]),
  );

describe('summarizeWellbeingMatrix', () => {
  const fy = parsePeriod('FY2023-24');
  const asOf = d('2024-03-31');

  it('sums the counts of each unit of record up to the levels asked for', () => {
    assert.deepEqual(
      overtimeOf(summarizeWellbeingMatrix(tables, tree, { periods: [fy], asOf, levels: ['team'] })),
      { F: 60, T1: 10, T2: 20, T3: 30 },
    );
    assert.deepEqual(
      overtimeOf(
        summarizeWellbeingMatrix(tables, tree, { periods: [fy], asOf, levels: ['district'] }),
      ),
      { F: 60, D1: 30, D2: 30 },
    );
  });

  it('counts again for other periods, worker types or tables, not the counts of an earlier call', () => {
    const options = { periods: [fy], asOf, levels: ['team'] };
    assert.equal(overtimeOf(summarizeWellbeingMatrix(tables, tree, options)).F, 60);
    const before = parsePeriod('FY2022-23');
    const earlier = { ...options, periods: [before], asOf: d('2023-03-31') };
    assert.equal(overtimeOf(summarizeWellbeingMatrix(tables, tree, earlier)).F, 0);
    const staff = { ...options, workerTypes: ['staff'] };
    assert.deepEqual(overtimeOf(summarizeWellbeingMatrix(tables, tree, staff)), {});
    const more = { ...tables, overtime: tables.overtime.derive({ hours: (r) => r.hours * 2 }) };
    assert.equal(overtimeOf(summarizeWellbeingMatrix(more, tree, options)).F, 120);
  });
});
