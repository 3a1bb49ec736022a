import assert from 'node:assert/strict';
import { protectPattern } from '../../src/privacy/secondary.js';

describe('protectPattern', () => {
  it('hides one more cell when two groups together would pin a hidden cell', () => {
    // values by row: 0 = 22 (total of 1, 2), 1 = 10, 2 = 12, 3 = 25 (total of 1, 2, 4), 4 = 3 (small)
    const values = [22, 10, 12, 25, 3];
    const groups = [
      { kind: 'hierarchy' as const, total: 0, parts: [1, 2] },
      { kind: 'hierarchy' as const, total: 3, parts: [1, 2, 4] },
    ];
    const pattern = protectPattern(
      new Map([[4, 'primary-population']]),
      values,
      undefined,
      groups,
      5,
    );
    // group 3: row 4 alone → smallest other, row 1 (10). Group 0: row 1 alone → row 2 (12).
    // Now each group hides ≥ 2, yet x4 = v3 − v0 = 25 − 22. The exact check hides row 3 (the only
    // shown cell of row 4's group); then x3 − x4 = 22 and x4 is free.
    assert.deepEqual(
      [...pattern.entries()].sort((a, b) => a[0] - b[0]),
      [
        [1, 'secondary-hierarchy'],
        [2, 'secondary-hierarchy'],
        [3, 'secondary-hierarchy'],
        [4, 'primary-population'],
      ],
    );
  });

  it('prefers the smaller tie-break (population) between equal values', () => {
    const values = [2, 7, 7, 16];
    const groups = [{ kind: 'margin' as const, total: 3, parts: [0, 1, 2] }];
    const pattern = protectPattern(
      new Map([[0, 'primary-count']]),
      values,
      [4, 30, 20, 54],
      groups,
      5,
    );
    assert.deepEqual([...pattern.keys()].sort(), [0, 2]);
  });
});
