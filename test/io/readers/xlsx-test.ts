import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../../src/io/readers/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'wbk-xlsx-'));

async function workbook(name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRow(['not data']);
  const sheet = book.addWorksheet('Leavers');
  sheet.addRow(['Staff No', 'Left', 'FTE', 'Reason']);
  sheet.addRow([
    '000123',
    new Date(Date.UTC(2024, 3, 1)),
    0.8,
    { richText: [{ text: 'Re' }, { text: 'signed' }] },
  ]);
  sheet.addRow([]);
  sheet.addRow(['000124', null, 1]);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

describe('readXlsx', () => {
  it('streams a named worksheet with typed cells and row numbers', async () => {
    const { header, records, details } = await readXlsx(await workbook('a.xlsx'), {
      sheet: 'Leavers',
    });
    assert.deepEqual(header, ['Staff No', 'Left', 'FTE', 'Reason']);
    assert.equal(details.sheet, 'Leavers');
    const rows = [];
    for await (const record of records) rows.push(record);
    // Row 3 is empty and skipped; row 4 is padded to the header's four cells.
    assert.deepEqual(
      rows.map((r) => r.line),
      [2, 4],
    );
    assert.equal(rows[0].values[0], '000123');
    assert.ok(rows[0].values[1] instanceof Date);
    assert.equal((rows[0].values[1] as Date).toISOString(), '2024-04-01T00:00:00.000Z');
    assert.deepEqual(rows[0].values.slice(2), [0.8, 'Resigned']);
    assert.deepEqual(rows[1].values, ['000124', null, 1, null]);
  });
  it('reads the first worksheet by default', async () => {
    const { header } = await readXlsx(await workbook('b.xlsx'));
    assert.deepEqual(header, ['not data']);
  });
  it('names the worksheets when the one asked for is missing', async () => {
    await assert.rejects(
      readXlsx(await workbook('c.xlsx'), { sheet: 'Staff' }),
      /c\.xlsx: no worksheet named "Staff"\. Worksheets: Notes, Leavers\./,
    );
  });
});
