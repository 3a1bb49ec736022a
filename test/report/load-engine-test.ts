// A report run carries its choice of load engine to the notebooks through WBK_LOAD_ENGINE: the
// notebooks' loadDatasetCached reads it, so `wbk report --engine duckdb` scans the event files.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { UsageError } from '../../src/cli/command.js';
import { LOAD_ENGINE_ENV, loadDatasetCached } from '../../src/report/dataset-cache.js';

function extract(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-engine-'));
  writeFileSync(
    join(dir, 'people.csv'),
    'person_id,worker_type,start_date\nP1,officer,2019-04-01\nP2,staff,2019-04-01\n',
  );
  writeFileSync(
    join(dir, 'overtime.csv'),
    'person_id,date,hours\nP1,2024-05-01,2.5\nP2,2024-05-02,1\nP9,2024-05-03,1\n',
  );
  return dir;
}

describe('the load engine of a report run (WBK_LOAD_ENGINE)', () => {
  afterEach(() => delete process.env[LOAD_ENGINE_ENV]);

  it('is read by loadDatasetCached: duckdb scans the event files, and the tables are the same', async () => {
    const dir = extract();
    const memory = await loadDatasetCached(dir, { asOf: '2025-03-31' });
    assert.equal(memory.scanned, undefined);
    process.env[LOAD_ENGINE_ENV] = 'duckdb';
    const scanned = await loadDatasetCached(dir, { asOf: '2025-03-31' });
    // two of the three claims vouched for; P9 is not in people and goes to the loader, which rejects it
    assert.deepEqual(scanned.scanned, [{ file: 'overtime.csv', rows: 3, vouched: 2 }]);
    assert.deepEqual(scanned.tables.overtime.objects(), memory.tables.overtime.objects());
    assert.deepEqual(scanned.rejects.objects(), memory.rejects.objects());
    assert.equal(memory.rejects.numRows(), 1);
  });

  it('refuses a value it does not know, naming the variable', async () => {
    process.env[LOAD_ENGINE_ENV] = 'spark';
    await assert.rejects(
      loadDatasetCached(extract()),
      /WBK_LOAD_ENGINE must be auto, memory or duckdb, got "spark"/,
    );
  });

  it('wbk report --cell-timeout takes a number of seconds > 0', async () => {
    await assert.rejects(
      reportCommand.run(['--data', extract(), '--cell-timeout', '0']),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message === '--cell-timeout must be a number of seconds > 0, got "0".',
    );
  });

  it('wbk report --cell-timeout names a value that is not a number, or longer than a timer holds', async () => {
    await assert.rejects(
      reportCommand.run(['--data', extract(), '--cell-timeout', '1h']),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message === '--cell-timeout must be a number of seconds > 0, got "1h".',
    );
    await assert.rejects(
      reportCommand.run(['--data', extract(), '--cell-timeout', 'Infinity']),
      (error: unknown) =>
        error instanceof UsageError &&
        /^--cell-timeout must be at most 2147483 seconds \(24 days\), got "Infinity"\./.test(
          error.message,
        ),
    );
  });

  it('wbk report --engine takes batch or jupyter, and auto, memory or duckdb', async () => {
    await assert.rejects(
      reportCommand.run(['--data', extract(), '--engine', 'spark']),
      (error: unknown) =>
        error instanceof UsageError &&
        /--engine must be batch or jupyter .* or auto, memory or duckdb .* got "spark"/.test(
          error.message,
        ),
    );
  });
});
