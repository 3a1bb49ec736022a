// `wbk metrics` on aggregate-only extracts: NHS England's monthly sickness absence rate for each month
// Apr 2024 – Mar 2025 (and the pooled year) against DuckDB's own sums over the same CSVs; Civil Service
// People Survey scores as supplied; sections that need person tables skipped with what they need.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { metricsCommand } from '../../../src/cli/metrics.js';
import { describeRealData } from '../../helpers/real-data.js';
import { duckdbRows, sqlPath } from '../../examples/duckdb-query.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function metrics(args: string[]): Promise<Json> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (text: unknown) => printed.push(String(text));
  try {
    assert.equal(await metricsCommand.run([...args, '--json']), 0);
  } finally {
    console.log = log;
  }
  return JSON.parse(printed.join('\n')) as Json;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

describeRealData(
  'wbk metrics on NHS sickness absence (unit_indicators only)',
  'nhs-sickness-absence',
  (dir) => {
    const args = ['--data', dir, '--mapping', 'examples/mappings/nhs-sickness-absence.json'];
    const all = sqlPath(join(dir, 'nhs_sickness_absence_*.csv'));
    let months: { month: string; rate: number }[];
    before(async function () {
      this.timeout(60_000);
      months = (await duckdbRows(
        `SELECT regexp_extract(filename, '(\\d{4}-\\d{2})\\.csv$', 1) AS month,
              100 * sum(FTE_DAYS_LOST::DOUBLE) / sum(FTE_DAYS_AVAILABLE::DOUBLE) AS rate
       FROM read_csv(${all}, header = true, all_varchar = true, filename = true)
       GROUP BY ALL ORDER BY month`,
      )) as { month: string; rate: number }[];
    });

    it("prints England's rate for each month Apr 2024 – Mar 2025 as DuckDB sums it, to 4 dp", async function () {
      this.timeout(120_000);
      assert.equal(months.length, 12);
      for (const { month, rate } of months) {
        const m = await metrics([...args, '--period', month]);
        const ind = m.indicators.indicators.find(
          (i: Json) => i.indicator === 'sickness_absence_rate_pct',
        );
        assert.equal(ind.organisation.unit_name, 'England');
        assert.equal(round4(ind.organisation.value), round4(rate), month);
        if (month === '2025-01') assert.equal(Math.round(ind.organisation.value * 10) / 10, 5.7); // NHS England Key Facts
      }
    });

    it('pools a range: FY rate from summed days (not a mean of months), with the monthly trend', async function () {
      this.timeout(60_000);
      const [year] = await duckdbRows(
        `SELECT 100 * sum(FTE_DAYS_LOST::DOUBLE) / sum(FTE_DAYS_AVAILABLE::DOUBLE) AS rate
       FROM read_csv(${all}, header = true, all_varchar = true)`,
      );
      const m = await metrics([...args, '--period', '2024-04..2025-03']);
      const ind = m.indicators.indicators[0];
      assert.equal(m.indicators.pooled, true);
      assert.equal(round4(ind.organisation.value), round4(year.rate as number));
      assert.deepEqual(
        ind.trend.map((t: Json) => [t.period, round4(t.value)]),
        months.map((r) => [r.month, round4(r.rate)]),
      );
    });

    it('skips the sections that need people, saying what they need, and regions sum their organisations', async function () {
      this.timeout(60_000);
      const m = await metrics([...args, '--period', 'all']);
      assert.deepEqual(
        m.sections_skipped.map((s: Json) => [s.section, s.needs]),
        [
          ['leavers', ['people']],
          ['exit_interviews', ['people', 'exit_interviews']],
          ['wellbeing_matrix', ['people']],
        ],
      );
      assert.match(m.pooled_note, /no previous period/);
      const [nw] = await duckdbRows(
        `SELECT 100 * sum(FTE_DAYS_LOST::DOUBLE) / sum(FTE_DAYS_AVAILABLE::DOUBLE) AS rate
       FROM read_csv(${all}, header = true, all_varchar = true) WHERE NHSE_REGION_CODE = 'Y62'`,
      );
      const unit = m.indicators.indicators[0].units.find((u: Json) => u.unit_id === 'region:Y62');
      assert.equal(round4(unit.value), round4(nw.rate as number));
    });
  },
);

describeRealData(
  'wbk metrics on the Civil Service People Survey (scores without counts)',
  'uk-civil-service-people-survey',
  (dir) => {
    it('shows each organisation’s score as published and no made-up total', async function () {
      this.timeout(60_000);
      const m = await metrics([
        ...['--data', dir, '--mapping', 'examples/mappings/civil-service-people-survey.json'],
        ...['--period', '2019'],
      ]);
      const file = sqlPath(
        join(dir, 'Civil-Service-People-Survey-2019-All-Organisation-Scores-CSV-format.csv'),
      );
      const [bf] = await duckdbRows(
        `SELECT replace("Employee Engagement Index", '%', '')::DOUBLE AS v, count(*) OVER ()::INTEGER AS n
         FROM read_csv(${file}, header = true, all_varchar = true) WHERE "Organisation code" = 'BF0000'`,
      );
      const [{ n }] = await duckdbRows(
        `SELECT count(*)::INTEGER AS n FROM read_csv(${file}, header = true, all_varchar = true)`,
      );
      const ind = m.indicators.indicators.find((i: Json) => i.indicator === 'engagement_index_pct');
      assert.equal(ind.additive, false);
      assert.equal(ind.organisation.value, null);
      assert.equal(ind.units.length, n);
      assert.equal(ind.units.find((u: Json) => u.unit_id === 'BF0000').value, bf.v);
    });
  },
);
