import assert from 'node:assert/strict';
import { table } from 'arquero';
import { columnArray, optionalColumn } from '../../src/shared/columns.js';

describe('columnArray', () => {
  const t = table({ id: ['a', 'b', 'c', 'd'], hours: [4, 1, 3, 2] });
  it("gives the column's values after the table's filter and order", () => {
    const kept = t.filter((d: { hours: number }) => d.hours > 1).orderby('hours');
    assert.deepEqual(Array.from(columnArray<string>(kept, 'id')), ['d', 'c', 'a']);
    assert.deepEqual(Array.from(columnArray<number>(t, 'hours')), [4, 1, 3, 2]);
  });
  it('reads a column of a table once and gives the same values again', () => {
    const first = columnArray<number>(t, 'hours');
    assert.equal(columnArray<number>(t, 'hours'), first);
    assert.notEqual(t.array('hours'), t.array('hours')); // what it saves: a fresh copy per call
  });
});

describe('optionalColumn', () => {
  it('gives the values of a column the table has, undefined for one it lacks', () => {
    const t = table({ id: ['a', 'b'] });
    assert.deepEqual(Array.from(optionalColumn<string>(t, 'id')!), ['a', 'b']);
    assert.equal(optionalColumn(t, 'compensation'), undefined);
  });
});
