import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globToRegExp, listFiles } from '../../src/io/glob.js';

describe('globToRegExp', () => {
  it('matches *, ?, ** and {a,b}, ignoring case', () => {
    assert.ok(globToRegExp('leavers_*.csv').test('Leavers_2024Q1.CSV'));
    assert.ok(!globToRegExp('leavers_*.csv').test('old/leavers_2024.csv'));
    assert.ok(globToRegExp('**/leavers_*.csv').test('old/2023/leavers_1.csv'));
    assert.ok(globToRegExp('**/leavers_*.csv').test('leavers_1.csv'));
    assert.ok(globToRegExp('q?.xlsx').test('q3.xlsx'));
    assert.ok(globToRegExp('people.{csv,xlsx}').test('people.xlsx'));
    assert.ok(!globToRegExp('people.{csv,xlsx}').test('people.json'));
  });
  it('rejects an unclosed list of alternatives', () => {
    assert.throws(
      () => globToRegExp('a.{csv'),
      /glob "a\.\{csv": "\{" without "\}"\. Close the list of alternatives\./,
    );
  });
});

describe('listFiles', () => {
  it('lists files recursively, sorted, skipping dot-folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-glob-'));
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.hidden'));
    for (const f of ['b.csv', 'a.csv', 'sub/c.csv', '.hidden/d.csv'])
      writeFileSync(join(dir, f), '');
    assert.deepEqual(await listFiles(dir), ['a.csv', 'b.csv', 'sub/c.csv']);
  });
});
