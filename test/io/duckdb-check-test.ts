// checkExtract with the DuckDB scan must account for every row exactly as the JS loader does: the
// same counts per file, the same rejects and warnings, word for word. Each line of the extract below
// is one way a cell can be wrong, or right in a way DuckDB reads differently (1_0, 07:05:30, inf).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  columnSources,
  judgedGroups,
  scanFile,
  startScan,
  type ScanPlan,
} from '../../src/io/duckdb-check.js';
import { checkExtract, loadDataset } from '../../src/io/load-dataset.js';
import { defaultMapping } from '../../src/io/mapping/mapping.js';
import { resolveConfig } from '../../src/schema/vocabularies.js';
import { parseDate } from '../../src/time/dates.js';

const AS_OF = '2025-03-31';

const PEOPLE = [
  'person_id,worker_type,start_date,end_date,leaver_type',
  'P1,officer,2019-04-01,,',
  'P2,staff,2019-04-01,,',
  'P3,officer,2019-04-01,2030-01-01,voluntary_resignation', // a planned end: a warning, still loaded
  'P4,officer,2019-04-01,2018-01-01,voluntary_resignation', // end before start: rejected → person_rejected below
].join('\n');

// [line text, the rule the JS loader gives it (checked by hand against parse-cell and validate-row)]
const OVERTIME: [string, string | null][] = [
  ['P1,2024-05-01,2.5,paid,late_arrest,false,19:00,21:30', null],
  ['P1,2024-05-02,1_0,paid,,,,', 'type'], // DuckDB casts 1_0 to 10; the loader does not
  ['P1,2024-05-03,inf,paid,,,,', 'type'],
  ['P1,2024-05-04,,paid,,,,', 'required'],
  ['P1,2024-05-05,0,paid,,,,', 'out_of_range'],
  ['P1,2024-05-06,25,paid,,,,', 'out_of_range'],
  ['P1,2024-05-07,17,paid,,,,', 'long_overtime_day'], // a warning: loaded
  ['P1,2024-05-08, 2.5 ,paid,,,,', null], // trimmed by the loader
  ['P1,2024-05-09,1e1,paid,,,,', null],
  ['P1,2024-02-30,1,paid,,,,', 'invalid_date'],
  ['P1,0999-01-01,1,paid,,,,', 'invalid_date'],
  ['P1,2030-01-01,1,paid,,,,', 'date_after_as_of'],
  ['P1,2024-5-6,1,paid,,,,', null], // short ISO forms are dates to the loader
  ['P1,2024-05-10,1,PAID,,,,', 'allowed_values'],
  ['P1,2024-05-11,1,paid,,yes,,', 'type'],
  ['P1,2024-05-12,1,paid,,TRUE,,', null],
  ['P1,2024-05-13,1,paid,,,07:05:30,08:00', 'type'], // DuckDB reads the seconds; the loader does not
  ['P1,2024-05-14,1,paid,,,7:05,08:05', null],
  ['P1,2024-05-15,1,paid,,,23:00,24:00', null],
  ['P1,2024-05-16,1,paid,,,07:05:00.000,08:00', 'type'],
  ['P1,2024-05-17,3,paid,,,07:00,08:00', 'times_disagree_with_hours'],
  ['P1,2024-05-18,1,paid,,,22:30,23:30', null],
  ['NOPE,2024-05-19,1,paid,,,,', 'unknown_person'],
  [' P2,2024-05-20,1,paid,,,,', null], // trimmed: P2
  ['P2 ,2024-05-21,1,paid,,,,', null],
  ['P4,2024-05-22,1,paid,,,,', 'person_rejected'],
  ['P1,2024-05-23,1', 'field_count'],
  ['P1,2024-05-24,1,paid,,,,,extra', 'field_count'],
  ['P1,2024-05-25,1,paid,ab"c,,,', null], // a quote inside an unquoted field is kept as written
  ['P1,2024-05-26,1,paid,"x"y,,,', null], // text after a closing quote is kept too
  ['P1,2024-05-27,1,paid,bad \uFFFD text,,,', 'invalid_encoding'],
  [',,,,,,,', 'empty_row'],
  ['P3,2024-05-28,1,toil,,,,', null],
];

const SICKNESS = [
  ['person_id,start_date,end_date,working_days_lost,rtw_interview_date', null],
  ['P1,2024-01-08,2024-01-12,5,2024-01-15', null],
  ['P1,2024-01-08,2024-01-09,2,', 'duplicate_key'],
  ['P1,2024-01-10,2024-01-20,5,', 'overlapping_spell'],
  ['P1,2024-02-10,2024-02-01,5,', 'end_before_start'],
  ['P1,2024-03-04,2024-03-05,2,2024-03-01', 'rtw_interview_before_absence'],
  ['P2,2025-03-20,2025-06-30,,', 'planned_end_date'], // loaded as still open on the as-of date
  ['P2,2024-04-01,2024-04-30,,', null],
  ['P2,2024-04-15,2024-04-16,2,', 'overlapping_spell'],
  ['P2 ,2024-01-01,2024-01-02,2,', null], // the key is P2 once trimmed
  ['NOPE,2024-01-01,2024-01-02,2,', 'unknown_person'],
] as const;

function writeExtract(overtime: [string, string | null][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-scan-'));
  writeFileSync(join(dir, 'people.csv'), `${PEOPLE}\n`);
  writeFileSync(
    join(dir, 'overtime.csv'),
    `person_id,date,hours,compensation,reason,rest_day_worked,start_time,end_time\n${overtime.map(([l]) => l).join('\n')}\n`,
  );
  writeFileSync(join(dir, 'sickness.csv'), `${SICKNESS.map(([l]) => l).join('\n')}\n`);
  return dir;
}

/** rows_read … and every reject and warning, as plain objects, for comparing two loads. */
function account(check: Awaited<ReturnType<typeof checkExtract>>) {
  return {
    files: check.files,
    rejects: check.rejects.objects(),
    warnings: check.warnings.objects(),
  };
}

describe('checkExtract: the DuckDB scan accounts for every row as the JS loader does', function () {
  this.timeout(60_000);

  it('gives every file the same counts, rejects and warnings as loadDataset', async () => {
    const dir = writeExtract(OVERTIME);
    const js = await loadDataset(dir, { asOf: AS_OF });
    const scan = await checkExtract(dir, { asOf: AS_OF, engine: 'duckdb' });
    assert.equal(scan.engine, 'duckdb');
    // rows the check vouches for, counted by hand: overtime lines 2, 9, 10, 14, 17, 19, 20, 23, 25,
    // 26, 30, 34 — every line the loader accepts as written without a warning (its distinct values
    // judged by the loader's own parsers: ' 2.5 ', 2024-5-6, 7:05 and ' P2' included), but not line 31
    // ("x"y, which DuckDB's parser sets aside); the others go to the loader. sickness lines 2, 3, 4, 8,
    // 9, 11 (a keyed table: duplicates, overlaps and unknown people are found after)
    assert.deepEqual(scan.scanned, [
      { file: 'overtime.csv', rows: OVERTIME.length, vouched: 12 },
      { file: 'sickness.csv', rows: SICKNESS.length - 1, vouched: 6 },
    ]);
    assert.deepEqual(account(scan), account({ ...js, engine: 'memory', scanned: [] }));
    // loadDataset through the scan: the same account, and the same tables row for row
    const loaded = await loadDataset(dir, { asOf: AS_OF, engine: 'duckdb' });
    assert.deepEqual(account({ ...loaded, engine: 'duckdb', scanned: [] }), account(scan));
    for (const name of ['overtime', 'sickness', 'people'] as const) {
      assert.deepEqual(loaded.tables[name].objects(), js.tables[name].objects(), name);
    }
    // the load brings values back, so it vouches only for rows whose cells DuckDB reads as the
    // loader does: overtime lines 2, 9, 10, 14, 17, 20, 23, 30, 34 (not 7:05, nor ' P2' and 'P2 ',
    // which are not in people as written)
    assert.deepEqual(loaded.scanned, [
      { file: 'overtime.csv', rows: OVERTIME.length, vouched: 9 },
      { file: 'sickness.csv', rows: SICKNESS.length - 1, vouched: 6 },
    ]);
    // and those are the rules worked out by hand, line by line (line 1 is the header)
    const rules = (file: string, table: typeof scan.rejects) =>
      (table.objects() as { file: string; line: number; rule: string }[])
        .filter((r) => r.file === file)
        .map((r) => `${r.line}:${r.rule}`)
        .sort();
    const expected = (lines: readonly (readonly [string, string | null])[], offset: number) =>
      lines.flatMap(([, rule], i) => (rule === null ? [] : [`${i + offset}:${rule}`])).sort();
    const warningRules = new Set([
      'long_overtime_day',
      'times_disagree_with_hours',
      'rtw_interview_before_absence',
      'planned_end_date',
    ]);
    const both = [...scan.rejects.objects(), ...scan.warnings.objects()] as {
      file: string;
      line: number;
      rule: string;
    }[];
    const asTable = { objects: () => both } as unknown as typeof scan.rejects;
    assert.deepEqual(rules('overtime.csv', asTable), expected(OVERTIME, 2));
    assert.deepEqual(rules('sickness.csv', asTable), expected(SICKNESS, 1));
    const overtime = scan.files.find((f) => f.file === 'overtime.csv')!;
    const rejected = OVERTIME.filter(([, r]) => r !== null && !warningRules.has(r)).length;
    assert.deepEqual(
      [overtime.rows_read, overtime.rows_loaded, overtime.rows_rejected],
      [OVERTIME.length, OVERTIME.length - rejected, rejected],
    );
  });

  it('keeps the scanned tables in Arrow form: text as codes into its distinct values, numbers typed', async () => {
    // a national extract has tens of millions of claims: a JS array per column would not fit
    const clean = OVERTIME.filter(([, rule]) => rule === null).slice(0, 6);
    for (const lines of [clean, OVERTIME]) {
      const dir = writeExtract(lines);
      const loaded = await loadDataset(dir, { asOf: AS_OF, engine: 'duckdb' });
      const js = await loadDataset(dir, { asOf: AS_OF });
      for (const name of ['overtime', 'sickness'] as const) {
        const table = loaded.tables[name];
        for (const column of table.columnNames())
          assert.equal(Array.isArray(table.column(column)), false, `${name}.${column}`);
        assert.deepEqual(table.objects(), js.tables[name].objects(), name);
      }
      const hours = loaded.tables.overtime.column('hours') as unknown as { toArray(): unknown };
      assert.ok(hours.toArray() instanceof Float64Array);
    }
  });

  it('hands a file whose records span lines (a quoted line break, a blank line) to the JS loader', async () => {
    const dir = writeExtract([
      ...OVERTIME.slice(0, 3),
      ['P1,2024-06-01,1,paid,"two\nlines",,,', null],
      ['', null],
      ...OVERTIME.slice(3, 6),
    ]);
    const js = await loadDataset(dir, { asOf: AS_OF });
    const scan = await checkExtract(dir, { asOf: AS_OF, engine: 'duckdb' });
    assert.deepEqual(account(scan), account({ ...js, engine: 'memory', scanned: [] }));
    assert.equal(scan.scanned.find((s) => s.file === 'overtime.csv')?.vouched, 0);
    const lines = (scan.rejects.objects() as { file: string; line: number }[])
      .filter((r) => r.file === 'overtime.csv')
      .map((r) => r.line);
    // after the two-line record and the blank line, the out-of-range claims are on lines 9 and 10
    assert.deepEqual(lines, [3, 4, 8, 9, 10]);
  });

  it('judges a value once however many rows hold it, and sends only the rows holding a bad one', async () => {
    // PAID and NOPE are bad wherever they are; 2024-06-01, 2 and P1 are good on every line
    const lines: [string, string | null][] = [
      ['P1,2024-06-01,2,paid,,,,', null],
      ['P1,2024-06-01,2,PAID,,,,', 'allowed_values'],
      ['NOPE,2024-06-01,2,paid,,,,', 'unknown_person'],
      ['P1,2024-06-01,2,paid,,,,', null],
      ['P1,2024-06-01,2,PAID,,,,', 'allowed_values'],
      ['P1,2024-06-01,2,paid,,,07:00,08:00', 'times_disagree_with_hours'],
      ['P1,2024-06-01,2,paid,,,07:00,09:00', null],
    ];
    const dir = writeExtract(lines);
    const js = await loadDataset(dir, { asOf: AS_OF });
    const scan = await checkExtract(dir, { asOf: AS_OF, engine: 'duckdb' });
    assert.deepEqual(account(scan), account({ ...js, engine: 'memory', scanned: [] }));
    assert.equal(scan.scanned.find((s) => s.file === 'overtime.csv')?.vouched, 3);
    const found = [...scan.rejects.objects(), ...scan.warnings.objects()] as {
      file: string;
      line: number;
      rule: string;
    }[];
    assert.deepEqual(
      found.filter((r) => r.file === 'overtime.csv').map((r) => `${r.line}:${r.rule}`),
      ['3:allowed_values', '4:unknown_person', '6:allowed_values', '7:times_disagree_with_hours'],
    );
  });

  it('reads a file without a key before its people are known, and looks them up after', async () => {
    const dir = writeExtract([
      ['P1,2024-06-01,2,paid,,,,', null],
      ['NOPE,2024-06-01,2,paid,,,,', 'unknown_person'],
      ['P1,2024-06-01,2,PAID,,,,', 'allowed_values'],
      ['P2,2024-06-02,1,toil,,,,', null],
      ['P9,2024-06-03,1,toil,,,,', 'unknown_person'], // P9 is added to the people after the pass
    ]);
    const mapping = defaultMapping();
    const source = mapping.sources.find((s) => s.table === 'overtime')!;
    const header = 'person_id,date,hours,compensation,reason,rest_day_worked,start_time,end_time';
    const plan: ScanPlan = {
      table: 'overtime',
      header: header.split(','),
      columns: columnSources(header.split(','), source),
      config: resolveConfig(),
      asOf: parseDate(AS_OF),
      dateFormat: 'iso',
      delimiter: ',',
      path: join(dir, 'overtime.csv'),
      source,
      mapping,
    };
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      // the pass runs to its end with no table of people in the database at all
      const started = startScan(connection, plan, true);
      assert.equal(await started.counting, 6);
      await started.pass;
      await connection.run(
        "CREATE TABLE wbk_people AS SELECT * FROM (VALUES ('P1'), ('P2')) t(person_id)",
      );
      const result = await scanFile(connection, plan, { keep: [], people: 'wbk_people' }, started);
      // 5 rows; lines 3 (NOPE), 4 (PAID) and 6 (P9) go to the loader, the rest are vouched for
      assert.equal(result?.rows, 5);
      assert.deepEqual(
        result?.records.map((r) => [r.line, r.values[0], r.values[3]]),
        [
          [3, 'NOPE', 'paid'],
          [4, 'P1', 'PAID'],
          [6, 'P9', 'toil'],
        ],
      );
      // a pass that judged no person_id does not serve a scan that looks people up
      const without = startScan(connection, plan, false);
      await assert.rejects(
        scanFile(connection, plan, { keep: [], people: 'wbk_people' }, without),
        /does not fit/,
      );
      await without.pass;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('judges together the columns a row rule reads together', () => {
    // sickness: end_date and rtw_interview_date are both read with start_date, so the three are one
    assert.deepEqual(judgedGroups('sickness', false), [
      ['start_date', 'end_date', 'rtw_interview_date'],
      ['working_days_lost'],
      ['reason_category'],
      ['work_related'],
    ]);
    // overtime: the times with the hours; person_id only when unknown people are to be found
    assert.deepEqual(judgedGroups('overtime', true), [
      ['hours', 'start_time', 'end_time'],
      ['person_id'],
      ['date'],
      ['compensation'],
      ['rest_day_worked'],
    ]);
  });

  it("chooses DuckDB under 'auto' only above the threshold, and never under 'memory'", async () => {
    const dir = writeExtract(OVERTIME);
    assert.equal((await checkExtract(dir, { asOf: AS_OF })).engine, 'memory');
    const low = await checkExtract(dir, { asOf: AS_OF, thresholdBytes: 100 });
    assert.equal(low.engine, 'duckdb');
    const memory = await checkExtract(dir, { asOf: AS_OF, engine: 'memory', thresholdBytes: 0 });
    assert.deepEqual(memory.scanned, []);
  });
});
