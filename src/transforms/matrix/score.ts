// Scores of the published well-being matrix: each shown value normalised against the force (z-score
// or percentile among units of the same level), signed so that positive is worse, banded, weighted.
// Only published values are used, so a hidden cell adds nothing to any score or to the temperature.
import { table as toTable, type ColumnTable } from 'arquero';
import { checkPublishedTable, type PublishedTable } from '../../privacy/index.js';
import type { UnitTree } from '../units/hierarchy.js';
import { pickIndicators, type MatrixIndicator } from './indicators.js';
import { matrixUnitInfo } from './units.js';

export interface MatrixScoreOptions {
  /** The unit tree (names, levels, parents of the rows), e.g. report.tree. */
  tree: UnitTree;
  indicators?: readonly (string | MatrixIndicator)[];
  /** 'z' (default): (value − force value) / SD of the units' values; 'percentile': mid-rank percentile among the units. */
  normalise?: 'z' | 'percentile';
  /** Band thresholds on the worse-is-higher score: z (default amber 1, red 2) or percentile (default 75, 90). */
  bands?: { amber: number; red: number };
  /** Weight of each indicator in the temperature (default 1 each; 0 leaves one out). */
  weights?: Readonly<Record<string, number>>;
  /** Fewest shown units of a level needed to score an indicator (default 3). */
  minUnits?: number;
}

/** The defaults of each normalisation. */
export const MATRIX_BANDS = {
  z: { amber: 1, red: 2 },
  percentile: { amber: 75, red: 90 },
} as const;

/**
 * One row per published cell: period, unit_id, unit_name, unit_level, parent_id, indicator, label,
 * direction, value (per × published ratio; null when hidden or over an empty denominator), status
 * ('shown' | 'suppressed' | 'empty'), force_value (the top unit's value), score (z, or percentile of
 * worseness 0–100), heat (the score signed so that positive is worse than the force: ± z, or
 * percentile − 50), band ('red' | 'amber' | 'green' | 'top' for the top unit | 'suppressed' |
 * 'no data' | 'not scored'), weight and contribution (weight × heat / sum of the weights of the unit's
 * scored indicators; the contributions add up to the temperature). z uses the SD of the shown values
 * of units of the same level and period; both need minUnits shown values.
 * @example scoreWellbeingMatrix(published, { tree: report.tree, normalise: 'z' })
 */
export function scoreWellbeingMatrix(
  published: PublishedTable,
  options: MatrixScoreOptions,
): ColumnTable {
  const fn = 'scoreWellbeingMatrix';
  const pt = checkPublishedTable(published, fn);
  const { tree, normalise = 'z', weights = {}, minUnits = 3 } = options;
  if (normalise !== 'z' && normalise !== 'percentile') {
    throw new Error(
      `${fn}: normalise must be 'z' or 'percentile', got ${JSON.stringify(normalise)}.`,
    );
  }
  const bands = options.bands ?? MATRIX_BANDS[normalise];
  if (!(bands.red >= bands.amber)) {
    throw new Error(`${fn}: bands.red (${bands.red}) must be ≥ bands.amber (${bands.amber}).`);
  }
  const missing = ['unit_id', 'indicator', 'period', 'ratio'].filter(
    (c) => ![...pt.by, ...pt.columns].includes(c),
  );
  if (missing.length > 0) {
    throw new Error(
      `${fn}: the published table lacks ${missing.join(', ')}. Publish deriveMatrixCells output with wellbeingMatrixCellSpec.`,
    );
  }
  const list = pickIndicators(options.indicators, fn);
  const byId = new Map(list.map((i) => [i.id, i]));
  const rows = pt.table.objects() as Record<string, unknown>[];
  const info = matrixUnitInfo(
    tree,
    rows.map((r) => String(r.unit_id)),
  );
  const cells = rows
    .filter((r) => byId.has(String(r.indicator)))
    .map((r) => {
      const ind = byId.get(String(r.indicator))!;
      const u = info.get(String(r.unit_id))!;
      const status =
        String(r.ratio_status) === 'suppressed'
          ? 'suppressed'
          : r.ratio === null
            ? 'empty'
            : 'shown';
      const weight = weights[ind.id] ?? 1;
      if (!(weight >= 0)) throw new Error(`${fn}: weight of ${ind.id} must be ≥ 0, got ${weight}.`);
      return {
        period: String(r.period),
        unit_id: String(r.unit_id),
        unit_name: u.name,
        unit_level: u.level,
        parent_id: u.parent,
        indicator: ind.id,
        label: ind.label,
        direction: ind.direction,
        value: r.ratio === null ? null : ind.per * (r.ratio as number),
        status,
        force_value: null as number | null,
        score: null as number | null,
        heat: null as number | null,
        band:
          status === 'suppressed' ? 'suppressed' : status === 'empty' ? 'no data' : 'not scored',
        weight,
        contribution: null as number | null,
      };
    });
  for (const group of groupCells(cells, (c) => [c.period, c.indicator])) {
    const top = group.find((c) => c.parent_id === null);
    for (const c of group) c.force_value = top?.value ?? null;
    if (top) top.band = top.status === 'shown' ? 'top' : top.band;
    scoreIndicatorCells(group, normalise, minUnits);
    for (const c of group) {
      if (c.heat === null || c === top) continue;
      const worse = normalise === 'z' ? c.heat : (c.score as number);
      c.band = worse >= bands.red ? 'red' : worse >= bands.amber ? 'amber' : 'green';
    }
  }
  addContributions(cells);
  const names = Object.keys(cells[0] ?? { period: 0 });
  return toTable(
    Object.fromEntries(names.map((k) => [k, cells.map((c) => c[k as keyof typeof c])])),
  );
}

/** What addContributions reads and writes on a cell. */
export interface ContributionCell {
  period: string;
  unit_id: string;
  heat: number | null;
  weight: number;
  contribution: number | null;
}

/**
 * Sets each scored cell's contribution to its unit's temperature in place: weight × heat / the
 * summed weight of the unit's cells with a heat and a weight > 0 in the period (so a unit's
 * contributions add up to its temperature); cells without a heat keep theirs.
 * @example addContributions(scoredCells)
 */
export function addContributions(cells: readonly ContributionCell[]): void {
  for (const unit of groupCells(cells, (c) => [c.period, c.unit_id])) addUnitContributions(unit);
}

/**
 * addContributions for the cells of one unit in one period (a caller that has them grouped already).
 * @example addUnitContributions(cellsOfOneUnitAndPeriod)
 */
export function addUnitContributions(unit: readonly ContributionCell[]): void {
  const used = unit.filter((c) => c.heat !== null && c.weight > 0);
  const total = used.reduce((a, c) => a + c.weight, 0);
  for (const c of used) c.contribution = total > 0 ? (c.weight * c.heat!) / total : null;
}

/**
 * The cells grouped by `key` (each group in the order of `cells`, groups in order of first cell).
 * @example groupCells(cells, (c) => [c.period, c.indicator]) // one group per indicator and period
 */
export function groupCells<T>(cells: readonly T[], key: (cell: T) => unknown[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const c of cells) {
    const k = JSON.stringify(key(c));
    const group = groups.get(k);
    if (group) group.push(c);
    else groups.set(k, [c]);
  }
  return [...groups.values()];
}

/** What scoreIndicatorCells reads and writes on a cell. */
export interface HeatCell {
  parent_id: string | null;
  unit_level: string;
  direction: 'higher_is_worse' | 'higher_is_better';
  value: number | null;
  score: number | null;
  heat: number | null;
}

/**
 * Scores the cells of one indicator in one period in place, as scoreWellbeingMatrix defines it: per
 * level (the top unit, parent_id null, is the centre and is not scored), the cells with a value get
 * z = (value − top value, or the mean without one) / SD of the level's values, or the mid-rank
 * percentile of worseness; heat is that signed so positive is worse. A level with fewer than minUnits
 * values, or (z) no spread, is not scored. Used again by the bootstrap of temperature changes.
 * @example scoreIndicatorCells(cellsOfOneIndicatorAndPeriod, 'z', 3)
 */
export function scoreIndicatorCells(
  group: HeatCell[],
  normalise: 'z' | 'percentile',
  minUnits: number,
): void {
  const top = group.find((c) => c.parent_id === null);
  const sign = group[0]?.direction === 'higher_is_worse' ? 1 : -1;
  for (const level of new Set(group.filter((c) => c !== top).map((c) => c.unit_level))) {
    const peers = group.filter((c) => c !== top && c.unit_level === level && c.value !== null);
    if (peers.length < minUnits) continue;
    const values = peers.map((c) => c.value as number);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const centre = top?.value ?? mean;
    for (const c of peers) {
      const v = c.value as number;
      if (normalise === 'z') {
        if (!(sd > 0)) continue;
        c.score = (v - centre) / sd;
        c.heat = sign * c.score;
      } else {
        const less = values.filter((x) => sign * x < sign * v).length;
        const equal = values.filter((x) => x === v).length;
        c.score = (100 * (less + equal / 2)) / values.length;
        c.heat = c.score - 50;
      }
    }
  }
}
