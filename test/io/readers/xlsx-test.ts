import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../../src/io/readers/xlsx.js';
import { SHARED_STRINGS_LIMITS } from '../../../src/io/readers/xlsx-parts.js';
import { bombSheet, makeXlsx } from './make-xlsx.js';

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

describe('readXlsx on workbooks written by hand', () => {
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  async function read(path: string, sheet?: string) {
    const { header, records, details } = await readXlsx(path, sheet ? { sheet } : {});
    const rows = [];
    for await (const record of records) rows.push(record);
    return { header, rows, details };
  }
  const HEAD =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row>';

  it('rejects a row with a formula saved without its result, or an error cell, naming the cell', async () => {
    const rows =
      HEAD +
      '<row r="2"><c r="A2" t="str"><v>p1</v></c><c r="B2"><f>SUM(C2:D2)</f></c></row>' +
      '<row r="3"><c r="A3" t="str"><v>p2</v></c><c r="B3" t="e"><f>VLOOKUP(A3,X!A:B,2,0)</f><v>#N/A</v></c></row>' +
      '<row r="4"><c r="A4" t="str"><f>"p"&amp;3</f><v>p3</v></c><c r="B4"><f>1+1</f><v>2</v></c></row>';
    const { rows: out } = await read(
      write('formula.xlsx', makeXlsx({ sheets: [{ name: 'S', rows }] })),
    );
    assert.deepEqual(
      out.map((r) => [r.line, r.rule ?? 'ok', r.field ?? null, r.value ?? null]),
      [
        [2, 'formula_without_value', 1, '=SUM(C2:D2)'],
        [3, 'xlsx_error_cell', 1, '#N/A'],
        [4, 'ok', null, null],
      ],
    );
    assert.equal(
      out[0].error,
      'cell B2 holds the formula =SUM(C2:D2) but no saved result: the program that wrote the workbook did not calculate it. Open the workbook in Excel or LibreOffice and save it (which calculates it), or export CSV',
    );
    assert.equal(
      out[1].error,
      'cell B3 holds the Excel error #N/A (from =VLOOKUP(A3,X!A:B,2,0)), not a value. Correct the formula or the data it uses (or clear the cell) in the workbook, then export again',
    );
    assert.deepEqual(out[2].values, ['p3', 2]);
  });
  it('skips hidden sheets unless one is named, and lists them as hidden', async () => {
    const path = write(
      'hidden.xlsx',
      makeXlsx({
        sheets: [
          {
            name: 'Lookup',
            state: 'hidden',
            rows: '<row r="1"><c t="inlineStr"><is><t>code</t></is></c></row>',
          },
          {
            name: 'Old',
            state: 'veryHidden',
            rows: '<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>',
          },
          { name: 'Staff', rows: HEAD },
        ],
      }),
    );
    assert.equal((await read(path)).details.sheet, 'Staff');
    assert.deepEqual((await read(path, 'Lookup')).header, ['code']);
    await assert.rejects(
      read(path, 'staff'),
      /no worksheet named "staff"\. Worksheets: Lookup \(hidden\), Old \(hidden\), Staff\./,
    );
  });
  it('reads dates in the 1900 and the 1904 date systems, by the cell style', async () => {
    // Excel: DATE(2024,4,1) is 45383 in the 1900 system and 45383 − 1462 = 43921 in the 1904 system
    // (Microsoft, "Date systems in Excel": the systems are 1,462 days apart). 0.75 is 18:00.
    const rows = (serial: number) =>
      HEAD +
      `<row r="2"><c r="A2" s="1"><v>${serial}</v></c><c r="B2" s="2"><v>${serial}.75</v></c></row>` +
      `<row r="3"><c r="A3"><v>${serial}</v></c><c r="B3" s="3"><v>12.5</v></c></row>`;
    const styles = {
      styles: [0, 14, 164, 165],
      numFmts: { 164: 'dd/mm/yyyy\\ hh:mm', 165: '"days "0.0' },
    };
    for (const [date1904, serial] of [
      [false, 45383],
      [true, 43921],
    ] as const) {
      const path = write(
        `d${date1904}.xlsx`,
        makeXlsx({ sheets: [{ name: 'S', rows: rows(serial) }], date1904, ...styles }),
      );
      const { rows: out } = await read(path);
      assert.equal((out[0].values[0] as Date).toISOString(), '2024-04-01T00:00:00.000Z');
      assert.equal((out[0].values[1] as Date).toISOString(), '2024-04-01T18:00:00.000Z');
      assert.deepEqual(out[1].values, [serial, 12.5]); // general and a non-date custom format stay numbers
    }
  });
  it('reads shared strings with rich text runs but without phonetic guides, and booleans', async () => {
    const sharedXml =
      '<si><t>id</t></si><si><t>n</t></si>' +
      '<si><r><rPr><b/></rPr><t>Nor</t></r><r><t xml:space="preserve">th &amp; East</t></r><rPh sb="0" eb="1"><t>ノース</t></rPh></si>';
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="B3" t="b"><v>1</v></c><c r="A3" t="s"><v>2</v></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>7</v></c></row>' +
      '<row r="5"><c r="A5" t="s"><v></v></c><c r="B5"><v>4</v></c></row>';
    const { header, rows: out } = await read(
      write('rich.xlsx', makeXlsx({ sheets: [{ name: 'S', rows }], sharedXml })),
    );
    assert.deepEqual(header, ['id', 'n']);
    assert.deepEqual(out[0], { line: 3, values: ['North & East', true] });
    assert.equal(out[1].rule, 'xlsx_bad_cell');
    assert.match(
      out[1].error!,
      /^cell A4 refers to shared string 7, which the workbook does not have/,
    );
    assert.deepEqual(out[2], { line: 5, values: [null, 4] }); // an empty <v> is empty, not string 0
  });
  it('refuses a 2 GiB sheet packed into a few megabytes before unzipping it (a zip bomb)', async () => {
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const raw = bombSheet(row, 2100); // 2,100 × 1 MiB of rows: 2.2 GB
    const bytes = makeXlsx({ sheets: [{ name: 'S', raw }] });
    assert.ok(bytes.length < 8 << 20 && raw.size > 2 ** 31, `${bytes.length} bytes → ${raw.size}`);
    const started = Date.now();
    await assert.rejects(
      read(write('bomb.xlsx', bytes)),
      /bomb\.xlsx: xl\/worksheets\/sheet1\.xml would unzip to 2,2\d\d,\d\d\d,\d\d\d bytes from [\d,]+: more than a real workbook holds .*a zip bomb\?/,
    );
    assert.ok(Date.now() - started < 2000, 'refused without unzipping');
  });
  it('stops a sheet that unzips past the size its directory declares', async () => {
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const raw = bombSheet(row, 64, 1 << 20); // 64 MiB of rows declared as 1 MiB
    await assert.rejects(
      read(write('liar.xlsx', makeXlsx({ sheets: [{ name: 'S', raw }] }))),
      /liar\.xlsx: xl\/worksheets\/sheet1\.xml unzips to more than the 1,048,576 bytes its directory declares/,
    );
  });
  it('caps the shared-strings table', async () => {
    const saved = SHARED_STRINGS_LIMITS.maxCount;
    SHARED_STRINGS_LIMITS.maxCount = 2;
    try {
      await assert.rejects(
        read(
          write(
            'sst.xlsx',
            makeXlsx({ sheets: [{ name: 'S', rows: HEAD }], sharedStrings: ['a', 'b', 'c'] }),
          ),
        ),
        /sst\.xlsx: the shared-strings table holds more than 2 strings, more than a real workbook, so it is not read\. Export the sheet as CSV\./,
      );
    } finally {
      SHARED_STRINGS_LIMITS.maxCount = saved;
    }
  });
  it('says what to do with a file that is not a workbook', async () => {
    await assert.rejects(
      read(write('notzip.xlsx', Buffer.from('person_id,date\n1,2024-01-01\n'))),
      /notzip\.xlsx: not a readable \.xlsx workbook: it has no zip directory\. Open it in Excel or LibreOffice and save it again as \.xlsx, or export CSV\./,
    );
  });
});

describe('readXlsx against exceljs', () => {
  it('reads the same values as exceljs reads back from a workbook exceljs wrote', async () => {
    // exceljs is the independent reference here: its own writer and its (non-streaming) reader.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mixed');
    sheet.addRow(['id', 'when', 'n', 'flag', 'note', 'calc']);
    for (let i = 0; i < 200; i++) {
      sheet.addRow([
        `P${String(i).padStart(4, '0')}`,
        new Date(Date.UTC(2020 + (i % 5), i % 12, 1 + (i % 28), i % 24, 0, 0)),
        i % 7 === 0 ? -i / 8 : i * 1.25,
        i % 3 === 0,
        i % 11 === 0 ? { richText: [{ text: 'Rich ' }, { text: `<${i}> & "q"` }] } : `plain ${i} é`,
        { formula: `C${i + 2}*2+1`, result: i * 2.5 + 1 }, // non-zero: exceljs reads a 0 result back as no result
      ]);
    }
    const path = join(dir, 'mixed.xlsx');
    await book.xlsx.writeFile(path);
    const ours = [];
    for await (const record of (await readXlsx(path)).records) ours.push(record.values);
    const reference = new ExcelJS.Workbook();
    await reference.xlsx.readFile(path);
    const theirs: unknown[][] = [];
    reference.getWorksheet('Mixed')!.eachRow((row, n) => {
      if (n === 1) return;
      theirs.push(
        (row.values as unknown[]).slice(1).map((v) => {
          const cell = v as { richText?: { text: string }[]; result?: unknown };
          if (cell?.richText) return cell.richText.map((p) => p.text).join('');
          return cell !== null && typeof cell === 'object' && 'result' in cell ? cell.result : v;
        }),
      );
    });
    assert.equal(ours.length, 200);
    assert.deepEqual(ours, theirs);
  });
});
