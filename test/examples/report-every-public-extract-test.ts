// `wbk report --period all` with every notebook on the public data sets that no other report test
// covers (Queensland exit surveys, the Civil Service People Survey, UCI absenteeism, Chicago police
// overtime, Boston police earnings): each run exits 0 and every notebook is ok or "not applicable",
// never FAILED (issue 12). Which notebooks apply follows from the tables each mapping fills (checked
// by hand against each mapping and `wbk check`): Queensland has people and exit interviews; the
// survey and Chicago give unit indicators; UCI and Boston give person measures, which only the data
// quality notebook reports. Their figures are checked against independent counts in the tests beside
// this one (qld-exit-surveys-test.ts and the others).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { listNotebooks } from '../../src/report/jupyter/run-notebooks.js';
import { PSEUDONYM_KEY_ENV } from '../../src/io/mapping/pseudonymise.js';
import { describeRealData } from '../helpers/real-data.js';
import { notebookStates } from '../helpers/report-states.js';

const MAPPINGS = path.resolve('examples', 'mappings');
const NOTEBOOKS = listNotebooks('notebooks').map((f) => path.basename(f, '.ipynb'));

const CASES: { dataset: string; mapping: string; ok: string[] }[] = [
  {
    dataset: 'qld-exit-surveys',
    mapping: 'qld-exit-surveys',
    ok: ['00', '01', '02', '03', '04', '08'],
  },
  {
    dataset: 'uk-civil-service-people-survey',
    mapping: 'civil-service-people-survey',
    ok: ['01', '09'],
  },
  { dataset: 'uci-absenteeism', mapping: 'uci-absenteeism', ok: ['01'] },
  { dataset: 'chicago-police-overtime', mapping: 'chicago-police-overtime', ok: ['01', '09'] },
  { dataset: 'boston-police-earnings', mapping: 'boston-police-earnings', ok: ['01'] },
];

for (const { dataset, mapping, ok } of CASES) {
  describeRealData(`wbk report on ${dataset}, every notebook, all data`, dataset, (dir) => {
    let code: number;
    let out: string;
    before(async function () {
      this.timeout(600_000);
      out = mkdtempSync(path.join(os.tmpdir(), 'wbk-every-extract-'));
      const saved = process.env[PSEUDONYM_KEY_ENV];
      // Boston's mapping pseudonymises the names in the file: a key is required.
      process.env[PSEUDONYM_KEY_ENV] = 'test-key-for-the-public-extract-reports';
      try {
        const args = ['--data', dir, '--mapping', path.join(MAPPINGS, `${mapping}.json`)];
        code = await reportCommand.run([...args, '--out', out, '--period', 'all', '--jobs', '2']);
      } finally {
        if (saved === undefined) delete process.env[PSEUDONYM_KEY_ENV];
        else process.env[PSEUDONYM_KEY_ENV] = saved;
      }
    });
    after(() => rmSync(out, { recursive: true, force: true }));

    it(`exits 0; ${ok.join(', ')} ok and every other notebook not applicable`, () => {
      assert.equal(code, 0);
      const found = notebookStates(out);
      assert.deepEqual(
        Object.fromEntries(NOTEBOOKS.map((n) => [n, found[n] ?? 'missing'])),
        Object.fromEntries(NOTEBOOKS.map((n) => [n, ok.includes(n.slice(0, 2)) ? 'ok' : 'na'])),
      );
    });
  });
}
