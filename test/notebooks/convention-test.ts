// Every notebook follows the kit's convention (docs/notebooks.md): one `parameters` cell declaring the
// parameters wbk report injects, a report opened through openReport, the suppression log at the end,
// and no outputs committed (outputs could hold personal data).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readParameters, type NotebookJson } from '../../src/report/parameters.js';
import { listNotebooks } from '../../src/report/jupyter/run-notebooks.js';

const COMMON: Record<string, string> = {
  dataDir: 'string',
  mappingFile: 'string | null',
  period: 'string',
  level: 'string | null',
  unit: 'string | null',
  minGroupSize: 'number',
  disclosureMode: "'publish' | 'analyst'",
};

describe('notebooks/', () => {
  const files = listNotebooks('notebooks');

  it('holds the getting-started notebook and numbered notebooks only', () => {
    assert.ok(files.some((f) => path.basename(f) === '00-getting-started.ipynb'));
    for (const f of files) assert.match(path.basename(f), /^\d\d-[a-z0-9-]+\.ipynb$/);
  });

  for (const file of files) {
    describe(path.basename(file), () => {
      const nb = JSON.parse(readFileSync(file, 'utf8')) as NotebookJson;

      it('declares the common parameters with their types', () => {
        const specs = new Map(readParameters(nb, file).map((s) => [s.name, s.type]));
        for (const [name, type] of Object.entries(COMMON)) {
          assert.equal(
            specs.get(name),
            type,
            `${path.basename(file)}: parameter ${name} should be \`${type}\``,
          );
        }
      });

      it('is committed with its outputs cleared', () => {
        for (const cell of nb.cells) {
          if (cell.cell_type !== 'code') continue;
          assert.deepEqual(cell.outputs ?? [], [], `${path.basename(file)}: a cell has outputs`);
          assert.equal(cell.execution_count ?? null, null);
        }
      });

      it('opens its report with openReport and ends with the suppression log', () => {
        const code = nb.cells
          .filter((c) => c.cell_type === 'code')
          .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
        assert.ok(
          code.some((c) => c.includes('openReport(')),
          'no openReport call',
        );
        assert.ok(
          code[code.length - 1].includes('.finish()'),
          'the last code cell should call report.finish()',
        );
      });
    });
  }
});
