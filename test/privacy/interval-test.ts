import assert from 'node:assert/strict';
import type { AuditTable } from '../../src/privacy/audit.js';
import { loadIntervalSolver, narrowHiddenCells, reduceBlock } from '../../src/privacy/interval.js';

const C = '[c]';
const highs = await loadIntervalSolver();

/** Leavers by type with an All row. */
function byType(rows: (string | number)[][]): AuditTable {
  return {
    name: 'by-type',
    columns: ['leaver_type', 'leavers'],
    by: ['leaver_type'],
    countColumns: ['leavers'],
    total: 'All',
    rows,
  };
}

describe('narrowHiddenCells', () => {
  it('bounds hidden parts by their total and by counts ≥ 0 (worked by hand: a + b = 13 − 10 = 3)', () => {
    const t = byType([
      ['resignation', C],
      ['retirement', C],
      ['dismissal', 10],
      ['All', 13],
    ]);
    const narrow = narrowHiddenCells([t], { threshold: 5, highs });
    assert.deepEqual(
      narrow.map((n) => [n.row, n.column, n.lo, n.hi]),
      [
        [0, 'leavers', 0, 3],
        [1, 'leavers', 0, 3],
      ],
    );
    // the relation's cells are where a complement can go
    assert.deepEqual(narrow[0].near.map((c) => c.row).sort(), [0, 1, 2, 3]);
    assert.deepEqual(
      narrowHiddenCells([t], { threshold: 3, highs }),
      [],
      'width 3 is enough for 3',
    );
  });

  it('passes a hidden count pinned to 0 (an empty group identifies nobody)', () => {
    const t = byType([
      ['resignation', C],
      ['retirement', 4 + 9],
      ['All', 13],
    ]);
    assert.deepEqual(narrowHiddenCells([t], { threshold: 5, highs }), []);
  });

  it('reads a shown rate as numerator / denominator within its rounding: 7.5% of 40 is 2.98 to 3.02', () => {
    const t: AuditTable = {
      name: 'rates',
      columns: ['unit', 'leavers', 'headcount', 'rate'],
      by: ['unit'],
      countColumns: ['leavers', 'headcount'],
      rates: [
        { name: 'rate', numerator: 'leavers', denominator: 'headcount', per: 100, decimals: 1 },
      ],
      rows: [['X', C, 40, 7.5]],
    };
    const [n] = narrowHiddenCells([t], { threshold: 5, highs });
    assert.equal(n.column, 'leavers');
    assert.ok(Math.abs(n.lo - 2.98) < 1e-6 && Math.abs(n.hi - 3.02) < 1e-6, `[${n.lo}, ${n.hi}]`);
    // Declared decimals win over the digits shown (7.5 could be 7.50): a narrower band, never wider.
    const twoDp = { ...t, rates: [{ ...t.rates![0], decimals: 2 }] };
    const [m] = narrowHiddenCells([twoDp], { threshold: 5, highs });
    assert.ok(Math.abs(m.lo - 2.998) < 1e-6 && Math.abs(m.hi - 3.002) < 1e-6, `[${m.lo}, ${m.hi}]`);
  });

  it("offers a narrow cell's smallest relations first: its rate's denominator before a total over every unit", () => {
    // X's leavers are hidden but its rate (7.5% of 40) is shown: 2.98 to 3.02. X and Y's leavers are
    // also the force's 20 less the 14 shown. Hiding X's headcount (with the rate) widens X; hiding a
    // cell of the total does not. At 250,000 people a total over 1,500 units came first: 71 narrow
    // shares, 2 complements a round, none of them widening a share.
    const t: AuditTable = {
      name: 'rates',
      columns: ['unit', 'leavers', 'headcount', 'rate'],
      by: ['unit'],
      countColumns: ['leavers', 'headcount'],
      total: 'All',
      rates: [
        { name: 'rate', numerator: 'leavers', denominator: 'headcount', per: 100, decimals: 1 },
      ],
      rows: [
        ['X', C, 40, 7.5],
        ['Y', C, 50, C],
        ['Z', 6, 60, 10],
        ['W', 8, 70, 11.4],
        ['All', 20, 220, 9.1],
      ],
    };
    const x = narrowHiddenCells([t], { threshold: 5, highs }).find((n) => n.row === 0)!;
    assert.equal(x.column, 'leavers');
    const where = (cells: { row: number; column: string }[]) =>
      [...new Set(cells.map((c) => `${c.row}:${c.column}`))].sort();
    assert.deepEqual(where(x.near), ['0:headcount', '0:leavers']);
    assert.deepEqual(where(x.wider[0]), [
      '0:leavers',
      '1:leavers',
      '2:leavers',
      '3:leavers',
      '4:leavers',
    ]);
  });

  it('ties the same figure across tables: A + B = 9 alone leaves both free, A + 4 = 6 pins A = 2, B = 7', () => {
    const teams: AuditTable = {
      name: 'teams',
      columns: ['team', 'leavers'],
      by: ['team'],
      countColumns: ['leavers'],
      total: 'All',
      rows: [
        ['A', C],
        ['B', C],
        ['All', 9],
      ],
    };
    assert.deepEqual(narrowHiddenCells([teams], { threshold: 5, highs }), []);
    const pair: AuditTable = {
      ...teams,
      name: 'pair',
      rows: [
        ['A', C],
        ['C', 4],
        ['All', 6],
      ],
    };
    const narrow = narrowHiddenCells([teams, pair], { threshold: 5, highs });
    const found = narrow.map((n) => [
      n.tableIndex,
      n.row,
      Math.round(n.lo * 1e6) / 1e6,
      Math.round(n.hi * 1e6) / 1e6,
    ]);
    assert.deepEqual(found.sort(), [
      [0, 0, 2, 2],
      [0, 1, 7, 7],
      [1, 0, 2, 2],
    ]);
  });

  it('keeps the relations the figures do not contradict when a block does not add up (rest rows of unit reports beside a table counting something else)', () => {
    // x: g1 + g2 = 4 (unconfirmed: no row of x is shown with all its parts), so g1 and g2 lie in
    // [0, 4]. y counts "leavers" another way: read as the same figures, y's g1 = 10 would make x's
    // g1 10 and its g2 −6, so the tables do not add up together. Before, the whole block fell back
    // to confirmed relations only and x's own total was dropped with the false ones.
    const x: AuditTable = {
      name: 'units/A/02/x',
      columns: ['grade', 'leavers'],
      by: ['grade'],
      countColumns: ['leavers'],
      total: 'All',
      rows: [
        ['g1', C],
        ['g2', C],
        ['All', 4],
      ],
    };
    const y: AuditTable = {
      ...x,
      name: 'units/A/05/y',
      rows: [
        ['g1', 10],
        ['g2', C],
        ['All', C],
      ],
    };
    const narrow = narrowHiddenCells([x, y], { threshold: 5, highs });
    assert.deepEqual(narrow.map((n) => [n.tableIndex, n.row, n.lo, n.hi]).sort(), [
      [0, 0, 0, 4],
      [0, 1, 0, 4],
    ]);
  });
});

describe('reduceBlock', () => {
  // x0 − x1 = 3, x1 − x2 = 0 (two copies of one figure), x2 − x0 = −3 (the first, read backwards),
  // x0 + x2 + x3 = 10 twice: x0, x1 and x2 are one column, x3 another, and one row is left.
  const eq = (vars: number[], coefs: number[], rhs: number) => ({ vars, coefs, lo: rhs, hi: rhs });
  const block = [
    eq([10, 11], [1, -1], 3),
    eq([11, 12], [1, -1], 0),
    eq([12, 10], [1, -1], -3),
    eq([10, 12, 13], [1, 1, 1], 10),
    eq([10, 12, 13], [1, 1, 1], 10),
  ];
  const local = new Map([10, 11, 12, 13].map((v, i) => [v, i]));
  const reduced = reduceBlock(block, local);

  it('makes one column of every chain of differences, and one row of identical constraints', () => {
    assert.notEqual(reduced, 'infeasible');
    const { col, columns, rows } = reduced as Exclude<typeof reduced, 'infeasible'>;
    assert.equal(columns, 2);
    assert.equal(col[0], col[1]);
    assert.equal(col[1], col[2]);
    assert.notEqual(col[2], col[3]);
    assert.equal(rows.length, 1);
  });

  it('keeps the feasible points: (5, 2, 2, 3) holds, (5, 2, 2, 4) does not', () => {
    const { col, off, lower, rows } = reduced as Exclude<typeof reduced, 'infeasible'>;
    const holds = (x: number[]) => {
      // the columns' values from the variables' (a chain's members agree on it when x is feasible)
      const value = new Map(x.map((xi, i) => [col[i], xi - off[i]]));
      const chainsAgree = x.every((xi, i) => Math.abs(value.get(col[i])! + off[i] - xi) < 1e-9);
      const rowsHold = rows.every((r) => {
        const lhs = r.vars.reduce((s, j, k) => s + r.coefs[k] * value.get(j)!, 0);
        return lhs >= r.lo - 1e-9 && lhs <= r.hi + 1e-9;
      });
      const bounds = [...value].every(([j, v]) => v >= lower[j] - 1e-9);
      return chainsAgree && rowsHold && bounds;
    };
    assert.equal(holds([5, 2, 2, 3]), true);
    assert.equal(holds([5, 2, 2, 4]), false); // 5 + 2 + 4 = 11
    assert.equal(holds([4, 2, 2, 4]), false); // x0 − x1 = 2
    // x0 ≥ 0 holds for every variable of the chain: x2 = x0 − 3 ≥ 0 means x0 ≥ 3
    assert.equal(holds([2, -1, -1, 9]), false);
  });

  it('says infeasible when the differences contradict each other (x0 − x1 = 3 and = 2)', () => {
    const local = new Map([0, 1].map((i) => [i, i]));
    assert.equal(
      reduceBlock([eq([0, 1], [1, -1], 3), eq([1, 0], [1, -1], -2)], local),
      'infeasible',
    );
    // and when a row left constant does not hold: x0 − x1 = 3 and x0 − x1 + 0·x3 ≥ 4
    const row = { vars: [0, 1], coefs: [1, -1], lo: 4, hi: Infinity };
    assert.equal(reduceBlock([eq([0, 1], [1, -1], 3), row], local), 'infeasible');
  });
});
