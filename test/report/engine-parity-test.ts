// Parity of the two engines of `wbk report`: every notebook runs through Jupyter (tslab + nbconvert)
// and through the batch engine on the same small generated force, and every output must match —
// tables (the export MIME type), chart specs (vega-lite, plotly figures inside the HTML), text and
// HTML — up to timings and the random ids of plotly's <div>s. The batch engine must never report
// something the notebook would not.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { EXPORT_MIME } from '../../src/report/exports.js';
import { listNotebooks } from '../../src/report/jupyter/run-notebooks.js';

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  id?: string;
  metadata: { tags?: string[] };
  outputs?: Output[];
}

const join = (value: unknown) => (Array.isArray(value) ? value.join('') : value);

/** Text with what legitimately differs between two runs replaced: timings, plotly's element ids. */
function normalise(text: string): string {
  return text
    .replace(/wbk-plotly-[0-9a-f]+/g, 'wbk-plotly-ID')
    .replace(/\d+(\.\d+)?\s?(ms|s)\b/g, 'T');
}

function readCells(file: string): Cell[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { cells: Cell[] }).cells;
}

describe('wbk report: the batch engine gives what the Jupyter engine gives', function () {
  this.timeout(900_000);
  let data: string;
  let jupyter: string;
  let batch: string;
  const codes: Record<string, number> = {};
  let tablesCompared = 0;
  const notebooks = listNotebooks('notebooks').map((f) => path.basename(f, '.ipynb'));

  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'wbk-parity-data-'));
    jupyter = mkdtempSync(path.join(os.tmpdir(), 'wbk-parity-jupyter-'));
    batch = mkdtempSync(path.join(os.tmpdir(), 'wbk-parity-batch-'));
    await generateDemoForce({ people: 300, outDir: data });
    for (const [engine, out] of [
      ['jupyter', jupyter],
      ['batch', batch],
    ]) {
      codes[engine] = await reportCommand.run([
        '--data',
        data,
        '--out',
        out,
        '--jobs',
        '2',
        '--engine',
        engine,
      ]);
    }
  });
  after(() => {
    for (const dir of [data, jupyter, batch]) rmSync(dir, { recursive: true, force: true });
  });

  it('runs every notebook with both engines', () => {
    assert.deepEqual(codes, { jupyter: 0, batch: 0 });
    for (const name of notebooks)
      for (const suffix of ['.ipynb', '.html', '.code.html'])
        assert.ok(existsSync(path.join(batch, name + suffix)), `batch: ${name}${suffix} missing`);
  });

  for (const name of notebooks) {
    it(`${name}: the same outputs in every cell (tables, charts, text)`, () => {
      const a = readCells(path.join(jupyter, `${name}.ipynb`));
      const b = readCells(path.join(batch, `${name}.ipynb`));
      assert.equal(b.length, a.length, 'number of cells');
      let tables = 0;
      a.forEach((cell, i) => {
        if (cell.cell_type !== 'code') return;
        const where = `${name}, cell ${i} (${cell.id ?? ''})`;
        const outA = cell.outputs ?? [];
        const outB = b[i].outputs ?? [];
        assert.deepEqual(
          outB.map(
            (o) =>
              `${o.output_type}:${
                o.name ??
                Object.keys(o.data ?? {})
                  .sort()
                  .join(',')
              }`,
          ),
          outA.map(
            (o) =>
              `${o.output_type}:${
                o.name ??
                Object.keys(o.data ?? {})
                  .sort()
                  .join(',')
              }`,
          ),
          `${where}: the kinds of outputs`,
        );
        outA.forEach((o, j) => {
          if (o.output_type === 'stream') {
            assert.equal(
              normalise(String(join(outB[j].text))),
              normalise(String(join(o.text))),
              `${where}: ${o.name}`,
            );
            return;
          }
          for (const [mime, value] of Object.entries(o.data ?? {})) {
            const other = outB[j].data?.[mime];
            if (mime === EXPORT_MIME) tables += 1;
            if (typeof value === 'string' || Array.isArray(value))
              assert.equal(
                normalise(String(join(other))),
                normalise(String(join(value))),
                `${where}: ${mime}`,
              );
            else assert.deepEqual(other, value, `${where}: ${mime}`);
          }
        });
      });
      tablesCompared += tables;
    });
  }

  it('writes the same export files (CSV) from both engines', () => {
    assert.ok(tablesCompared > 0, 'the notebooks exported tables, and they were compared');
    for (const name of notebooks) {
      for (const file of readdirCsv(jupyter, name))
        assert.equal(
          readFileSync(path.join(batch, file), 'utf8'),
          readFileSync(path.join(jupyter, file), 'utf8'),
          file,
        );
    }
  });
});

function readdirCsv(dir: string, name: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(`${name}--`) && f.endsWith('.csv'));
}
