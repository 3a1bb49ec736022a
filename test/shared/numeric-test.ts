import assert from 'node:assert/strict';
import { maxOf } from '../../src/shared/numeric.js';

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
