// The demo force (docs/demo-force.md, default size and seed): two teams were planted hot in every
// year with no change between years (D1-RESP-B, D2-CID-A). Before intervals, the change of their
// temperature from FY2023-24 to FY2024-25 was labelled "improving" by a fixed threshold (−0.25); it is
// noise, and with the bootstrap interval it is "no clear change". Also: counts by person add up to the
// unit counts.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import { generateDemoForce } from '../../../src/demo/generate.js';
import { loadDataset, type Dataset } from '../../../src/io/load-dataset.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { summarizeMatrixCounts } from '../../../src/transforms/matrix/counts.js';
import { MATRIX_COUNT_COLUMNS } from '../../../src/transforms/matrix/indicators.js';
import {
  deriveMatrixCells,
  rollUpMatrix,
  wellbeingMatrixCellSpec,
} from '../../../src/transforms/matrix/rollup.js';
import { scoreWellbeingMatrix } from '../../../src/transforms/matrix/score.js';
import { summarizeMatrixTemperature } from '../../../src/transforms/matrix/temperature.js';
import { bootstrapTemperatureChange } from '../../../src/transforms/matrix/temperature-change.js';

const HOT = ['D1-RESP-B', 'D2-CID-A'];

describe('temperature trends on the demo force', function () {
  this.timeout(600_000);
  const periods = [parsePeriod('FY2023-24'), parsePeriod('FY2024-25')];
  let data: Dataset;
  let counts: ColumnTable;
  let people: ColumnTable;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-demo-trend-'));
    await generateDemoForce({ outDir: dir });
    data = await loadDataset(dir, { asOf: '2025-03-31' });
    counts = summarizeMatrixCounts(data.tables, { periods, asOf: data.asOf });
    people = summarizeMatrixCounts(data.tables, { periods, asOf: data.asOf, byPerson: true });
  });

  it('gives person-level counts that add up to each unit and period', () => {
    const sums = new Map<string, number[]>();
    for (const r of people.objects() as Record<string, number | string>[]) {
      const key = `${r.unit_id}|${r.period}`;
      const row = sums.get(key) ?? MATRIX_COUNT_COLUMNS.map(() => 0);
      MATRIX_COUNT_COLUMNS.forEach((c, j) => (row[j] += r[c] as number));
      sums.set(key, row);
    }
    const rows = counts.objects() as Record<string, number | string>[];
    assert.equal(sums.size, rows.length);
    for (const r of rows) {
      const got = sums.get(`${r.unit_id}|${r.period}`)!;
      MATRIX_COUNT_COLUMNS.forEach((c, j) =>
        assert.ok(Math.abs(got[j] - (r[c] as number)) < 1e-6, `${r.unit_id} ${r.period} ${c}`),
      );
    }
  });

  it('labels neither planted hot team improving: no clear change, the interval spanning 0', () => {
    const tree = unitTree(data.tables.units);
    const cells = deriveMatrixCells(rollUpMatrix(counts, tree, { levels: ['team'] }));
    const published = publishTable(cells, wellbeingMatrixCellSpec(cells));
    const scored = scoreWellbeingMatrix(published, { tree });
    const intervals = bootstrapTemperatureChange(people, tree, published, {
      levels: ['team'],
      period: 'FY2024-25',
      previousPeriod: 'FY2023-24',
      replicates: 200,
      seed: 1,
    });
    const t = summarizeMatrixTemperature(scored, {
      period: 'FY2024-25',
      previousPeriod: 'FY2023-24',
      changeIntervals: intervals,
    });
    const rows = (t.objects() as Record<string, unknown>[]).filter((r) =>
      HOT.includes(String(r.unit_id)),
    );
    assert.equal(rows.length, 2);
    for (const r of rows) {
      assert.equal(r.running_hot, true, `${r.unit_id} still runs hot`);
      // The old rule (change ≤ −0.25 → improving) called both improving.
      assert.ok((r.temperature_change as number) <= -0.25, `${r.unit_id} fell by 0.25 or more`);
      assert.equal(r.trend, 'no clear change', `${r.unit_id}: ${r.trend_label}`);
      assert.ok((r.change_lower as number) < 0 && (r.change_upper as number) > 0);
    }
  });
});
