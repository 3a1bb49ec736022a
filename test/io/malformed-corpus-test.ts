// The malformed-input corpus: each folder of test/fixtures/malformed is an extract that once lost rows,
// crashed or loaded garbage, with expected.json giving per file the rows read / loaded / rejected and
// every reject's line and rule. Files git cannot hold (links, megabytes, zip bombs, workbooks written
// cell by cell) are made here, into a copy of the folder, before loading.
import assert from 'node:assert/strict';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkExtract, loadDataset } from '../../src/io/load-dataset.js';
import type { MappingInput } from '../../src/io/mapping/mapping.js';
import type { TableName } from '../../src/schema/tables.js';
import { bombSheet, makeXlsx } from './readers/make-xlsx.js';

const CORPUS = fileURLToPath(new URL('../fixtures/malformed', import.meta.url));
const AS_OF = '2025-03-31';

interface Expected {
  about: string;
  generated?: boolean;
  mapping?: MappingInput;
  files: {
    file: string;
    table: string;
    rows_read: number;
    rows_loaded: number;
    rows_rejected: number;
    encoding?: string;
    sheet?: string;
  }[];
  rejects: { file: string; line: number | null; rule: string; column?: string; value?: string }[];
  warnings: { file: string; line: number | null; rule: string }[];
  columns?: Record<string, unknown[]>;
}

// Cells as Excel saves them: inline text, numbers, and start dates as serials in a date style (s="1").
const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (ref: string, v: number, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
const HEADER = `<row r="1">${text('A1', 'person_id')}${text('B1', 'worker_type')}${text('C1', 'start_date')}${text('D1', 'fte')}</row>`;
const person = (r: number, id: string, type: string, serial: number, fte: number | string) =>
  `<row r="${r}">${text(`A${r}`, id)}${type.startsWith('<') ? type : text(`B${r}`, type)}${num(`C${r}`, serial, 1)}${typeof fte === 'number' ? num(`D${r}`, fte) : fte}</row>`;
const DATES = { styles: [0, 14] }; // style 1: built-in format 14 (m/d/yyyy), a date

/** Files each generated case needs, written into its copy (`dir`; its parent is a scratch folder). */
const GENERATE: Record<string, (dir: string) => void> = {
  'huge-field'(dir) {
    const mib2 = 'x'.repeat(2 << 20);
    writeFileSync(
      join(dir, 'oh_referrals.csv'),
      `person_id,date,reason\n0001,2024-02-01,stress\n0001,2024-03-01,${mib2}\n0001,2024-04-01,"${mib2}"\n0001,2024-05-01,back pain\n`,
    );
  },
  'xlsx-formula-without-value'(dir) {
    const rows =
      HEADER +
      person(2, '0001', 'officer', 43836, 1) +
      person(3, '0002', 'staff', 43836, '<c r="D3"><f>D2*1</f></c>') +
      person(4, '0003', 'staff', 43836, 0.8);
    writeFileSync(
      join(dir, 'people.xlsx'),
      makeXlsx({ sheets: [{ name: 'Staff', rows }], ...DATES }),
    );
  },
  'xlsx-error-cell'(dir) {
    const rows =
      HEADER +
      person(2, '0001', 'officer', 43836, 1) +
      person(
        3,
        '0002',
        '<c r="B3" t="e"><f>VLOOKUP(A3,Types!A:B,2,0)</f><v>#N/A</v></c>',
        43836,
        1,
      ) +
      person(4, '0003', 'staff', 43836, 1);
    writeFileSync(
      join(dir, 'people.xlsx'),
      makeXlsx({ sheets: [{ name: 'Staff', rows }], ...DATES }),
    );
  },
  'xlsx-hidden-sheet'(dir) {
    const lookup = `<row r="1">${text('A1', 'code')}${text('B1', 'meaning')}</row><row r="2">${text('A2', 'PC')}${text('B2', 'officer')}</row>`;
    const rows =
      HEADER + person(2, '0001', 'officer', 43836, 1) + person(3, '0002', 'staff', 43836, 1);
    writeFileSync(
      join(dir, 'people.xlsx'),
      makeXlsx({
        sheets: [
          { name: 'Lookup', state: 'hidden', rows: lookup },
          { name: 'Staff', rows },
        ],
        ...DATES,
      }),
    );
  },
  'xlsx-1904-dates'(dir) {
    const rows =
      HEADER +
      person(2, '0001', 'officer', 42374, 1) +
      person(3, '0002', 'staff', 42794, 1) +
      person(4, '0003', 'staff', 42248, 1);
    writeFileSync(
      join(dir, 'people.xlsx'),
      makeXlsx({ sheets: [{ name: 'Staff', rows }], date1904: true, ...DATES }),
    );
  },
  'xlsx-zip-bomb'(dir) {
    const raw = bombSheet(`<row>${text('A', 'x')}</row>`, 2100); // ≈ 2.2 GB of rows in a few MB
    writeFileSync(join(dir, 'people.xlsx'), makeXlsx({ sheets: [{ name: 'Staff', raw }] }));
  },
  symlink(dir) {
    const outside = join(dir, '..', 'outside');
    mkdirSync(outside);
    writeFileSync(
      join(outside, 'people.csv'),
      'person_id,worker_type,start_date\n0001,staff,2020-01-06\n0002,officer,2021-03-01\n',
    );
    symlinkSync(join(outside, 'people.csv'), join(dir, 'people.csv'));
    symlinkSync('missing.csv', join(dir, 'old.csv'));
  },
};

describe('the malformed-input corpus (test/fixtures/malformed)', () => {
  for (const name of readdirSync(CORPUS).sort()) {
    const expected = JSON.parse(
      readFileSync(join(CORPUS, name, 'expected.json'), 'utf8'),
    ) as Expected;
    it(`${name}: loads or rejects every row as expected.json says`, async () => {
      const dir = join(mkdtempSync(join(tmpdir(), `wbk-corpus-${name}-`)), 'data');
      cpSync(join(CORPUS, name), dir, { recursive: true });
      if (expected.generated) GENERATE[name](dir);
      const data = await loadDataset(dir, { asOf: AS_OF, mapping: expected.mapping });
      assert.deepEqual(
        data.files.map((f) => ({
          file: f.file,
          table: f.table,
          rows_read: f.rows_read,
          rows_loaded: f.rows_loaded,
          rows_rejected: f.rows_rejected,
          ...(expected.files.find((e) => e.file === f.file)?.encoding && {
            encoding: f.details.encoding,
          }),
          ...(expected.files.find((e) => e.file === f.file)?.sheet && { sheet: f.details.sheet }),
        })),
        expected.files,
      );
      for (const f of data.files)
        assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected, f.file);
      // compare in file, line, rule order, each on the keys its expected entry gives
      const order = (a: Expected['warnings'][number], b: Expected['warnings'][number]) =>
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.rule.localeCompare(b.rule);
      for (const [actual, wanted] of [
        [data.rejects, expected.rejects],
        [data.warnings, expected.warnings],
      ] as const) {
        // issue 12's implicit top unit (any extract without units gets one) is not what this checks
        const rows = (actual.objects() as Expected['rejects'])
          .filter((r) => r.rule !== 'implicit_top_unit')
          .sort(order);
        assert.deepEqual(
          rows.map((r, i) => {
            const keys = Object.keys(wanted[i] ?? { file: 0, line: 0, rule: 0 });
            return Object.fromEntries(keys.map((k) => [k, r[k as keyof typeof r]]));
          }),
          [...wanted].sort(order),
        );
      }
      // the DuckDB scan of wbk check at scale accounts for every row the same way
      const scanned = await checkExtract(dir, {
        asOf: AS_OF,
        mapping: expected.mapping,
        engine: 'duckdb',
      });
      assert.deepEqual(
        [scanned.files, scanned.rejects.objects(), scanned.warnings.objects()],
        [data.files, data.rejects.objects(), data.warnings.objects()],
      );
      // and loadDataset through the scan builds the same tables
      const viaScan = await loadDataset(dir, {
        asOf: AS_OF,
        mapping: expected.mapping,
        engine: 'duckdb',
      });
      for (const name of Object.keys(data.tables) as TableName[]) {
        assert.deepEqual(viaScan.tables[name].objects(), data.tables[name].objects(), name);
      }
      for (const [key, values] of Object.entries(expected.columns ?? {})) {
        const [table, column] = key.split('.');
        assert.deepEqual(Array.from(data.tables[table as TableName].array(column)), values, key);
      }
    });
  }
});
