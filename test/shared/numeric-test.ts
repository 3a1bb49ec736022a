import assert from 'node:assert/strict';
import { maxOf, searchSorted } from '../../src/shared/numeric.js';

describe('maxOf', () => {
  it('finds the largest value of an array too long to spread into Math.max', () => {
    const values = new Float64Array(500_000).map((_, i) => (i * 7919) % 100_003);
    assert.equal(maxOf(values), 100_002);
    assert.throws(() => Math.max(...values), RangeError);
  });
  it('is -Infinity for an empty array', () => {
    assert.equal(maxOf([]), -Infinity);
  });
});

describe('searchSorted', () => {
  it('counts the values below x with side left', () => {
    assert.equal(searchSorted([3, 8, 8, 20], 8), 1);
    assert.equal(searchSorted([3, 8, 8, 20], 3), 0);
    assert.equal(searchSorted(Float64Array.of(1, 2), 5), 2);
  });
  it('counts the values at or below x with side right, ties included', () => {
    assert.equal(searchSorted([3, 8, 8, 20], 8, 'right'), 3);
    assert.equal(searchSorted([3, 8, 8, 20], 2, 'right'), 0);
    assert.equal(searchSorted([3, 8, 8, 20], 25, 'right'), 4);
    assert.equal(searchSorted([], 1, 'right'), 0);
  });
});
