// A unit's report must not depend on what its batch worker ran before: notebooks 04 and 08 (the
// memoised matrix and risk models) give the same outputs for a unit run alone and for the same unit
// run after the force report, whose force-wide results it then reuses.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoForce } from '../../../src/demo/generate.js';
import { clearMemo } from '../../../src/report/batch/memo.js';
import { runNotebookBatch } from '../../../src/report/batch/run-notebook.js';

const NOTEBOOKS = ['04-wellbeing-matrix', '08-leaving-risk'];

function outputs(file: string): string {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as { cells: { outputs?: unknown[] }[] };
  return JSON.stringify(nb.cells.map((c) => c.outputs ?? [])).replace(
    /wbk-plotly-[0-9a-f]+/g,
    'wbk-plotly-ID',
  );
}

describe('batch engine: memoised force-wide results and unit reports', function () {
  this.timeout(600_000);
  let data: string;
  let out: string;
  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'wbk-memo-data-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'wbk-memo-out-'));
    await generateDemoForce({ people: 300, outDir: data });
  });
  after(() => {
    clearMemo();
    for (const dir of [data, out]) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of NOTEBOOKS) {
    it(`${name}: a unit alone and after the force report give the same outputs`, async () => {
      const units = readFileSync(path.join(data, 'units.csv'), 'utf8').trim().split('\n');
      const header = units[0].split(',');
      // a unit of the level below the top (the second row whose parent is the top unit)
      const rows = units.slice(1).map((line) => line.split(','));
      const top = rows.find((r) => r[header.indexOf('parent_id')] === '')![0];
      const unit = rows.find((r) => r[header.indexOf('parent_id')] === top)![0];
      const notebook = path.join('notebooks', `${name}.ipynb`);
      const run = (dir: string, params: Record<string, string | null>) =>
        runNotebookBatch(notebook, {
          outDir: path.join(out, dir),
          html: false,
          parameters: { dataDir: data, ...params },
        });
      clearMemo();
      assert.equal((await run('alone', { unit })).status, 'ok');
      assert.equal((await run('force', { unit: null })).status, 'ok');
      assert.equal((await run('after', { unit })).status, 'ok');
      assert.equal(
        outputs(path.join(out, 'after', `${name}.ipynb`)),
        outputs(path.join(out, 'alone', `${name}.ipynb`)),
      );
    });
  }
});
