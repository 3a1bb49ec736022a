import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../../src/io/load-dataset.js';
import { epochDay } from '../../src/time/dates.js';
import { describeRealData } from '../helpers/real-data.js';
import { duckdbCount } from './duckdb-count.js';

const MAPPING = 'examples/mappings/huebner-hr.json';

describeRealData(
  'Huebner HR roster through examples/mappings/huebner-hr.json',
  'huebner-hr-dataset',
  (dir) => {
    let data: Awaited<ReturnType<typeof loadDataset>>;
    before(async () => {
      data = await loadDataset(dir, { mapping: MAPPING, asOf: '2025-03-31' });
    });
    const count = (column: string, value: unknown) =>
      (data.tables.people.array(column) as unknown[]).filter((v) => v === value).length;

    it('accounts for every row: 311 read (as DuckDB counts), all loaded, none rejected', async () => {
      const file = data.files.find((f) => f.file === 'HRDataset_v14.csv')!;
      assert.equal(file.rows_read, await duckdbCount(join(dir, 'HRDataset_v14.csv')));
      assert.deepEqual([file.rows_read, file.rows_loaded, file.rows_rejected], [311, 311, 0]);
      assert.equal(data.rejects.numRows(), 0);
      assert.equal(data.warnings.numRows(), 0); // every export column is mapped or dropped
    });
    it('maps the leaver types from EmploymentStatus and TermReason', () => {
      // Independent count (python csv on the file): Active 207; Voluntarily Terminated 88, of whom
      // TermReason "retiring" 4; Terminated for Cause 16. So 88 − 4 = 84 resignations.
      assert.equal(count('leaver_type', null), 207);
      assert.equal(count('leaver_type', 'voluntary_resignation'), 84);
      assert.equal(count('leaver_type', 'normal_retirement'), 4);
      assert.equal(count('leaver_type', 'dismissal'), 16);
      assert.equal(count('end_date', null), 207); // DateofTermination blank for the 207 active
    });
    it('trims and maps sex, ethnicity and departments', () => {
      // python: Sex "F" 176, "M " 135; RaceDesc "Two or more races" 11; Department "Production       " 209.
      assert.equal(count('sex', 'female'), 176);
      assert.equal(count('sex', 'male'), 135);
      assert.equal(count('ethnicity_group', 'mixed'), 11);
      assert.equal(count('unit_id', 'production'), 209);
      assert.equal(count('disability', null), 311); // not in the export
      assert.equal(data.tables.units.numRows(), 7); // the company and its six departments
    });
    it('reads US dates and two-digit birth years', () => {
      // EmpID 10196: DOB 09/19/88, DateofHire 07/05/2011 (5 July), DateofTermination 9/24/2012.
      const row = data.tables.people
        .filter((d: { person_id: string }) => d.person_id === '10196')
        .object() as Record<string, unknown>;
      assert.equal(row.birth_year, 1988);
      assert.equal(row.start_date, epochDay(2011, 7, 5));
      assert.equal(row.end_date, epochDay(2012, 9, 24));
    });
  },
);
