// summarizeUnitIndicator on a hand-made tree: rates as summed numerators over summed denominators at
// every level (expected values worked out by hand below), lowest rows winning, units outside the
// units table, figures without counts, pooled periods; and publishing keeps parents additive.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { epochDay } from '../../../src/time/dates.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import {
  describeUnitIndicators,
  indicatorLevel,
  placeIndicatorUnits,
  summarizeUnitIndicator,
  unitIndicatorCellSpec,
} from '../../../src/transforms/indicators/unit-indicators.js';

const tree = unitTree(
  aq.table({
    unit_id: ['F', 'D1', 'D2', 'T1', 'T2', 'T3'],
    parent_id: [null, 'F', 'F', 'D1', 'D1', 'D2'],
    name: ['Force', 'North', 'South', 'Alpha', 'Beta', 'Gamma'],
    level: ['org', 'area', 'area', 'squad', 'squad', 'squad'],
  }),
);
const apr = [epochDay(2024, 4, 1), epochDay(2024, 4, 30)];
const may = [epochDay(2024, 5, 1), epochDay(2024, 5, 31)];
const rows: [string, number[], string, number | null, number | null, number | null][] = [
  ['T1', apr, 'lost_pct', 2, 100, 2],
  ['T2', apr, 'lost_pct', 6, 200, 3],
  ['T3', apr, 'lost_pct', 1, 50, 2],
  ['D2', apr, 'lost_pct', 10, 100, 10], // D2's own figure: T3 below it reported, so it is not used
  ['X9', apr, 'lost_pct', 1, 50, 2], // not in the units table
  ['T1', may, 'lost_pct', 4, 100, 4],
  ['T1', apr, 'score', null, null, 70],
  ['T2', apr, 'score', null, null, 60],
];
const ui = aq.table({
  unit_id: rows.map((r) => r[0]),
  period_start: rows.map((r) => r[1][0]),
  period_end: rows.map((r) => r[1][1]),
  indicator: rows.map((r) => r[2]),
  numerator: rows.map((r) => r[3]),
  denominator: rows.map((r) => r[4]),
  value: rows.map((r) => r[5]),
});
type Row = Record<string, unknown>;
const byUnit = (t: aq.ColumnTable, period: string) =>
  new Map(
    (t.objects() as Row[]).filter((r) => r.period === period).map((r) => [r.unit_id, r] as const),
  );

describe('unit indicators', () => {
  it('describes each indicator: additive or not, and the multiplier read from the values', () => {
    const infos = describeUnitIndicators(ui);
    assert.deepEqual(
      infos.map((i) => [i.indicator, i.rows, i.additive, i.per, i.units]),
      [
        ['lost_pct', 6, true, 100, 5],
        ['score', 2, false, 1, 2],
      ],
    );
  });

  it('rolls rates up as Σ numerator / Σ denominator, the lowest rows winning, outsiders under the top', () => {
    const t = summarizeUnitIndicator(ui, tree, {
      indicator: 'lost_pct',
      periods: [parsePeriod('2024-04')],
      levels: ['area'],
    });
    const u = byUnit(t, '2024-04');
    // North = Alpha + Beta = 100 × 8 / 300; South = Gamma only = 100 × 1 / 50;
    // X9 sits under the force outside any area; Force = 100 × (2+6+1+1) / (100+200+50+50).
    assert.ok(Math.abs((u.get('D1')!.value as number) - 800 / 300) < 1e-12);
    assert.equal(u.get('D2')!.value, 2);
    assert.equal(u.get('F:other-area')!.value, 2);
    assert.equal(u.get('F:other-area')!.unit, 'Force (not in a area)');
    assert.ok(Math.abs((u.get('F')!.value as number) - 1000 / 400) < 1e-12);
    assert.equal(u.get('F')!.rows_replaced, 1);
    assert.equal(u.get('F')!.units_reporting, 4);
    // published with the hierarchy: parents are sums of their children, so publishTable accepts it
    const pt = publishTable(t, unitIndicatorCellSpec(t, { name: 'lost_pct', per: 100 }), {
      mode: 'analyst',
    });
    assert.deepEqual(pt.table.array('unit'), ['Force', 'Force (not in a area)', 'North', 'South']);
  });

  it('pools a range: April and May summed before dividing', () => {
    const t = summarizeUnitIndicator(ui, tree, {
      indicator: 'lost_pct',
      periods: [parsePeriod('2024-04..2024-05')],
      levels: ['squad'],
    });
    const u = byUnit(t, '2024-04 to 2024-05');
    assert.equal(u.get('T1')!.value, (100 * 6) / 200);
    assert.equal(u.get('T1')!.units_reporting, 1);
  });

  it('shows a figure without counts for its own unit only, never for a parent', () => {
    const t = summarizeUnitIndicator(ui, tree, {
      indicator: 'score',
      periods: [parsePeriod('2024-04')],
      levels: ['squad'],
    });
    const u = byUnit(t, '2024-04');
    assert.deepEqual([u.get('T1')!.value, u.get('T1')!.value_from], [70, 'as supplied']);
    assert.deepEqual([u.get('F')!.value, u.get('F')!.value_from], [null, 'none']);
    assert.equal(u.get('F')!.rows_without_counts, 2);
  });

  it('gives units of an extract without a units table a level of their own', () => {
    const top = unitTree(
      aq.table({ unit_id: [':org'], parent_id: [null], name: ['All'], level: ['org'] }),
    );
    const placed = placeIndicatorUnits(top, ui);
    assert.deepEqual(placed.levels, ['org', 'unit']);
    assert.equal(indicatorLevel(placed, 'org'), 'unit');
    assert.equal(placed.parent.get('T1'), ':org');
  });
});
