// ColumnBuilder holds a scan's values compactly and gives them back as pushed, in place and as an
// Arrow column of the type arquero's own toArrow would choose (so the dataset cache reads alike).
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { ColumnBuilder, IntBuilder } from '../../src/io/column-builder.js';
import { arrowTable, writeArrowFile } from '../../src/io/arrow-tables.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function built(values: unknown[]): ColumnBuilder {
  const column = new ColumnBuilder();
  for (const v of values) column.push(v);
  return column;
}

const CASES: Record<string, unknown[]> = {
  'whole numbers': [19000, null, -3, 0, 2147483647],
  decimals: [1.25, 0.5, null, 24],
  text: ['P1', 'P2', null, 'P1', ''],
  booleans: [true, null, false, true],
  'leading nulls': [null, null, 'paid', null],
  'only nulls': [null, null],
  lists: [['a', 'b'], null, ['c']],
};

describe('ColumnBuilder', () => {
  for (const [what, values] of Object.entries(CASES)) {
    it(`gives back ${what} as pushed, in place and through Arrow`, () => {
      const column = built(values);
      assert.equal(column.length, values.length);
      assert.deepEqual(
        values.map((_, i) => column.at(i)),
        values,
      );
      const table = arrowTable([['v', column.toArrow()]]);
      assert.deepEqual(Array.from(table.array('v') as ArrayLike<unknown>), values);
    });
  }

  it('falls back to a JS array when a column mixes kinds', () => {
    const values = ['7', 7, null, true];
    const column = built(values);
    assert.deepEqual(
      values.map((_, i) => column.at(i)),
      values,
    );
  });

  it('keeps rows past one chunk (65,536 rows) in order', () => {
    const n = 200_000;
    const column = new ColumnBuilder();
    for (let i = 0; i < n; i++) column.push(i % 7 === 0 ? null : `P${i % 1000}`);
    assert.equal(column.at(0), null);
    assert.equal(column.at(65_537), `P${65_537 % 1000}`);
    assert.equal(column.at(n - 1), `P${(n - 1) % 1000}`);
    const table = arrowTable([['v', column.toArrow()]]);
    assert.equal(table.get('v', 199_998), `P${199_998 % 1000}`);
    assert.equal(table.get('v', 199_997), null);
  });

  it('encodes text as a dictionary and whole numbers in the smallest integer type', () => {
    const table = arrowTable([
      ['id', built(['P1', 'P1', 'P2']).toArrow()],
      ['day', built([19000, 19001, 19002]).toArrow()],
      ['big', built([-40000, 1, 2]).toArrow()],
      ['count', built([0, 127, -128]).toArrow()],
    ]);
    assert.equal(Array.isArray(table.column('id')), false);
    const typed = (c: string) => (table.column(c) as unknown as { toArray(): unknown }).toArray();
    assert.ok(typed('day') instanceof Int16Array);
    assert.ok(typed('big') instanceof Int32Array);
    assert.ok(typed('count') instanceof Int8Array);
    assert.deepEqual(table.objects(), [
      { id: 'P1', day: 19000, big: -40000, count: 0 },
      { id: 'P1', day: 19001, big: 1, count: 127 },
      { id: 'P2', day: 19002, big: 2, count: -128 },
    ]);
  });
});

describe('IntBuilder', () => {
  it('reads and rewrites whole numbers past one chunk', () => {
    const lines = new IntBuilder();
    for (let i = 0; i < 70_000; i++) lines.push(i + 2);
    lines.set(69_999, 5);
    assert.equal(lines.length, 70_000);
    assert.deepEqual([lines.at(0), lines.at(65_536), lines.at(69_999)], [2, 65_538, 5]);
  });
});

describe('writeArrowFile', () => {
  it('writes an Arrow table, or any arquero table, that reads back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-arrow-'));
    const fromArrow = arrowTable([
      ['id', built(['P1', null, 'P2']).toArrow()],
      ['hours', built([1.5, 2, null]).toArrow()],
    ]);
    const plain = aq.table({ id: ['P1', null, 'P2'], hours: [1.5, 2, null] });
    for (const [name, table] of [
      ['arrow', fromArrow],
      ['plain', plain],
    ] as const) {
      const file = join(dir, `${name}.arrow`);
      writeArrowFile(file, table);
      assert.deepEqual(aq.fromArrow(readFileSync(file)).objects(), plain.objects(), name);
    }
  });
});
