// Trend labels of the well-being temperature: called only when the change's interval excludes 0.
// The bootstrap over people is checked on fixtures whose answer is known by construction.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../../src/privacy/index.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { MATRIX_COUNT_COLUMNS } from '../../../src/transforms/matrix/indicators.js';
import {
  deriveMatrixCells,
  rollUpMatrix,
  wellbeingMatrixCellSpec,
} from '../../../src/transforms/matrix/rollup.js';
import { scoreWellbeingMatrix } from '../../../src/transforms/matrix/score.js';
import { summarizeMatrixTemperature } from '../../../src/transforms/matrix/temperature.js';
import { bootstrapTemperatureChange } from '../../../src/transforms/matrix/temperature-change.js';

const ids = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
const tree = unitTree(
  aq.table({
    unit_id: ['F', ...ids],
    parent_id: [null, ...ids.map(() => 'F')],
    name: ['Force', ...ids],
    level: ['force', ...ids.map(() => 'team')],
  }),
);
const indicators = ['voluntary_resignation_pct'];

/**
 * Person-level counts: in each unit 200 people in post at the start of both periods, of whom
 * `resigned[unit][period]` resign (people 0 … k − 1). `same` makes every person resign in both
 * periods or neither, so each person's rows are identical across periods.
 */
function personCounts(resigned: number[][]): aq.ColumnTable {
  const rows: Record<string, unknown>[] = [];
  ids.forEach((unit, u) =>
    ['P1', 'P2'].forEach((period, p) => {
      for (let i = 0; i < 200; i++) {
        const row: Record<string, unknown> = Object.fromEntries(
          ['headcount', ...MATRIX_COUNT_COLUMNS].map((c) => [c, 0]),
        );
        Object.assign(row, {
          unit_id: unit,
          person_id: `${unit}-${i}`,
          period,
          headcount: 1,
          headcount_start: 1,
          voluntary_resignations: i < resigned[u][p] ? 1 : 0,
        });
        rows.push(row);
      }
    }),
  );
  const t = aq.from(rows);
  return t.select('unit_id', 'person_id', 'period', 'headcount', ...MATRIX_COUNT_COLUMNS);
}

function pipeline(resigned: number[][]) {
  const people = personCounts(resigned);
  const counts = people
    .groupby('unit_id', 'period')
    .rollup(
      Object.fromEntries(
        ['headcount', ...MATRIX_COUNT_COLUMNS].map((c) => [c, aq.op.sum(c) as unknown as string]),
      ),
    );
  const cells = deriveMatrixCells(rollUpMatrix(counts, tree, { levels: ['team'], indicators }), {
    indicators,
  });
  const published = publishTable(cells, wellbeingMatrixCellSpec(cells), { mode: 'analyst' });
  return { people, published, scored: scoreWellbeingMatrix(published, { tree, indicators }) };
}

// U1–U3 go from 10 to 60 resignations of 200 (5% → 30%), U4–U6 from 60 to 10: the force stays at
// 17.5% and the SD of the six values at 12.5 × √1.2 in both periods, so heat goes from ∓12.5 / SD to
// ±12.5 / SD: a change of ±2 × 12.5 / (12.5 × √1.2) = ±1.8257 by hand.
const planted = [
  [10, 60],
  [10, 60],
  [10, 60],
  [60, 10],
  [60, 10],
  [60, 10],
];
const byHand = 2 / Math.sqrt(1.2);

describe('summarizeMatrixTemperature', () => {
  it('gives no trend without an interval for the change', () => {
    const { scored } = pipeline(planted);
    const t = summarizeMatrixTemperature(scored, { period: 'P2', previousPeriod: 'P1' });
    const u1 = (t.objects() as Record<string, unknown>[]).find((r) => r.unit_id === 'U1')!;
    assert.ok(Math.abs((u1.temperature_change as number) - byHand) < 1e-9);
    assert.equal(u1.trend, null);
  });

  it('calls a trend only when the interval excludes 0, and says it with the interval', () => {
    const { scored } = pipeline(planted);
    const intervals = aq.table({
      unit_id: ['U1', 'U2', 'U4'],
      change_lower: [1.2, -0.1, -2.5],
      change_upper: [2.4, 0.3, -1.1],
    });
    const t = summarizeMatrixTemperature(scored, {
      period: 'P2',
      previousPeriod: 'P1',
      changeIntervals: intervals,
    });
    const row = (id: string) =>
      (t.objects() as Record<string, unknown>[]).find((r) => r.unit_id === id)!;
    assert.equal(row('U1').trend, 'worsening');
    assert.equal(row('U2').trend, 'no clear change');
    assert.equal(row('U4').trend, 'improving');
    assert.equal(row('U3').trend, null); // no interval given for U3
    assert.equal(row('U1').trend_label, 'worsening: +1.83 (95% interval +1.20 to +2.40)');
    assert.equal(row('U2').trend_label, 'no clear change: +1.83 (95% interval −0.10 to +0.30)');
  });
});

describe('bootstrapTemperatureChange', () => {
  it('finds the planted changes: U1–U3 worsening, U4–U6 improving', () => {
    const { people, published } = pipeline(planted);
    const b = bootstrapTemperatureChange(people, tree, published, {
      levels: ['team'],
      period: 'P2',
      previousPeriod: 'P1',
      indicators,
      replicates: 200,
      seed: 1,
    });
    const rows = b.objects() as Record<string, number>[];
    assert.deepEqual(
      rows.map((r) => r.unit_id),
      ids,
    );
    for (const r of rows) {
      const up = ['U1', 'U2', 'U3'].includes(String(r.unit_id));
      assert.ok(Math.abs(r.change - (up ? byHand : -byHand)) < 1e-9, `${r.unit_id} change`);
      assert.ok(up ? r.change_lower > 0 : r.change_upper < 0, `${r.unit_id} interval`);
      assert.ok(r.change_lower < r.change && r.change < r.change_upper);
      assert.equal(r.replicates, 200);
    }
  });

  it('gives an interval of exactly 0 when every person is the same in both periods', () => {
    // Same people resigning in both periods: every replicate's change is 0.
    const flat = ids.map((_, u) => [10 + 5 * u, 10 + 5 * u]);
    const { people, published } = pipeline(flat);
    const b = bootstrapTemperatureChange(people, tree, published, {
      levels: ['team'],
      period: 'P2',
      previousPeriod: 'P1',
      indicators,
      replicates: 50,
      seed: 1,
    });
    for (const r of b.objects() as Record<string, number>[]) {
      assert.ok(Math.abs(r.change_lower) < 1e-12 && Math.abs(r.change_upper) < 1e-12);
    }
  });

  it('is the same for the same seed', () => {
    const { people, published } = pipeline(planted);
    const run = () =>
      bootstrapTemperatureChange(people, tree, published, {
        levels: ['team'],
        period: 'P2',
        previousPeriod: 'P1',
        indicators,
        replicates: 30,
        seed: 7,
      }).objects();
    assert.deepEqual(run(), run());
  });
});
