// `wbk report --notebooks 09` end to end on two aggregate-only public extracts: NHS England sickness
// absence (rates with numerators and denominators) and the Civil Service People Survey (scores without
// counts). Each run exits 0 with the notebook ok, and one exported figure matches DuckDB's own count.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { describeRealData } from '../helpers/real-data.js';
import { duckdbRows, sqlPath } from '../examples/duckdb-query.js';

/** The rows of an exported CSV (simple: no quoted commas in the columns read here). */
function csvRows(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const names = head.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
}

async function report(args: string[], out: string): Promise<{ code: number; index: string }> {
  const log = console.log;
  console.log = () => {}; // the runner's progress lines
  let code: number;
  try {
    code = await reportCommand.run([...args, '--notebooks', '09', '--jobs', '1', '--out', out]);
  } finally {
    console.log = log;
  }
  return { code, index: readFileSync(path.join(out, 'index.html'), 'utf8') };
}

function assertOk(index: string): void {
  assert.ok(index.includes('<span class="ok">ok</span>'), 'notebook 09 is ok');
  assert.ok(!index.includes('FAILED'), 'no notebook failed');
  assert.ok(!index.includes('class="na"'), 'notebook 09 is applicable');
}

describeRealData('wbk report 09 on NHS sickness absence', 'nhs-sickness-absence', (dir) => {
  let out: string;
  before(() => (out = mkdtempSync(path.join(os.tmpdir(), 'wbk-09-nhs-'))));
  after(() => rmSync(out, { recursive: true, force: true }));

  it("exits 0, notebook ok, and London's FY2024-25 rate is DuckDB's summed days lost over days available", async function () {
    this.timeout(300_000);
    const args = ['--data', dir, '--mapping', 'examples/mappings/nhs-sickness-absence.json'];
    const { code, index } = await report([...args, '--period', 'FY2024-25'], out);
    assert.equal(code, 0);
    assertOk(index);
    const [london] = await duckdbRows(
      `SELECT 100 * sum(FTE_DAYS_LOST::DOUBLE) / sum(FTE_DAYS_AVAILABLE::DOUBLE) AS rate
       FROM read_csv(${sqlPath(path.join(dir, 'nhs_sickness_absence_*.csv'))}, header = true, all_varchar = true)
       WHERE NHSE_REGION_CODE = 'Y56'`,
    );
    const rows = csvRows(
      path.join(out, '09-unit-indicators--indicator-sickness-absence-rate-pct-by-unit.csv'),
    );
    const row = rows.find((r) => r.unit === 'London')!;
    assert.equal(row.period, 'FY2024-25');
    // Published at the indicator's declared precision, 4 dp (UNIT_INDICATOR_DECIMALS), like NHS England.
    const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
    assert.equal(Number(row.sickness_absence_rate_pct), round4(london.rate as number));
  });
});

describeRealData(
  'wbk report 09 on the Civil Service People Survey',
  'uk-civil-service-people-survey',
  (dir) => {
    let out: string;
    before(() => (out = mkdtempSync(path.join(os.tmpdir(), 'wbk-09-csps-'))));
    after(() => rmSync(out, { recursive: true, force: true }));

    it('exits 0, notebook ok, and the proxy stress index of HM Treasury and Border Force is the published one', async function () {
      this.timeout(300_000);
      const args = [
        '--data',
        dir,
        '--mapping',
        'examples/mappings/civil-service-people-survey.json',
      ];
      const { code, index } = await report([...args, '--period', '2019'], out);
      assert.equal(code, 0);
      assertOk(index);
      const file = 'Civil-Service-People-Survey-2019-All-Organisation-Scores-CSV-format.csv';
      const published = await duckdbRows(
        `SELECT "Organisation code" AS unit, replace("Proxy Stress Index", '%', '')::DOUBLE AS v
         FROM read_csv(${sqlPath(path.join(dir, file))}, header = true, all_varchar = true)
         WHERE "Organisation code" IN ('HMT0000', 'BF0000') ORDER BY unit`,
      );
      assert.equal(published.length, 2);
      const rows = csvRows(path.join(out, '09-unit-indicators--indicator-values-by-unit.csv'));
      for (const p of published) {
        const row = rows.find(
          (r) => r.indicator === 'proxy_stress_index_pct' && r.unit === p.unit,
        )!;
        assert.equal(Number(row.value), p.v, String(p.unit));
      }
    });
  },
);
