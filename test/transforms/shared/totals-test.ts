import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { addTotals, summarizeWithWhole } from '../../../src/transforms/shared/totals.js';
import { tableEqual } from '../../helpers/table-equal.js';

describe('addTotals', () => {
  const t = aq.table({ unit: ['A', 'A', 'B'], type: ['x', 'y', 'x'], n: [3, 4, 5] });

  it('adds row totals, column totals and the grand total', () => {
    const out = addTotals(t, { by: ['unit', 'type'], sum: ['n'] });
    const rows = (out.objects() as { unit: string; type: string; n: number }[]).map(
      (r) => `${r.unit}/${r.type}=${r.n}`,
    );
    // by hand: A/All = 3+4 = 7, B/All = 5, All/x = 3+5 = 8, All/y = 4, All/All = 12
    assert.deepEqual(
      rows.sort(),
      ['A/All=7', 'A/x=3', 'A/y=4', 'All/All=12', 'All/x=8', 'All/y=4', 'B/All=5', 'B/x=5'].sort(),
    );
  });

  it('adds totals over one dimension only when asked', () => {
    const out = addTotals(t, { by: ['unit', 'type'], over: ['type'], sum: ['n'] });
    assert.equal(out.numRows(), 5);
    assert.deepEqual(out.filter((d: { type: string }) => d.type === 'All').objects(), [
      { unit: 'A', type: 'All', n: 7 },
      { unit: 'B', type: 'All', n: 5 },
    ]);
  });

  it('totals an empty table as 0, not undefined (a sum over no rows)', () => {
    const empty = t.filter(() => false);
    assert.deepEqual(addTotals(empty, { by: ['unit', 'type'], sum: ['n'] }).objects(), [
      { unit: 'All', type: 'All', n: 0 },
    ]);
    assert.deepEqual(addTotals(empty, { by: ['unit'], sum: ['n'] }).objects(), [
      { unit: 'All', n: 0 },
    ]);
  });

  it('keeps each period’s dates, and the whole span on a total over periods', () => {
    const byPeriod = aq.table({
      unit: ['A', 'B', 'A'],
      period: ['Q1', 'Q1', 'Q2'],
      period_start: [100, 100, 191],
      period_end: [190, 190, 281],
      n: [1, 2, 3],
    });
    const units = addTotals(byPeriod, { by: ['unit', 'period'], over: ['unit'], sum: ['n'] });
    assert.deepEqual(
      (units.objects() as Record<string, unknown>[]).map(
        (r) => `${r.unit}/${r.period} ${r.period_start}-${r.period_end}`,
      ),
      ['A/Q1 100-190', 'A/Q2 191-281', 'B/Q1 100-190', 'All/Q1 100-190', 'All/Q2 191-281'],
    );
    const periods = addTotals(byPeriod, { by: ['unit', 'period'], over: ['period'], sum: ['n'] });
    const all = (periods.objects() as Record<string, unknown>[]).filter((r) => r.period === 'All');
    assert.deepEqual(
      all.map((r) => [r.unit, r.period_start, r.period_end]),
      [
        ['A', 100, 281],
        ['B', 100, 281],
      ],
    );
  });

  it('names missing columns', () => {
    assert.throws(
      () => addTotals(t, { by: ['unit'], sum: ['headcount'] }),
      /addTotals: column\(s\) headcount missing\. Found: unit, type, n\./,
    );
  });
});

describe('summarizeWithWhole', () => {
  // Person a works in X and Y, person b in X: 3 stretches, 2 people.
  const people = aq.table({ person_id: ['a', 'a', 'b'], unit: ['X', 'Y', 'X'] });
  const summarize = (p: aq.ColumnTable) =>
    p
      .groupby('unit')
      .rollup({ stretches: aq.op.count(), people: aq.op.distinct('person_id') })
      .derive({ period: () => 'P', period_start: () => 0, period_end: () => 9 })
      .select('unit', 'period', 'period_start', 'period_end', 'stretches', 'people');

  it('sums the additive columns and takes the others from everyone at once', () => {
    const out = summarizeWithWhole(
      people,
      { by: ['unit'], total: 'All', sum: ['stretches'] },
      summarize,
    );
    // by hand: stretches 2 + 1 = 3; people a and b = 2 (not 2 + 1)
    tableEqual(out, {
      unit: ['X', 'Y', 'All'],
      period: ['P', 'P', 'P'],
      period_start: [0, 0, 0],
      period_end: [9, 9, 9],
      stretches: [2, 1, 3],
      people: [2, 1, 2],
    });
  });

  it('adds no total without a label or a dimension', () => {
    const out = summarizeWithWhole(people, { by: ['unit'], sum: ['stretches'] }, summarize);
    assert.deepEqual(out.array('unit'), ['X', 'Y']);
  });
});
