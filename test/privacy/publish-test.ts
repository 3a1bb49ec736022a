// Hand-checked tables for publishTable: each expected figure is worked out in the comments.
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { publishTable, type CellSpec } from '../../src/privacy/index.js';
import { tableEqual } from '../helpers/table-equal.js';

const teams: CellSpec = { by: ['team'], population: 'headcount' };

describe('publishTable', () => {
  it('hides a single group under 5 people and nothing else when there are no totals', () => {
    const t = table({ team: ['A', 'B'], headcount: [3, 12] });
    const p = publishTable(t, teams);
    // 3 < 5 → hidden; 12 ≥ 5 → shown; no total row, so nothing can be subtracted
    tableEqual(p.table, {
      team: ['A', 'B'],
      headcount: [null, 12],
      headcount_status: ['suppressed', 'shown'],
    });
    assert.deepEqual(p.log.entries, [
      { cell: { team: 'A' }, column: 'headcount', reason: 'primary-population' },
    ]);
    assert.equal(p.notForCirculation, false);
  });

  it('hides one more part of a row whose total is shown', () => {
    const t = table({ team: ['A', 'B', 'C', 'D', 'All'], headcount: [3, 12, 20, 30, 65] });
    const p = publishTable(t, { ...teams, total: 'All' });
    // A = 3 hidden; alone, A = 65 − 12 − 20 − 30. One of B, C, D (each ≥ 12, so A could be 12 more)
    // joins it, chosen without looking at values (issue 18); the total stays shown.
    const hc = p.table.array('headcount') as (number | null)[];
    assert.equal(hc[0], null);
    assert.equal(hc.slice(1, 4).filter((v) => v === null).length, 1);
    assert.equal(hc[4], 65);
    const entries = p.log.entries.map((e) => [e.cell.team, e.reason]);
    assert.deepEqual(entries[0], ['A', 'primary-population']);
    assert.equal(entries.length, 2);
    assert.equal(entries[1][1], 'secondary-margin');
  });

  it('chooses the same complement on every run (deterministic)', () => {
    const t = table({ team: ['A', 'B', 'C', 'All'], headcount: [2, 12, 12, 26] });
    const p = publishTable(t, { ...teams, total: 'All' });
    const q = publishTable(t, { ...teams, total: 'All' });
    // A and one of B, C hidden; the same one both times
    const hc = p.table.array('headcount') as (number | null)[];
    assert.equal(hc[0], null);
    assert.equal(hc.filter((v) => v === null).length, 2);
    assert.deepEqual(q.table.array('headcount'), p.table.array('headcount'));
  });

  it('adds complements until a hidden small group could be 5 larger', () => {
    const t = table({ team: ['A', 'B', 'C', 'D', 'All'], headcount: [2, 1, 9, 30, 42] });
    const p = publishTable(t, { ...teams, total: 'All' });
    // A = 2 and B = 1 both hidden: A + B = 3 is known, so A ≤ 3 (could be only 1 larger).
    // Adding C = 9 lets A be up to 2 + 1 + 9 = 12 (10 larger) and B up to 12 (11 larger).
    assert.deepEqual(p.table.array('headcount'), [null, null, null, 30, 42]);
    assert.equal(p.log.counts['secondary-margin'], 1);
  });

  it('hides a rectangle in a two-way table with margins', () => {
    // team × grade, with totals 'All':
    //          g1  g2  g3 | All
    //   T1      3  10  12 |  25
    //   T2      8   9  20 |  37
    //   T3     15  11  14 |  40
    //   All    26  30  46 | 102
    const grid = [
      [3, 10, 12],
      [8, 9, 20],
      [15, 11, 14],
    ];
    const p = publishTable(twoWay(grid), {
      by: ['team', 'grade'],
      population: 'headcount',
      total: 'All',
    });
    // T1g1 = 3 hidden. Row T1 needs one more part, column g1 one more; each then leaves another row
    // and column with one hidden cell, and a cell serving both closes them: a rectangle of 4 inner
    // cells (T1g1, T1gj, Tig1, Tigj), no margin hidden. Every inner cell is ≥ 8, so T1g1 moves by
    // ≥ 8 in the rectangle (its range is [0, 3 + min(T1gj, Tig1)]).
    const hidden = (p.table.array('headcount') as (number | null)[])
      .map((v, row) =>
        v === null ? `${p.table.get('team', row)}${p.table.get('grade', row)}` : '',
      )
      .filter((label) => label !== '');
    assert.equal(hidden.length, 4, hidden.join(' '));
    assert.ok(hidden.includes('T1g1'));
    assert.ok(!hidden.some((h) => h.includes('All')), hidden.join(' '));
    const teamsHidden = new Set(hidden.map((h) => h.slice(0, 2)));
    const gradesHidden = new Set(hidden.map((h) => h.slice(2)));
    assert.equal(teamsHidden.size, 2);
    assert.equal(gradesHidden.size, 2);
  });

  it('hides a sibling when a parent minus its shown children would reveal a child', () => {
    // force F → districts D1 (T1 4, T2 20), D2 (T3 30, T4 25), D3 (T5 3)
    const t = table({
      unit: ['T1', 'T2', 'T3', 'T4', 'T5', 'D1', 'D2', 'D3', 'F'],
      headcount: [4, 20, 30, 25, 3, 24, 55, 3, 82],
    });
    const parent = { T1: 'D1', T2: 'D1', T3: 'D2', T4: 'D2', T5: 'D3', D1: 'F', D2: 'F', D3: 'F' };
    const p = publishTable(t, {
      by: ['unit'],
      population: 'headcount',
      hierarchy: { column: 'unit', parent },
    });
    // T1 = 4 hidden; D1 − T2 would give it: hide T2 (20 < D1's 24).
    // T5 = 3 and its district D3 = 3 are both small (primary); D3 = T5 holds two hidden cells.
    // D3 hidden alone under F: F − D1 − D2 would give it: hide D1 (24 < D2's 55 < F's 82).
    tableEqual(p.table, {
      unit: ['T1', 'T2', 'T3', 'T4', 'T5', 'D1', 'D2', 'D3', 'F'],
      headcount: [null, null, 30, 25, null, null, 55, null, 82],
      headcount_status: [
        'suppressed',
        'suppressed',
        'shown',
        'shown',
        'suppressed',
        'suppressed',
        'shown',
        'suppressed',
        'shown',
      ],
    });
    assert.deepEqual(
      p.log.entries.map((e) => [e.cell.unit, e.reason]),
      [
        ['T1', 'primary-population'],
        ['T2', 'secondary-hierarchy'],
        ['T5', 'primary-population'],
        ['D1', 'secondary-hierarchy'],
        ['D3', 'primary-population'],
      ],
    );
  });

  it('never uses a zero as a complement while a non-zero cell is shown', () => {
    const t = table({ team: ['A', 'B', 'C', 'D', 'E', 'All'], leavers: [3, 0, 0, 8, 40, 51] });
    const p = publishTable(t, { by: ['team'], counts: ['leavers'], total: 'All' });
    // A = 3 hidden. A hidden 0 beside A gives A + 0 = 3: A pinned. So B, C = 0 stay shown and one of
    // the non-zero D = 8, E = 40 (chosen without looking at values) joins A; the total stays shown.
    const lv = p.table.array('leavers') as (number | null)[];
    assert.deepEqual([lv[0], lv[1], lv[2], lv[5]], [null, 0, 0, 51]);
    assert.equal([lv[3], lv[4]].filter((v) => v === null).length, 1);
  });

  it('hides the total rather than a zero when every other part is zero', () => {
    const t = table({ team: ['A', 'B', 'All'], leavers: [3, 0, 3] });
    const p = publishTable(t, { by: ['team'], counts: ['leavers'], total: 'All' });
    // hiding B = 0 would leave A = 3 − 0; hiding the total leaves A unknown
    assert.deepEqual(p.table.array('leavers'), [null, 0, null]);
  });

  it('hides the counts of a small group even when they are zero, and protects them', () => {
    const t = table({
      team: ['A', 'B', 'C', 'D', 'All'],
      headcount: [3, 12, 20, 30, 65],
      leavers: [0, 2, 5, 6, 13],
    });
    const p = publishTable(t, { ...teams, counts: ['leavers'], total: 'All' });
    // headcount: A hidden (3) and one complement among B, C, D.
    // leavers: A hidden with its row (0), B = 2 < 5 hidden; A + B = 2 leaves A ≤ 2, so one of
    // C (5), D (6) joins: A could then be 2 + 5 or more. The total (13) stays shown.
    const hc = p.table.array('headcount') as (number | null)[];
    assert.equal(hc[0], null);
    assert.equal(hc.filter((v) => v === null).length, 2);
    const lv = p.table.array('leavers') as (number | null)[];
    assert.deepEqual([lv[0], lv[1], lv[4]], [null, null, 13]);
    assert.equal([lv[2], lv[3]].filter((v) => v === null).length, 1);
  });
});

/** A team × grade table with row, column and grand totals marked 'All'. */
function twoWay(grid: number[][]) {
  const team: string[] = [];
  const grade: string[] = [];
  const headcount: number[] = [];
  const rows = [...grid, grid[0].map((_, j) => grid.reduce((s, r) => s + r[j], 0))];
  rows.forEach((r, i) => {
    [...r, r.reduce((s, v) => s + v, 0)].forEach((v, j) => {
      team.push(i < grid.length ? `T${i + 1}` : 'All');
      grade.push(j < r.length ? `g${j + 1}` : 'All');
      headcount.push(v);
    });
  });
  return table({ team, grade, headcount });
}
