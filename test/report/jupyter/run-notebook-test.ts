import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNotebook } from '../../../src/report/jupyter/run-notebook.js';
import { writeNotebook } from '../../helpers/notebook.js';

// Notebooks live under test/fixtures/notebooks/ so the kernel resolves packages from the project.
const here = path.resolve('test', 'fixtures', 'notebooks');

describe('runNotebook', function () {
  this.timeout(120_000);
  let out: string;
  before(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'wbk-run-'));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('executes a notebook with injected parameters and writes the .ipynb and both HTML files', async () => {
    const nb = writeNotebook(path.join(here, 'params.ipynb'), [
      { source: '# Parameters demo', markdown: true },
      {
        source: "let label: string = 'default'; // what to print\nlet n: number = 1; // a count",
        tags: ['parameters'],
      },
      { source: 'const secretCode = `${label}:${n * 2}`;\nconsole.log(secretCode);' },
    ]);
    const run = await runNotebook(nb, { outDir: out, parameters: { label: 'injected', n: 21 } });
    assert.equal(run.status, 'ok', run.message);
    assert.equal(run.cellsTotal, 2);
    const executed = JSON.parse(readFileSync(path.join(out, 'params.ipynb'), 'utf8'));
    const injected = executed.cells[2];
    assert.deepEqual(injected.metadata.tags, ['injected-parameters']);
    assert.equal(executed.cells[3].outputs[0].text.join(''), 'injected:42\n');
    const manager = readFileSync(path.join(out, 'params.html'), 'utf8');
    const analyst = readFileSync(path.join(out, 'params.code.html'), 'utf8');
    assert.ok(manager.includes('injected:42') && analyst.includes('injected:42'));
    assert.ok(!manager.includes('secretCode'), 'the manager report hides the code');
    assert.ok(analyst.includes('secretCode'), 'the analyst report shows the code');
    assert.ok(!/<script[^>]+src=/.test(manager), 'no script is fetched from anywhere');
  });

  it('names the cell, its first line and the message when a cell throws', async () => {
    const nb = writeNotebook(path.join(here, 'throws.ipynb'), [
      { source: 'const a = 1;' },
      { source: "// check the extract\nthrow new Error('no people table in the extract');" },
      { source: "console.log('never runs');" },
    ]);
    const run = await runNotebook(nb, { outDir: out });
    assert.equal(run.status, 'failed');
    assert.equal(run.cell, 2);
    assert.equal(run.firstLine, '// check the extract');
    assert.match(run.message ?? '', /no people table in the extract/);
    assert.ok(!existsSync(path.join(out, 'throws.html')), 'a failed run writes no report');
    assert.ok(existsSync(path.join(out, 'throws.failed.ipynb')));
  });

  it('fails on a TypeScript type error', async () => {
    const nb = writeNotebook(path.join(here, 'types.ipynb'), [
      { source: "const n: number = 'twelve';" },
    ]);
    const run = await runNotebook(nb, { outDir: out });
    assert.equal(run.status, 'failed');
    assert.equal(run.cell, 1);
    assert.match(run.message ?? '', /Type 'string' is not assignable to type 'number'/);
  });

  it('fails on an error thrown later in a timer, which tslab prints into the next cell', async () => {
    const nb = writeNotebook(path.join(here, 'timer.ipynb'), [
      { source: "setTimeout(() => { throw new Error('late failure'); }, 300);" },
      { source: 'await new Promise((resolve) => setTimeout(resolve, 1500));' },
    ]);
    const run = await runNotebook(nb, { outDir: out });
    assert.equal(run.status, 'failed');
    assert.match(run.message ?? '', /late failure/);
  });

  it('rejects unknown parameters, listing the valid ones with types and defaults', async () => {
    const nb = writeNotebook(path.join(here, 'params2.ipynb'), [
      { source: "let dataDir: string = '../data/demo'; // the extract", tags: ['parameters'] },
    ]);
    await assert.rejects(
      runNotebook(nb, { outDir: out, parameters: { dataDri: 'x' } }),
      /unknown parameter "dataDri"[\s\S]*dataDir {2}string = '..\/data\/demo' {2}\(the extract\)/,
    );
  });
});
