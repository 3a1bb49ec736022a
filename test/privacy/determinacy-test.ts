import assert from 'node:assert/strict';
import { determinedCells } from '../../src/privacy/determinacy.js';

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
