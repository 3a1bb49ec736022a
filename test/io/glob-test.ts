import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globToRegExp, listFiles, scanFolder } from '../../src/io/glob.js';

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

describe('scanFolder', () => {
  it('follows links to files and folders, and notes every link it does not follow', async () => {
    // Links are made here, not kept in git (git may store them as plain files).
    const base = mkdtempSync(join(tmpdir(), 'wbk-links-'));
    const data = join(base, 'data');
    mkdirSync(join(data, 'sub'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'people.csv'), 'x\n');
    writeFileSync(join(data, 'a.csv'), 'x\n');
    writeFileSync(join(data, 'sub', 'c.csv'), 'x\n');
    symlinkSync(join(base, 'outside', 'people.csv'), join(data, 'people.csv')); // a file outside
    symlinkSync('a.csv', join(data, 'b.csv')); // a file inside, relative link
    symlinkSync('sub', join(data, 'current')); // a folder inside
    symlinkSync('..', join(data, 'sub', 'up')); // a loop back to the top
    symlinkSync(join(base, 'outside'), join(data, 'shared')); // a folder outside
    symlinkSync('missing.csv', join(data, 'broken.csv')); // broken
    symlinkSync('self.csv', join(data, 'self.csv')); // a link to itself
    const { files, notes } = await scanFolder(data);
    assert.deepEqual(files, ['a.csv', 'b.csv', 'current/c.csv', 'people.csv', 'sub/c.csv']);
    assert.deepEqual(notes.map((n) => [n.path, n.rule]).sort(), [
      ['broken.csv', 'link_not_followed'],
      ['current/up', 'link_not_followed'],
      ['people.csv', 'linked_file'],
      ['self.csv', 'link_not_followed'],
      ['shared', 'link_not_followed'],
      ['sub/up', 'link_not_followed'],
    ]);
    const message = (path: string) => notes.find((n) => n.path === path)!.message;
    assert.equal(
      message('sub/up'),
      'sub/up is a link to a folder that holds it (a loop), so it is not walked again. Remove the link.',
    );
    assert.equal(
      message('self.csv'),
      'self.csv is a link that leads back to itself, so it is not followed. Replace it with the file it should point to.',
    );
    assert.match(
      message('broken.csv'),
      /^broken\.csv is a link to something that does not exist \(ENOENT\)/,
    );
    assert.match(
      message('shared'),
      /a link to a folder outside the data folder, which is not walked/,
    );
    assert.match(message('people.csv'), /a link to a file outside the data folder; it is loaded/);
    assert.ok(!notes.some((n) => n.message.includes(base)), 'no absolute path in a note');
  });
});
