// The audit statistical offices run on a suppression pattern: by linear programming, the range each
// hidden cell can take given every published value (cells ≥ 0, every additive group holds). A hidden
// sensitive cell passes when it could be at least the protection interval (default minGroupSize = 5)
// away from its true value, or zero. Complements (not sensitive themselves) must not be pinned exactly.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { publishTable } from '../../src/privacy/index.js';
import { feasibleRange } from './support/lp-range.js';
import { hierarchyCase, twoWayCase, type Case } from './support/random-tables.js';

const P = 5;
const EPS = 1e-6;

function audit(c: Case): void {
  const published = publishTable(c.table, c.spec);
  const smallGroup = c.headcount.map((v) => v > 0 && v < 5);
  const columns = {
    headcount: { truth: c.headcount, sensitive: smallGroup },
    leavers: {
      truth: c.leavers,
      sensitive: c.leavers.map((v, row) => smallGroup[row] || (v > 0 && v < 5)),
    },
  };
  for (const [column, { truth, sensitive }] of Object.entries(columns)) {
    const values = published.table.array(column) as (number | null)[];
    values.forEach((v, row) => {
      if (v !== null) return;
      const [lo, hi] = feasibleRange(row, values, c.groups);
      const where = `${column}, row ${row} (true ${truth[row]}): range [${lo}, ${hi}]`;
      assert.ok(lo <= truth[row] + EPS && hi >= truth[row] - EPS, `${where} excludes the truth`);
      if (sensitive[row]) {
        const ok = lo <= EPS || hi - truth[row] >= P - EPS || truth[row] - lo >= P - EPS;
        assert.ok(ok, `${where} is pinned within ${P}`);
      } else if (!(truth[row] === 0 && hi <= EPS)) {
        // a complement must not be pinned, except a zero whose groups publish totals of zero: a shown
        // total of 0 says every part is 0, which the module does not hide (docs/disclosure-control.md)
        assert.ok(hi - lo > EPS, `${where} is pinned exactly`);
      }
    });
  }
}

describe('feasibleRange (the audit itself)', () => {
  // 2 × 2 table with margins; rows: 0 a=3, 1 b=10, 2 row total 13, 3 c=8, 4 d=9, 5 row total 17,
  // 6 column total 11, 7 column total 19, 8 grand total 30
  const groups = [
    { total: 2, parts: [0, 1] },
    { total: 5, parts: [3, 4] },
    { total: 6, parts: [0, 3] },
    { total: 7, parts: [1, 4] },
    { total: 8, parts: [2, 5] },
    { total: 8, parts: [6, 7] },
  ];

  it('pins a cell hidden alone', () => {
    assert.deepEqual(feasibleRange(0, [null, 10, 13, 8, 9, 17, 11, 19, 30], groups), [3, 3]);
  });

  it('gives a hidden rectangle the range worked out by hand', () => {
    // a moves with d against b and c: [3 − min(a, d), 3 + min(b, c)] = [3 − 3, 3 + 8] = [0, 11]
    const [lo, hi] = feasibleRange(0, [null, null, 13, null, null, 17, 11, 19, 30], groups);
    assert.ok(Math.abs(lo - 0) < EPS && Math.abs(hi - 11) < EPS, `got [${lo}, ${hi}]`);
  });
});

describe('publishTable (LP audit of hidden cells)', () => {
  it('keeps every hidden cell of random two-way tables with margins out of reach', () => {
    fc.assert(fc.property(twoWayCase, audit), { seed: 20240403, numRuns: 60 });
  });

  it('keeps every hidden cell of random hierarchies out of reach', () => {
    fc.assert(fc.property(hierarchyCase, audit), { seed: 20240404, numRuns: 60 });
  });
});
