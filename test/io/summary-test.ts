import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../src/io/load-dataset.js';
import { formatLoadSummary } from '../../src/io/summary.js';

describe('formatLoadSummary', () => {
  it('prints read = loaded + rejected per file, totals, and the rules with an example message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-sum-'));
    writeFileSync(
      join(dir, 'units.csv'),
      'unit_id,parent_id,name,level\nF,,Force,force\nT,F,Team,squad\nT,F,Team,team\n',
    );
    const text = formatLoadSummary(await loadDataset(dir, { asOf: '2025-03-31' }));
    assert.equal(
      text,
      [
        'Loaded 1 file(s) as of 2025-03-31.',
        '',
        'file       table  read  loaded  rejected  warnings',
        'units.csv  units     3       2         1         0',
        'total                3       2         1         0',
        '',
        'Rejected rows by rule:',
        '       1  units duplicate_key: e.g. duplicate units row: unit_id T already appears at units.csv line 3. Remove one of the two, or correct the key.',
      ].join('\n'),
    );
  });
});
