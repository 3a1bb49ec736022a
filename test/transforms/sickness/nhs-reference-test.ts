// NHS England sickness absence rates (real files, ../shared/data/real/nhs-sickness-absence), loaded
// through examples/mappings/nhs-sickness-absence.json and rolled up by summarizeIndicatorRate.
import assert from 'node:assert/strict';
import type { ColumnTable } from 'arquero';
import { loadDataset } from '../../../src/io/load-dataset.js';
import { epochDay } from '../../../src/time/dates.js';
import { summarizeIndicatorRate } from '../../../src/transforms/sickness/published-rates.js';
import { describeRealData } from '../../helpers/real-data.js';

const INDICATOR = 'sickness_absence_rate_pct';
const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;
const rateOf = (t: ColumnTable, group: string, monthStart: number) => {
  for (let i = 0; i < t.numRows(); i++) {
    if (t.get('group', i) === group && t.get('period_start', i) === monthStart)
      return t.get('rate', i) as number;
  }
  throw new Error(`no row for ${group} ${monthStart}`);
};

describeRealData(
  'NHS England sickness absence rates (real data)',
  'nhs-sickness-absence',
  (dir) => {
    let indicators: ColumnTable;
    // The mapping builds the units from the files: organisation:<code> under
    // organisation_type:<region>/<type> under region:<region code>.
    const parent = new Map<string, string>();
    const regionOf = (u: string) => parent.get(parent.get(u)!)!.slice('region:'.length);
    const typeOf = (u: string) => parent.get(u)!.split('/')[1];
    before(async () => {
      const data = await loadDataset(dir, {
        mapping: 'examples/mappings/nhs-sickness-absence.json',
        asOf: '2025-03-31',
      });
      assert.equal(data.rejects.numRows(), 0);
      indicators = data.tables.unit_indicators;
      (data.tables.units.objects() as Record<string, unknown>[]).forEach((u) =>
        parent.set(u.unit_id as string, u.parent_id as string),
      );
    });

    it('loads every organisation-month of the twelve files (285 × 6 + 283 + 281 + 280 × 4 = 3,394 rows)', () => {
      assert.equal(indicators.numRows(), 3394);
    });

    it('gives each organisation the published rate at its 2 dp precision, in every month', () => {
      const orgs = summarizeIndicatorRate(indicators, { indicator: INDICATOR, groupOf: (u) => u });
      const published = new Map<string, number>();
      for (let i = 0; i < indicators.numRows(); i++) {
        published.set(
          `${indicators.get('unit_id', i)}@${indicators.get('period_start', i)}`,
          indicators.get('value', i) as number,
        );
      }
      let checked = 0;
      for (let i = 0; i < orgs.numRows(); i++) {
        const want = published.get(`${orgs.get('group', i)}@${orgs.get('period_start', i)}`);
        assert.equal(
          round(orgs.get('rate', i) as number, 2),
          want,
          `${orgs.get('group', i)} ${orgs.get('period_start', i)}`,
        );
        checked++;
      }
      assert.equal(checked, 3394);
    });

    it('matches the figures NHS England published for England, regions and organisation types (Dec 2024, Jan 2025)', () => {
      // NHS England, "NHS Sickness Absence Rates, January 2025", Key Facts: England 5.7 % (Dec 2024 5.7 %);
      // North West 6.7 % (6.7 %); London 5.0 % (5.0 %); Ambulance Trusts 7.5 % (8.1 %);
      // Commissioning Support Units 3.6 % (3.7 %).
      const dec = epochDay(2024, 12, 1);
      const jan = epochDay(2025, 1, 1);
      const england = summarizeIndicatorRate(indicators, {
        indicator: INDICATOR,
        groupOf: () => 'England',
      });
      const region = summarizeIndicatorRate(indicators, {
        indicator: INDICATOR,
        groupOf: regionOf,
      });
      const type = summarizeIndicatorRate(indicators, {
        indicator: INDICATOR,
        groupOf: typeOf,
      });
      const published: [ColumnTable, string, number, number][] = [
        [england, 'England', jan, 5.7],
        [england, 'England', dec, 5.7],
        [region, 'Y62', jan, 6.7],
        [region, 'Y62', dec, 6.7],
        [region, 'Y56', jan, 5.0],
        [region, 'Y56', dec, 5.0],
        [type, 'Ambulance', jan, 7.5],
        [type, 'Ambulance', dec, 8.1],
        [type, 'Commissioning Support Unit', jan, 3.6],
        [type, 'Commissioning Support Unit', dec, 3.7],
      ];
      for (const [table, group, month, figure] of published) {
        assert.equal(round(rateOf(table, group, month), 1), figure, `${group} ${month}`);
      }
    });

    it('sums FTE days lost and available before dividing (hand totals from the January 2025 file)', () => {
      // Totals added up from nhs_sickness_absence_2025-01.csv (280 organisations):
      // England: 2,620,298.33231 lost / 45,850,205.56688 available = 5.7149 %.
      // North West (Y62, 34 organisations): 455,832.31784 / 6,792,262.44318 = 6.7111 %.
      // Ambulance (10 trusts): 132,116.66198 / 1,753,621.27567 = 7.5339 %.
      // Commissioning Support Units (4): 6,561.22021 / 181,096.10938 = 3.6231 %.
      const jan = epochDay(2025, 1, 1);
      const region = summarizeIndicatorRate(indicators, {
        indicator: INDICATOR,
        groupOf: regionOf,
      });
      const type = summarizeIndicatorRate(indicators, {
        indicator: INDICATOR,
        groupOf: typeOf,
      });
      const england = summarizeIndicatorRate(indicators, { indicator: INDICATOR });
      const row = (t: ColumnTable, g: string) => {
        const i = (t.array('group') as string[]).findIndex(
          (x, k) => x === g && t.get('period_start', k) === jan,
        );
        return {
          units: t.get('units', i),
          lost: t.get('numerator', i),
          available: t.get('denominator', i),
        };
      };
      const close = (got: unknown, want: number) =>
        assert.ok(Math.abs((got as number) - want) < 1e-6, `${got} vs ${want}`);
      const e = row(england, 'All');
      assert.equal(e.units, 280);
      close(e.lost, 2620298.33231);
      close(e.available, 45850205.56688);
      const nw = row(region, 'Y62');
      assert.equal(nw.units, 34);
      close(nw.lost, 455832.31784);
      close(nw.available, 6792262.44318);
      const amb = row(type, 'Ambulance');
      assert.equal(amb.units, 10);
      close(amb.lost, 132116.66198);
      assert.equal(round(rateOf(type, 'Ambulance', jan), 2), 7.53);
      assert.equal(round(rateOf(type, 'Commissioning Support Unit', jan), 2), 3.62);
      assert.equal(round(rateOf(england, 'All', jan), 2), 5.71);
      assert.equal(round(rateOf(region, 'Y62', jan), 2), 6.71);
      // The mean of the 280 organisation rates would be a different (wrong) figure:
      const orgRates = indicators
        .filter((d: { period_start: number }) => d.period_start === 20089)
        .array('value') as number[];
      assert.notEqual(round(orgRates.reduce((a, b) => a + b, 0) / orgRates.length, 2), 5.71);
    });
  },
);
