import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileIdentity, openCacheDir } from '../../src/scale/scale-cache.js';
import { openScaleSession } from '../../src/scale/duckdb-session.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wbk-cache-test-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('fileIdentity', () => {
  it('changes when a byte of the last MiB changes, even with the same size and time', () => {
    const file = join(dir, 'claims.csv');
    const text = 'a'.repeat(3 * 1024 * 1024);
    writeFileSync(file, text);
    const { atime, mtime } = statSync(file);
    const before = fileIdentity(file);
    writeFileSync(file, text.slice(0, -1) + 'b');
    utimesSync(file, atime, mtime);
    assert.equal(statSync(file).size, text.length);
    assert.notEqual(fileIdentity(file), before);
  });

  it('stays the same for an untouched file', () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'person_id\nP1\n');
    assert.equal(fileIdentity(file), fileIdentity(file));
  });
});

describe('openCacheDir', () => {
  it('creates a missing folder and its parents with mode 700', () => {
    const cache = openCacheDir(join(dir, 'a', 'b'));
    assert.equal(statSync(cache).mode & 0o777, 0o700);
  });

  it('refuses a file in place of the folder', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    assert.throws(
      () => openCacheDir(file),
      /openScaleData: cacheDir .*not-a-folder is not a folder\. Give a folder for the cache\./,
    );
  });
});

describe('openScaleSession', () => {
  it('spills to a private folder of its own, deleted on close', async () => {
    const session = await openScaleSession();
    const spill = (await session.query("SELECT current_setting('temp_directory') AS d")).get(
      'd',
      0,
    ) as string;
    assert.ok(spill.startsWith(tmpdir()), `spills to ${spill}`);
    assert.equal(statSync(spill).mode & 0o777, 0o700);
    session.close();
    assert.throws(() => statSync(spill), /ENOENT/);
  });
});
