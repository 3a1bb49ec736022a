import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  EXPORT_MIME,
  NOT_FOR_CIRCULATION,
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

  it('neutralises the full-width forms ＝ ＋ － ＠ like = + - @', () => {
    assert.equal(neutraliseFormula('\uFF1D1+1'), "'＝1+1");
    assert.equal(neutraliseFormula('\uFF0B44'), "'＋44");
    assert.equal(neutraliseFormula('\uFF0D1'), "'－1");
    assert.equal(neutraliseFormula('\uFF20SUM(A1)'), "'＠SUM(A1)");
    assert.equal(neutraliseFormula('West ＝ 1'), 'West ＝ 1');
  });
});

describe('tableCsv', () => {
  it('writes RFC 4180 CSV with neutralised cells and quoted specials', () => {
    const csv = tableCsv(risky);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'unit,leavers,note');
    assert.equal(lines[1], `"'=HYPERLINK(""http://x"",""y"")",12,'+44 1234`);
    assert.equal(lines[2], `'@SUM(A1),-3,"tab\tinside"`);
    assert.equal(lines[3], `"'\tlead tab",0,"plain, with ""quotes"""`);
    assert.ok(csv.endsWith('\r\n'));
  });

  it('quotes fields holding ; or a tab, so ;- and tab-separated locales keep them whole', () => {
    const csv = tableCsv({
      name: 't',
      columns: ['unit', 'n'],
      rows: [
        ['North;=1+1', 7],
        ['South\t+1', 8],
      ],
    });
    assert.equal(csv, 'unit,n\r\n"North;=1+1",7\r\n"South\t+1",8\r\n');
    // read as a ;-separated file, the first data line stays one text field: no cell starts with =
    assert.deepEqual(splitSemicolonCsvLine(csv.split('\r\n')[1]), ['North;=1+1,7']);
  });

  it('opens the export of an analyst-mode table with a not-for-circulation row', () => {
    const table: ExportTable = { name: 't', columns: ['a'], rows: [[1]], notForCirculation: true };
    assert.equal(tableCsv(table), `${NOT_FOR_CIRCULATION}\r\na\r\n1\r\n`);
    assert.equal(
      tableCsv({ ...table, notForCirculation: undefined }, { notForCirculation: true }),
      `NOT FOR CIRCULATION — analyst mode, nothing hidden\r\na\r\n1\r\n`,
    );
    assert.equal(tableCsv({ ...table, notForCirculation: undefined }), 'a\r\n1\r\n');
  });
});

/** Splits one line the way a spreadsheet set to `;` does (quotes group, doubled quotes escape). */
function splitSemicolonCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

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

  it('marks the exports of an analyst-mode run in the file name, the sheet title and the first row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-exp-'));
    try {
      const marked = { ...risky, notForCirculation: true };
      const nb = { cells: [{ outputs: [{ data: { [EXPORT_MIME]: marked } }] }] };
      writeFileSync(path.join(dir, '05-sickness.ipynb'), JSON.stringify(nb));
      const written = await writeNotebookExports(path.join(dir, '05-sickness.ipynb'));
      assert.deepEqual(
        written.map((f) => path.basename(f)),
        [
          '05-sickness--leavers-by-unit--not-for-circulation.csv',
          '05-sickness--leavers-by-unit--not-for-circulation.xlsx',
          '05-sickness--leavers-by-unit--not-for-circulation.json',
        ],
      );
      // the sidecar is written for every export (issue 18) and carries the mark too
      const side = JSON.parse(readFileSync(written[2], 'utf8')) as Record<string, unknown>;
      assert.equal(side.notice, 'NOT FOR CIRCULATION — analyst mode, nothing hidden');
      assert.equal(side.notForCirculation, true);
      assert.equal(side.rows, undefined);
      const csv = readFileSync(written[0], 'utf8').split('\r\n');
      assert.equal(csv[0], 'NOT FOR CIRCULATION — analyst mode, nothing hidden');
      assert.equal(csv[1], 'unit,leavers,note');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(written[1]);
      const sheet = book.worksheets[0];
      assert.match(sheet.name, /^NOT FOR CIRCULATION/);
      assert.equal(sheet.getCell('A1').value, 'NOT FOR CIRCULATION — analyst mode, nothing hidden');
      assert.equal(sheet.getCell('A2').value, 'unit');
      assert.equal(sheet.getCell('A3').value, '\'=HYPERLINK("http://x","y")');
      // a table of a run the caller says is analyst mode is marked even when the table is not
      writeFileSync(
        path.join(dir, '06-overtime.ipynb'),
        JSON.stringify({ cells: [{ outputs: [{ data: { [EXPORT_MIME]: risky } }] }] }),
      );
      const asked = await writeNotebookExports(path.join(dir, '06-overtime.ipynb'), {
        notForCirculation: true,
      });
      assert.match(path.basename(asked[0]), /--not-for-circulation\.csv$/);
      assert.ok(readFileSync(asked[0], 'utf8').startsWith('NOT FOR CIRCULATION'));
      assert.match(path.basename(asked[2]), /--not-for-circulation\.json$/);
      const askedSide = JSON.parse(readFileSync(asked[2], 'utf8')) as Record<string, unknown>;
      assert.equal(askedSide.notForCirculation, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
