// The people behind every published figure: rates, shares and magnitudes of fewer than 5 people are
// hidden, magnitudes one or two people dominate are hidden, maxima are never published, and
// published numbers are rounded to a declared precision. Every expected value is worked by hand.
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { publishTable, roundDecimals, type CellSpec } from '../../src/privacy/index.js';

// Days lost per team: `sick` people contributed `days`; top1/top2 are the largest two people's days.
const sicknessSpec: CellSpec = {
  by: ['team'],
  population: 'headcount',
  counts: ['spells'],
  rates: [
    { name: 'days_per_head', numerator: 'days', denominator: 'headcount' },
    { name: 'mh_share_pct', numerator: 'mh_days', denominator: 'days', per: 100 },
  ],
  contributors: [
    { column: 'spells', people: 'sick' },
    { column: 'days', people: 'sick', top: ['days_top1', 'days_top2'] },
    { column: 'mh_days', people: 'mh_sick', top: ['mh_top1', 'mh_top2'] },
  ],
};

describe('publishTable: the people behind every figure', () => {
  it('hides the rates and shares of a team with one sick person, not only its counts', () => {
    // Team A: 12 people, one of them off sick: 6 spells, 9 days, all mental health.
    // Before: spells (6 ≥ 5) shown, days_per_head 9/12 = 0.75 and mh_share_pct 100 shown.
    const t = table({
      team: ['A', 'B'],
      headcount: [12, 20],
      spells: [6, 10],
      sick: [1, 6],
      days: [9, 30],
      days_top1: [9, 6],
      days_top2: [0, 6],
      mh_days: [9, 12],
      mh_sick: [1, 5],
      mh_top1: [9, 4],
      mh_top2: [0, 3],
    });
    const p = publishTable(t, sicknessSpec);
    // A: 1 person behind spells, days and mental-health days → all three figures hidden.
    assert.deepEqual(p.table.array('spells'), [null, 10]);
    assert.deepEqual(p.table.array('days_per_head'), [null, 1.5]); // 30 / 20
    assert.deepEqual(p.table.array('mh_share_pct'), [null, 40]); // 100 × 12 / 30
    // The headcount is about 12 people, not the one sick person: it stays.
    assert.deepEqual(p.table.array('headcount'), [12, 20]);
    const reasons = p.log.entries.filter((e) => e.cell.team === 'A').map((e) => e.reason);
    assert.ok(reasons.includes('primary-people'));
    // B: top person 6 of 30 days (20%), top two 12 of 30 (40%): passes dominance.
    assert.equal(p.table.get('days_per_head_status', 1), 'shown');
  });

  it('hides a magnitude one person dominates (more than 50% of the total)', () => {
    // 6 people claimed overtime: 40, 2, 2, 2, 2, 2 hours = 50; 40 > 25 (50% of 50) → hidden.
    // Team B: 10 each × 5 = 50; top 10 ≤ 25, top two 20 ≤ 40 → shown.
    // Team C: 45, 40, 5, 5, 5 = 100; top 45 ≤ 50 but top two 85 > 80 → hidden.
    // Team D: exactly 50 and 30 of 100 (50% and 80%) is not "more than" → shown.
    const t = table({
      team: ['A', 'B', 'C', 'D'],
      headcount: [30, 30, 30, 30],
      hours: [50, 50, 100, 100],
      claimants: [6, 5, 5, 6],
      top1: [40, 10, 45, 50],
      top2: [2, 10, 40, 30],
    });
    const spec: CellSpec = {
      by: ['team'],
      population: 'headcount',
      magnitudes: ['hours'],
      rates: [{ name: 'hours_per_head', numerator: 'hours', denominator: 'headcount' }],
      contributors: [{ column: 'hours', people: 'claimants', top: ['top1', 'top2'] }],
    };
    const p = publishTable(t, spec);
    assert.deepEqual(p.table.array('hours'), [null, 50, null, 100]);
    assert.deepEqual(p.table.array('hours_per_head'), [null, 1.67, null, 3.33]); // 50/30, 100/30
    assert.deepEqual(
      p.log.entries.filter((e) => e.column === 'hours').map((e) => [e.cell.team, e.reason]),
      [
        ['A', 'primary-dominance'],
        ['C', 'primary-dominance'],
      ],
    );
  });

  it('thresholds a magnitude by its people, not by its value', () => {
    // 3.5 hours from 5 people is shown (before: a "count" under 5 was hidden);
    // 400 hours from 2 people is hidden (before: shown, being ≥ 5).
    const t = table({
      team: ['A', 'B'],
      hours: [3.5, 400],
      claimants: [5, 2],
      top1: [1, 300],
      top2: [1, 100],
    });
    const p = publishTable(t, {
      by: ['team'],
      magnitudes: ['hours'],
      contributors: [{ column: 'hours', people: 'claimants', top: ['top1', 'top2'] }],
    });
    assert.deepEqual(p.table.array('hours'), [3.5, null]);
  });

  it('protects a magnitude hidden for its people against subtraction from the total row', () => {
    // A's 9 days come from one person. Total 9 + 30 + 40 = 79 is shown, so B's days
    // (or its rate × headcount) would give A's back: one more team's days must be hidden.
    const t = table({
      team: ['A', 'B', 'C', 'All'],
      headcount: [12, 20, 25, 57],
      days: [9, 30, 40, 79],
      sick: [1, 6, 7, 14],
      top1: [9, 6, 8, 9],
      top2: [0, 6, 7, 8],
    });
    const p = publishTable(t, {
      by: ['team'],
      population: 'headcount',
      total: 'All',
      rates: [{ name: 'days_per_head', numerator: 'days', denominator: 'headcount' }],
      contributors: [{ column: 'days', people: 'sick', top: ['top1', 'top2'] }],
    });
    const rates = p.table.array('days_per_head') as (number | null)[];
    assert.equal(rates[0], null);
    assert.equal(rates.filter((r) => r === null).length, 2, 'A and one complement hidden');
    assert.equal(rates[3], 1.39); // 79 / 57 = 1.3859…
  });

  it('never publishes a maximum in publish mode, and shows it in analyst mode', () => {
    const t = table({ team: ['A', 'B'], staff: [20, 30], longest_months: [7, 0] });
    const spec: CellSpec = { by: ['team'], population: 'staff', maxima: ['longest_months'] };
    const p = publishTable(t, spec);
    assert.deepEqual(p.table.array('longest_months'), [null, null]);
    assert.deepEqual(p.table.array('longest_months_status'), ['suppressed', 'suppressed']);
    assert.equal(p.log.counts['order-statistic'], 2);
    const a = publishTable(t, spec, { mode: 'analyst' });
    assert.deepEqual(a.table.array('longest_months'), [7, 0]);
  });

  it('hides a rate whose own population is under the minimum', () => {
    // Share of returns from sickness with an interview on time: A's 6 returns are by 3 people
    // (declared population "returners"), so 0% on time is about 3 people → hidden.
    const t = table({
      team: ['A', 'B'],
      staff: [40, 40],
      on_time: [0, 6],
      due: [6, 8],
      returners: [3, 8],
    });
    const p = publishTable(t, {
      by: ['team'],
      population: 'staff',
      rates: [{ name: 'on_time_pct', numerator: 'on_time', denominator: 'due', per: 100 }],
      contributors: [{ column: 'on_time_pct', people: 'returners' }],
    });
    assert.deepEqual(p.table.array('on_time_pct'), [null, 75]);
  });

  it('refuses a magnitude without its contributors, naming the fix', () => {
    const t = table({ team: ['A'], hours: [10] });
    assert.throws(
      () => publishTable(t, { by: ['team'], magnitudes: ['hours'] }),
      /magnitude "hours" needs a contributors entry/,
    );
  });
});

describe('publishTable: precision', () => {
  it('rounds percentages to 1 dp, other rates to 2 dp and means to 2 dp, from unrounded inputs', () => {
    // 1 / 3 × 100 = 33.333… → 33.3; 10 / 3 = 3.333… → 3.33; 27.500000000000004 → 27.5;
    // 0.1 + 0.2 = 0.30000000000000004 → 0.3.
    const t = table({
      team: ['A'],
      staff: [30],
      leavers: [10],
      days: [100],
      mean_age: [27.500000000000004],
      mean_x: [0.1 + 0.2],
    });
    const p = publishTable(t, {
      by: ['team'],
      population: 'staff',
      counts: ['leavers'],
      rates: [
        { name: 'leaver_rate_pct', numerator: 'leavers', denominator: 'staff', per: 100 },
        { name: 'leavers_per_fte', numerator: 'leavers', denominator: 'days', per: 30 },
      ],
      means: [
        { name: 'mean_age', n: 'staff' },
        { name: 'mean_x', n: 'staff', decimals: 1 },
      ],
    });
    assert.equal(p.table.get('leaver_rate_pct', 0), 33.3);
    assert.equal(p.table.get('leavers_per_fte', 0), 3);
    assert.equal(p.table.get('mean_age', 0), 27.5);
    assert.equal(p.table.get('mean_x', 0), 0.3);
  });

  it('takes declared decimals per column and leaves analyst output unrounded', () => {
    const t = table({ team: ['A'], staff: [30], leavers: [10] });
    const spec: CellSpec = {
      by: ['team'],
      population: 'staff',
      counts: ['leavers'],
      rates: [{ name: 'rate', numerator: 'leavers', denominator: 'staff', per: 100 }],
      decimals: { rate: 0 },
    };
    assert.equal(publishTable(t, spec).table.get('rate', 0), 33);
    assert.equal(publishTable(t, spec, { mode: 'analyst' }).table.get('rate', 0), (10 / 30) * 100);
  });

  it('roundDecimals rounds halves away from zero as written', () => {
    assert.equal(roundDecimals(27.500000000000004, 1), 27.5);
    assert.equal(roundDecimals(1.005, 2), 1.01); // 1.005 is stored as 1.00499999999999989…
    assert.equal(roundDecimals(2.5, 0), 3);
    assert.equal(roundDecimals(-2.5, 0), -3);
    assert.equal(roundDecimals(103.44999, 1), 103.4);
  });
});
