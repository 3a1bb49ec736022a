import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareNotebookRun } from '../../src/report/notebook-run.js';
import { isAuthorCode } from '../../src/report/parameters.js';
import { writeNotebook } from '../helpers/notebook.js';

describe('prepareNotebookRun', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-prepare-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('injects the parameters, creates the output folder and clears a former run’s outputs', () => {
    const nb = writeNotebook(path.join(dir, 'nb.ipynb'), [
      { source: "let who: string = 'nobody'; // who to greet", tags: ['parameters'] },
      { source: 'who.length' },
    ]);
    const outDir = path.join(dir, 'out');
    const run0 = prepareNotebookRun(nb, { outDir });
    writeFileSync(path.join(outDir, 'nb.failed.ipynb'), '{}');
    const run = prepareNotebookRun(nb, { outDir, parameters: { who: 'world' } });
    assert.equal(run.name, 'nb');
    assert.equal(run.outDir, outDir);
    assert.equal(run.notebook, path.resolve(nb));
    assert.equal(run0.source.cells.length, 2);
    assert.deepEqual(
      run.source.cells.map((c) => c.metadata?.tags ?? []),
      [['parameters'], ['injected-parameters'], []],
    );
    assert.equal(existsSync(path.join(outDir, 'nb.failed.ipynb')), false);
  });
});

describe('isAuthorCode', () => {
  it('counts the author’s code cells, not markdown or the injected parameters', () => {
    const cell = (cell_type: string, tags: string[] = []) => ({
      cell_type,
      source: '',
      metadata: { tags },
    });
    assert.deepEqual(
      [cell('code'), cell('markdown'), cell('code', ['injected-parameters'])].map(isAuthorCode),
      [true, false, false],
    );
  });
});
