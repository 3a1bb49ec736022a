import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoForce } from '../../../src/demo/generate.js';
import { loadDataset, type Dataset } from '../../../src/io/load-dataset.js';
import { DisclosureLedger } from '../../../src/privacy/index.js';
import { headlineFigures } from '../../../src/report/metrics/headlines.js';
import { parsePeriod } from '../../../src/time/periods.js';

// The headline figures as one part of a run's disclosure control (issue 18: one ledger per run,
// wbk metrics included): published under the ledger they are given, every table kept for the audit.
describe('headlineFigures', function () {
  this.timeout(120_000);
  const period = parsePeriod('FY2024-25');
  let dir: string;
  let data: Dataset;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-headlines-'));
    await generateDemoForce({ people: 300, outDir: dir });
    data = await loadDataset(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const byType = (figures: Record<string, unknown>) =>
    (figures.leavers as { leavers_by_type: Record<string, number | null> }).leavers_by_type;

  it('hides a leaver count that an earlier output of the run hid (its ledger), and every copy of it', () => {
    const options = { period, level: data.levels[1], minGroupSize: 5 };
    const alone = headlineFigures(data, options);
    // The largest figure of leavers by type (the all-except-transfers total) is shown on its own, and
    // repeated as the leaver-rate row's leavers.
    const [type, count] = Object.entries(byType(alone.figures))
      .filter(([, n]) => n !== null)
      .sort((a, b) => Number(b[1]) - Number(a[1]))[0];
    assert.ok(Number(count) >= 5, `${type}: ${count}`);
    const leavers = (f: Record<string, unknown>) =>
      (f.leavers as { leavers: number | null }).leavers;
    assert.equal(leavers(alone.figures), count);
    const ledger = new DisclosureLedger();
    ledger.record({
      column: 'leavers',
      cell: { period: period.label, leaver_type: type },
      period: period.label,
      reason: 'ledger',
    });
    const seeded = headlineFigures(data, { ...options, ledger });
    assert.equal(byType(seeded.figures)[type], null);
    assert.equal(leavers(seeded.figures), null);
    const table = seeded.tables.find((t) => t.name === 'leavers.leavers_by_type')!;
    const row = table.rows.find((r) => r[table.columns.indexOf('leaver_type')] === type)!;
    assert.equal(row[table.columns.indexOf('leavers')], '[c]');
  });

  it('computes the matrix once for calls sharing `computed`, each publishing as a call of its own would', () => {
    const options = { period, level: data.levels[1], minGroupSize: 5 };
    const computed = new Map<string, unknown>();
    const first = headlineFigures(data, { ...options, computed });
    const kept = new Map(computed);
    assert.ok(
      [...kept.keys()].some((k) => k.endsWith('|cells')),
      [...kept.keys()].join('; '),
    );
    // Hide a unit's shown population in the matrix (the rerun of a run that must hide more).
    const matrix = first.tables.find((t) => t.name === 'wellbeing_matrix')!;
    const col = (name: string) => matrix.columns.indexOf(name);
    const shown = matrix.rows.find(
      (r) => r[col('unit_id')] !== 'FORCE' && typeof r[col('population')] === 'number',
    )!;
    const ledger = () => {
      const l = new DisclosureLedger();
      l.record({
        column: 'population',
        cell: {
          unit_id: String(shown[col('unit_id')]),
          indicator: String(shown[col('indicator')]),
          period: String(shown[col('period')]),
        },
        reason: 'ledger',
      });
      return l;
    };
    const again = headlineFigures(data, { ...options, ledger: ledger(), computed });
    const fresh = headlineFigures(data, { ...options, ledger: ledger() });
    assert.deepEqual(again.figures, fresh.figures);
    assert.deepEqual(again.tables, fresh.tables);
    assert.notDeepEqual(again.tables, first.tables);
    for (const [key, value] of kept) assert.equal(computed.get(key), value, key);
  });

  it('keeps every table it published, named by section, with its spec for the audit', () => {
    const { tables, sections } = headlineFigures(data, {
      period,
      level: data.levels[1],
      minGroupSize: 5,
    });
    assert.deepEqual(sections, ['leavers', 'exit_interviews', 'wellbeing_matrix', 'indicators']);
    for (const section of sections)
      assert.ok(
        tables.some((t) => t.name.startsWith(`${section}.`) || t.name === section),
        `${section} has tables`,
      );
    const types = tables.find((t) => t.name === 'leavers.leavers_by_type');
    assert.ok(types, tables.map((t) => t.name).join(', '));
    assert.deepEqual(types.countColumns, ['leavers']);
    assert.equal(types.period, period.label);
  });
});
