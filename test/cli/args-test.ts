import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMappingFile, dataFolder, parseFlags, readFlags } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/command.js';

describe('readFlags', () => {
  const read = (argv: string[]) => {
    const seen: [string, string | true][] = [];
    readFlags(argv, (flag, value) => {
      if (flag === '--data') seen.push([flag, value()]);
      else if (flag === '--json') seen.push([flag, true]);
      else return false;
      return true;
    });
    return seen;
  };

  it('hands each flag over with the word after it when it takes a value', () => {
    assert.deepEqual(read(['--json', '--data', 'dir']), [
      ['--json', true],
      ['--data', 'dir'],
    ]);
  });
  it('says which flag lacks its value', () => {
    assert.throws(() => read(['--data']), new UsageError('--data needs a value.'));
    assert.throws(() => read(['--data', '--json']), new UsageError('--data needs a value.'));
  });
  it('names an unknown argument', () => {
    assert.throws(() => read(['--verbose']), new UsageError('unknown argument "--verbose".'));
  });
});

describe('dataFolder', () => {
  it('gives back a folder that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-args-'));
    assert.equal(dataFolder(dir), dir);
  });
  it('asks for --data when it is missing', () => {
    assert.throws(() => dataFolder(undefined), new UsageError('--data DIR is required.'));
  });
  it('says when --data is not a folder', () => {
    assert.throws(
      () => dataFolder('/nonexistent'),
      new UsageError('--data /nonexistent is not a folder.'),
    );
  });
});

describe('checkMappingFile', () => {
  it('accepts no mapping, or one that exists', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wbk-args-')), 'm.json');
    writeFileSync(file, '{}');
    checkMappingFile(undefined);
    checkMappingFile(file);
  });
  it('says when the mapping file does not exist', () => {
    assert.throws(
      () => checkMappingFile('/nonexistent.json'),
      new UsageError('--mapping /nonexistent.json does not exist.'),
    );
  });
});

describe('parseFlags', () => {
  const options = { data: { type: 'string' }, json: { type: 'boolean' } } as const;

  it('reads declared flags', () => {
    assert.deepEqual(
      { ...parseFlags(['--data', 'x', '--json'], options) },
      { data: 'x', json: true },
    );
  });

  it('refuses an unknown flag and a stray word as usage errors', () => {
    assert.throws(
      () => parseFlags(['--data', 'x', '--jsn'], options),
      (e: unknown) =>
        e instanceof UsageError && /Unknown option '--jsn'/.test((e as Error).message),
    );
    assert.throws(
      () => parseFlags(['extra'], options),
      (e: unknown) => e instanceof UsageError && /positional argument/.test((e as Error).message),
    );
  });
});
