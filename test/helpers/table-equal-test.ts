import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { tableEqual } from './table-equal.js';

describe('tableEqual', () => {
  it('accepts equal tables and numbers within the tolerance', () => {
    tableEqual(aq.table({ a: [1, 2], b: ['x', 'y'] }), { a: [1, 2.0000001], b: ['x', 'y'] }, 1e-6);
  });
  it('names the column and row of the first difference', () => {
    assert.throws(() => tableEqual(aq.table({ a: [1, 2] }), { a: [1, 3] }), /column a, row 1/);
  });
});
