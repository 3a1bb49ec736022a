import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { matrixRunningHot } from '../../src/charts/matrix-hotlist.js';
import { wellbeingMatrixDrilldownFigure } from '../../src/charts/matrix-drilldown.js';
import { MAX_HEATMAP_UNITS, wellbeingMatrixHeatmapChart } from '../../src/charts/matrix-heatmap.js';
import { welfareOverdueChart } from '../../src/charts/welfare-charts.js';
import { publishTable } from '../../src/privacy/index.js';
import { unitTree } from '../../src/transforms/units/hierarchy.js';
import { wellbeingMatrixCellSpec } from '../../src/transforms/matrix/rollup.js';
import { matrixTemperatureTrend, scoreMatrix } from '../../src/transforms/matrix/scored.js';
import { matrixTemperatureTrendChart } from '../../src/charts/matrix-trend.js';
import { welfareChecksCellSpec } from '../../src/transforms/welfare/checks.js';

const tree = unitTree(
  aq.table({
    unit_id: ['F', 'U1', 'U2', 'U3', 'U4'],
    parent_id: [null, 'F', 'F', 'F', 'F'],
    name: ['Force', 'One', 'Two', 'Three', 'Four'],
    level: ['force', 'team', 'team', 'team', 'team'],
  }),
);
// Lost time 1, 2, 3, 6 % (force 3 %); U1 has 3 people, so its cell is hidden (and one more with it).
const cells = aq.table({
  unit_id: ['F', 'U1', 'U2', 'U3', 'U4'],
  indicator: Array(5).fill('lost_time_rate_pct'),
  period: Array(5).fill('P'),
  population: [63, 3, 20, 20, 20],
  numerator: [120, 10, 20, 30, 60],
  denominator: [4000, 1000, 1000, 1000, 1000],
  parent_id: [null, 'F', 'F', 'F', 'F'],
});
const published = publishTable(cells, wellbeingMatrixCellSpec(cells));
const options = { tree, indicators: ['lost_time_rate_pct'], minUnits: 2 };
const matrix = scoreMatrix(published, options);

describe('wellbeingMatrixHeatmapChart', () => {
  it('marks hidden cells [c] and never embeds their value', () => {
    const spec = wellbeingMatrixHeatmapChart(matrix) as {
      data: { values: Record<string, unknown>[] };
    };
    const one = spec.data.values.find(
      (v) => v.unit === 'One' && v.indicator === 'Sickness lost time',
    )!;
    assert.equal(one.text, '[c]');
    assert.equal(one.value, null);
    assert.ok(!JSON.stringify(spec).includes('"value":1,'));
    assert.deepEqual(
      [...new Set(spec.data.values.map((v) => v.indicator))],
      ['Sickness lost time', 'Temperature'],
    );
  });
  it('draws only the units asked for (and the force), scored against every published row', () => {
    const all = wellbeingMatrixHeatmapChart(matrix) as {
      data: { values: Record<string, unknown>[] };
    };
    const some = wellbeingMatrixHeatmapChart(matrix, { units: ['U4'] }) as {
      data: { values: Record<string, unknown>[] };
    };
    assert.deepEqual([...new Set(some.data.values.map((v) => v.unit))].sort(), ['Force', 'Four']);
    const heat = (spec: typeof all) =>
      spec.data.values.find((v) => v.unit === 'Four' && v.indicator === 'Sickness lost time')!.heat;
    assert.equal(heat(some), heat(all)); // the same score as in the full matrix
  });
  it('orders the rows by a field, force first, not by a list of names (a list overflows Vega at ~1,000 units)', () => {
    const spec = wellbeingMatrixHeatmapChart(matrix) as {
      data: { values: { unit: string; unit_order: number }[] };
      encoding: { y: { sort: unknown } };
    };
    assert.deepEqual(spec.encoding.y.sort, { field: 'unit_order', op: 'min', order: 'ascending' });
    const order = new Map(spec.data.values.map((v) => [v.unit, v.unit_order]));
    // the order of the scored temperatures: the force, then the hottest unit first (Four: 6 %)
    assert.deepEqual(
      [...order].sort((a, b) => a[1] - b[1]).map(([unit]) => unit),
      ['Force', 'Four', 'Three', 'One', 'Two'],
    );
  });
  it('draws at most maxUnits units, the hottest first, and says how many of how many', () => {
    // Temperatures by hand: Four (6 % against the force's 3 %) is the hottest, then Three (3 %).
    const spec = wellbeingMatrixHeatmapChart(matrix, { maxUnits: 2 }) as {
      description: string;
      data: { values: { unit: string }[] };
    };
    assert.deepEqual([...new Set(spec.data.values.map((v) => v.unit))].sort(), [
      'Force',
      'Four',
      'Three',
    ]);
    assert.match(spec.description, /Drawn: the 2 team units with the highest temperature, of 4\./);
    // within the limit nothing is said and every unit is drawn
    const all = wellbeingMatrixHeatmapChart(matrix, { maxUnits: 4 }) as typeof spec;
    assert.equal(new Set(all.data.values.map((v) => v.unit)).size, 5);
    assert.doesNotMatch(all.description, /Drawn:/);
    // the default keeps a national force's heatmap to a page a manager can open (1,050 teams at
    // 50,000 people drew an SVG 21,000 px tall, 7.6 MB)
    assert.equal(MAX_HEATMAP_UNITS, 100);
    assert.throws(() => wellbeingMatrixHeatmapChart(matrix, { maxUnits: 0 }), /maxUnits is 0/);
    // counts are written with thousands separators: 1,050 teams, not 1050
    const teams = 1050;
    const big = aq.table({
      unit_id: ['F', ...Array.from({ length: teams }, (_, i) => `T${i}`)],
      parent_id: [null, ...Array(teams).fill('F')],
      name: ['Force', ...Array.from({ length: teams }, (_, i) => `Team ${i}`)],
      level: ['force', ...Array(teams).fill('team')],
    });
    const bigCells = aq.table({
      unit_id: ['F', ...Array.from({ length: teams }, (_, i) => `T${i}`)],
      indicator: Array(teams + 1).fill('lost_time_rate_pct'),
      period: Array(teams + 1).fill('P'),
      population: [20 * teams, ...Array(teams).fill(20)],
      numerator: [teams * 11, ...Array.from({ length: teams }, (_, i) => 1 + (i % 21))],
      denominator: [1000 * teams, ...Array(teams).fill(1000)],
      parent_id: [null, ...Array(teams).fill('F')],
    });
    const bigMatrix = scoreMatrix(publishTable(bigCells, wellbeingMatrixCellSpec(bigCells)), {
      ...options,
      tree: unitTree(big),
    });
    const drawn = wellbeingMatrixHeatmapChart(bigMatrix) as typeof spec;
    assert.match(
      drawn.description,
      /Drawn: the 100 team units with the highest temperature, of 1,050\./,
    );
    assert.equal(new Set(drawn.data.values.map((v) => v.unit)).size, 101);
  });
  it('draws a scored matrix only: a published table is scored first (scoreMatrix), a plain one never', () => {
    // @ts-expect-error: a published table is not scored
    assert.throws(() => wellbeingMatrixHeatmapChart(published), /expected a scored matrix/);
    // @ts-expect-error: a plain table is not a PublishedTable
    assert.throws(() => scoreMatrix(cells, options), /expected a PublishedTable/);
  });
});

describe('wellbeingMatrixDrilldownFigure', () => {
  it('draws each unit inside its parent, coloured by temperature', () => {
    const fig = wellbeingMatrixDrilldownFigure(matrix);
    const trace = fig.data[0] as { type: string; ids: string[]; parents: string[] };
    assert.equal(trace.type, 'sunburst');
    assert.deepEqual(trace.parents[trace.ids.indexOf('U4')], 'F');
    assert.equal(trace.parents[trace.ids.indexOf('F')], '');
  });
  it('draws only the units asked for under the force', () => {
    const fig = wellbeingMatrixDrilldownFigure(matrix, { units: ['U3', 'U4'] });
    assert.deepEqual((fig.data[0] as { ids: string[] }).ids.sort(), ['F', 'U3', 'U4']);
  });
});

describe('matrixRunningHot', () => {
  it('lists the units at or above the hot threshold', () => {
    // Shown values (U1 hidden, and one complement) are scored; U4 (6 %) is the hottest.
    const hot = matrixRunningHot(scoreMatrix(published, { ...options, hot: 0.5 }));
    assert.ok(hot.units.includes('U4'));
    assert.ok(!hot.units.includes('U1'));
  });
  it('lists only the units asked for', () => {
    const hot = matrixRunningHot(scoreMatrix(published, { ...options, hot: 0.5 }), {
      units: ['U2', 'U3'],
    });
    assert.ok(!hot.units.includes('U4'));
    assert.ok(!hot.html.includes('Four'));
  });
});

describe('matrixTemperatureTrend and matrixTemperatureTrendChart', () => {
  // Two periods, nothing hidden: lost time 1, 2, 3, 6 % in P1 and 6, 3, 2, 1 % in P2 (force 3 %).
  // One indicator, so a temperature is its z-score: (6 − 3) / SD(1, 2, 3, 6) = 3 / √(14/3) = 1.3887,
  // (2 − 3) / √(14/3) = −0.4629, worked by hand.
  const two = aq.table({
    unit_id: ['F', 'U1', 'U2', 'U3', 'U4', 'F', 'U1', 'U2', 'U3', 'U4'],
    indicator: Array(10).fill('lost_time_rate_pct'),
    period: ['P1', 'P1', 'P1', 'P1', 'P1', 'P2', 'P2', 'P2', 'P2', 'P2'],
    population: [80, 20, 20, 20, 20, 80, 20, 20, 20, 20],
    numerator: [120, 10, 20, 30, 60, 120, 60, 30, 20, 10],
    denominator: [4000, 1000, 1000, 1000, 1000, 4000, 1000, 1000, 1000, 1000],
    parent_id: [null, 'F', 'F', 'F', 'F', null, 'F', 'F', 'F', 'F'],
  });
  const scored = scoreMatrix(publishTable(two, wellbeingMatrixCellSpec(two)), options);
  const trend = matrixTemperatureTrend(scored);

  it('scores each period against its own force', () => {
    const at = (period: string, unit: string) =>
      (trend.objects() as { period: string; unit_id: string; temperature: number }[]).find(
        (r) => r.period === period && r.unit_id === unit,
      )!.temperature;
    assert.ok(Math.abs(at('P1', 'U4') - 3 / Math.sqrt(14 / 3)) < 1e-12);
    assert.ok(Math.abs(at('P2', 'U1') - 3 / Math.sqrt(14 / 3)) < 1e-12);
    assert.ok(Math.abs(at('P1', 'U2') + 1 / Math.sqrt(14 / 3)) < 1e-12);
    assert.equal(at('P2', 'U2'), 0);
  });

  it('draws the units asked for over the periods, with the hot threshold', () => {
    const spec = matrixTemperatureTrendChart(trend, { units: ['U4'], hot: scored.hot }) as {
      layer: { data: { values: Record<string, unknown>[] } }[];
    };
    const line = spec.layer[0].data.values;
    assert.deepEqual(
      line.map((v) => [v.period, v.unit]),
      [
        ['P1', 'Four'],
        ['P2', 'Four'],
      ],
    );
    assert.deepEqual(spec.layer[1].data.values, [{ hot: 1 }]);
  });
});

describe('welfareOverdueChart', () => {
  it('plots overdue_pct with [c] for a hidden unit', () => {
    const t = aq
      .table({
        unit: ['A', 'B'],
        high_risk_staff: [20, 3],
        overdue: [5, 1],
        screening_overdue: [5, 1],
        pause_point_overdue: [0, 0],
        meeting_overdue: [0, 0],
        never_screened: [0, 0],
        overdue_over_1_year: [0, 0],
        overdue_days_sum: [100, 10],
        screened: [20, 3],
        months_since_screening_sum: [100, 10],
        longest_overdue_months: [6, 1],
        longest_without_check_months: [8, 2],
      })
      .derive({
        overdue_pct: (d: { overdue: number; high_risk_staff: number }) =>
          (100 * d.overdue) / d.high_risk_staff,
      });
    const spec = welfareOverdueChart(publishTable(t, welfareChecksCellSpec(['unit'])), {
      category: 'unit',
      title: 'x',
    }) as {
      data: { values: Record<string, unknown>[] };
    };
    assert.deepEqual(
      spec.data.values.map((v) => [v.unit, v.overdue_pct, v.label]),
      [
        // The longest delay is one person's value: never published, so no label in publish mode.
        ['A', 25, ''],
        ['B', null, '[c]'],
      ],
    );
  });
});
