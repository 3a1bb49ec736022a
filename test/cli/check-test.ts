import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCommand } from '../../src/cli/check.js';
import { UsageError } from '../../src/cli/command.js';

// C0 controls but tab and line feed, DEL and C1 controls: what a terminal may obey.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CANONICAL = fileURLToPath(new URL('../fixtures/io/canonical', import.meta.url));

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (text: string) => lines.push(text);
  try {
    const code = await checkCommand.run(argv);
    return { code, out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

describe('checkCommand', () => {
  it('exits 0 and prints the load summary when no row is rejected', async () => {
    const { code, out } = await capture(['--data', CANONICAL, '--as-of', '2025-03-31']);
    assert.equal(code, 0);
    assert.match(out, /^Loaded 9 file\(s\) as of 2025-03-31\./);
    assert.match(out, /overtime\.csv\s+overtime\s+3\s+3\s+0\s+0/);
    assert.match(out, /total\s+20\s+20\s+0\s+0/); // 4+3+2+1+3+2+1+2+2 rows
  });
  it('exits 1 and prints each file with its rejects as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-check-'));
    cpSync(CANONICAL, dir, { recursive: true });
    writeFileSync(
      join(dir, 'overtime.csv'),
      readFileSync(join(dir, 'overtime.csv'), 'utf8') + '0001,2024-01-08,-4,paid,,false,,\n',
    );
    const { code, out } = await capture(['--data', dir, '--as-of', '2025-03-31', '--json']);
    assert.equal(code, 1);
    const report = JSON.parse(out);
    const overtime = report.files.find((f: { file: string }) => f.file === 'overtime.csv');
    assert.deepEqual(
      {
        ...overtime,
        rejects: overtime.rejects.map((r: { message: string }) => ({
          ...r,
          message: r.message.slice(0, 20),
        })),
      },
      {
        file: 'overtime.csv',
        table: 'overtime',
        rows_read: 4,
        rows_loaded: 3,
        rows_rejected: 1,
        warnings: 0,
        rejects: [
          {
            line: 5,
            column: 'hours',
            value: '-4',
            rule: 'out_of_range',
            message: 'hours -4 is outside ',
          },
        ],
      },
    );
    assert.equal(report.as_of, '2025-03-31');
    // --engine duckdb scans overtime with DuckDB and says so; the JSON is the same
    const scanned = await capture(['--data', dir, '--as-of', '2025-03-31', '--engine', 'duckdb']);
    assert.match(scanned.out, /Scanned with DuckDB \(rows it vouched for.*overtime\.csv 3 of 4/);
    const json = await capture([
      '--data',
      dir,
      '--as-of',
      '2025-03-31',
      '--json',
      '--engine',
      'duckdb',
    ]);
    assert.deepEqual(JSON.parse(json.out), report);
  });
  it('exits 1 naming a unit whose parent is missing, and prints no control character from the extract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-check-'));
    // Two districts named "North" + ESC [2J (clear screen) + 8-bit CSI; a team whose parent DX is missing.
    writeFileSync(
      join(dir, 'units.csv'),
      'unit_id,parent_id,name,level\nF,,Force,force\nD1,F,North\u001b[2J\u009b1m,district\n' +
        'D2,F,North\u001b[2J\u009b1m,district\nT1,DX,Team,team\n',
    );
    const text = await capture(['--data', dir, '--as-of', '2025-03-31']);
    assert.equal(text.code, 1);
    assert.match(
      text.out,
      /units unknown_parent: e\.g\. unit T1 has parent_id DX, which is not a unit\./,
    );
    assert.match(
      text.out,
      /units duplicate_unit_name: e\.g\. units D1 \(units\.csv line 3\) and D2 are both named "North\?\[2J\?1m"/,
    );
    assert.doesNotMatch(text.out, CONTROL);
    const json = await capture(['--data', dir, '--as-of', '2025-03-31', '--json']);
    assert.doesNotMatch(json.out, CONTROL);
    const units = JSON.parse(json.out).files[0];
    assert.deepEqual(
      [units.rows_read, units.rows_loaded, units.rows_rejected, units.rejects[0].value],
      [4, 3, 1, 'DX'],
    );
  });
  it('refuses unusable arguments with a UsageError (exit 2)', async () => {
    await assert.rejects(checkCommand.run([]), new UsageError('--data DIR is required.'));
    await assert.rejects(checkCommand.run(['--data']), new UsageError('--data needs a value.'));
    await assert.rejects(
      checkCommand.run(['--data', '/nonexistent']),
      new UsageError('--data /nonexistent is not a folder.'),
    );
    await assert.rejects(
      checkCommand.run(['--data', CANONICAL, '--as-of', '31/03/2025']),
      UsageError,
    );
    await assert.rejects(
      checkCommand.run(['--data', CANONICAL, '--engine', 'spark']),
      new UsageError('--engine must be auto, memory or duckdb, got "spark".'),
    );
    await assert.rejects(
      checkCommand.run(['--data', CANONICAL, '--verbose']),
      new UsageError('unknown argument "--verbose".'),
    );
  });
});
