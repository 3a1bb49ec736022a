// The folders of per-unit report sets: a unit id never becomes a path, and every unit gets its own.
import assert from 'node:assert/strict';
import path from 'node:path';
import { unitFolders } from '../../src/cli/report.js';

describe('unitFolders', () => {
  it('keeps every hostile id inside units/ and gives each unit a folder of its own', () => {
    const ids = ['N1', '..', '.', 'a/b', 'a?b', 'A_B', '../../etc', '__proto__', 'constructor'];
    const folders = unitFolders(ids);
    assert.equal(folders.size, ids.length);
    assert.equal(new Set([...folders.values()].map((f) => f.toLowerCase())).size, ids.length);
    for (const [id, folder] of folders) {
      const dir = path.join('/out', 'units', folder);
      assert.equal(path.dirname(dir), '/out/units', `${id} → ${folder} leaves units/`);
      assert.match(folder, /^[A-Za-z0-9_-]+$/, `${id} → ${folder}`);
    }
    assert.equal(folders.get('N1'), 'N1');
    assert.equal(folders.get('a/b'), 'a_b');
  });
});
