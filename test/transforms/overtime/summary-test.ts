import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { overtimeCellSpec, summarizeOvertime } from '../../../src/transforms/overtime/summary.js';
import { publishTable } from '../../../src/privacy/index.js';
import {
  spread,
  summarizeOvertimeDistribution,
} from '../../../src/transforms/overtime/distribution.js';
import { summarizeOvertimePattern } from '../../../src/transforms/overtime/patterns.js';
import { summarizeWellbeingByOvertimeBand } from '../../../src/transforms/overtime/wellbeing.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number);
  return epochDay(y, m, day);
};
const april = parsePeriod('2024-04');

// Team T, April 2024: P1, P2 (fte 0.5), P3, P4 in post; P5 joins in May.
const people = aq.table({
  person_id: ['P1', 'P2', 'P3', 'P4', 'P5'],
  unit: ['T', 'T', 'T', 'T', 'T'],
  start_date: [0, 0, 0, 0, d('2024-05-01')],
  end_date: [null, null, null, null, null],
  fte: [1, 0.5, 1, 1, 1],
});
// P3: 4 h paid + 6 h TOIL (one on a rest day); P4: 10 h paid + 10 h unpaid + 10 h unrecorded,
// two of them on the same rest day; P5's May claim is outside April.
const overtime = aq.table({
  person_id: ['P3', 'P3', 'P4', 'P4', 'P4', 'P5'],
  date: [
    d('2024-04-02'),
    d('2024-04-06'),
    d('2024-04-13'),
    d('2024-04-13'),
    d('2024-04-20'),
    d('2024-05-02'),
  ],
  hours: [4, 6, 10, 10, 10, 8],
  compensation: ['paid', 'toil', 'paid', 'unpaid', null, 'paid'],
  rest_day_worked: [false, true, true, true, false, false],
  start_time: ['22:00', '07:30', '08:00', null, '14:00', '08:00'],
  end_time: ['02:00', '13:30', '18:00', null, '00:00', '16:00'],
});

describe('summarizeOvertime', () => {
  it('counts the people behind each magnitude and their two largest contributions', () => {
    const t = summarizeOvertime(people, overtime, { periods: [april], by: ['unit'] });
    const r = t.object(0) as Record<string, number>;
    // Overtime: P3 4 + 6 = 10 h, P4 30 h → 2 people, top 30 and 10. Paid: P3 4, P4 10.
    // TOIL: P3 6 only; unpaid: P4 10 only. Rest days: P3 1 day, P4 1 day (two claims, one day).
    assert.deepEqual(
      [r.people_overtime_hours, r.overtime_hours_top1, r.overtime_hours_top2],
      [2, 30, 10],
    );
    assert.deepEqual([r.people_paid_hours, r.paid_hours_top1, r.paid_hours_top2], [2, 10, 4]);
    assert.deepEqual([r.people_toil_hours, r.toil_hours_top1, r.toil_hours_top2], [1, 6, 0]);
    assert.deepEqual([r.people_unpaid_hours, r.unpaid_hours_top1], [1, 10]);
    assert.deepEqual(
      [r.people_rest_days_worked, r.rest_days_worked_top1, r.rest_days_worked_top2],
      [1 + 1, 1, 1],
    );
  });

  it('publishes hours only when 5 people stand behind them and none dominates (issue 18)', () => {
    // Team T (above): 40 hours from 2 people → hours and hours per FTE hidden, not only counts.
    // Team U: 6 people in post all April; Q1 claims 100 h, Q2–Q6 4 h each = 120 h: Q1 is 83% → hidden.
    // Team V: 6 people, 10 h each = 60 h: 6 people, top 10 (17%), top two 20 (33%) → shown.
    const ids = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
    const more = aq.table({
      person_id: ids,
      unit: ids.map((id) => (id.startsWith('Q') ? 'U' : 'V')),
      start_date: ids.map(() => 0),
      end_date: ids.map(() => null),
      fte: ids.map(() => 1),
    });
    const claims = aq.table({
      person_id: ids,
      date: ids.map(() => d('2024-04-10')),
      hours: ids.map((id) => (id === 'Q1' ? 100 : id.startsWith('Q') ? 4 : 10)),
      compensation: ids.map(() => 'paid'),
      rest_day_worked: ids.map(() => false),
    });
    const t = summarizeOvertime(
      people.concat(more),
      overtime
        .select('person_id', 'date', 'hours', 'compensation', 'rest_day_worked')
        .concat(claims),
      { periods: [april], by: ['unit'] },
    );
    const p = publishTable(t, overtimeCellSpec(['unit']));
    assert.deepEqual(p.table.array('unit'), ['T', 'U', 'V']);
    assert.deepEqual(p.table.array('overtime_hours'), [null, null, 60]);
    assert.deepEqual(p.table.array('hours_per_fte'), [null, null, 10]); // 60 h / 6 FTE
    assert.deepEqual(p.table.array('paid_hours'), [null, null, 60]);
    // T's headcount (4) is itself under 5; U's 6 people stay shown though their hours are hidden.
    assert.deepEqual(p.table.array('headcount'), [null, 6, 6]);
  });

  it('adds exact total rows with the total option', () => {
    const t = summarizeOvertime(people, overtime, { periods: [april], by: ['unit'], total: 'All' });
    assert.deepEqual(t.array('unit'), ['T', 'All']);
    assert.equal(t.get('overtime_hours', 1), 40);
    assert.equal(t.get('people_overtime_hours', 1), 2);
  });

  it('gives hours per FTE, paid / TOIL / unpaid hours and rest days worked per person', () => {
    const t = summarizeOvertime(people, overtime, { periods: [april], by: ['unit'] });
    // fte_avg 1 + 0.5 + 1 + 1 = 3.5; hours 4 + 6 + 30 = 40 → 40 / 3.5 per FTE.
    // paid 4 + 10 = 14, TOIL 6, unpaid 10 (P4's claim without compensation counts in the total only).
    // Rest days: P3 on 6 April, P4 on 13 April (two claims, one day) = 2, per 4 people = 0.5.
    tableEqual(
      t.select(
        'headcount',
        'fte_avg',
        'claims',
        'people_claiming',
        'overtime_hours',
        'paid_hours',
        'toil_hours',
        'unpaid_hours',
        'rest_days_worked',
        'hours_per_fte',
        'rest_days_per_person',
      ),
      {
        headcount: [4],
        fte_avg: [3.5],
        claims: [5],
        people_claiming: [2],
        overtime_hours: [40],
        paid_hours: [14],
        toil_hours: [6],
        unpaid_hours: [10],
        rest_days_worked: [2],
        hours_per_fte: [40 / 3.5],
        rest_days_per_person: [0.5],
      },
    );
  });
});

describe('summarizeOvertimeDistribution', () => {
  it('hand-checks percentiles, thresholds, the top-10 % share and the Gini coefficient', () => {
    // April hours per person: P1 0, P2 0, P3 10, P4 30 (n = 4, total 40).
    // Gini: sorted 0, 0, 10, 30 with weights 2i − n − 1 = −3, −1, 1, 3 → (10 + 90) / (4 × 40) = 0.625;
    // check: Σ|xi − xj| over ordered pairs = 200 and 200 / (2 n² mean) = 200 / (2 × 16 × 10) = 0.625.
    // Top 10 %: ceil(0.4) = 1 person, 30 / 40 = 75 %. Median (type 7): h = 1.5 → 0 + 0.5 × 10 = 5.
    // 90th: h = 2.7 → 10 + 0.7 × 20 = 24. Over 20 h: P4; over 10 h (strictly): P4 only.
    const t = summarizeOvertimeDistribution(people, overtime, {
      periods: [april],
      by: ['unit'],
      thresholds: [10, 20],
    });
    tableEqual(
      t.select(
        'people',
        'overtime_hours',
        'people_over_10h',
        'people_over_20h',
        'p50_hours',
        'p90_hours',
        'top10_share_pct',
        'gini',
      ),
      {
        people: [4],
        overtime_hours: [40],
        people_over_10h: [1],
        people_over_20h: [1],
        p50_hours: [5],
        p90_hours: [24],
        top10_share_pct: [75],
        gini: [0.625],
      },
      1e-12,
    );
  });
  it('gives Gini 0 when everyone works the same, and (n − 1) / n when one person works it all', () => {
    assert.equal(spread([5, 5, 5]).gini, 0);
    assert.equal(spread([0, 0, 0, 8]).gini, 0.75);
    assert.equal(spread([0, 0]).gini, null);
  });
});

describe('summarizeOvertimePattern', () => {
  it('counts claims and hours by weekday of the date', () => {
    const t = summarizeOvertimePattern(overtime, {
      calendar: 'weekday',
      from: april.start,
      to: april.end,
    });
    // 2 April Tue (4 h); 6, 13, 13, 20 April Saturdays (6 + 10 + 10 + 10 = 36 h, P3 and P4).
    tableEqual(t.select('weekday', 'claims', 'overtime_hours', 'people_claiming'), {
      weekday: [1, 2, 3, 4, 5, 6, 7],
      claims: [0, 1, 0, 0, 0, 4, 0],
      overtime_hours: [0, 4, 0, 0, 0, 36, 0],
      people_claiming: [0, 1, 0, 0, 0, 2, 0],
    });
  });
  it('spreads the time between start and end over clock hours, across midnight', () => {
    const t = summarizeOvertimePattern(overtime, {
      calendar: 'hour',
      from: april.start,
      to: april.end,
    });
    const h = t.array('hours_worked') as number[];
    // 22:00–02:00 → 1 h in each of 22, 23, 0, 1; 07:30–13:30 → 0.5 h at 7, 1 h at 8–12, 0.5 h at 13;
    // 08:00–18:00 → 1 h at 8–17; 14:00–00:00 → 1 h at 14–23. The claim without times is counted apart.
    assert.deepEqual(
      h,
      [1, 1, 0, 0, 0, 0, 0, 0.5, 2, 2, 2, 2, 2, 1.5, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2],
    );
    assert.equal(
      h.reduce((a, b) => a + b),
      4 + 6 + 10 + 10,
    );
    assert.deepEqual(
      (t.array('claims_starting') as number[]).filter((c) => c > 0),
      [1, 1, 1, 1],
    );
    assert.equal(t.get('claims_without_times', 0), 1);
  });
});

describe('summarizeWellbeingByOvertimeBand', () => {
  it('bands people by overtime per month at work and gives sickness and resignations per band', () => {
    const staff = aq.table({
      person_id: ['A', 'B', 'C'],
      start_date: [0, 0, 0],
      end_date: [null, null, d('2024-04-15')],
      leaver_type: [null, null, 'voluntary_resignation'],
      fte: [1, 1, 1],
    });
    const claims = aq.table({
      person_id: ['A', 'C'],
      date: [d('2024-04-10'), d('2024-04-03')],
      hours: [40, 6],
    });
    // B off sick Mon 8 – Wed 17 April: 10 calendar days, 8 working days.
    const sick = aq.table({
      person_id: ['B'],
      start_date: [d('2024-04-08')],
      end_date: [d('2024-04-17')],
    });
    const t = summarizeWellbeingByOvertimeBand(staff, claims, sick, {
      period: april,
      minDaysAtWork: 10,
    });
    // A: 40 h / 30 days × 30.4375 = 40.6 h a month → 20+; B: 0 h → 0–5; C: 6 h / 15 days × 30.4375 = 12.2 → 10–20.
    // B: 8 FTE days lost of 22 available; C resigned on 15 April (headcount_avg 15 / 30 = 0.5).
    tableEqual(
      t.select(
        'overtime_band',
        'fte_days_lost',
        'fte_days_available',
        'voluntary_resignations',
        'resignation_rate_pct',
      ),
      {
        overtime_band: ['0–5 h', '10–20 h', '20+ h'],
        fte_days_lost: [8, 0, 0],
        fte_days_available: [22, 11, 22],
        voluntary_resignations: [0, 1, 0],
        resignation_rate_pct: [0, 200, 0],
      },
    );
  });
});
