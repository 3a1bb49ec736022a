import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { loadDataset } from '../../src/io/load-dataset.js';
import { parsePeriod } from '../../src/time/periods.js';
import { summarizeLeaverRates } from '../../src/transforms/leavers/leavers.js';
import { summarizeHeadcount } from '../../src/transforms/workforce/headcount.js';
import type { MappingInput } from '../../src/io/mapping/mapping.js';
import { deflateRawSync } from 'node:zlib';
import { tableEqual } from '../helpers/table-equal.js';
import { makeXlsx } from './readers/make-xlsx.js';
import { duckdbCount } from './duckdb-count.js';

const CANONICAL = fileURLToPath(new URL('../fixtures/io/canonical', import.meta.url));
const AS_OF = '2025-03-31';

function copyCanonical(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
  cpSync(CANONICAL, dir, { recursive: true });
  return dir;
}

function append(dir: string, file: string, lines: string): void {
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + lines);
}

describe('loadDataset', () => {
  it('loads a folder of canonical CSVs with every row and typed columns, files in table order', async () => {
    const data = await loadDataset(CANONICAL, { asOf: AS_OF });
    assert.equal(data.rejects.numRows(), 0);
    assert.equal(data.warnings.numRows(), 0);
    assert.deepEqual(
      data.files.map((f) => [f.file, f.rows_read, f.rows_loaded]),
      [
        ['units.csv', 4, 4],
        ['people.csv', 3, 3],
        ['postings.csv', 2, 2],
        ['exit_interviews.csv', 1, 1],
        ['overtime.csv', 3, 3],
        ['sickness.csv', 2, 2],
        ['oh_referrals.csv', 1, 1],
        ['welfare_checks.csv', 2, 2],
        ['unit_indicators.csv', 2, 2],
      ],
    );
    // Dates by hand from 2024-01-01 = 19723: 01-05 → 19727, 01-06 → 19728, 02-10 → 19723 + 31 + 9 = 19763.
    tableEqual(data.tables.overtime, {
      person_id: ['0001', '0001', '0003'],
      date: [19727, 19728, 19763],
      hours: [3.5, 10, 2],
      compensation: ['paid', 'toil', 'unpaid'],
      reason: ['late arrest', 'rest day cover', null],
      rest_day_worked: [false, true, false],
      start_time: ['18:00', null, null],
      end_time: ['21:30', null, null],
    });
    // 2023-07-20 = 19723 − 365 + 181 (Jan–Jun 2023) + 19 = 19558; the comment keeps its line break.
    tableEqual(data.tables.exit_interviews, {
      person_id: ['0002'],
      interview_date: [19558],
      primary_reason: ['pay_and_benefits'],
      other_reasons: [['workload', 'career_progression']],
      would_recommend: [3],
      would_return: [true],
      comments: ['Pay has not kept up, and\nthe workload grew.'],
    });
    assert.equal(data.asOf, 20178);
    assert.equal(data.pseudonymised, false);
  });

  it('gives empty typed tables for absent sources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    cpSync(join(CANONICAL, 'units.csv'), join(dir, 'units.csv'));
    const data = await loadDataset(dir, { asOf: AS_OF });
    assert.equal(data.tables.sickness.numRows(), 0);
    assert.deepEqual(data.tables.sickness.columnNames().slice(0, 3), [
      'person_id',
      'start_date',
      'end_date',
    ]);
  });

  it('quarantines every bad row of a corrupted copy with its line and rule, and counts reconcile', async () => {
    const dir = copyCanonical();
    // people.csv in Windows-1252 (é as byte 0xE9) with a bad date (line 5) and an end date without leaver type (line 6).
    const people =
      readFileSync(join(dir, 'people.csv'), 'utf8').replace('investigator', 'détective') +
      '0004,officer,,T1,,,1,40,2019-01-01,2023-02-31,,,,,,,,\n' +
      '0005,officer,,T1,,,1,40,2019-01-01,2019-01-01,2024-01-01,,,,,,,\n';
    writeFileSync(join(dir, 'people.csv'), Buffer.from(people, 'latin1'));
    // overtime: negative hours (line 5), unknown person (line 6), too many fields (line 7), 17 h accepted (line 8).
    append(
      dir,
      'overtime.csv',
      '0001,2024-01-08,-4,paid,,false,,\n0099,2024-01-08,2,paid,,false,,\n0001,2024-01-09,2,paid,late, arrest,false,07:00,09:00\n0001,2024-01-10,17,paid,,false,,\n',
    );
    // sickness: a spell overlapping line 2's (line 4), a date after the as-of date (line 5).
    append(
      dir,
      'sickness.csv',
      '0001,2024-02-14,2024-02-15,2,other,false,\n0003,2025-04-01,,,,,\n',
    );
    // oh_referrals: a Windows-1252 byte in a file the mapping declares UTF-8 (line 3).
    writeFileSync(
      join(dir, 'oh_referrals.csv'),
      Buffer.concat([
        Buffer.from('person_id,date,reason\n0001,2024-02-20,stress\n0001,2024-03-01,caf'),
        Buffer.from([0xe9, 0x0a]),
      ]),
    );
    const mapping = {
      date_format: 'iso',
      sources: [
        { files: 'oh_referrals.csv', table: 'oh_referrals', encoding: 'utf-8' },
        ...[
          'units',
          'people',
          'postings',
          'exit_interviews',
          'overtime',
          'sickness',
          'welfare_checks',
          'unit_indicators',
        ].map((t) => ({ files: `${t}.csv`, table: t })),
      ],
    };
    const data = await loadDataset(dir, { asOf: AS_OF, mapping });
    const rejects = (
      data.rejects.objects() as { file: string; line: number; rule: string; column: string }[]
    ).map((r) => `${r.file}:${r.line} ${r.rule} ${r.column}`);
    assert.deepEqual(rejects, [
      'oh_referrals.csv:3 invalid_encoding reason',
      'overtime.csv:5 out_of_range hours',
      'overtime.csv:6 unknown_person person_id',
      'overtime.csv:7 field_count ',
      'people.csv:5 invalid_date start_date',
      'people.csv:6 end_date_without_leaver_type leaver_type',
      'sickness.csv:4 overlapping_spell start_date',
      'sickness.csv:5 date_after_as_of start_date',
    ]);
    assert.deepEqual(
      (data.warnings.objects() as { rule: string }[]).map((w) => w.rule),
      ['long_overtime_day'],
    );
    assert.equal(data.tables.people.array('role')[0], 'détective');
    for (const f of data.files) {
      assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected, f.file);
      const options =
        f.file === 'people.csv'
          ? ", encoding = 'latin-1'"
          : f.file === 'oh_referrals.csv'
            ? ', ignore_errors = true'
            : '';
      if (f.file !== 'oh_referrals.csv')
        assert.equal(f.rows_read, await duckdbCount(join(dir, f.file), options), f.file);
    }
    const overtime = data.files.find((f) => f.file === 'overtime.csv')!;
    assert.deepEqual([overtime.rows_read, overtime.rows_loaded, overtime.rows_rejected], [7, 4, 3]);
  });

  it('reconciles rows_read with DuckDB for a file with quoted multi-line fields over 64 KiB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    writeFileSync(
      join(dir, 'people.csv'),
      'person_id,worker_type,start_date\n0001,staff,2020-01-01\n',
    );
    const long = Array.from({ length: 3000 }, (_, i) => `note ${i}, "quoted"`).join('\n'); // ≈ 60 KiB per copy
    const rows = Array.from(
      { length: 200 },
      (_, i) =>
        `0001,2024-01-${String((i % 28) + 1).padStart(2, '0')},"${(i % 40 === 3 ? long + long : `r${i}`).replace(/"/g, '""')}"`,
    );
    writeFileSync(join(dir, 'oh_referrals.csv'), `person_id,date,reason\n${rows.join('\n')}\n`);
    const data = await loadDataset(dir, { asOf: AS_OF });
    const file = data.files.find((f) => f.file === 'oh_referrals.csv')!;
    assert.equal(file.rows_read, await duckdbCount(join(dir, 'oh_referrals.csv')));
    assert.deepEqual([file.rows_read, file.rows_loaded, file.rows_rejected], [200, 200, 0]);
    assert.equal(data.tables.oh_referrals.array('reason')[3], long + long);
  });

  it('maps an XLSX export and pseudonymises person ids consistently across tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Staff');
    sheet.addRow(['Staff No', 'Name', 'Joined', 'Left', 'Why']);
    sheet.addRow(['000123', 'A. Person', '01/04/2020', new Date(Date.UTC(2024, 3, 1)), 'Resigned']);
    sheet.addRow(['000124', 'B. Person', '15/06/2021', null, null]);
    await book.xlsx.writeFile(join(dir, 'HR Staff 2024.xlsx'));
    writeFileSync(join(dir, 'ot.csv'), 'Staff No;Day;Hrs\n000123;02/01/2024;2,5\n');
    const mapping: MappingInput = {
      pseudonymise: true,
      sources: [
        {
          files: 'HR Staff *.xlsx',
          table: 'people',
          sheet: 'Staff',
          rename: {
            'Staff No': 'person_id',
            Joined: 'start_date',
            Left: 'end_date',
            Why: 'leaver_type',
          },
          values: { leaver_type: { Resigned: 'voluntary_resignation' } },
          constants: { worker_type: 'staff' },
          drop: ['Name'],
        },
        {
          files: 'ot.csv',
          table: 'overtime',
          decimal: ',',
          rename: { 'Staff No': 'person_id', Day: 'date', Hrs: 'hours' },
        },
      ],
    };
    const key = 'correct horse battery staple';
    const data = await loadDataset(dir, { asOf: AS_OF, mapping, pseudonymKey: key });
    assert.equal(data.rejects.numRows(), 0, JSON.stringify(data.rejects.objects()));
    // HMAC reference for 000123 under this key: see pseudonymise-test.ts (openssl).
    assert.deepEqual(data.tables.people.array('person_id')[0], '95ceaefe12196b96');
    assert.equal(data.tables.overtime.array('person_id')[0], '95ceaefe12196b96');
    // 2020-04-01 = 19723 − 1461 (2020–2023) + 91 = 18353; 2024-04-01 = 19814; 2024-01-02 = 19724.
    tableEqual(data.tables.people.select('start_date', 'end_date', 'leaver_type', 'worker_type'), {
      start_date: [18353, 18793],
      end_date: [19814, null],
      leaver_type: ['voluntary_resignation', null],
      worker_type: ['staff', 'staff'],
    });
    tableEqual(data.tables.overtime.select('date', 'hours'), { date: [19724], hours: [2.5] });
    assert.ok(!data.tables.people.columnNames().includes('Name'));
  });

  it('warns about files no source matches and columns nothing maps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    writeFileSync(join(dir, 'units.csv'), 'unit_id,level,colour\nF,force,red\n');
    writeFileSync(join(dir, 'staff.csv'), 'x\n1\n');
    const data = await loadDataset(dir, { asOf: AS_OF });
    const messages = data.warnings.array('message') as string[];
    assert.deepEqual(data.warnings.array('rule'), ['unmatched_file', 'unmapped_column']);
    assert.equal(
      messages[0],
      'no mapping source matches staff.csv, so it is not loaded. Add a source for it, or move it out of the folder.',
    );
    assert.equal(
      messages[1],
      'column "colour" is not in the model of units and is not loaded. Map it with "rename", or list it in "drop" to silence this.',
    );
  });

  it('rejects every row of a file that lacks a required column, and says so once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    writeFileSync(join(dir, 'units.csv'), 'unit_id,name\nF,Force\nD,District\n');
    const data = await loadDataset(dir, { asOf: AS_OF });
    assert.deepEqual(data.rejects.array('rule'), ['required', 'required']);
    const rules = data.warnings.array('rule') as string[];
    assert.equal(
      data.warnings.array('message')[rules.indexOf('missing_column')],
      'units needs column level, which units.csv does not have: every row will be rejected. Map it with "rename", "derive" or "constants".',
    );
    // With every unit rejected, the extract stands as one implicit top unit (and says so).
    assert.deepEqual(data.levels, ['organisation']);
    assert.ok(rules.includes('implicit_top_unit'));
  });

  it('loads end dates after the as-of date as plans, so a person giving notice is not a leaver yet', async () => {
    // A resigns on 2025-06-30 (after the as-of date 2025-03-31), B left on 2024-10-01, C is off sick
    // on a fit note to 2025-04-15. By hand for FY2024-25: in post on 2024-04-01: A, B, C (3); leavers
    // in the year: B only (1) → leaver rate 1 / 3 = 33.3%; in post on 2025-03-31: A and C (2).
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    writeFileSync(
      join(dir, 'people.csv'),
      'person_id,worker_type,start_date,end_date,leaver_type,fte\n' +
        'A,staff,2020-01-01,2025-06-30,voluntary_resignation,1\n' +
        'B,staff,2020-01-01,2024-10-01,voluntary_resignation,1\n' +
        'C,staff,2020-01-01,,,1\n',
    );
    writeFileSync(join(dir, 'overtime.csv'), 'person_id,date,hours\nA,2025-03-01,2\n');
    writeFileSync(
      join(dir, 'sickness.csv'),
      'person_id,start_date,end_date\nC,2025-03-20,2025-04-15\n',
    );
    const data = await loadDataset(dir, { asOf: AS_OF });
    assert.deepEqual(data.rejects.objects(), []);
    assert.deepEqual(
      (data.warnings.objects() as { file: string; line: number; rule: string; value: string }[])
        .filter((w) => w.rule !== 'implicit_top_unit') // no units file: one top unit is made
        .map((w) => `${w.file}:${w.line} ${w.rule} ${w.value}`),
      ['people.csv:2 planned_end_date 2025-06-30', 'sickness.csv:2 planned_end_date 2025-04-15'],
    );
    tableEqual(data.tables.people.select('person_id', 'end_date', 'leaver_type'), {
      person_id: ['A', 'B', 'C'],
      end_date: [null, 19997, null], // 2024-10-01 = 19814 (2024-04-01) + 183 (April–September)
      leaver_type: [null, 'voluntary_resignation', null],
    });
    assert.equal(data.tables.overtime.numRows(), 1);
    assert.deepEqual(data.tables.sickness.array('end_date'), [null]);
    const rates = summarizeLeaverRates(data.tables.people, { periods: parsePeriod('FY2024-25') });
    assert.deepEqual([rates.get('headcount_start', 0), rates.get('leavers', 0)], [3, 1]);
    assert.ok(Math.abs((rates.get('leaver_rate_pct', 0) as number) - 100 / 3) < 1e-9);
    assert.equal(summarizeHeadcount(data.tables.people, { date: 20178 }).get('headcount', 0), 2);
  });

  it('keeps the rows read before a file stops being readable, and reports where it stopped', async () => {
    // A sheet of 3,000 people whose zip directory declares 100,000 bytes for about 300,000: the reader
    // stops at the declared size, part-way through the rows.
    const dir = mkdtempSync(join(tmpdir(), 'wbk-load-'));
    const cell = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    let rows = `<row r="1">${cell('A1', 'person_id')}${cell('B1', 'worker_type')}${cell('C1', 'start_date')}</row>`;
    for (let r = 2; r <= 3001; r++) {
      rows += `<row r="${r}">${cell(`A${r}`, `P${r}`)}${cell(`B${r}`, 'staff')}${cell(`C${r}`, '2020-01-06')}</row>`;
    }
    const sheet = Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const bytes = makeXlsx({
      sheets: [{ name: 'S', raw: { bytes: deflateRawSync(sheet), size: 100_000, crc: 0 } }],
    });
    writeFileSync(join(dir, 'people.xlsx'), bytes);
    const mapping = { sources: [{ files: 'people.xlsx', table: 'people' }] };
    const data = await loadDataset(dir, { asOf: AS_OF, mapping });
    const [file] = data.files;
    assert.ok(file.rows_read > 0 && file.rows_read < 3000, String(file.rows_read));
    assert.equal(file.rows_loaded, file.rows_read);
    const rejects = data.rejects.objects() as {
      line: number | null;
      rule: string;
      message: string;
    }[];
    assert.deepEqual(
      rejects.map((r) => [r.line, r.rule]),
      [[null, 'unreadable_file']],
    );
    assert.equal(
      rejects[0].message,
      `reading stopped after ${file.rows_read} record(s): people.xlsx: xl/worksheets/sheet1.xml unzips to more than the 100,000 bytes its directory declares, so reading stopped (a damaged file or a zip bomb). Save the workbook again, or export CSV.`,
    );
  });

  it('says what to fix when the folder cannot be read', async () => {
    await assert.rejects(
      loadDataset('/nonexistent/folder'),
      /cannot read the data folder \/nonexistent\/folder: .*Check --data\./,
    );
  });
});
