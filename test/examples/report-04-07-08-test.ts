// `wbk report --notebooks 04,07,08 --period all` on two public extracts unlike the demo: Huebner HR
// (people only, levels company > department, no overtime) and IBM attrition (a person-level snapshot,
// no dates). Each run exits 0 with each notebook ok or "not applicable", and one figure per extract
// matches a count made by DuckDB from the same file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { describeRealData } from '../helpers/real-data.js';
import { duckdbRows, sqlPath } from './duckdb-query.js';
import { notebookStates } from '../helpers/report-states.js';

const MAPPINGS = path.resolve('examples', 'mappings');

async function report(data: string, mapping: string): Promise<{ code: number; out: string }> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'wbk-04-07-08-'));
  const code = await reportCommand.run([
    ...['--data', data, '--mapping', mapping, '--out', out],
    ...['--period', 'all', '--jobs', '1', '--notebooks', '04,07,08'],
  ]);
  return { code, out };
}

/** The visible text of a report page (tags and scripts dropped, spaces collapsed). */
function pageText(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

describeRealData(
  'wbk report 04, 07, 08 on Huebner HR (people only, company > department)',
  'huebner-hr-dataset',
  (dir) => {
    let run: { code: number; out: string };
    before(async function () {
      this.timeout(900_000);
      run = await report(dir, path.join(MAPPINGS, 'huebner-hr.json'));
    });
    after(() => rmSync(run.out, { recursive: true, force: true }));

    it('exits 0: the matrix and the risk model run, high-stress roles is not applicable', () => {
      assert.equal(run.code, 0);
      assert.deepEqual(notebookStates(run.out), {
        '04-wellbeing-matrix': 'ok',
        '07-high-stress-roles': 'na',
        '08-leaving-risk': 'ok',
      });
      assert.match(
        readFileSync(path.join(run.out, 'index.html'), 'utf8'),
        /not applicable \(needs welfare_checks, sickness\)/,
      );
    });

    it('puts in the latest person-month (2018-10) the people DuckDB finds in post by department', async () => {
      // In post on 31 Oct 2018: hired by then and not gone by then (a leaver leaves on the end date).
      const expected = await duckdbRows(
        `SELECT trim(Department) AS unit, count(*)::INTEGER AS n
         FROM read_csv(${sqlPath(path.join(dir, 'HRDataset_v14.csv'))}, all_varchar = true)
         WHERE strptime(trim(DateofHire), '%m/%d/%Y') <= DATE '2018-10-31'
           AND (trim(coalesce(DateofTermination, '')) = ''
                OR strptime(trim(DateofTermination), '%m/%d/%Y') > DATE '2018-10-31')
         GROUP BY ALL ORDER BY unit`,
      );
      const shown = await duckdbRows(
        `SELECT unit, people FROM read_csv(${sqlPath(path.join(run.out, '08-leaving-risk--risk-by-unit.csv'))}, all_varchar = true)`,
      );
      const big = expected.filter((r) => Number(r.n) >= 5);
      assert.ok(big.length >= 4);
      assert.match(
        readFileSync(path.join(run.out, '08-leaving-risk.html'), 'utf8'),
        /by department, 2018-10/,
      );
      for (const r of big) {
        const row = shown.find((s) => s.unit === r.unit);
        assert.ok(row, `${String(r.unit)} in risk_by_unit`);
        assert.equal(Number(row.people), Number(r.n), String(r.unit));
      }
    });
  },
);

describeRealData(
  'wbk report 04, 07, 08 on IBM attrition (a snapshot mapping: one row per person, no dates)',
  'ibm-hr-attrition',
  (dir) => {
    let run: { code: number; out: string };
    before(async function () {
      this.timeout(900_000);
      run = await report(dir, path.join(MAPPINGS, 'ibm-hr-attrition.json'));
    });
    after(() => rmSync(run.out, { recursive: true, force: true }));

    it('exits 0: the snapshot model card is ok, the dated notebooks are not applicable', () => {
      assert.equal(run.code, 0);
      assert.deepEqual(notebookStates(run.out), {
        '04-wellbeing-matrix': 'na',
        '07-high-stress-roles': 'na',
        '08-leaving-risk': 'ok',
      });
    });

    it('fits the card on every employee, with the leavers DuckDB counts', async () => {
      const [{ rows, left }] = await duckdbRows(
        `SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE Attrition = 'Yes')::INTEGER AS left
         FROM read_csv(${sqlPath(path.join(dir, 'WA_Fn-UseC_-HR-Employee-Attrition.csv'))}, all_varchar = true)`,
      );
      const text = pageText(path.join(run.out, '08-leaving-risk.html'));
      assert.ok(
        text.includes(`Fitted on ${rows} rows (${rows} people; ${left} rows with the outcome)`),
        'the model card counts every employee and every leaver',
      );
      assert.match(text, /10-fold cross-validation by person/);
    });
  },
);
