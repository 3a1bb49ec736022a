import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { addTotals } from '../../../src/transforms/shared/totals.js';

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

  it('names missing columns', () => {
    assert.throws(
      () => addTotals(t, { by: ['unit'], sum: ['headcount'] }),
      /addTotals: column\(s\) headcount missing\. Found: unit, type, n\./,
    );
  });
});
