import assert from 'node:assert/strict';
import { table } from 'arquero';
import { columnFromValues, float64 } from '@uwdata/flechette';
import { setImmediate as nextTask } from 'node:timers/promises';
import { arrowTable } from '../../src/io/arrow-tables.js';
import { LARGE_TABLE_ROWS, columnArray, optionalColumn } from '../../src/shared/columns.js';

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
  it('gives the numbers of an Arrow column in place, not a copy of every value', () => {
    const arrow = arrowTable([['hours', columnFromValues([4, 1.5, 3], float64())]]);
    const typed = (arrow.column('hours') as unknown as { toArray(): Float64Array }).toArray();
    assert.equal(columnArray<number>(arrow, 'hours'), typed);
    // filtered, it is the kept values (a copy)
    const kept = arrow.filter((d: { hours: number }) => d.hours > 2);
    assert.deepEqual(Array.from(columnArray<number>(kept, 'hours')), [4, 3]);
  });
  it("keeps a large table's copy only until the current task ends, not as long as the table", async () => {
    const big = table({ id: new Array<string>(LARGE_TABLE_ROWS + 1).fill('P1') });
    const first = columnArray<string>(big, 'id');
    assert.equal(columnArray<string>(big, 'id'), first); // read twice in one task: one copy
    await nextTask();
    assert.notEqual(columnArray<string>(big, 'id'), first);
  });
});

describe('optionalColumn', () => {
  it('gives the values of a column the table has, undefined for one it lacks', () => {
    const t = table({ id: ['a', 'b'] });
    assert.deepEqual(Array.from(optionalColumn<string>(t, 'id')!), ['a', 'b']);
    assert.equal(optionalColumn(t, 'compensation'), undefined);
  });
});
