// NHS England sickness absence (twelve monthly files) through examples/mappings/nhs-sickness-absence.json:
// one source for every file, the units built from the columns; figures checked against DuckDB.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { HIERARCHY_UNITS, loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { epochDay } from '../../src/time/dates.js';
import { describeRealData } from '../helpers/real-data.js';
import { duckdbRows, sqlPath } from './duckdb-query.js';

const MAPPING = 'examples/mappings/nhs-sickness-absence.json';

describeRealData(
  'NHS sickness absence through its example mapping',
  'nhs-sickness-absence',
  (dir) => {
    let data: Dataset;
    const all = sqlPath(join(dir, 'nhs_sickness_absence_*.csv'));
    before(async () => {
      data = await loadDataset(dir, { mapping: MAPPING, asOf: '2025-03-31' });
    });

    it('reads every row of every file (as DuckDB counts them) and loads them all', async () => {
      const counts = await duckdbRows(
        `SELECT parse_filename(filename) AS file, count(*)::INTEGER AS n
       FROM read_csv(${all}, header = true, all_varchar = true, filename = true)
       GROUP BY ALL ORDER BY file`,
      );
      const files = data.files.filter((f) => f.table === 'unit_indicators');
      assert.deepEqual(
        files.map((f) => [f.file, f.rows_read]),
        counts.map((c) => [c.file, c.n]),
      );
      for (const f of files) assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected);
      assert.equal(data.rejects.numRows(), 0);
    });

    it('warns once for each organisation renamed during the year, as DuckDB finds them', async () => {
      const renamed = await duckdbRows(
        `SELECT ORG_CODE AS code FROM read_csv(${all}, header = true, all_varchar = true)
         GROUP BY ORG_CODE HAVING count(DISTINCT ORG_NAME) > 1 ORDER BY code`,
      );
      const warned = (data.warnings.objects() as Record<string, unknown>[]).map(
        (w) => [w.rule, w.message] as [string, string],
      );
      assert.deepEqual(
        warned.map(([rule]) => rule),
        renamed.map(() => 'unit_name_differs'),
      );
      assert.deepEqual(
        warned.map(([, m]) => /organisation:(\w+)/.exec(m)![1]).sort(),
        renamed.map((r) => r.code),
      );
    });

    it('builds England > region > type > organisation from the columns, as DuckDB counts them', async () => {
      const [d] = await duckdbRows(
        `SELECT count(DISTINCT NHSE_REGION_CODE)::INTEGER AS regions,
              count(DISTINCT (NHSE_REGION_CODE, ORG_TYPE))::INTEGER AS types,
              count(DISTINCT ORG_CODE)::INTEGER AS organisations
       FROM read_csv(${all}, header = true, all_varchar = true)`,
      );
      const level = (l: string) =>
        (data.tables.units.array('level') as string[]).filter((x) => x === l).length;
      assert.deepEqual(
        [level('country'), level('region'), level('organisation_type'), level('organisation')],
        [1, d.regions, d.types, d.organisations],
      );
      assert.deepEqual(data.config.unitLevels, [
        'country',
        'region',
        'organisation_type',
        'organisation',
      ]);
      const units = data.files.find((f) => f.file === HIERARCHY_UNITS)!;
      assert.equal(units.rows_rejected, 0);
    });

    it("gives England's and the North West's January 2025 days lost and available as DuckDB sums them", async () => {
      const jan = epochDay(2025, 1, 1);
      const [d] = await duckdbRows(
        `SELECT sum(FTE_DAYS_LOST::DOUBLE) AS lost, sum(FTE_DAYS_AVAILABLE::DOUBLE) AS available,
              sum(CASE WHEN NHSE_REGION_CODE = 'Y62' THEN FTE_DAYS_LOST::DOUBLE END) AS nw_lost
       FROM read_csv(${sqlPath(join(dir, 'nhs_sickness_absence_2025-01.csv'))}, header = true, all_varchar = true)`,
      );
      const parent = new Map(
        (data.tables.units.objects() as Record<string, unknown>[]).map((u) => [
          u.unit_id as string,
          u.parent_id as string,
        ]),
      );
      let lost = 0;
      let available = 0;
      let nwLost = 0;
      for (const r of data.tables.unit_indicators.objects() as Record<string, unknown>[]) {
        if (r.period_start !== jan) continue;
        lost += r.numerator as number;
        available += r.denominator as number;
        if (parent.get(parent.get(r.unit_id as string)!) === 'region:Y62')
          nwLost += r.numerator as number;
      }
      assert.ok(Math.abs(lost - (d.lost as number)) < 1e-6);
      assert.ok(Math.abs(available - (d.available as number)) < 1e-6);
      assert.ok(Math.abs(nwLost - (d.nw_lost as number)) < 1e-6);
      // and the rate NHS England published for January 2025 (Key Facts: 5.7 %)
      assert.equal(Math.round((1000 * lost) / available) / 10, 5.7);
    });
  },
);
