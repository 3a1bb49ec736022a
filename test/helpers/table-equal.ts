// Compare an arquero table with expected columns, column by column, with an optional numeric tolerance.
import assert from 'node:assert/strict';
import type { ColumnTable } from 'arquero';

export type Columns = Record<string, readonly unknown[]>;

/**
 * Asserts that `table` has exactly the columns of `expected`, in that order, with equal values.
 * Numbers compare within `tolerance` (absolute); NaN equals NaN; everything else with deepEqual.
 */
export function tableEqual(table: ColumnTable, expected: Columns, tolerance = 0): void {
  assert.deepEqual(table.columnNames(), Object.keys(expected), 'column names differ');
  for (const [name, values] of Object.entries(expected)) {
    const actual = table.array(name) as unknown[];
    assert.equal(actual.length, values.length, `column ${name}: row count differs`);
    values.forEach((want, i) => {
      const got = actual[i];
      if (typeof want === 'number' && typeof got === 'number' && tolerance > 0) {
        const same = (Number.isNaN(want) && Number.isNaN(got)) || Math.abs(want - got) <= tolerance;
        assert.ok(same, `column ${name}, row ${i}: expected ${want}, got ${got}`);
      } else {
        assert.deepEqual(got, want, `column ${name}, row ${i}`);
      }
    });
  }
}
