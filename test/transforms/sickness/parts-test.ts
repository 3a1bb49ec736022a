import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { countWorkingDays, isoWeekday, nextWorkingDay } from '../../../src/time/working-days.js';
import { summarizeBradfordFactor } from '../../../src/transforms/sickness/bradford.js';
import {
  seasonalityCellSpec,
  summarizeSicknessSeasonality,
} from '../../../src/transforms/sickness/seasonality.js';
import { publishTable } from '../../../src/privacy/index.js';
import { summarizeReturnToWork } from '../../../src/transforms/sickness/return-to-work.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number);
  return epochDay(y, m, day);
};

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    assert.equal(isoWeekday(d('2024-04-01')), 1); // a Monday
    assert.equal(isoWeekday(d('2024-04-07')), 7); // a Sunday
    assert.equal(isoWeekday(0), 4); // 1970-01-01 was a Thursday
  });
});

describe('countWorkingDays', () => {
  it('counts Monday to Friday, both ends included, minus listed bank holidays', () => {
    assert.equal(countWorkingDays(d('2024-04-01'), d('2024-04-30')), 22);
    assert.equal(countWorkingDays(d('2024-04-06'), d('2024-04-07')), 0); // a weekend
    assert.equal(
      countWorkingDays(d('2024-04-01'), d('2024-04-30'), {
        bankHolidays: [d('2024-04-01'), d('2024-04-06')],
      }),
      21,
    ); // Saturday 6th is no working day anyway
    assert.equal(countWorkingDays(5, 4), 0);
  });
});

describe('nextWorkingDay', () => {
  it('skips the weekend and listed bank holidays', () => {
    assert.equal(nextWorkingDay(d('2024-04-05')), d('2024-04-08')); // Friday → Monday
    assert.equal(
      nextWorkingDay(d('2024-03-29'), { bankHolidays: [d('2024-04-01')] }),
      d('2024-04-02'),
    );
  });
});

describe('summarizeBradfordFactor', () => {
  const sickness = aq.table({
    person_id: ['A', 'A', 'A', 'B', 'C'],
    start_date: [
      d('2024-01-08'),
      d('2024-06-03'),
      d('2024-11-04'),
      d('2024-02-05'),
      d('2023-01-09'),
    ],
    end_date: [d('2024-01-09'), d('2024-06-03'), d('2024-11-06'), d('2024-03-01'), d('2023-01-10')],
    working_days_lost: [null, null, null, 20, null],
  });
  it('refuses unless called in analyst mode', () => {
    assert.throws(
      () => summarizeBradfordFactor(sickness, { asOf: d('2024-12-31') } as never),
      /summarizeBradfordFactor: the Bradford factor is listed by person, so it runs in analyst mode only\. Call it with \{ mode: 'analyst', asOf \}/,
    );
    assert.throws(
      () => summarizeBradfordFactor(sickness, { mode: 'publish', asOf: 1 } as never),
      /analyst mode only/,
    );
  });
  it('scores S² × D over the 52 weeks ending on the as-of date', () => {
    // Window: 364 days ending Tue 31 Dec 2024 = Wed 3 Jan 2024 … 31 Dec 2024; C's 2023 spell is outside.
    // A: 3 spells; 2 (Mon–Tue) + 1 (Mon) + 3 (Mon–Wed) = 6 days → 3² × 6 = 54. B: 1 spell of 20 days → 20.
    tableEqual(summarizeBradfordFactor(sickness, { mode: 'analyst', asOf: d('2024-12-31') }), {
      person_id: ['A', 'B'],
      spells: [3, 1],
      days_lost: [6, 20],
      bradford_factor: [54, 20],
    });
  });
});

describe('summarizeSicknessSeasonality', () => {
  const spells = aq.table({
    start_date: [d('2024-04-01'), d('2024-04-08'), d('2024-05-02'), d('2025-01-06')],
    working_days_lost: [3, 1, 2, 5],
    reason_category: ['mental_health', 'other', 'other', 'other'],
  });
  it('counts spells and sums days by weekday of the first day, every weekday listed', () => {
    // 1 Apr, 8 Apr and 6 Jan were Mondays (3 spells, 3 + 1 + 5 = 9 days); 2 May was a Thursday.
    tableEqual(
      summarizeSicknessSeasonality(spells, { calendar: 'weekday', sum: ['working_days_lost'] }),
      {
        start_weekday: [1, 2, 3, 4, 5, 6, 7],
        label: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
        spells: [3, 0, 0, 1, 0, 0, 0],
        working_days_lost: [9, 0, 0, 2, 0, 0, 0],
      },
    );
  });
  it('places spells in financial quarters (April start) and by group', () => {
    // April, April, May → Q1; January → Q4.
    tableEqual(
      summarizeSicknessSeasonality(spells, {
        calendar: 'financial_quarter',
        by: ['reason_category'],
      }),
      {
        reason_category: [
          'mental_health',
          'mental_health',
          'mental_health',
          'mental_health',
          'other',
          'other',
          'other',
          'other',
        ],
        start_quarter: [1, 2, 3, 4, 1, 2, 3, 4],
        label: ['Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4'],
        spells: [1, 0, 0, 0, 2, 0, 0, 1],
      },
    );
  });
  it('counts the people behind each bucket and hides buckets of few or dominant people (issue 18)', () => {
    // Mondays 1, 8, 15 Apr 2024: P1 starts 2 spells (20 + 2 days), P2–P6 one each (1 day):
    // 6 people, 7 spells, 27 days; P1's 22 days are 81% of 27 → days hidden, spells shown.
    // Tuesdays 2 and 9 Apr: P7 and P8 (3 days each): 2 people → the whole bucket is hidden.
    const mon = [d('2024-04-01'), d('2024-04-08'), d('2024-04-15')];
    const byPerson = aq.table({
      person_id: ['P1', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'],
      start_date: [mon[0], mon[1], mon[0], mon[1], mon[2], mon[2], mon[0], mon[0] + 1, mon[1] + 1],
      working_days_lost: [20, 2, 1, 1, 1, 1, 1, 3, 3],
    });
    const t = summarizeSicknessSeasonality(byPerson, {
      calendar: 'weekday',
      sum: ['working_days_lost'],
    });
    assert.deepEqual(t.array('people').slice(0, 3), [6, 2, 0]);
    assert.deepEqual(t.array('working_days_lost_top1').slice(0, 2), [22, 3]);
    assert.deepEqual(t.array('working_days_lost_top2').slice(0, 2), [1, 3]);
    const p = publishTable(t, seasonalityCellSpec('weekday', { sum: ['working_days_lost'] }));
    assert.deepEqual(p.table.array('spells').slice(0, 3), [7, null, 0]);
    assert.deepEqual(p.table.array('working_days_lost').slice(0, 3), [null, null, 0]);
    assert.deepEqual(p.table.array('people').slice(0, 3), [6, null, 0]);
  });
  it('uses start_month when the table has no dates, and names what is missing', () => {
    const coded = aq.table({ start_month: [7, 7, 0, 12], absence_hours: [4, 8, 0, 2] });
    const t = summarizeSicknessSeasonality(coded, { calendar: 'month', sum: ['absence_hours'] });
    // month 0 is not a month: left out
    assert.deepEqual(t.array('spells'), [0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]);
    assert.deepEqual(t.array('absence_hours'), [0, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 2]);
    assert.throws(
      () => summarizeSicknessSeasonality(aq.table({ x: [1] }), { calendar: 'weekday' }),
      /summarizeSicknessSeasonality: the spells table needs start_date \(or start_weekday\) to place spells by weekday\. Found: x\./,
    );
  });
});

describe('summarizeReturnToWork', () => {
  const people = aq.table({
    person_id: ['A', 'B', 'C', 'D'],
    unit: ['T1', 'T1', 'T1', 'T1'],
    start_date: [0, 0, 0, 0],
    end_date: [null, null, null, null],
    fte: [1, 1, 1, 1],
  });
  // All four spells end Friday 5 April 2024: the return day is Monday 8 April; with N = 3 an interview
  // up to Thursday 11 April is on time. A on Monday 8th, B on Thursday 11th: on time; C on Friday 12th: late;
  // D none: missing. E's spell is open (no return).
  const sickness = aq.table({
    person_id: ['A', 'B', 'C', 'D', 'A'],
    start_date: [
      d('2024-04-01'),
      d('2024-04-02'),
      d('2024-04-03'),
      d('2024-04-04'),
      d('2024-04-22'),
    ],
    end_date: [d('2024-04-05'), d('2024-04-05'), d('2024-04-05'), d('2024-04-05'), null],
    rtw_interview_date: [d('2024-04-08'), d('2024-04-11'), d('2024-04-12'), null, null],
  });
  it('counts interviews by the Nth working day after the return as on time', () => {
    const t = summarizeReturnToWork(people, sickness, {
      periods: [parsePeriod('2024-04')],
      by: ['unit'],
    });
    tableEqual(t.select('returns', 'rtw_on_time', 'rtw_late', 'rtw_missing', 'rtw_on_time_pct'), {
      returns: [4],
      rtw_on_time: [2],
      rtw_late: [1],
      rtw_missing: [1],
      rtw_on_time_pct: [50],
    });
    // N = 4: C's Friday interview is the 4th working day after the Monday return.
    const four = summarizeReturnToWork(people, sickness, {
      periods: [parsePeriod('2024-04')],
      withinWorkingDays: 4,
    });
    assert.equal(four.get('rtw_on_time', 0), 3);
  });
});
