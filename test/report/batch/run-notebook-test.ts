// The batch engine on small notebooks: outputs collected per cell as tslab gives them (display
// bundles, stdout, the value of a last expression), parameters injected, the executed .ipynb and
// both HTML pages written; a failing cell named as the Jupyter path names it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNotebookBatch } from '../../../src/report/batch/run-notebook.js';
import {
  DEFAULT_CELL_TIMEOUT_SECONDS,
  describeFailure,
} from '../../../src/report/jupyter/run-notebook.js';
import { writeNotebook } from '../../helpers/notebook.js';

describe('batch engine: runNotebookBatch', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-batch-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('collects display bundles, stdout and the last value per cell, with parameters injected', async () => {
    const nb = writeNotebook(path.join(dir, 'ok.ipynb'), [
      { source: '# Title\n\nSome **bold** text.', markdown: true },
      { source: "let who: string = 'nobody'; // who to greet", tags: ['parameters'] },
      {
        source:
          "import { display } from 'wellbeing-kit';\nconst greeting = `hello ${who}`;\nconsole.log(greeting);\nvoid display({ 'text/html': '<b>hi</b>', 'text/plain': 'hi' });",
      },
      { source: 'greeting.length' },
    ]);
    const run = await runNotebookBatch(nb, { outDir: dir, parameters: { who: 'world' } });
    assert.equal(run.status, 'ok', run.message);
    const executed = JSON.parse(readFileSync(path.join(dir, 'ok.ipynb'), 'utf8'));
    const code = executed.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
    assert.equal(code.length, 4, 'parameters, injected parameters and two cells');
    assert.deepEqual(code[1].metadata.tags, ['injected-parameters']);
    assert.deepEqual(code[2].outputs, [
      { name: 'stdout', output_type: 'stream', text: ['hello world\n'] },
      {
        data: { 'text/html': ['<b>hi</b>'], 'text/plain': ['hi'] },
        metadata: {},
        output_type: 'display_data',
      },
    ]);
    // tslab prints a last expression's value with console.log: 'hello world'.length === 11
    assert.deepEqual(code[3].outputs, [{ name: 'stdout', output_type: 'stream', text: ['11\n'] }]);
    assert.deepEqual(
      code.map((c: { execution_count: number }) => c.execution_count),
      [1, 2, 3, 4],
    );
    const manager = readFileSync(path.join(dir, 'ok.html'), 'utf8');
    const analyst = readFileSync(path.join(dir, 'ok.code.html'), 'utf8');
    for (const page of [manager, analyst]) {
      assert.ok(page.includes('<b>hi</b>'));
      assert.ok(page.includes('<strong>bold</strong>'));
    }
    assert.ok(!manager.includes('greeting.length'), 'the manager page hides the code');
    assert.ok(analyst.includes('greeting'), 'the analyst page shows the code');
  });

  it('fails on a throwing cell, naming the author cell, its first line and the message', async () => {
    const nb = writeNotebook(path.join(dir, 'bad.ipynb'), [
      { source: 'let n: number = 1;', tags: ['parameters'] },
      { source: 'const a = n + 1;' },
      { source: "\nif (a > 1) throw new Error('no data for the period');" },
      { source: "console.log('never runs');" },
    ]);
    const run = await runNotebookBatch(nb, { outDir: dir, parameters: { n: 2 } });
    assert.equal(run.status, 'failed');
    assert.equal(run.cell, 3);
    assert.equal(run.firstLine, "if (a > 1) throw new Error('no data for the period');");
    assert.match(
      describeFailure(run),
      /bad\.ipynb, cell 3 \(if \(a > 1\) .*\): Error: no data for the period$/,
    );
    assert.ok(existsSync(path.join(dir, 'bad.failed.ipynb')));
    assert.ok(!existsSync(path.join(dir, 'bad.html')));
  });

  it('fails a cell that runs past cellTimeoutSeconds, and gives a slow cell an hour by default', async () => {
    assert.equal(DEFAULT_CELL_TIMEOUT_SECONDS, 3600);
    const out = mkdtempSync(path.join(dir, 'out-'));
    const nb = writeNotebook(path.join(dir, 'slow.ipynb'), [
      { source: 'let ms: number = 0;', tags: ['parameters'] },
      { source: 'await new Promise((resolve) => setTimeout(resolve, ms));' },
    ]);
    const slow = await runNotebookBatch(nb, {
      outDir: out,
      parameters: { ms: 3000 },
      cellTimeoutSeconds: 0.5,
    });
    assert.equal(slow.status, 'failed');
    assert.match(slow.message ?? '', /the cell did not finish within 0\.5 s \(per-cell timeout\)/);
    const quick = await runNotebookBatch(nb, { outDir: out, parameters: { ms: 10 } });
    assert.equal(quick.status, 'ok', quick.message);
  });

  it('gives a cell a timeout beyond the 24.8 days a Node timer holds instead of failing it at once', async () => {
    // setTimeout fires after 1 ms when asked for more than 2^31 - 1 ms; 3,000,000 s is 3e9 ms.
    const out = mkdtempSync(path.join(dir, 'out-'));
    const nb = writeNotebook(path.join(dir, 'long.ipynb'), [
      { source: 'await new Promise((resolve) => setTimeout(resolve, 50));' },
    ]);
    const run = await runNotebookBatch(nb, { outDir: out, cellTimeoutSeconds: 3_000_000 });
    assert.equal(run.status, 'ok', run.message);
  });
});
