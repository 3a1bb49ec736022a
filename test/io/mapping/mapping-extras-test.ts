// The mapping features added for real exports: year_of, strip_suffix, unpivot and the mapping's own units.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planColumns } from '../../../src/io/mapping/apply.js';
import { INLINE_UNITS, loadDataset } from '../../../src/io/load-dataset.js';
import { parseMapping } from '../../../src/io/mapping/mapping.js';
import { tableEqual } from '../../helpers/table-equal.js';

function plan(source: object, header: string[]) {
  const mapping = parseMapping({ sources: [{ files: 'x.csv', ...source }] });
  return planColumns(header, mapping.sources[0], mapping, undefined, 'x.csv');
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-extras-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('derive year_of', () => {
  it('takes the four-digit year, or adds the century to a two-digit one', () => {
    const p = plan(
      { table: 'people', derive: { birth_year: { year_of: 'DOB', two_digit_century: 1900 } } },
      ['DOB'],
    );
    const year = (v: unknown) => p.getters.birth_year([v]);
    assert.deepEqual(
      ['07/10/1983', '09/19/88', '1975-05-05', '', new Date(Date.UTC(1990, 0, 2)), 'unknown'].map(
        year,
      ),
      [1983, 1988, 1975, null, 1990, 'unknown'],
    );
  });
  it('leaves a two-digit year as written without a century, so validation rejects it', () => {
    const p = plan({ table: 'people', derive: { birth_year: { year_of: 'DOB' } } }, ['DOB']);
    assert.equal(p.getters.birth_year(['09/19/88']), '09/19/88');
  });
  it('accepts only 1900 or 2000 as the century', () => {
    assert.throws(
      () =>
        parseMapping({
          sources: [
            {
              files: 'x',
              table: 'people',
              derive: { birth_year: { year_of: 'D', two_digit_century: 1800 } },
            },
          ],
        }),
      /sources\[0\]\.derive\.birth_year/,
    );
  });
});

describe('unpivot and strip_suffix', () => {
  const mapping = {
    date_format: 'iso',
    sources: [
      {
        files: 'scores.csv',
        table: 'unit_indicators',
        rename: { Code: 'unit_id' },
        constants: { period_start: '2019-01-01', period_end: '2019-12-31' },
        unpivot: { columns: ['Engagement', 'Workload'], name_to: 'indicator', value_to: 'value' },
        strip_suffix: { value: '%' },
        values: { indicator: { Engagement: 'engagement_pct', Workload: 'workload_pct' } },
        drop: ['Name'],
      },
    ],
  };
  it('turns each record into one row per column, counting rows and records', async () => {
    // Two records × two measures = 4 rows; "x%" is not a number and is rejected on its own.
    const dir = folder({
      'scores.csv': 'Code,Name,Engagement,Workload\nA1,Alpha,63%,41%\nB2,Beta,58,x%\n',
    });
    const data = await loadDataset(dir, { mapping, asOf: '2025-03-31' });
    const [file] = data.files;
    assert.deepEqual(
      [file.rows_read, file.rows_loaded, file.rows_rejected, file.details.records],
      [4, 3, 1, 2],
    );
    tableEqual(data.tables.unit_indicators.select('unit_id', 'indicator', 'value'), {
      unit_id: ['A1', 'A1', 'B2'],
      indicator: ['engagement_pct', 'workload_pct', 'engagement_pct'],
      value: [63, 41, 58],
    });
    assert.deepEqual(data.rejects.select('line', 'column', 'value', 'rule').objects(), [
      { line: 3, column: 'value', value: 'x', rule: 'type' },
    ]);
  });
  it('rejects an unpivot target that is not a column of the table', () => {
    assert.throws(
      () =>
        parseMapping({
          sources: [
            {
              files: 'x',
              table: 'unit_indicators',
              unpivot: { columns: ['A'], name_to: 'measure', value_to: 'value' },
            },
          ],
        }),
      /"measure" is not a column of unit_indicators/,
    );
  });
  it('names an unpivot column the file lacks', () => {
    assert.throws(
      () =>
        plan(
          {
            table: 'unit_indicators',
            unpivot: { columns: ['Nope'], name_to: 'indicator', value_to: 'value' },
          },
          ['Code'],
        ),
      /x\.csv: unpivot names column "Nope", which the file does not have\. Columns: Code\. Correct the mapping\./,
    );
  });
});

describe('mapping units', () => {
  it('loads the units written in the mapping as a source of their own', async () => {
    const dir = folder({
      'people.csv':
        'person_id,worker_type,unit_id,start_date\n1,staff,sales,2020-01-01\n2,staff,ops,2020-01-01\n',
    });
    const data = await loadDataset(dir, {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        comment: 'units of a company without a units file',
        config: { unit_levels: ['company', 'department'] },
        units: [
          { unit_id: 'co', level: 'company' },
          { unit_id: 'sales', parent_id: 'co', name: 'Sales', level: 'department' },
          { unit_id: 'sales', parent_id: 'co', level: 'department' },
          { unit_id: 'ops', parent_id: 'co', level: 'team' },
        ],
        sources: [{ files: 'people.csv', table: 'people' }],
      },
    });
    const units = data.files.find((f) => f.file === INLINE_UNITS)!;
    // Four units written; the repeated "sales" and the "team" level (not configured) are rejected.
    assert.deepEqual([units.rows_read, units.rows_loaded, units.rows_rejected], [4, 2, 2]);
    assert.deepEqual(data.rejects.select('file', 'line', 'rule').objects(), [
      { file: INLINE_UNITS, line: 3, rule: 'duplicate_key' },
      { file: INLINE_UNITS, line: 4, rule: 'allowed_values' },
    ]);
    assert.deepEqual(data.tables.units.array('unit_id'), ['co', 'sales']);
    // "ops" was rejected, so the person in it gets an unknown_unit warning.
    assert.deepEqual(data.warnings.array('rule'), ['unknown_unit']);
  });
});

describe('derive first_number', () => {
  it('takes the first whole number of a recorded band (the published QLD method)', () => {
    // SOURCE.md of the Queensland exit surveys: "Less than 1 year" gives 1, "1-2" 1, "3-4" 3,
    // "7-10" 7, "11-20" 11, "More than 20 years" 20.
    const p = plan(
      { table: 'people', derive: { service_years_at_leaving: { first_number: 'LOS' } } },
      ['LOS'],
    );
    assert.deepEqual(
      ['Less than 1 year', '1-2', '3-4', '7-10', '11-20', 'More than 20 years', '', 'none'].map(
        (v) => p.getters.service_years_at_leaving([v]),
      ),
      [1, 1, 3, 7, 11, 20, null, 'none'],
    );
  });
  it('loads the recorded years into people.service_years_at_leaving', async () => {
    const dir = folder({
      'leavers.csv': 'id,LOS,start\n1,3-4,2020-01-01\n2,,2020-01-01\n',
    });
    const data = await loadDataset(dir, {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        sources: [
          {
            files: 'leavers.csv',
            table: 'people',
            rename: { id: 'person_id', start: 'start_date' },
            constants: { worker_type: 'staff' },
            derive: { service_years_at_leaving: { first_number: 'LOS' } },
          },
        ],
      },
    });
    assert.deepEqual(data.tables.people.array('service_years_at_leaving'), [3, null]);
  });
});
