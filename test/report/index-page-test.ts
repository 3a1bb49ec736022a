import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeInputs } from '../../src/report/index-page.js';

describe('describeInputs', () => {
  it('hashes a linked file like any other, under the link name, and skips dot-files', async () => {
    const base = mkdtempSync(join(tmpdir(), 'wbk-inputs-'));
    const data = join(base, 'data');
    mkdirSync(data);
    writeFileSync(join(base, 'people-2025.csv'), 'person_id\n1\n');
    writeFileSync(join(data, 'units.csv'), 'unit_id\nF\n');
    writeFileSync(join(data, '.wbk-key'), 'secret');
    symlinkSync(join(base, 'people-2025.csv'), join(data, 'people.csv'));
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    assert.deepEqual(await describeInputs(data), [
      { path: join(data, 'people.csv'), bytes: 12, sha256: sha('person_id\n1\n') },
      { path: join(data, 'units.csv'), bytes: 10, sha256: sha('unit_id\nF\n') },
    ]);
  });
});
