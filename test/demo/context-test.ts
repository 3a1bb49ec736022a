import assert from 'node:assert/strict';
import { IsoDates } from '../../src/demo/context.js';

describe('IsoDates', () => {
  it('formats days inside and outside its cached range alike', () => {
    const dates = new IsoDates(18353, 18360);
    assert.equal(dates.format(18354), '2020-04-02');
    assert.equal(dates.format(0), '1970-01-01');
  });
});
