// The unit-indicators report (notebook 09) in a few calls: which indicators the extract has, each one
// published by unit at a level and by period (rates from summed numerators and denominators, figures
// without counts as supplied), its trend, and the well-being matrix built from the additive ones.
import { selectPublishedRows, type PublishedTable } from '../privacy/index.js';
import { periodsBetween, type Period } from '../time/periods.js';
import type { UnitTree } from '../transforms/units/hierarchy.js';
import type { MatrixIndicator } from '../transforms/matrix/indicators.js';
import { wellbeingMatrixCellSpec } from '../transforms/matrix/rollup.js';
import {
  SUPPLIED_VALUE_SPEC,
  describeUnitIndicators,
  indicatorLevel,
  indicatorMatrixIndicators,
  indicatorPeriodKind,
  placeIndicatorUnits,
  summarizeUnitIndicator,
  suppliedValueRows,
  unitIndicatorCellSpec,
  unitIndicatorMatrixCells,
  type UnitIndicatorInfo,
} from '../transforms/indicators/unit-indicators.js';
import type { ReportContext } from './context.js';

/** What the unit-indicators report works with (from unitIndicatorsOf). */
export interface UnitIndicators {
  /** The report's unit tree with the units of unit_indicators missing from it placed under the top. */
  tree: UnitTree;
  /** The level the units are shown at (the report's, or the one below the top for a one-level tree). */
  level: string;
  /** Every indicator chosen, in first-seen order. */
  all: UnitIndicatorInfo[];
  /** The additive ones (numerator and denominator on every row): rolled up, trended, in the matrix. */
  additive: UnitIndicatorInfo[];
  /** The others (values only), shown as supplied. */
  supplied: UnitIndicatorInfo[];
}

/**
 * The indicators of the report's unit_indicators (all, or those named in `only`), split into additive
 * and supplied-only, with the tree and level to show them at. Throws naming the indicators present
 * when `only` names one the extract lacks.
 * @example const ui = unitIndicatorsOf(report); ui.additive.map((i) => i.indicator)
 */
export function unitIndicatorsOf(
  report: ReportContext,
  only: readonly string[] = [],
): UnitIndicators {
  const table = report.data.tables.unit_indicators;
  const infos = describeUnitIndicators(table);
  const unknown = only.filter((id) => !infos.some((i) => i.indicator === id));
  if (unknown.length > 0) {
    throw new Error(
      `unitIndicatorsOf: the extract has no indicator ${unknown.join(', ')}. Indicators present: ${infos
        .map((i) => i.indicator)
        .slice(0, 20)
        .join(', ')}.`,
    );
  }
  const all = only.length ? infos.filter((i) => only.includes(i.indicator)) : infos;
  const tree = placeIndicatorUnits(report.tree, table);
  return {
    tree,
    level: indicatorLevel(tree, report.level),
    all,
    additive: all.filter((i) => i.additive),
    supplied: all.filter((i) => !i.additive),
  };
}

/**
 * One additive indicator published by unit and period: the top unit and the units at `levels`
 * (default: the report's), the rate named after the indicator, parents and children protected
 * together. In a report for one unit, only the top, the unit's subtree and their parents are kept.
 * @example report.show(publishIndicatorRates(report, ui, info, [report.period]), { caption: info.indicator })
 */
export function publishIndicatorRates(
  report: ReportContext,
  ui: UnitIndicators,
  info: UnitIndicatorInfo,
  periods: readonly Period[],
  levels: readonly string[] = [ui.level],
): PublishedTable {
  const cells = summarizeUnitIndicator(report.data.tables.unit_indicators, ui.tree, {
    indicator: info.indicator,
    periods,
    levels,
  });
  return keepScope(
    report,
    report.publish(cells, unitIndicatorCellSpec(cells, { name: info.indicator, per: info.per })),
    cells.objects() as Record<string, unknown>[],
  );
}

/**
 * The figures of indicators given without numerator and denominator, as supplied, one row per
 * indicator × unit × period (units at the report's level, or the units of record below a one-level
 * tree).
 * @example report.show(publishSuppliedValues(report, ui, ui.supplied, [report.period]), { exportAs: 'unit-indicator-values' })
 */
export function publishSuppliedValues(
  report: ReportContext,
  ui: UnitIndicators,
  infos: readonly UnitIndicatorInfo[],
  periods: readonly Period[],
): PublishedTable {
  const rows = infos.map((info) =>
    summarizeUnitIndicator(report.data.tables.unit_indicators, ui.tree, {
      indicator: info.indicator,
      periods,
      levels: [ui.level],
    }),
  );
  const cells = rows.slice(1).reduce((a, t) => a.concat(t), rows[0]);
  return keepScope(
    report,
    report.publish(suppliedValueRows(cells), SUPPLIED_VALUE_SPEC),
    cells.objects() as Record<string, unknown>[],
  );
}

/**
 * The periods of an indicator's trend: its own periods (months, quarters, years: those its rows
 * cover) from its first row, at most `max` of them, to the end of the report period; [] when its
 * rows have no regular length.
 * @example indicatorTrendPeriods(report, info).map((p) => p.label) // ['2024-04', …, '2025-03']
 */
export function indicatorTrendPeriods(
  report: ReportContext,
  info: UnitIndicatorInfo,
  max = 24,
): Period[] {
  const fy = { fyStartMonth: report.data.config.fyStartMonth };
  const kind = indicatorPeriodKind(report.data.tables.unit_indicators, info.indicator, fy);
  if (kind === null || info.first > report.period.end) return [];
  return periodsBetween(info.first, report.period.end, kind, fy)
    .filter((p) => p.end <= report.period.end)
    .slice(-max);
}

/**
 * The well-being matrix of the additive indicators at the report's level for `periods`: cells
 * published with wellbeingMatrixCellSpec (population: the denominator), and the matrix indicators
 * to score them with (scoreMatrix with `tree: ui.tree`, then wellbeingMatrixHeatmapChart).
 * @example const { published, indicators } = publishIndicatorMatrix(report, ui, [report.period])
 */
export function publishIndicatorMatrix(
  report: ReportContext,
  ui: UnitIndicators,
  periods: readonly Period[],
): { published: PublishedTable; indicators: MatrixIndicator[] } {
  const cells = unitIndicatorMatrixCells(
    ui.additive.map((info) =>
      summarizeUnitIndicator(report.data.tables.unit_indicators, ui.tree, {
        indicator: info.indicator,
        periods,
        levels: [ui.level],
      }),
    ),
  );
  return {
    published: report.publish(cells, wellbeingMatrixCellSpec(cells)),
    indicators: indicatorMatrixIndicators(ui.additive),
  };
}

/** Keeps the rows of a unit report's scope (the unit's subtree, its ancestors and the top). */
function keepScope(
  report: ReportContext,
  published: PublishedTable,
  cells: Record<string, unknown>[],
): PublishedTable {
  const scope = report.scope;
  if (scope === null || report.unit === null) return published;
  const above = new Set<string>();
  for (
    let p = report.tree.parent.get(report.unit) ?? null;
    p !== null;
    p = report.tree.parent.get(p) ?? null
  )
    above.add(p);
  const keep = new Set<string>();
  for (const c of cells) {
    const id = String(c.unit_id);
    if (c.parent_id === null || scope.has(id) || above.has(id)) keep.add(String(c.unit));
  }
  return selectPublishedRows(published, (row) => keep.has(String(row.unit)));
}
