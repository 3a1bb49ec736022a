import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  EXPORT_MIME,
  neutraliseFormula,
  tableCsv,
  writeNotebookExports,
  type ExportTable,
} from '../../src/report/exports.js';

const risky: ExportTable = {
  name: 'Leavers by unit',
  columns: ['unit', 'leavers', 'note'],
  rows: [
    ['=HYPERLINK("http://x","y")', 12, '+44 1234'],
    ['@SUM(A1)', -3, 'tab\tinside'],
    ['\tlead tab', 0, 'plain, with "quotes"'],
    ['-minus', null, '\rcarriage'],
  ],
};

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe to text starting with = + - @ tab or CR, and leaves numbers alone', () => {
    assert.equal(neutraliseFormula('=1+1'), "'=1+1");
    assert.equal(neutraliseFormula('+1'), "'+1");
    assert.equal(neutraliseFormula('-1'), "'-1");
    assert.equal(neutraliseFormula('@A1'), "'@A1");
    assert.equal(neutraliseFormula('\tx'), "'\tx");
    assert.equal(neutraliseFormula('\rx'), "'\rx");
    assert.equal(neutraliseFormula('a=b'), 'a=b');
    assert.equal(neutraliseFormula(-3), -3);
  });
});

describe('tableCsv', () => {
  it('writes RFC 4180 CSV with neutralised cells and quoted specials', () => {
    const csv = tableCsv(risky);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'unit,leavers,note');
    assert.equal(lines[1], `"'=HYPERLINK(""http://x"",""y"")",12,'+44 1234`);
    assert.equal(lines[2], "'@SUM(A1),-3,tab\tinside");
    assert.equal(lines[3], `'\tlead tab,0,"plain, with ""quotes"""`);
    assert.ok(csv.endsWith('\r\n'));
  });
});

describe('writeNotebookExports', () => {
  it('writes each marked table of an executed notebook as CSV and XLSX, formula-safe', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-exp-'));
    try {
      const nb = {
        cells: [{ outputs: [{ data: { 'text/html': '<p>x</p>', [EXPORT_MIME]: risky } }] }],
      };
      writeFileSync(path.join(dir, '02-early-leavers.ipynb'), JSON.stringify(nb));
      const written = await writeNotebookExports(path.join(dir, '02-early-leavers.ipynb'));
      assert.deepEqual(
        written.map((f) => path.basename(f)),
        [
          '02-early-leavers--leavers-by-unit.csv',
          '02-early-leavers--leavers-by-unit.xlsx',
          '02-early-leavers--leavers-by-unit.json',
        ],
      );
      // the sidecar says how the table adds up (issue 18: every relation declared), without its rows
      const side = JSON.parse(readFileSync(written[2], 'utf8')) as Record<string, unknown>;
      assert.equal(side.rows, undefined);
      assert.deepEqual(side.columns, risky.columns);
      assert.equal(side.hiddenMark, '[c]');
      assert.equal(readFileSync(written[0], 'utf8'), tableCsv(risky));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(written[1]);
      const sheet = book.worksheets[0];
      assert.equal(sheet.getCell('A2').value, '\'=HYPERLINK("http://x","y")');
      assert.equal(sheet.getCell('A2').formula, undefined);
      assert.equal(sheet.getCell('B3').value, -3);
      assert.equal(sheet.getCell('A5').value, "'-minus");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
