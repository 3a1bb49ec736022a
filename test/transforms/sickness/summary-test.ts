import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { sicknessCellSpec, summarizeSickness } from '../../../src/transforms/sickness/summary.js';
import { publishTable } from '../../../src/privacy/index.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number);
  return epochDay(y, m, day);
};
const april = parsePeriod('2024-04');
const may = parsePeriod('2024-05');

// April 2024: Mon 1 – Tue 30, 22 working days (Mon–Fri). May 2024: Wed 1 – Fri 31, 23 working days.
// Team T1: A (fte 1), B (fte 0.5), C (fte 1, joins Tue 16 April: 15 of 30 days, 11 working days).
// Team T2: D (fte 1), off sick with mental health from 1 March to 31 May (long-term).
const people = aq.table({
  person_id: ['A', 'B', 'C', 'D'],
  unit: ['T1', 'T1', 'T1', 'T2'],
  start_date: [d('2020-01-01'), d('2020-01-01'), d('2024-04-16'), d('2020-01-01')],
  end_date: [null, null, null, null],
  fte: [1, 0.5, 1, 1],
});
// A: Tue 2 – Wed 3 April (2 working days); Thu 25 April – Fri 3 May crosses the month end:
// April 25, 26, 29, 30 = 4 working days, May 1, 2, 3 = 3. B: Mon 8 – Fri 12 April, 5 days recorded.
const sickness = aq.table({
  person_id: ['A', 'A', 'B', 'D'],
  start_date: [d('2024-04-02'), d('2024-04-25'), d('2024-04-08'), d('2024-03-01')],
  end_date: [d('2024-04-03'), d('2024-05-03'), d('2024-04-12'), d('2024-05-31')],
  working_days_lost: [null, null, 5, null],
  reason_category: ['gastrointestinal', 'respiratory', 'mental_health', 'mental_health'],
});

describe('summarizeSickness', () => {
  it('computes an ACAS-style lost-time rate, frequency rates and days per FTE by hand', () => {
    const t = summarizeSickness(people, sickness, { periods: [april, may], by: ['unit'] });
    const row = (unit: string, period: string) =>
      t
        .filter(
          aq.escape(
            (r: { unit: string; period: string }) => r.unit === unit && r.period === period,
          ),
        )
        .object() as Record<string, number>;
    const a = row('T1', '2024-04');
    // headcount 3; average headcount 1 + 1 + 15/30 = 2.5; average FTE 1 + 0.5 + 1 × 15/30 = 2.0
    assert.equal(a.headcount, 3);
    assert.equal(a.headcount_avg, 2.5);
    assert.equal(a.fte_avg, 2);
    // available: A 22 + B 0.5 × 22 + C 11 = 44 FTE days
    assert.equal(a.fte_days_available, 44);
    // lost: A 2 + 4 = 6 (× 1), B 5 × 0.5 = 2.5 → 8.5 FTE days (11 working days unscaled)
    assert.equal(a.days_lost, 11);
    assert.equal(a.fte_days_lost, 8.5);
    assert.equal(a.lost_time_rate_pct, (100 * 8.5) / 44); // 19.32 %
    assert.equal(a.days_lost_per_fte, 4.25); // 8.5 / 2.0
    // spells starting in April: A twice, B once → 3 spells per 2.5 employees = 120 per 100
    assert.equal(a.spells, 3);
    assert.equal(a.spells_per_100_people, 120); // per 100 people, not a percentage
    // people with a spell: A and B → 2 / 2.5 = 80 %
    assert.equal(a.people_with_spells, 2);
    assert.equal(a.people_with_spells_per_100, 80);
    assert.equal(a.mental_health_fte_days_lost, 2.5);
    assert.equal(a.mental_health_share_pct, (100 * 2.5) / 8.5);
    assert.equal(a.long_term_fte_days_lost, 0);
  });

  it('apportions a spell crossing the period boundary to each period by working days', () => {
    const t = summarizeSickness(people, sickness, { periods: [april, may], by: ['unit'] });
    // May, T1: only A's remaining 3 days; no spell starts in May. Available 23 + 11.5 + 23 = 57.5.
    tableEqual(
      t
        .filter((r: { unit: string; period: string }) => r.unit === 'T1' && r.period === '2024-05')
        .select('fte_days_available', 'days_lost', 'fte_days_lost', 'spells', 'people_with_spells'),
      {
        fte_days_available: [57.5],
        days_lost: [3],
        fte_days_lost: [3],
        spells: [0],
        people_with_spells: [0],
      },
    );
    // A recorded 6 working days for the 7-working-day spell: April gets 6 × 4/7, May 6 × 3/7.
    const recorded = sickness.derive({
      working_days_lost: (r: { working_days_lost: number | null; start_date: number }) =>
        r.start_date === 19838 ? 6 : r.working_days_lost,
    });
    const r = summarizeSickness(people, recorded, { periods: [april, may], by: ['unit'] });
    tableEqual(
      r.filter((x: { unit: string }) => x.unit === 'T1').select('period', 'days_lost'),
      {
        period: ['2024-04', '2024-05'],
        days_lost: [2 + (6 * 4) / 7 + 5, (6 * 3) / 7],
      },
      1e-12,
    );
  });

  it('counts a spell longer than 28 calendar days as long-term, and the threshold is configurable', () => {
    const t = summarizeSickness(people, sickness, { periods: [april, may], by: ['unit'] });
    // D: 1 March – 31 May = 92 calendar days > 28: all 22 April and 23 May working days are long-term;
    // the spell started in March, so neither month counts it as a spell.
    tableEqual(
      t
        .filter((r: { unit: string }) => r.unit === 'T2')
        .select('period', 'long_term_fte_days_lost', 'long_term_share_pct', 'spells'),
      {
        period: ['2024-04', '2024-05'],
        long_term_fte_days_lost: [22, 23],
        long_term_share_pct: [100, 100],
        spells: [0, 0],
      },
    );
    // With longTermDays 5, A's 9-calendar-day spell (25 April – 3 May) becomes long-term: 4 + 3 days.
    const s = summarizeSickness(people, sickness, {
      periods: [april, may],
      by: ['unit'],
      longTermDays: 5,
    });
    tableEqual(
      s
        .filter((r: { unit: string }) => r.unit === 'T1')
        .select('long_term_fte_days_lost', 'long_term_spells'),
      { long_term_fte_days_lost: [4, 3], long_term_spells: [1, 0] },
    );
  });

  it('takes listed bank holidays out of working days', () => {
    // Easter Monday 1 April 2024: April has 21 working days; available A 21 + B 10.5 + C 11 = 42.5.
    const t = summarizeSickness(people, sickness, {
      periods: [april],
      by: ['unit'],
      bankHolidays: [d('2024-04-01')],
    });
    assert.equal(t.get('fte_days_available', 0), 42.5);
  });

  it('adds up across groups, so the force is the sum of its teams', () => {
    const teams = summarizeSickness(people, sickness, { periods: [april], by: ['unit'] });
    const force = summarizeSickness(people, sickness, { periods: [april] });
    for (const c of [
      'headcount',
      'fte_avg',
      'fte_days_available',
      'fte_days_lost',
      'spells',
      'people_with_spells',
    ]) {
      assert.equal(force.get(c, 0), teams.rollup({ s: aq.op.sum(c) }).get('s', 0), c);
    }
    // force April: (8.5 + 22) / (44 + 22) = 30.5 / 66
    assert.equal(force.get('lost_time_rate_pct', 0), (100 * 30.5) / 66);
  });

  it('gives a table that publishes with its CellSpec', () => {
    const t = summarizeSickness(people, sickness, { periods: [april], by: ['unit'] });
    const p = publishTable(t, sicknessCellSpec(['unit']), { mode: 'analyst' });
    assert.deepEqual(p.table.array('lost_time_rate_pct'), [(100 * 8.5) / 44, 100]);
  });

  it('counts the people behind each day total and their two largest contributions', () => {
    const t = summarizeSickness(people, sickness, { periods: [april, may], by: ['unit'] });
    const row = (unit: string, period: string) =>
      t
        .filter(
          aq.escape(
            (r: { unit: string; period: string }) => r.unit === unit && r.period === period,
          ),
        )
        .object() as Record<string, number>;
    // T1 April: A lost 2 + 4 = 6 FTE days, B 5 × 0.5 = 2.5 → 2 people, top 6 and 2.5;
    // mental health: B only (2.5); long-term: nobody.
    const a = row('T1', '2024-04');
    assert.equal(a.people_losing_days, 2);
    assert.equal(a.fte_days_lost_top1, 6);
    assert.equal(a.fte_days_lost_top2, 2.5);
    assert.equal(a.people_mental_health, 1);
    assert.equal(a.mental_health_fte_days_lost_top1, 2.5);
    assert.equal(a.mental_health_fte_days_lost_top2, 0);
    assert.equal(a.people_long_term, 0);
    // T1 May: A's 3 days only (no spell starts in May, but A loses days in it).
    const m = row('T1', '2024-05');
    assert.equal(m.people_losing_days, 1);
    assert.equal(m.people_with_spells, 0);
    // T2 April: D's long-term mental-health spell, 22 days: one person behind every day total;
    // it started in March, so no long-term spell (and nobody with one) starts in April.
    const d2 = row('T2', '2024-04');
    assert.equal(d2.people_long_term, 1);
    assert.equal(d2.long_term_fte_days_lost_top1, 22);
    assert.equal(d2.people_with_long_term_spells, 0);
  });

  it('adds exact total rows with the total option', () => {
    const t = summarizeSickness(people, sickness, { periods: [april], by: ['unit'], total: 'All' });
    assert.deepEqual(t.array('unit'), ['T1', 'T2', 'All']);
    const all = t.object(2) as Record<string, number>;
    // April, everyone: A 6, B 2.5, D 22 FTE days → 3 people, top 22 and 6; headcount 3 + 1.
    assert.equal(all.headcount, 4);
    assert.equal(all.fte_days_lost, 30.5);
    assert.equal(all.people_losing_days, 3);
    assert.equal(all.fte_days_lost_top1, 22);
    assert.equal(all.fte_days_lost_top2, 6);
  });

  it('keeps total rows additive while counting a person who moved teams once', () => {
    // M is in T1 until Mon 15 April, then in T2; off sick Mon 8 – Fri 12 (5 days, in T1) and
    // Mon 22 – Fri 26 April (5 days, in T2). Parts: T1 and T2 each count M (headcount 1, 5 days).
    // The total row sums the parts for counts (headcount 2, 10 days: the table stays additive for
    // disclosure control) but counts the people behind the days once: 1 person, top 10 days.
    const moved = aq.table({
      person_id: ['M', 'M'],
      unit: ['T1', 'T2'],
      start_date: [d('2020-01-01'), d('2024-04-16')],
      end_date: [d('2024-04-15'), null],
      fte: [1, 1],
    });
    const off = aq.table({
      person_id: ['M', 'M'],
      start_date: [d('2024-04-08'), d('2024-04-22')],
      end_date: [d('2024-04-12'), d('2024-04-26')],
    });
    const t = summarizeSickness(moved, off, { periods: [april], by: ['unit'], total: 'All' });
    tableEqual(
      t.select('unit', 'headcount', 'fte_days_lost', 'people_losing_days', 'fte_days_lost_top1'),
      {
        unit: ['T1', 'T2', 'All'],
        headcount: [1, 1, 2],
        fte_days_lost: [5, 5, 10],
        people_losing_days: [1, 1, 1],
        fte_days_lost_top1: [5, 5, 10],
      },
    );
  });

  it('hides every rate and share of a team-period with one person off sick (issue 18)', () => {
    // Team S: 8 people, one of them (P1) off with mental health for 3 working days in April.
    // Team L: 8 people, 6 of them off for 2 working days each (P9 with mental health).
    const ids = Array.from({ length: 16 }, (_, i) => `P${i + 1}`);
    const staff = aq.table({
      person_id: ids,
      unit: ids.map((_, i) => (i < 8 ? 'S' : 'L')),
      start_date: ids.map(() => d('2020-01-01')),
      end_date: ids.map(() => null),
      fte: ids.map(() => 1),
    });
    const sick = aq.table({
      person_id: ['P1', 'P9', 'P10', 'P11', 'P12', 'P13', 'P14'],
      start_date: [d('2024-04-09'), ...Array.from({ length: 6 }, () => d('2024-04-15'))],
      end_date: [d('2024-04-11'), ...Array.from({ length: 6 }, () => d('2024-04-16'))],
      working_days_lost: [null, null, null, null, null, null, null],
      reason_category: [
        'mental_health',
        'mental_health',
        'other',
        'other',
        'other',
        'other',
        'other',
      ],
    });
    const t = summarizeSickness(staff, sick, { periods: [april], by: ['unit'] });
    const p = publishTable(t, sicknessCellSpec(['unit']));
    const col = (c: string) => p.table.array(c) as (number | null)[];
    assert.deepEqual(col('unit'), ['L', 'S']);
    // S: 1 spell by 1 person: counts hidden as before, and now every rate and share of its days.
    assert.deepEqual(col('headcount'), [8, 8]);
    assert.equal(col('spells')[1], null);
    assert.equal(col('people_with_spells')[1], null);
    for (const c of [
      'lost_time_rate_pct',
      'days_lost_per_fte',
      'mental_health_share_pct',
      'long_term_share_pct',
      'spells_per_100_people',
      'people_with_spells_per_100',
    ]) {
      assert.equal(col(c)[1], null, c);
    }
    // L: 6 people × 2 days = 12 FTE days of 8 × 22 = 176 available → 6.8 %; 12 / 8 = 1.5 per FTE;
    // 6 spells per 8 people = 75 per 100. Mental health: P9 only (2 of 12 days) → 1 person: hidden.
    assert.equal(col('lost_time_rate_pct')[0], 6.8);
    assert.equal(col('days_lost_per_fte')[0], 1.5);
    assert.equal(col('spells_per_100_people')[0], 75);
    assert.equal(col('mental_health_share_pct')[0], null);
    assert.equal(col('long_term_share_pct')[0], 0); // nobody long-term: 0 of 12 days, shown
  });

  it('names missing columns and how to fix them', () => {
    assert.throws(
      () =>
        summarizeSickness(people.select('person_id', 'start_date', 'end_date', 'fte'), sickness, {
          periods: [april],
          by: ['unit'],
        }),
      /summarizeSickness: column "unit" missing from people\. Found: person_id, start_date, end_date, fte\. Load it with loadDataset\(\), or derive the column first/,
    );
    assert.throws(
      () => summarizeSickness(people, sickness, { periods: [] }),
      /periods must list at least one period/,
    );
  });
});
