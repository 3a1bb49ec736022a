import assert from 'node:assert/strict';
import { daysLostInSlice } from '../../../src/transforms/sickness/days-lost.js';

describe('daysLostInSlice', () => {
  it('shares recorded days by the working days of the slice', () => {
    // 10 recorded days over a spell of 20 working days; the slice holds 5 of them
    assert.equal(daysLostInSlice(10, 5, 20, 7, 28), 2.5);
  });
  it('shares recorded days by calendar days when the spell has no working day', () => {
    // a weekend spell with 2 recorded days: Saturday is half of it
    assert.equal(daysLostInSlice(2, 0, 0, 1, 2), 1);
  });
  it('counts the working days of the slice when nothing is recorded', () => {
    assert.equal(daysLostInSlice(null, 4, 20, 6, 28), 4);
  });
});
