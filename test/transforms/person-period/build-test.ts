import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { buildPersonPeriods } from '../../../src/transforms/person-period/build.js';
import {
  deriveUnitTemperature,
  matrixTemperatures,
} from '../../../src/transforms/person-period/unit-temperature.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';

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
  exit_interviews: aq.table({
    person_id: [],
    interview_date: [],
    primary_reason: [],
    other_reasons: [],
    would_recommend: [],
    would_return: [],
  }),
};
const data = { tables, asOf: d('2024-06-30') } as unknown as Parameters<
  typeof buildPersonPeriods
>[0];

// Three one-officer teams T1–T3 under force F, in post all along. Overtime: FY2022-23 30, 20, 10 h;
// FY2023-24 10, 20, 30 h; then 100 h for T1's officer on 15 Apr 2024 (FY2024-25, not yet ended).
// With the overtime indicator alone the temperature is its z: (value − force value) / SD of the teams.
const teams = (() => {
  const ids = ['A1', 'A2', 'A3'];
  const empty = (cols: string[]) => aq.table(Object.fromEntries(cols.map((c) => [c, []])));
  return {
    people: aq.table({
      person_id: ids,
      worker_type: ['officer', 'officer', 'officer'],
      unit_id: ['T1', 'T2', 'T3'],
      high_risk_role: [null, null, null],
      fte: [1, 1, 1],
      service_start_date: Array(3).fill(d('2022-01-01')),
      start_date: Array(3).fill(d('2022-01-01')),
      end_date: [null, null, null],
      leaver_type: [null, null, null],
    }),
    postings: empty(['person_id', 'unit_id', 'role', 'high_risk_role', 'from_date', 'to_date']),
    overtime: aq.table({
      person_id: ['A1', 'A2', 'A3', 'A1', 'A2', 'A3', 'A1'],
      date: [...Array(3).fill(d('2022-06-01')), ...Array(3).fill(d('2023-06-01')), d('2024-04-15')],
      hours: [30, 20, 10, 10, 20, 30, 100],
      rest_day_worked: Array(7).fill(false),
    }),
    sickness: empty(['person_id', 'start_date', 'end_date', 'reason_category']),
    oh_referrals: empty(['person_id', 'date']),
    welfare_checks: empty(['person_id', 'date', 'kind']),
    units: aq.table({
      unit_id: ['F', 'T1', 'T2', 'T3'],
      parent_id: [null, 'F', 'F', 'F'],
      level: ['force', 'team', 'team', 'team'],
    }),
    unit_indicators: empty(['unit_id', 'period_start', 'period_end', 'indicator', 'value']),
    exit_interviews: tables.exit_interviews,
  };
})();
const overtimeOnly = { indicators: ['overtime_hours_per_fte'] };

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
  it('holds its columns compactly (typed numbers, text as codes), not a JS array each', () => {
    // a national force has millions of person-months: a JS value per cell would not fit
    for (const table of [t, pp.protected])
      for (const c of table.columnNames().filter((name) => !name.startsWith('unit_temperature')))
        assert.equal(Array.isArray(table.column(c)), false, c);
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
  it('gives unit temperature 0 when the matrix cannot score the teams (2 teams, 3 needed)', () => {
    assert.deepEqual(t.array('unit_temperature'), [0, 0, 0, 0, 0]);
  });
  it("takes the team's matrix temperature with the options given", () => {
    const built = buildPersonPeriods({ tables: teams, asOf: d('2024-04-30') } as typeof data, {
      from: '2024-02',
      temperature: overtimeOnly,
    });
    // follow-up ends 15 Apr 2024 (the last claim), so February and March; A1 (T1): +1 then −1, as
    // worked out under deriveUnitTemperature below
    assert.deepEqual(built.table.array('person_id'), ['A1', 'A1', 'A2', 'A2', 'A3', 'A3']);
    assert.deepEqual(built.table.array('unit_temperature'), [1, -1, 0, 0, -1, 1]);
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
      /options.from: "2024-3" is not a month; write yyyy-mm/,
    );
  });
});

describe('deriveUnitTemperature', () => {
  const rows = aq.table({
    month_end_date: [
      d('2023-03-31'),
      d('2024-02-29'),
      d('2024-03-31'),
      d('2024-04-30'),
      d('2024-04-30'),
      d('2022-12-31'),
    ],
    unit_id: ['T1', 'T1', 'T1', 'T1', 'F', 'T1'],
  });
  const out = deriveUnitTemperature(rows, teams, unitTree(teams.units), {
    ...overtimeOnly,
    asOf: d('2024-04-30'),
  });
  it("uses the team's matrix temperature of the latest financial year ended by the month end", () => {
    // FY2022-23: 30, 20, 10 h per FTE (each officer 1 FTE all year); force 60 / 3 = 20; SD of the
    // teams sqrt((100 + 0 + 100) / 2) = 10 → T1 z = (30 − 20) / 10 = +1. FY2023-24: T1 (10 − 20) / 10 = −1.
    // 31 Mar 2023 and 29 Feb 2024 → FY2022-23; 31 Mar and 30 Apr 2024 → FY2023-24 (the 100 h of
    // April 2024 belong to FY2024-25, which has not ended: no look-ahead).
    assert.deepEqual(
      Array.from(out.array('unit_temperature') as ArrayLike<number>).slice(0, 4),
      [1, 1, -1, -1],
    );
    assert.deepEqual(
      Array.from(out.array('unit_temperature_period') as ArrayLike<string>).slice(0, 4),
      ['FY2022-23', 'FY2022-23', 'FY2023-24', 'FY2023-24'],
    );
  });
  it('gives 0 to a unit above the level and before any financial year in the data ended', () => {
    // F is the force (no team). 31 Dec 2022 → FY2021-22, which has no overtime: every team's value
    // is 0, the SD 0, so no team is scored
    assert.deepEqual([out.get('unit_temperature', 4), out.get('unit_temperature', 5)], [0, 0]);
    assert.deepEqual(
      [out.get('unit_temperature_period', 4), out.get('unit_temperature_period', 5)],
      [null, null],
    );
  });
  it('rejects rows without month_end_date', () => {
    assert.throws(
      () =>
        deriveUnitTemperature(aq.table({ unit_id: ['T1'] }), teams, unitTree(teams.units), {
          asOf: 0,
        }),
      /deriveUnitTemperature: .*"month_end_date".* missing/,
    );
  });
});

describe('matrixTemperatures', () => {
  it('scores every team of each financial year against its own force', () => {
    const fy = (label: string) => parsePeriod(label);
    const out = matrixTemperatures(
      teams,
      unitTree(teams.units),
      [fy('FY2022-23'), fy('FY2023-24')],
      {
        ...overtimeOnly,
        level: 'team',
        asOf: d('2024-04-30'),
      },
    );
    // as above: z = (hours − 20) / 10; the force row has no temperature
    assert.deepEqual(Object.fromEntries(out.get('FY2022-23')!), { F: null, T1: 1, T2: 0, T3: -1 });
    assert.deepEqual(Object.fromEntries(out.get('FY2023-24')!), { F: null, T3: 1, T2: 0, T1: -1 });
  });
});
