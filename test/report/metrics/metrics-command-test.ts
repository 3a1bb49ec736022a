// `wbk metrics` on a small generated force: pooled periods (all, a range of financial years, a range of
// months) run every section; an extract without exit interviews or unit indicators skips those
// sections, saying what they need, in the JSON and in the text output, and exits 0.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { metricsCommand } from '../../../src/cli/metrics.js';
import { generateDemoForce } from '../../../src/demo/generate.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function run(args: string[]): Promise<{ code: number; text: string }> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (text: unknown) => printed.push(String(text));
  try {
    const code = await metricsCommand.run(args);
    return { code, text: printed.join('\n') };
  } finally {
    console.log = log;
  }
}

describe('wbk metrics: pooled periods and sections skipped', function () {
  this.timeout(300_000);
  let dir: string;
  let partial: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wbk-metrics-'));
    await generateDemoForce({ people: 400, outDir: dir });
    partial = mkdtempSync(path.join(tmpdir(), 'wbk-metrics-partial-'));
    await generateDemoForce({ people: 400, outDir: partial });
    rmSync(path.join(partial, 'exit_interviews.csv'));
    rmSync(path.join(partial, 'unit_indicators.csv'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(partial, { recursive: true, force: true });
  });

  for (const [period, label, previous] of [
    ['all', /^all data \(/, null],
    ['FY2022-23..FY2023-24', /^FY2022-23 to FY2023-24$/, 'FY2020-21 to FY2021-22'],
    ['2024-04..2025-03', /^2024-04 to 2025-03$/, '2023-04 to 2024-03'],
  ] as const) {
    it(`--period ${period}: every section runs, labelled with the pooled period`, async () => {
      const { code, text } = await run(['--data', dir, '--period', period, '--json']);
      assert.equal(code, 0);
      const m = JSON.parse(text) as Json;
      assert.match(m.period, label);
      assert.deepEqual(m.sections_skipped, []);
      for (const s of ['leavers', 'exit_interviews', 'wellbeing_matrix', 'indicators'])
        assert.ok(m[s], `${s} present`);
      assert.equal(m.leavers.period, m.period);
      assert.equal(m.indicators.pooled, true);
      assert.equal(m.wellbeing_matrix.previous_period, previous);
      assert.match(m.pooled_note, previous === null ? /no previous period/ : /just before it/);
    });
  }

  it('--engine duckdb: the event files scanned by DuckDB give the same figures', async () => {
    const args = ['--data', dir, '--period', 'FY2023-24', '--json', '--engine'];
    const memory = await run([...args, 'memory']);
    const duckdb = await run([...args, 'duckdb']);
    assert.equal(duckdb.code, 0);
    assert.deepEqual(JSON.parse(duckdb.text), JSON.parse(memory.text));
    await assert.rejects(
      run(['--data', dir, '--engine', 'spark']),
      /--engine must be auto, memory or duckdb/,
    );
  });

  it('skips the sections whose tables the extract lacks, in JSON and text, and exits 0', async () => {
    const { code, text } = await run(['--data', partial, '--period', 'FY2023-24', '--json']);
    assert.equal(code, 0);
    const m = JSON.parse(text) as Json;
    assert.deepEqual(
      m.sections_skipped.map((s: Json) => [s.section, s.needs]),
      [
        ['exit_interviews', ['exit_interviews']],
        ['indicators', ['unit_indicators']],
      ],
    );
    assert.equal(m.exit_interviews, undefined);
    assert.ok(m.leavers && m.wellbeing_matrix);
    const plain = await run(['--data', partial, '--period', 'FY2023-24']);
    assert.equal(plain.code, 0);
    assert.match(plain.text, /exit_interviews: skipped — the extract has no exit_interviews/);
    assert.match(plain.text, /indicators: skipped — the extract has no unit_indicators/);
  });
});
