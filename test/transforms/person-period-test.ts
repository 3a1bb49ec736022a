import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../src/time/dates.js';
import { buildPersonPeriods } from '../../src/transforms/person-period.js';
import { deriveUnitTemperature } from '../../src/transforms/person-period-unit.js';
import { tableEqual } from '../helpers/table-equal.js';

const d = (iso: string) =>
  epochDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

// A: officer in post since 2023-01-15, firearms posting then (from 2024-04-10) a posting to U2.
// B: staff from 2024-02-10, resigned 2024-05-20. As of 2024-06-30 (A's last claim, the extract's
// last date), horizon 2 months, Mar–May 2024.
const tables = {
  people: aq.table({
    person_id: ['A', 'B'],
    worker_type: ['officer', 'staff'],
    rank_or_grade: ['constable', 'so1'],
    unit_id: ['U2', 'U1'],
    role: ['response_officer', 'analyst'],
    high_risk_role: [null, null],
    fte: [1, 0.5],
    service_start_date: [d('2023-01-15'), null],
    start_date: [d('2023-01-15'), d('2024-02-10')],
    end_date: [null, d('2024-05-20')],
    leaver_type: [null, 'voluntary_resignation'],
    sex: ['female', 'male'],
    ethnicity_group: ['white', 'asian'],
    disability: ['no', null],
    birth_year: [1990, null],
    age_band: ['25_34', '45_54'],
  }),
  postings: aq.table({
    person_id: ['A', 'A'],
    unit_id: ['U1', 'U2'],
    role: ['firearms_officer', 'response_officer'],
    high_risk_role: ['firearms', null],
    from_date: [d('2023-01-15'), d('2024-04-10')],
    to_date: [d('2024-04-09'), null],
  }),
  overtime: aq.table({
    person_id: ['A', 'A', 'A', 'A'],
    date: [d('2023-02-01'), d('2024-01-10'), d('2024-03-05'), d('2024-06-30')],
    hours: [10, 4, 2, 1],
    rest_day_worked: [false, true, false, false],
  }),
  sickness: aq.table({
    person_id: ['A'],
    start_date: [d('2024-02-27')],
    end_date: [d('2024-03-02')],
    reason_category: ['mental_health'],
  }),
  oh_referrals: aq.table({ person_id: ['A'], date: [d('2024-03-10')] }),
  welfare_checks: aq.table({
    person_id: ['A'],
    date: [d('2023-02-01')],
    kind: ['welfare_meeting'],
  }),
  units: aq.table({
    unit_id: ['F', 'U1', 'U2'],
    parent_id: [null, 'F', 'F'],
    level: ['force', 'team', 'team'],
  }),
  unit_indicators: aq.table({
    unit_id: [],
    period_start: [],
    period_end: [],
    indicator: [],
    value: [],
  }),
  exit_interviews: aq.table({ person_id: [] }),
};
const data = { tables, asOf: d('2024-06-30') } as unknown as Parameters<
  typeof buildPersonPeriods
>[0];

describe('buildPersonPeriods', () => {
  const pp = buildPersonPeriods(data, { horizonMonths: 2, from: '2024-03', to: '2024-05' });
  const t = pp.table;
  it('has one row per person per month in post on the last day (B leaves 20 May: no May row)', () => {
    assert.deepEqual(t.array('person_id'), ['A', 'A', 'A', 'B', 'B']);
    assert.deepEqual(t.array('month'), ['2024-03', '2024-04', '2024-05', '2024-03', '2024-04']);
  });
  it('follows the posting in force at the month end, with the high-risk flag and overdue welfare check', () => {
    assert.deepEqual(t.array('unit_id'), ['U1', 'U2', 'U2', 'U1', 'U1']); // B: people.unit_id
    assert.deepEqual(t.array('high_risk'), [true, false, false, false, false]);
    // last check 2023-02-01 → 31 Mar 2024 is 424 days (365 + 29 + 30) > 365
    assert.deepEqual(t.array('welfare_check_overdue'), [true, false, false, false, false]);
    // A's move on 2024-04-10 is a posting change within the 365 days up to 30 Apr and 31 May
    assert.deepEqual(t.array('posting_changes_12m'), [0, 1, 1, 0, 0]);
  });
  it('counts overtime, sickness and referrals in windows ending on the month end', () => {
    tableEqual(
      t
        .select(
          'overtime_hours_3m',
          'overtime_hours_12m',
          'overtime_trend_hours',
          'rest_days_worked_12m',
          'sickness_spells_12m',
          'sickness_days_12m',
          'mental_health_spells_12m',
          'oh_referrals_12m',
        )
        .slice(0, 3),
      {
        // March: Jan–Mar 4 + 2 = 6; Apr 2023–Mar 2024 also 6 (Feb 2023's 10 h is older); 4 × 6 − 6 = 18.
        // May: Mar–May 2; Jun 2023–May 2024 6; 4 × 2 − 6 = 2.
        overtime_hours_3m: [6, 2, 2],
        overtime_hours_12m: [6, 6, 6],
        overtime_trend_hours: [18, 2, 2],
        rest_days_worked_12m: [1, 1, 1],
        sickness_spells_12m: [1, 1, 1],
        // 27, 28, 29 Feb (2024 is a leap year) + 1, 2 Mar = 5 calendar days
        sickness_days_12m: [5, 5, 5],
        mental_health_spells_12m: [1, 1, 1],
        oh_referrals_12m: [1, 1, 1],
      },
    );
  });
  it('measures tenure from the service start date, in completed months and JL6 bands', () => {
    // A: 15 Jan 2023 → 1 Apr 2024 is 14 completed months (1–2 years); B: 10 Feb → 1 Apr is 1 month
    assert.deepEqual(t.array('tenure_months'), [14, 15, 16, 1, 2]);
    assert.deepEqual(t.array('tenure_band'), ['1–2', '1–2', '1–2', '<1', '<1']);
    // A on 31 Mar 2024: 441 days after 15 Jan 2023, counting both ends 442
    assert.equal(t.get('service_days', 0), 442);
  });
  it('codes the outcome: resigned within the horizon, unknown while the horizon is open', () => {
    // A: Mar horizon ends 31 May, Apr ends 30 Jun (= as-of) → 0; May ends 31 Jul > as-of → null.
    // B resigned 20 May: within 2 months of both 31 Mar and 30 Apr.
    assert.deepEqual(t.array('resigned_within_horizon'), [0, 0, null, 1, 1]);
    assert.deepEqual(t.array('resigned_next_month'), [0, 0, 0, 0, 1]);
    // B in April: interval (service days on 30 Apr, on 20 May] = (81, 101], counting 10 Feb as day 1
    assert.deepEqual([t.get('service_days', 4), t.get('next_service_days', 4)], [81, 101]);
  });
  it('keeps protected characteristics in a separate table aligned by person and month', () => {
    tableEqual(pp.protected, {
      person_id: ['A', 'A', 'A', 'B', 'B'],
      month: ['2024-03', '2024-04', '2024-05', '2024-03', '2024-04'],
      sex: ['female', 'female', 'female', 'male', 'male'],
      ethnicity_group: ['white', 'white', 'white', 'asian', 'asian'],
      disability: ['no', 'no', 'no', null, null],
      age_band: ['25_34', '25_34', '25_34', '45_54', '45_54'], // A: 2024 − 1990 = 34; B: as exported
    });
    for (const c of ['sex', 'ethnicity_group', 'disability', 'age_band', 'birth_year']) {
      assert.ok(!t.columnNames().includes(c), `${c} must not be a model column`);
    }
  });
  it("ends follow-up at the extract's last date when the as-of date is later", () => {
    const later = buildPersonPeriods({ ...data, asOf: d('2026-01-31') } as typeof data, {
      horizonMonths: 2,
      from: '2024-03',
    });
    assert.equal(later.to, '2024-06'); // last month ending by 30 Jun 2024, not 2025-12
    assert.deepEqual(later.table.array('resigned_within_horizon'), [0, 0, null, null, 1, 1]);
  });
  it('rejects a horizon that is not a whole number of months', () => {
    assert.throws(
      () => buildPersonPeriods(data, { horizonMonths: 0.5 }),
      /buildPersonPeriods: horizonMonths 0.5 must be a whole number of months 1–36 \(6 or 12 are usual\)\./,
    );
  });
  it('rejects a month that is not yyyy-mm', () => {
    assert.throws(
      () => buildPersonPeriods(data, { from: '2024-3' }),
      /options.from "2024-3" is not a month; write yyyy-mm/,
    );
  });
});

describe('deriveUnitTemperature', () => {
  it('averages the z-scores of overtime and sickness per FTE against sibling units', () => {
    // Units X, Y, Z (siblings) of 5 officers each: overtime per FTE 10, 20, 30 → mean 20, sd 10 →
    // z −1, 0, 1; sickness 5 everywhere → sd 0 → z 0. Temperature = (z_ot + 0) / 2.
    const unit = ['X', 'Y', 'Z'].flatMap((u) => Array(5).fill(u));
    const periods = aq.table({
      month: Array(15).fill('2024-03'),
      unit_id: unit,
      worker_type: Array(15).fill('officer'),
      fte: Array(15).fill(1),
      overtime_hours_12m: unit.map((u) => ({ X: 10, Y: 20, Z: 30 })[u as 'X']),
      sickness_days_12m: Array(15).fill(5),
    });
    const out = deriveUnitTemperature(periods, { parent: { X: 'P', Y: 'P', Z: 'P' } });
    assert.deepEqual(
      [0, 5, 10].map((i) => out.get('unit_temperature', i)),
      [-0.5, 0, 0.5],
    );
  });
});
