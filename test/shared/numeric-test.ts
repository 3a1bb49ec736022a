import assert from 'node:assert/strict';
import { countAtMost, countBelow, maxOf } from '../../src/shared/numeric.js';

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

describe('countAtMost', () => {
  it('counts the values at or below x, ties included', () => {
    assert.equal(countAtMost([3, 8, 8, 20], 8), 3);
    assert.equal(countAtMost([3, 8, 8, 20], 2), 0);
    assert.equal(countAtMost([3, 8, 8, 20], 25), 4);
    assert.equal(countAtMost([], 1), 0);
  });
});

describe('countBelow', () => {
  it('counts the values strictly below x', () => {
    assert.equal(countBelow([3, 8, 8, 20], 8), 1);
    assert.equal(countBelow([3, 8, 8, 20], 3), 0);
    assert.equal(countBelow(Float64Array.of(1, 2), 5), 2);
  });
});
