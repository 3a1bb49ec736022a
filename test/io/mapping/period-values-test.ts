// Values taken from the file name or from a date column, turned into the first or last day of their
// month or year: one source for many monthly files instead of one copied block per file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planColumns } from '../../../src/io/mapping/apply.js';
import { loadDataset } from '../../../src/io/load-dataset.js';
import { parseMapping } from '../../../src/io/mapping/mapping.js';
import { tableEqual } from '../../helpers/table-equal.js';

function plan(source: object, header: string[], file = 'x.csv', top: object = {}) {
  const mapping = parseMapping({ ...top, sources: [{ files: '*.csv', ...source }] });
  return planColumns(header, mapping.sources[0], mapping, undefined, file);
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-periods-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('derive from_file_name', () => {
  const derive = (as: string) => ({
    table: 'unit_indicators',
    derive: { period_start: { from_file_name: '(\\d{4}-\\d{2})', as } },
  });
  it('gives the first or last day of the month the file name holds (leap February included)', () => {
    const first = plan(derive('month_start'), ['A'], 'rates_2024-02.csv');
    const last = plan(derive('month_end'), ['A'], 'monthly/rates_2024-02.csv');
    assert.equal(first.getters.period_start(['x']), '2024-02-01');
    assert.equal(last.getters.period_start(['x']), '2024-02-29'); // 2024 is a leap year
  });
  it('gives the first or last day of the year, or the text itself', () => {
    const of = (as: string) =>
      plan(
        { table: 'unit_indicators', derive: { indicator: { from_file_name: '_(\\d{4})_', as } } },
        ['A'],
        'earnings_2023_BPD.csv',
      ).getters.indicator(['x']);
    assert.deepEqual(['year_start', 'year_end', 'text'].map(of), [
      '2023-01-01',
      '2023-12-31',
      '2023',
    ]);
  });
  it('adds the values of columns named in "with" (a month name carried in the rows)', () => {
    const p = plan(
      {
        table: 'unit_indicators',
        derive: {
          period_end: { from_file_name: '^(\\d{4})', with: 'Month', as: 'month_end' },
        },
      },
      ['Month'],
      '2017-cpd-overtime.csv',
    );
    assert.deepEqual(
      ['January', 'june', 'Sept', ''].map((m) => String(p.getters.period_end([m]))),
      ['2017-01-31', '2017-06-30', '2017-09-30', '2017'],
    );
    // "2017" alone is not a month: the row is rejected naming the recipe.
    const problem = p.getters.period_end(['']) as { rule: string; message: string };
    assert.equal(problem.rule, 'invalid_period');
    assert.match(problem.message, /"2017" \(from the file name and Month\) is not a month/);
  });
  it('refuses a file whose name does not match, naming the file and the pattern', () => {
    assert.throws(
      () => plan(derive('month_start'), ['A'], 'rates-april.csv'),
      /rates-april\.csv: derive\.period_start takes "\(\\d\{4\}-\\d\{2\}\)" from the file name, which does not match it/,
    );
  });
});

describe('derive from_column', () => {
  it('reads a date in the source date format and gives the first day of its month', () => {
    const p = plan(
      {
        table: 'unit_indicators',
        derive: { period_start: { from_column: 'DATE', as: 'month_start' } },
      },
      ['DATE'],
      'x.csv',
      { date_format: 'dd/mm/yyyy' },
    );
    assert.deepEqual(
      ['30/04/2024', '2024-03-31', '31/12/2024'].map((d) => p.getters.period_start([d])),
      ['2024-04-01', '2024-03-01', '2024-12-01'],
    );
    const bad = p.getters.period_start(['31/02/2024']) as { rule: string; message: string };
    assert.equal(bad.rule, 'invalid_period');
  });
  it('joins several columns (month name and year) before reading them', () => {
    const p = plan(
      {
        table: 'unit_indicators',
        derive: { period_end: { from_column: ['month', 'year'], as: 'month_end' } },
      },
      ['year', 'month'],
    );
    assert.equal(p.getters.period_end(['2018', 'February']), '2018-02-28');
    assert.equal(p.getters.period_end(['', '']), null);
  });
});

describe('one source for many monthly files', () => {
  it('loads each file with the period its name gives', async () => {
    const header = 'DATE,ORG,LOST,AVAILABLE\n';
    const dir = folder({
      'absence_2024-04.csv': `${header}30/04/2024,A,1,10\n30/04/2024,B,2,10\n`,
      'absence_2024-05.csv': `${header}31/05/2024,A,3,10\n`,
    });
    const data = await loadDataset(dir, {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'dd/mm/yyyy',
        sources: [
          {
            files: 'absence_*.csv',
            table: 'unit_indicators',
            rename: { ORG: 'unit_id', LOST: 'numerator', AVAILABLE: 'denominator' },
            derive: {
              period_start: { from_file_name: '(\\d{4}-\\d{2})', as: 'month_start' },
              period_end: { from_column: 'DATE', as: 'month_end' },
            },
            constants: { indicator: 'absence_rate_pct' },
          },
        ],
      },
    });
    tableEqual(data.tables.unit_indicators.select('unit_id', 'period_start', 'period_end'), {
      unit_id: ['A', 'B', 'A'],
      // 2024-04-01 = epoch day 19814; 2024-04-30 = 19843; 2024-05-01 = 19844; 2024-05-31 = 19874.
      period_start: [19814, 19814, 19844],
      period_end: [19843, 19843, 19874],
    });
    assert.deepEqual(
      data.files.map((f) => [f.file, f.rows_read, f.rows_loaded]),
      [
        ['absence_2024-04.csv', 2, 2],
        ['absence_2024-05.csv', 1, 1],
      ],
    );
  });
});

describe('derive month_sequence', () => {
  it('gives each row its year from the order of the rows: a year passes when the month falls', () => {
    // The UCI absenteeism rows run from July 2007 in time order, with the month only (SOURCE.md).
    const p = plan(
      {
        table: 'unit_indicators',
        derive: {
          period_start: { month_sequence: 'Month', first: '2007-07', as: 'month_start' },
        },
      },
      ['Month'],
    );
    const got = ['7', '7', '12', '1', '0', '3', '7', '2'].map((m) =>
      String(p.getters.period_start([m])),
    );
    // Month 0 is no month: rejected, and the sequence goes on as if it were not there.
    assert.deepEqual(got, [
      '2007-07-01',
      '2007-07-01',
      '2007-12-01',
      '2008-01-01',
      '0',
      '2008-03-01',
      '2008-07-01',
      '2009-02-01',
    ]);
    assert.equal((p.getters.period_start(['13']) as { rule: string }).rule, 'invalid_period');
  });
});

describe('source defaults', () => {
  it('fills an empty cell with the default the mapping gives (an empty pay cell is zero)', async () => {
    const dir = folder({ 'pay.csv': 'id,OVERTIME\na,"1,500.25"\nb,\n' });
    const data = await loadDataset(dir, {
      asOf: '2025-03-31',
      mapping: {
        sources: [
          {
            files: 'pay.csv',
            table: 'person_measures',
            rename: { id: 'person_id', OVERTIME: 'value' },
            thousands: ',',
            defaults: { value: 0 },
            constants: {
              measure: 'overtime_pay_usd',
              period_start: '2023-01-01',
              period_end: '2023-12-31',
            },
          },
        ],
      },
    });
    assert.deepEqual(data.tables.person_measures.array('value'), [1500.25, 0]);
  });
});
