// Exports that are printed reports rather than tables (the Chicago overtime OCR files): no header row,
// page titles and blank rows, a month header line above its rows, numbers with thousands separators,
// and codes that OCR misread. Each line is loaded, rejected with a reason, or counted as page furniture.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../../src/io/load-dataset.js';
import { parseMapping, type MappingInput } from '../../../src/io/mapping/mapping.js';

// 2017 by unit, as the OCR wrote it: title, January header, units in ascending order, a unit read as
// "Oil", a second page (title and January again), then a block whose header line is missing (units
// start again at 001), then February with its amount split into the third column.
const REPORT = [
  ',OT REPORT - CITYWIDE BY UNIT 1/1/2017 - 12/31/2017,', // 1 title
  'January,"GRAND TOTAL: 1,000.00",', // 2 section
  ',,', // 3 blank
  '001,District Law Enforcement,"364,346.60"', // 4 January
  'Oil,District Law Enforcement,"256,840.09"', // 5 OCR error: rejected
  '012,District Law Enforcement,508.89', // 6 January
  ',OT REPORT - CITYWIDE BY UNIT 1/1/2017 - 12/31/2017,', // 7 title
  'January,"GRAND TOTAL: 1,000.00",', // 8 section, same month
  '145,Traffic Administration Unit,"14,381,01733"', // 9 January, lost decimal point: rejected
  ',,', // 10 blank
  '001,Detective Div. - Area 1,"287,456.77"', // 11 numbers start again: no header → rejected
  '002,Detective Div. - Area 1,"151,613.49"', // 12 still no header → rejected
  'February,GRAND TOTAL:,"11,120,415.12"', // 13 section
  '001,District Law Enforcement,"214,850.17"', // 14 February
  '',
].join('\r\n');

const MONTHS =
  '^(January|February|March|April|May|June|July|August|September|October|November|December)$';

const mapping: MappingInput = {
  sources: [
    {
      files: '*-by-unit.csv',
      table: 'unit_indicators',
      columns: ['unit', 'unit_name', 'amount'],
      skip_rows: { unit_name: '^OT REPORT' },
      skip_blank_rows: true,
      sections: { column: 'unit', match: MONTHS, to: 'month', ascending: 'unit' },
      rename: { unit: 'unit_id', amount: 'value' },
      thousands: ',',
      patterns: { unit_id: '^\\d{3}$' },
      derive: {
        period_start: { from_file_name: '^(\\d{4})', with: 'month', as: 'month_start' },
        period_end: { from_file_name: '^(\\d{4})', with: 'month', as: 'month_end' },
      },
      constants: { indicator: 'overtime_pay_usd' },
      drop: ['unit_name'],
    },
  ],
};

describe('sources shaped like printed reports', () => {
  it('loads, rejects with a reason, or counts as page furniture every line of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-report-shaped-'));
    writeFileSync(join(dir, '2017-cpd-overtime-by-unit.csv'), REPORT);
    const data = await loadDataset(dir, { mapping, asOf: '2025-01-01' });
    const [file] = data.files;
    // 14 lines = 2 titles + 2 blank + 3 section headers + 7 data rows (4 loaded, 3 rejected).
    assert.deepEqual([file.rows_read, file.rows_loaded, file.rows_rejected], [7, 3, 4]);
    assert.deepEqual(
      [file.details.skipped_rows, file.details.blank_rows, file.details.section_rows],
      [2, 2, 3],
    );
    assert.deepEqual(data.tables.unit_indicators.array('unit_id'), ['001', '012', '001']);
    // "364,346.60" with its thousands separator; 508.89 without one.
    assert.deepEqual(data.tables.unit_indicators.array('value'), [364346.6, 508.89, 214850.17]);
    // January 2017 (epoch days 17167–17197) and February 2017 (17198–17225).
    assert.deepEqual(data.tables.unit_indicators.array('period_start'), [17167, 17167, 17198]);
    assert.deepEqual(data.tables.unit_indicators.array('period_end'), [17197, 17197, 17225]);
    const rejects = data.rejects.select('line', 'column', 'value', 'rule').objects();
    assert.deepEqual(rejects, [
      { line: 5, column: 'unit_id', value: 'Oil', rule: 'pattern' },
      { line: 9, column: 'value', value: '14,381,01733', rule: 'type' },
      { line: 11, column: 'period_start', value: '001', rule: 'missing_section_header' },
      { line: 11, column: 'period_end', value: '001', rule: 'missing_section_header' },
      { line: 12, column: 'period_start', value: '002', rule: 'missing_section_header' },
      { line: 12, column: 'period_end', value: '002', rule: 'missing_section_header' },
    ]);
    const message = (line: number) =>
      (data.rejects.objects() as { line: number; message: string }[]).find((r) => r.line === line)!
        .message;
    assert.match(message(5), /unit_id "Oil" does not match \^\\d\{3\}\$/);
    assert.match(
      message(11),
      /unit 001 comes after 145 under the unit "January" \(line 8\): the numbers start again/,
    );
  });

  it('rejects a row that comes before any section header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-report-shaped-'));
    writeFileSync(join(dir, '2018-by-unit.csv'), '001,A,"1,000"\r\nMarch,x,\r\n002,B,2\r\n');
    const data = await loadDataset(dir, { mapping, asOf: '2025-01-01' });
    assert.deepEqual(data.tables.unit_indicators.array('unit_id'), ['002']);
    assert.match(
      data.rejects.get('message', 0) as string,
      /no unit header line \(matching .*\) comes before this row, so its month is unknown/,
    );
  });

  it('refuses a thousands separator equal to the decimal separator', () => {
    assert.throws(
      () =>
        parseMapping({
          decimal: ',',
          sources: [{ files: 'x', table: 'overtime', thousands: ',' }],
        }),
      /thousands separator "," is also the decimal separator/,
    );
  });
});
