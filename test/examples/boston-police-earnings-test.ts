// Boston Police earnings through examples/mappings/boston-police-earnings.json: pay per person per year
// by component as person_measures, names never loaded (pseudonymised), empty amounts as zero. Figures
// from test/examples/reference/boston_earnings.py (Python csv module).
import assert from 'node:assert/strict';
import { loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { epochDay } from '../../src/time/dates.js';
import { describeRealData } from '../helpers/real-data.js';

const MAPPING = 'examples/mappings/boston-police-earnings.json';

describeRealData(
  'Boston police earnings through its example mapping',
  'boston-police-earnings',
  (dir) => {
    let data: Dataset;
    const overtime = (year: number) =>
      (data.tables.person_measures.objects() as Record<string, unknown>[])
        .filter((r) => r.measure === 'overtime_pay_usd' && r.period_start === epochDay(year, 1, 1))
        .map((r) => [r.person_id as string, r.value as number] as const);
    before(async () => {
      data = await loadDataset(dir, {
        mapping: MAPPING,
        asOf: '2025-01-01',
        pseudonymKey: 'test-key-for-the-boston-example',
      });
    });

    it('loads every person-year × 8 pay components, none rejected', () => {
      // boston_earnings.py: 3,011 rows in 2023 and 3,491 in 2024; 8 components each.
      assert.deepEqual(
        data.files.map((f) => [f.details.records, f.rows_read, f.rows_loaded, f.rows_rejected]),
        [
          [3011, 3011 * 8, 3011 * 8, 0],
          [3491, 3491 * 8, 3491 * 8, 0],
        ],
      );
      // Only the expected note: there is no people table to check ids against.
      // (and the one top unit the kit adds to an extract without units)
      assert.deepEqual((data.warnings.array('rule') as string[]).sort(), [
        'implicit_top_unit',
        'people_missing',
      ]);
    });

    it('keeps people apart and names out of the tables', () => {
      // boston_earnings.py: (NAME, POSTAL) is unique within each year: 3,011 and 3,491 people.
      assert.equal(new Set(overtime(2023).map(([id]) => id)).size, 3011);
      assert.equal(new Set(overtime(2024).map(([id]) => id)).size, 3491);
      const ids = data.tables.person_measures.array('person_id') as string[];
      assert.ok(ids.every((id) => /^[0-9a-f]{16}$/.test(id)));
    });

    it('gives the year’s overtime pay and the share earned by the top tenth as the reference does', () => {
      // boston_earnings.py: 2023 total 88,517,768.46 USD, 2,468 people with overtime, top 301 of 3,011
      // earned 32.76 %; 2024 total 103,223,537.67, top 349 of 3,491 earned 36.41 %.
      for (const [year, total, paid, share] of [
        [2023, 88517768.46, 2468, 32.76],
        [2024, 103223537.67, 2551, 36.41],
      ]) {
        const values = overtime(year).map(([, v]) => v);
        const sum = values.reduce((a, b) => a + b, 0);
        assert.equal(Math.round(sum * 100) / 100, total);
        assert.equal(values.filter((v) => v > 0).length, paid);
        const top = values.sort((a, b) => b - a).slice(0, Math.floor(values.length / 10));
        assert.equal(Math.round((10000 * top.reduce((a, b) => a + b, 0)) / sum) / 100, share);
      }
    });
  },
);
