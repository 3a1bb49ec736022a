import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoForce } from '../../../src/demo/generate.js';
import { loadDataset, type Dataset } from '../../../src/io/load-dataset.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { resolvePeriod } from '../../../src/io/coverage.js';
import { DEFAULT_MATRIX_INDICATORS } from '../../../src/transforms/matrix/indicators.js';
import { matrixHeadlines, previousPeriod } from '../../../src/report/metrics/matrix.js';

type Cell = {
  value: number | null;
  status: string;
  heat: number | null;
  band: string;
  contribution: number | null;
};
type Unit = {
  unit_id: string;
  temperature: number | null;
  running_hot: boolean;
  indicators: Record<string, Cell>;
};
type Headlines = {
  period: string;
  previous_period: string | null;
  units: Unit[];
  organisation: Unit;
  running_hot: { unit_id: string }[];
  disclosure: { hidden_cells: number };
};

describe('previousPeriod', () => {
  it('is the period before of the same kind, as many periods before for a range, none for all', () => {
    assert.equal(previousPeriod(parsePeriod('FY2024-25'))!.label, 'FY2023-24');
    const range = previousPeriod(parsePeriod('FY2012-13..FY2013-14'))!;
    assert.equal(range.label, 'FY2010-11 to FY2011-12');
    assert.deepEqual(
      [range.start, range.end],
      [parsePeriod('FY2010-11').start, parsePeriod('FY2011-12').end],
    );
    assert.equal(previousPeriod(parsePeriod('2024-04..2025-03'))!.label, '2023-04 to 2024-03');
    assert.equal(
      previousPeriod(parsePeriod('all', { extent: { start: 19000, end: 20000 } })),
      null,
    );
  });
});

describe('matrixHeadlines', function () {
  this.timeout(120000);
  let dir: string;
  let data: Dataset;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wbk-matrix-'));
    await generateDemoForce({ people: 1500, outDir: dir });
    data = await loadDataset(dir, { asOf: '2025-03-31' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes the district matrix: values null exactly where hidden, contributions adding up to the temperature', () => {
    const h = matrixHeadlines(data, {
      period: parsePeriod('FY2024-25'),
      level: 'district',
    }) as Headlines;
    assert.equal(h.previous_period, 'FY2023-24');
    assert.deepEqual(h.units.map((u) => u.unit_id).sort(), ['D1', 'D2', 'D3', 'D4']);
    for (const u of [h.organisation, ...h.units]) {
      assert.deepEqual(
        Object.keys(u.indicators),
        DEFAULT_MATRIX_INDICATORS.map((i) => i.id),
      );
      for (const c of Object.values(u.indicators))
        assert.equal(c.value === null, c.status !== 'shown');
    }
    for (const u of h.units) {
      const sum = Object.values(u.indicators).reduce((s, c) => s + (c.contribution ?? 0), 0);
      assert.ok(u.temperature === null || Math.abs(sum - u.temperature) < 1e-9);
      assert.equal(u.running_hot, u.temperature !== null && u.temperature >= 1);
    }
  });

  it('pools all the data: no previous period, so previous temperatures and trends are null', () => {
    const all = resolvePeriod('all', data);
    const h = matrixHeadlines(data, { period: all, level: 'district' }) as Headlines & {
      units: { previous_temperature: number | null; trend: string | null }[];
      notes: string[];
    };
    assert.equal(h.period, all.label);
    assert.equal(h.previous_period, null);
    assert.ok(h.units.length > 0);
    for (const u of h.units) assert.deepEqual([u.previous_temperature, u.trend], [null, null]);
    assert.ok(h.notes.some((n) => /No previous period/.test(n)));
  });

  it('names the level options when the level is unknown', () => {
    assert.throws(
      () => matrixHeadlines(data, { period: parsePeriod('FY2024-25'), level: 'bcu' }),
      /level "bcu" is not a unit level. Levels: force, district, department, team/,
    );
  });
});
