import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../../src/io/load-dataset.js';
import { epochDay } from '../../src/time/dates.js';
import { describeRealData } from '../helpers/real-data.js';
import { duckdbCount } from './duckdb-count.js';

const MAPPING = 'examples/mappings/civil-service-people-survey.json';
const FILE = 'Civil-Service-People-Survey-2019-All-Organisation-Scores-CSV-format.csv';

describeRealData(
  'Civil Service People Survey 2019 through examples/mappings/civil-service-people-survey.json',
  'uk-civil-service-people-survey',
  (dir) => {
    let data: Awaited<ReturnType<typeof loadDataset>>;
    before(async () => {
      data = await loadDataset(dir, { mapping: MAPPING, asOf: '2025-03-31' });
    });
    const value = (unit: string, indicator: string) =>
      data.tables.unit_indicators
        .params({ unit, indicator })
        .filter(
          (d: Record<string, string>, $: Record<string, string>) =>
            d.unit_id === $.unit && d.indicator === $.indicator,
        )
        .array('value');

    it('accounts for every organisation and measure: 111 records × 92 measures', async () => {
      const file = data.files.find((f) => f.file === FILE)!;
      // DuckDB counts 111 records; the header has 95 columns, 3 of them naming the organisation.
      const records = await duckdbCount(join(dir, FILE));
      assert.equal(records, 111);
      assert.equal(file.details.records, records);
      assert.deepEqual([file.rows_read, file.rows_loaded, file.rows_rejected], [10212, 10212, 0]);
      assert.equal(data.tables.unit_indicators.numRows(), 111 * 92);
    });
    it('reports the means file it does not load, and the top unit it adds above the departments', () => {
      assert.deepEqual(data.warnings.array('rule'), ['implicit_top_unit', 'unmatched_file']);
    });
    it('strips the % sign and keeps the published figure', () => {
      // python csv: BF0000 (Border Force) B33 "57%", Employee Engagement Index "55%"; CS_MEAN B33 "63%".
      assert.deepEqual(value('BF0000', 'q_b33_pct'), [57]);
      assert.deepEqual(value('BF0000', 'engagement_index_pct'), [55]);
      assert.deepEqual(value('CS_MEAN', 'q_b33_pct'), [63]);
      // python: the engagement index over all 111 rows sums to 7035.
      const all = data.tables.unit_indicators
        .filter((d: { indicator: string }) => d.indicator === 'engagement_index_pct')
        .array('value') as number[];
      assert.equal(
        all.reduce((a, b) => a + b, 0),
        7035,
      );
    });
    it('dates every figure to the survey year 2019', () => {
      const starts = new Set(data.tables.unit_indicators.array('period_start') as number[]);
      assert.deepEqual([...starts], [epochDay(2019, 1, 1)]);
    });
  },
);
