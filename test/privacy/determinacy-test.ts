import assert from 'node:assert/strict';
import {
  determinedCells,
  determinedValues,
  determiningCombinations,
} from '../../src/privacy/determinacy.js';

describe('determinedCells', () => {
  it('finds a hidden cell alone in its group', () => {
    // row 3 = 0 + 1 + 2 with only row 0 hidden: x0 = v3 − v1 − v2
    assert.deepEqual(
      determinedCells(new Set([0]), [{ kind: 'margin', total: 3, parts: [0, 1, 2] }]),
      [0],
    );
  });

  it('finds none in a hidden 2 × 2 rectangle of a table with margins', () => {
    // cells a=0, b=1 (row 1 total 2), c=3, d=4 (row total 5); columns: 6 = 0 + 3, 7 = 1 + 4
    const groups = [
      { kind: 'margin' as const, total: 2, parts: [0, 1] },
      { kind: 'margin' as const, total: 5, parts: [3, 4] },
      { kind: 'margin' as const, total: 6, parts: [0, 3] },
      { kind: 'margin' as const, total: 7, parts: [1, 4] },
    ];
    assert.deepEqual(determinedCells(new Set([0, 1, 3, 4]), groups), []);
  });

  it('finds a cell pinned by subtracting two groups that each hide two or more cells', () => {
    // 0 = 1 + 2 and 3 = 1 + 2 + 4, with 1, 2, 4 hidden: x4 = v3 − v0
    const groups = [
      { kind: 'hierarchy' as const, total: 0, parts: [1, 2] },
      { kind: 'hierarchy' as const, total: 3, parts: [1, 2, 4] },
    ];
    assert.deepEqual(determinedCells(new Set([1, 2, 4]), groups), [4]);
  });
});

describe('determinedCells against the rank definition', () => {
  // Independent reference: cell c is pinned iff adding the unit vector e_c to the relations' rows
  // (restricted to hidden cells) does not raise their rank.
  function rank(rows: number[][]): number {
    const m = rows.map((r) => [...r]);
    let rk = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && rk < m.length; c++) {
      const p = m.findIndex((r, i) => i >= rk && Math.abs(r[c]) > 1e-9);
      if (p < 0) continue;
      [m[rk], m[p]] = [m[p], m[rk]];
      for (let i = rk + 1; i < m.length; i++) {
        const f = m[i][c] / m[rk][c];
        for (let j = c; j < m[i].length; j++) m[i][j] -= f * m[rk][j];
      }
      rk++;
    }
    return rk;
  }
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

  it('agrees on 2,000 random systems of overlapping sums', () => {
    for (let t = 0; t < 2000; t++) {
      const n = 2 + Math.floor(random() * 20);
      const hidden = new Set([...Array(n).keys()].filter(() => random() < 0.5));
      const groups = Array.from({ length: 1 + Math.floor(random() * 10) }, () => ({
        kind: 'margin' as const,
        total: Math.floor(random() * n),
        parts: Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * n)),
      }));
      const rows = groups.map((g) => {
        const row = new Array<number>(n).fill(0);
        row[g.total] += 1;
        for (const p of g.parts) row[p] -= 1;
        return row.map((v, c) => (hidden.has(c) ? v : 0));
      });
      const base = rank(rows);
      const expected = [...hidden]
        .filter((c) => rank([...rows, [...Array(n).keys()].map((j) => (j === c ? 1 : 0))]) === base)
        .sort((a, b) => a - b);
      assert.deepEqual(determinedCells(hidden, groups), expected, JSON.stringify({ t, n }));
    }
  });

  it('gives the true value of every cell it pins, on 2,000 random systems with known counts', () => {
    // Counts drawn at random; each group's shown side is what its shown cells contribute. Whatever
    // is pinned must come back as the count drawn (many pinned cells sit in rows set aside before
    // the elimination, whose values are worked out afterwards).
    for (let t = 0; t < 2000; t++) {
      const n = 2 + Math.floor(random() * 30);
      const x = Array.from({ length: n }, () => Math.floor(random() * 50));
      const hidden = new Set([...Array(n).keys()].filter(() => random() < 0.6));
      const groups = Array.from({ length: 1 + Math.floor(random() * 15) }, () => ({
        kind: 'margin' as const,
        total: Math.floor(random() * n),
        parts: Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * n)),
      }));
      // the shown side that makes the drawn counts satisfy every group: hidden side = −shown
      const shown = groups.map(
        (g) =>
          -(
            (hidden.has(g.total) ? x[g.total] : 0) -
            g.parts.reduce((a, p) => a + (hidden.has(p) ? x[p] : 0), 0)
          ),
      );
      const values = determinedValues(hidden, groups, shown);
      for (const [c, v] of values) {
        assert.ok(Math.abs(v - x[c]) < 1e-6, JSON.stringify({ t, c, v, truth: x[c] }));
      }
      assert.deepEqual([...values.keys()], determinedCells(hidden, groups));
    }
  });
});

describe('determinedValues', () => {
  it('gives the value each pinned cell takes: x + y = 3, y + z = 5, x + z = 4 → 1, 2, 3', () => {
    // cells 0, 1, 2 hidden; totals 10, 11, 12 shown as 3, 5, 4 (worked by hand: x + y + z = 6)
    const groups = [
      { kind: 'margin' as const, total: 10, parts: [0, 1] },
      { kind: 'margin' as const, total: 11, parts: [1, 2] },
      { kind: 'margin' as const, total: 12, parts: [0, 2] },
    ];
    const values = determinedValues(new Set([0, 1, 2]), groups, [3, 5, 4]);
    assert.deepEqual(
      [...values].map(([cell, v]) => [cell, Math.round(v * 1e9) / 1e9]),
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    );
    // without the shown side, the same cells with unknown values
    assert.deepEqual([...determinedValues(new Set([0, 1, 2]), groups).keys()], [0, 1, 2]);
    assert.ok(Number.isNaN(determinedValues(new Set([0, 1, 2]), groups).get(0)));
  });
});

describe('determiningCombinations', () => {
  const rounded = (m: Map<number, number> | undefined) =>
    [...(m ?? [])].map(([k, y]) => [k, Math.round(y * 1e9) / 1e9]).sort((a, b) => a[0] - b[0]);

  it('gives the groups that pin a cell and how: x0 − x1 = a and x1 = b give x0 = (x0 − x1) + x1', () => {
    const groups = [
      { kind: 'margin' as const, total: 0, parts: [1] },
      { kind: 'margin' as const, total: 1, parts: [5] }, // cell 5 shown
    ];
    const found = determiningCombinations(new Set([0, 1]), groups, new Set([0, 1]));
    assert.deepEqual(rounded(found.get(0)), [
      [0, 1],
      [1, 1],
    ]);
    assert.deepEqual(rounded(found.get(1)), [[1, 1]]);
  });

  it('halves an odd cycle, and a shown cell in two of its groups cancels out', () => {
    // X − Y − e = 0, Z − Y − e = 0, h − X − Z = 0 (X, Y, Z = cells 0, 1, 2 hidden; e = 7, h = 8 shown).
    // By hand: ½(X − Y − e) − ½(Z − Y − e) − ½(h − X − Z) = X − ½h, so X = h / 2 and e's terms
    // (−½ and +½) cancel: hiding e would leave X pinned, hiding h would not.
    const groups = [
      { kind: 'margin' as const, total: 0, parts: [1, 7] },
      { kind: 'margin' as const, total: 2, parts: [1, 7] },
      { kind: 'margin' as const, total: 8, parts: [0, 2] },
    ];
    const hidden = new Set([0, 1, 2]);
    const found = determiningCombinations(hidden, groups, new Set([0, 2]));
    assert.deepEqual(rounded(found.get(0)), [
      [0, 0.5],
      [1, -0.5],
      [2, -0.5],
    ]);
    // Z by symmetry: −½, +½, −½
    assert.deepEqual(rounded(found.get(2)), [
      [0, -0.5],
      [1, 0.5],
      [2, -0.5],
    ]);
    // Y = X − e: −½ each, and there e's terms add up (−½ · −1 twice = +1): hiding e breaks it
    assert.deepEqual(rounded(determiningCombinations(hidden, groups, new Set([1])).get(1)), [
      [0, -0.5],
      [1, -0.5],
      [2, -0.5],
    ]);
    // only the targets asked for, and the same cells as determinedCells
    assert.deepEqual([...found.keys()].sort(), [0, 2]);
    assert.deepEqual(determinedCells(hidden, groups), [0, 1, 2]);
  });
});
