// Pre-aggregated figures (unit_indicators: published sickness rates, staff-survey scores) by unit level
// and period: each indicator's numerator and denominator summed up the unit tree and the rate
// recomputed at every level (never a mean of rates); figures given only as a value are shown as given.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { parentMapOfRows, type UnitTree } from '../units/hierarchy.js';
import {
  checkPeriods,
  periodOf,
  type Period,
  type PeriodKind,
  type PeriodOptions,
} from '../../time/periods.js';
import { checkColumns } from '../../shared/columns.js';
import { RollUpUnits, topUnit } from '../units/roll-up.js';
import type { MatrixIndicator } from '../matrix/indicators.js';
import { pushTo } from '../../shared/collections.js';

/** What the extract holds of one indicator of unit_indicators. */
export interface UnitIndicatorInfo {
  indicator: string;
  /** Rows of the indicator. */
  rows: number;
  /** Rows with both numerator and denominator (their rate can be rolled up). */
  rowsWithCounts: number;
  /** True when every row has numerator and denominator: the indicator is additive up the tree. */
  additive: boolean;
  /** value ≈ per × numerator / denominator (read from rows with all three; else 100 for *_pct names, 1 otherwise). */
  per: number;
  /** Units with rows. */
  units: number;
  /** Earliest period_start and latest period_end (epoch days). */
  first: number;
  last: number;
}

const COLUMNS = [
  'unit_id',
  'period_start',
  'period_end',
  'indicator',
  'numerator',
  'denominator',
  'value',
];

/**
 * One entry per indicator of unit_indicators (in first-seen order): rows, whether it is additive
 * (numerator and denominator on every row), its multiplier `per` (the power of ten that makes
 * per × numerator / denominator match the supplied value), units and date span.
 * @example describeUnitIndicators(data.tables.unit_indicators)[0] // { indicator: 'sickness_absence_rate_pct', additive: true, per: 100, … }
 */
export function describeUnitIndicators(unitIndicators: ColumnTable): UnitIndicatorInfo[] {
  checkColumns('describeUnitIndicators', unitIndicators, COLUMNS, { what: 'unit_indicators' });
  const col = (c: string) => unitIndicators.array(c) as ArrayLike<unknown>;
  const [unit, from, to, what, num, den, val] = COLUMNS.map(col);
  const info = new Map<string, UnitIndicatorInfo & { unitSet: Set<string>; ratios: number[] }>();
  for (let i = 0; i < unitIndicators.numRows(); i++) {
    const id = String(what[i]);
    let e = info.get(id);
    if (!e) {
      e = {
        indicator: id,
        rows: 0,
        rowsWithCounts: 0,
        additive: false,
        per: 1,
        units: 0,
        first: Infinity,
        last: -Infinity,
        unitSet: new Set(),
        ratios: [],
      };
      info.set(id, e);
    }
    e.rows += 1;
    e.unitSet.add(String(unit[i]));
    e.first = Math.min(e.first, from[i] as number);
    e.last = Math.max(e.last, to[i] as number);
    if (isNumber(num[i]) && isNumber(den[i])) {
      e.rowsWithCounts += 1;
      const n = num[i] as number;
      const d = den[i] as number;
      if (isNumber(val[i]) && d > 0 && n > 0 && (val[i] as number) > 0)
        e.ratios.push((val[i] as number) / (n / d));
    }
  }
  return [...info.values()].map(({ unitSet, ratios, ...e }) => {
    ratios.sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)];
    const per =
      median !== undefined
        ? 10 ** Math.round(Math.log10(median))
        : /(_pct|_percent|percent|_rate)$/i.test(e.indicator)
          ? 100
          : 1;
    return { ...e, additive: e.rows > 0 && e.rowsWithCounts === e.rows, per, units: unitSet.size };
  });
}

/** The level given to units of unit_indicators missing from a units table of one level (or none). */
export const UNIT_OF_RECORD_LEVEL = 'unit';

/**
 * The unit tree with every unit_id of `unitIndicators` that the units table lacks added under the top
 * unit, at the lowest level — or, when the tree has one level only (an extract without a units
 * table), at a level 'unit' below it — so that survey scores per organisation still show each unit's
 * figures, and they roll up to the top.
 * @example placeIndicatorUnits(report.tree, data.tables.unit_indicators).parent.get('BF0000') // ':organisation'
 */
export function placeIndicatorUnits(tree: UnitTree, unitIndicators: ColumnTable): UnitTree {
  const root = topUnit(tree, 'placeIndicatorUnits');
  const ids = unitIndicators.numRows()
    ? (unitIndicators.array('unit_id') as ArrayLike<string>)
    : [];
  const oneLevel = new Set(tree.level.values()).size <= 1;
  const lowest = oneLevel ? UNIT_OF_RECORD_LEVEL : tree.levels[tree.levels.length - 1];
  let parent: Map<string, string | null> | null = null;
  let level: Map<string, string> | null = null;
  let name: Map<string, string> | null = null;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (tree.parent.has(id) || parent?.has(id)) continue;
    parent ??= new Map(tree.parent);
    level ??= new Map(tree.level);
    name ??= new Map(tree.name);
    parent.set(id, root);
    level.set(id, lowest);
    name.set(id, id);
  }
  if (!parent) return tree;
  const levels = tree.levels.includes(lowest) ? tree.levels : [...tree.levels, lowest];
  return { parent, level: level!, name: name!, levels };
}

/**
 * The level to show the units of an indicator at: `level`, or when that is the top level and the
 * tree (placeIndicatorUnits) has a level below it, that level.
 * @example indicatorLevel(placed, report.level) // 'unit' for survey scores without a units table
 */
export function indicatorLevel(tree: UnitTree, level: string): string {
  const i = tree.levels.indexOf(level);
  return i === 0 && tree.levels.length > 1 ? tree.levels[1] : level;
}

export interface UnitIndicatorOptions {
  /** The indicator, e.g. 'sickness_absence_rate_pct'. */
  indicator: string;
  /** Periods of the rows (columns `period`): a row counts in a period when its dates lie inside it. */
  periods: readonly Period[];
  /** Unit levels to give rows for; the top level is always added. */
  levels: readonly string[];
  /** Multiplier of the rate (default: describeUnitIndicators' per). */
  per?: number;
}

/**
 * One row per unit (the top unit and every unit at `levels` that has rows, plus "<parent> (not in a
 * <level>)" rows for figures recorded above a level) and period: unit (a unique display label),
 * unit_id, unit_name, unit_level, parent_id, parent (its label), period, units_reporting (units of
 * record behind the row), numerator and denominator (summed over those units' rows lying inside the
 * period, so every parent is the sum of its children), rows_without_counts, value (per × Σ numerator
 * / Σ denominator; or, for a unit's own single figure given without counts, that figure as
 * supplied; null when figures without counts would have to be combined or stand for a parent) and value_from ('counts' |
 * 'as supplied' | 'none'). When a unit and units below it both have rows in a period, the lowest
 * are used (so nothing is counted twice) and the others counted in rows_replaced.
 * Units the units table lacks are placed under the top unit (see placeIndicatorUnits).
 * @example summarizeUnitIndicator(data.tables.unit_indicators, report.tree, { indicator: 'sickness_absence_rate_pct', periods: [report.period], levels: ['region'] })
 */
export function summarizeUnitIndicator(
  unitIndicators: ColumnTable,
  tree: UnitTree,
  options: UnitIndicatorOptions,
): ColumnTable {
  const fn = 'summarizeUnitIndicator';
  checkColumns(fn, unitIndicators, COLUMNS, { what: 'unit_indicators' });
  checkPeriods(options.periods, fn);
  const info = describeUnitIndicators(unitIndicators).find(
    (i) => i.indicator === options.indicator,
  );
  if (!info) {
    const present = describeUnitIndicators(unitIndicators).map((i) => i.indicator);
    throw new Error(
      `${fn}: no rows of indicator "${options.indicator}" in unit_indicators. Indicators present: ${present.slice(0, 10).join(', ') || 'none'}.`,
    );
  }
  const per = options.per ?? info.per;
  const placed = placeIndicatorUnits(tree, unitIndicators);
  const nodes = new RollUpUnits(placed, options.levels, fn);
  const root = nodes.root;
  const col = (c: string) => unitIndicators.array(c) as ArrayLike<unknown>;
  const [unit, from, to, what, num, den, val] = COLUMNS.map(col);
  // Rows of the indicator per period, lowest units winning over their ancestors.
  type Rec = { unit: string; n: number | null; d: number | null; v: number | null };
  const byPeriod = new Map<string, Rec[]>();
  for (let i = 0; i < unitIndicators.numRows(); i++) {
    if (what[i] !== options.indicator) continue;
    const p = options.periods.find(
      (q) => (from[i] as number) >= q.start && (to[i] as number) <= q.end,
    );
    if (!p) continue;
    const rec: Rec = {
      unit: String(unit[i]),
      n: isNumber(num[i]) ? (num[i] as number) : null,
      d: isNumber(den[i]) ? (den[i] as number) : null,
      v: isNumber(val[i]) ? (val[i] as number) : null,
    };
    pushTo(byPeriod, p.label, rec);
  }
  const cells = new Map<string, Cell>();
  const replaced = new Map<string, number>();
  for (const [period, recs] of byPeriod) {
    const covered = new Set<string>();
    for (const r of recs) {
      for (let u = placed.parent.get(r.unit) ?? null; u !== null; u = placed.parent.get(u) ?? null)
        covered.add(u);
    }
    for (const r of recs) {
      if (covered.has(r.unit)) {
        replaced.set(period, (replaced.get(period) ?? 0) + 1);
        continue;
      }
      for (const at of nodes.path(r.unit)) {
        const key = JSON.stringify([at, period]);
        const c = cells.get(key) ?? emptyCell();
        c.units.add(r.unit);
        c.rows += 1;
        if (r.n !== null && r.d !== null) {
          c.n += r.n;
          c.d += r.d;
        } else {
          c.without += 1;
          c.v = r.v;
        }
        cells.set(key, c);
      }
    }
  }
  const ids = nodes.ids();
  const label = uniqueLabels(ids, nodes);
  const periods = options.periods.map((p) => p.label);
  const keys = ids.flatMap((id) => periods.map((p) => [id, p] as const));
  const cellOf = (id: string, p: string) => cells.get(JSON.stringify([id, p])) ?? emptyCell();
  const out = {
    unit: keys.map(([id]) => label.get(id)!),
    unit_id: keys.map(([id]) => id),
    unit_name: keys.map(([id]) => nodes.node(id).name),
    unit_level: keys.map(([id]) => nodes.node(id).level),
    parent_id: keys.map(([id]) => nodes.node(id).parent),
    parent: keys.map(([id]) => {
      const p = nodes.node(id).parent;
      return p === null ? null : label.get(p)!;
    }),
    period: keys.map(([, p]) => p),
    indicator: keys.map(() => options.indicator),
    units_reporting: keys.map(([id, p]) => cellOf(id, p).units.size),
    numerator: keys.map(([id, p]) => cellOf(id, p).n),
    denominator: keys.map(([id, p]) => cellOf(id, p).d),
    rows_without_counts: keys.map(([id, p]) => cellOf(id, p).without),
    rows_replaced: keys.map(([id, p]) => (id === root ? (replaced.get(p) ?? 0) : 0)),
    value: keys.map(([id, p]) => valueOf(cellOf(id, p), per, id).value),
    value_from: keys.map(([id, p]) => valueOf(cellOf(id, p), per, id).from),
  };
  return toTable(out);
}

/**
 * Decimal places of a published rate of unit_indicators (issue 12: NHS England's monthly sickness
 * absence rate at 4 dp). Aggregate statistics of the source, not shares of the extract's people.
 */
export const UNIT_INDICATOR_DECIMALS = 4;

/**
 * The CellSpec that publishes summarizeUnitIndicator output of an additive indicator: dimensions
 * unit × period, the rate named after the indicator (per × numerator / denominator, from the
 * published numerator and denominator) and the unit hierarchy, so parents and children are
 * protected together. The units' figures are aggregates (no person rows), so no population.
 * The rate is published at UNIT_INDICATOR_DECIMALS places (or `decimals`), not the 1 dp of a
 * percentage of people: these are published statistics of their own (NHS England gives its monthly
 * rate to 4 dp), computed from the unrounded numerator and denominator.
 * @example report.publish(cells, unitIndicatorCellSpec(cells, { name: 'sickness_absence_rate_pct', per: 100 }))
 */
export function unitIndicatorCellSpec(
  cells: ColumnTable,
  {
    name,
    per,
    decimals = UNIT_INDICATOR_DECIMALS,
  }: { name: string; per: number; decimals?: number },
): CellSpec {
  checkColumns('unitIndicatorCellSpec', cells, ['unit', 'parent', 'numerator', 'denominator'], {
    what: 'the cells of summarizeUnitIndicator',
  });
  const parent = parentMapOfRows(cells, 'unit', 'parent');
  return {
    by: ['unit', 'period'],
    rates: [{ name, numerator: 'numerator', denominator: 'denominator', per, decimals }],
    hierarchy: { column: 'unit', parent },
  };
}

/**
 * The figures of a non-additive indicator (values given without numerator and denominator) as
 * supplied, for publishTable: rows with a value only, `value` carried as a dimension beside unit and
 * period. Such a figure is the extract's own aggregate; with no counts there is nothing to sum,
 * suppress or recompute — the note under the table must say the group sizes are unknown.
 * @example report.publish(suppliedValueRows(cells), SUPPLIED_VALUE_SPEC)
 */
export function suppliedValueRows(cells: ColumnTable): ColumnTable {
  checkColumns('suppliedValueRows', cells, ['unit', 'period', 'indicator', 'value', 'value_from'], {
    what: 'the cells of summarizeUnitIndicator',
  });
  return cells
    .filter((d: { value_from: string }) => d.value_from === 'as supplied')
    .select('indicator', 'unit', 'period', 'value');
}

/** CellSpec of suppliedValueRows output (dimensions only: the supplied figures pass as they are). */
export const SUPPLIED_VALUE_SPEC: CellSpec = { by: ['indicator', 'unit', 'period', 'value'] };

/**
 * The cells of several additive indicators in the shape of the well-being matrix (deriveMatrixCells):
 * unit_id, indicator, period, population (the denominator), numerator, denominator, unit_name,
 * unit_level, parent_id — to publish with wellbeingMatrixCellSpec and score with
 * scoreWellbeingMatrix and the indicators of indicatorMatrixIndicators.
 * @example unitIndicatorMatrixCells(ids.map((i) => summarizeUnitIndicator(ui, tree, { indicator: i, periods, levels })))
 */
export function unitIndicatorMatrixCells(summaries: readonly ColumnTable[]): ColumnTable {
  const cols = [
    'unit_id',
    'indicator',
    'period',
    'numerator',
    'denominator',
    'unit_name',
    'unit_level',
    'parent_id',
  ];
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...cols, 'population'].map((c) => [c, []]),
  );
  for (const s of summaries) {
    checkColumns('unitIndicatorMatrixCells', s, cols, { what: 'a summarizeUnitIndicator table' });
    for (const c of cols) out[c].push(...Array.from(s.array(c) as ArrayLike<unknown>));
    out.population.push(...Array.from(s.array('denominator') as ArrayLike<unknown>));
  }
  return toTable(out);
}

/**
 * Matrix indicators (for scoreWellbeingMatrix and the heatmap) of unit_indicators indicators: the
 * rate per × numerator / denominator, worse when higher unless the name says otherwise (scores,
 * engagement, satisfaction, response rates, well-being are better when higher).
 * @example indicatorMatrixIndicators(describeUnitIndicators(ui).filter((i) => i.additive))
 */
export function indicatorMatrixIndicators(infos: readonly UnitIndicatorInfo[]): MatrixIndicator[] {
  return infos.map((i) => ({
    id: i.indicator,
    label: i.indicator.replace(/_/g, ' '),
    numerator: 'numerator',
    denominator: 'denominator',
    per: i.per,
    direction: /score|engagement|satisf|response|wellbeing|well_being|positive|agree|perma/i.test(
      i.indicator,
    )
      ? 'higher_is_better'
      : 'higher_is_worse',
    population: 'population',
    card: unitIndicatorCard(i),
  }));
}

/**
 * The definition card of an indicator of unit_indicators, as the kit computes it at every level.
 * @example definitionText(unitIndicatorCard(info))
 */
export function unitIndicatorCard(info: UnitIndicatorInfo): DefinitionCard {
  return info.additive
    ? {
        id: info.indicator,
        title: info.indicator.replace(/_/g, ' '),
        definition: `${info.per === 1 ? '' : `${info.per} × `}the sum of the numerators divided by the sum of the denominators of the unit rows (unit_indicators) whose period lies inside the period, over every unit of record below the unit — never a mean of the units' rates.`,
        numerator: 'numerator of the supplied rows, summed',
        denominator: 'denominator of the supplied rows, summed',
        ...(info.per === 100 ? { unit: '%' } : {}),
      }
    : {
        id: info.indicator,
        title: info.indicator.replace(/_/g, ' '),
        definition:
          'The figure as supplied for the unit and period (unit_indicators value). Without a numerator and denominator it cannot be summed up the hierarchy or pooled over periods, and the size of the group behind it is unknown.',
      };
}

interface Cell {
  units: Set<string>;
  rows: number;
  n: number;
  d: number;
  without: number;
  v: number | null;
}

function emptyCell(): Cell {
  return { units: new Set(), rows: 0, n: 0, d: 0, without: 0, v: null };
}

function valueOf(c: Cell, per: number, id: string): { value: number | null; from: string } {
  if (c.rows === 0) return { value: null, from: 'none' };
  if (c.without === 0) return { value: c.d > 0 ? (per * c.n) / c.d : null, from: 'counts' };
  // A figure without counts stands only for its own unit (not for a parent some of whose units reported).
  if (c.rows === 1 && c.v !== null && c.units.has(id)) return { value: c.v, from: 'as supplied' };
  return { value: null, from: 'none' };
}

function isNumber(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v);
}

function uniqueLabels(ids: string[], nodes: RollUpUnits): Map<string, string> {
  const count = (labels: Map<string, string>) => {
    const n = new Map<string, number>();
    for (const l of labels.values()) n.set(l, (n.get(l) ?? 0) + 1);
    return n;
  };
  const labels = new Map(ids.map((id) => [id, nodes.node(id).name]));
  let seen = count(labels);
  for (const id of ids) {
    const p = nodes.node(id).parent;
    if (seen.get(labels.get(id)!)! > 1 && p !== null)
      labels.set(id, `${nodes.node(p).name} › ${nodes.node(id).name}`);
  }
  seen = count(labels);
  for (const id of ids)
    if (seen.get(labels.get(id)!)! > 1) labels.set(id, `${labels.get(id)} (${id})`);
  return labels;
}

/**
 * The kind of period an indicator's rows cover (month, quarter, financial_quarter, financial_year or
 * year: the first that every row's dates match), or null when rows span other lengths; for trends.
 * @example indicatorPeriodKind(ui, 'sickness_absence_rate_pct') // 'month'
 */
export function indicatorPeriodKind(
  unitIndicators: ColumnTable,
  indicator: string,
  options: PeriodOptions = {},
): PeriodKind | null {
  const what = unitIndicators.array('indicator') as ArrayLike<string>;
  const from = unitIndicators.array('period_start') as ArrayLike<number>;
  const to = unitIndicators.array('period_end') as ArrayLike<number>;
  const kinds: PeriodKind[] = ['month', 'financial_quarter', 'quarter', 'financial_year', 'year'];
  return (
    kinds.find((kind) => {
      let any = false;
      for (let i = 0; i < what.length; i++) {
        if (what[i] !== indicator) continue;
        const p = periodOf(from[i], kind, options);
        if (p.start !== from[i] || p.end !== to[i]) return false;
        any = true;
      }
      return any;
    }) ?? null
  );
}
