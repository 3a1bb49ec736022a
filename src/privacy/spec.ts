// CellSpec: what an aggregated table holds (dimensions, populations, counts, rates, means, totals),
// and the checks that turn it into the measures the suppression works on.
import type { ColumnTable } from 'arquero';

/** A rate published as numerator / denominator × per. */
export interface RateSpec {
  name: string;
  numerator: string;
  denominator: string;
  /** Multiplier, e.g. 100 for a percentage. Default 1. */
  per?: number;
}

/** A mean published with the number of people it averages over. */
export interface MeanSpec {
  name: string;
  n: string;
}

/** A hierarchy over one dimension: each child value maps to its parent; a parent row is the sum of its children. */
export interface HierarchySpec {
  column: string;
  parent: Readonly<Record<string, string>>;
}

/** The shape of an aggregated table: which columns are dimensions, measures and margins. */
export interface CellSpec {
  /** Dimension columns; together they identify a row (one cell of the cross-tabulation). */
  by: readonly string[];
  /** The population behind each row, e.g. headcount; minGroupSize applies to it. */
  population?: string;
  /** Additive count columns; minCount applies to them. */
  counts?: readonly string[];
  rates?: readonly RateSpec[];
  means?: readonly MeanSpec[];
  /** Marker value in a dimension meaning "all values": such a row is the sum over that dimension. */
  total?: string;
  hierarchy?: HierarchySpec;
  /** Derived from free text: freeTextMinGroupSize replaces minGroupSize and minCount when higher. */
  freeText?: boolean;
  /** Label added to every cell key in the ledger when the period is not a dimension, e.g. '2024-Q1'. */
  period?: string;
  // ── Where a figure comes from (issue 14): the population and period in words, for the card. ──
  /**
   * Who is counted, in words, e.g. 'people posted to a high-risk role on any day of the period; a
   * day counts where the person was posted that day'. Shown under the table and its charts.
   */
  who?: string;
  /**
   * From when to when, in words, e.g. '1 Apr 2024 to 31 Mar 2025'. Default: from the table's
   * period_start and period_end columns (see periodInWords), else the `period` label.
   */
  when?: string;
  // ── end: where a figure comes from ──
}

/** An additive column that suppression protects. */
export interface Measure {
  column: string;
  /** A group size (population, denominator, a mean's n): its threshold is minGroupSize. */
  size: boolean;
  /** A count or numerator: its threshold is minCount. */
  count: boolean;
  /** Appears in the published table (population or counts); otherwise used only to protect rates/means. */
  published: boolean;
}

/** The checked layout of a table under a spec. */
export interface Layout {
  by: string[];
  measures: Measure[];
  /** Dimension values per row, as strings, in `by` order. */
  dims: string[][];
  /** Dimension values per row as they appear in the table (for the log). */
  cells: Record<string, string | number>[];
}

/**
 * Returns the layout of `table` under `spec`: measures, dimension values per row.
 * Throws, listing every problem, when columns are missing, values are not non-negative numbers,
 * dimension values are empty or repeated.
 * @example checkSpec(table, { by: ['team'], population: 'headcount', counts: ['leavers'] })
 */
export function checkSpec(table: ColumnTable, spec: CellSpec): Layout {
  const where = 'publishTable';
  if (!Array.isArray(spec.by) || spec.by.length === 0) {
    throw new Error(
      `${where}: spec.by must list at least one dimension column, e.g. { by: ['team'] }.`,
    );
  }
  const names = table.columnNames();
  const measures = measuresOf(spec);
  const wanted = [
    ...spec.by,
    ...measures.map((m) => m.column),
    ...(spec.means ?? []).map((m) => m.name),
  ];
  const missing = [...new Set(wanted)].filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `${where}: column${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} ` +
        `missing. Found: ${names.join(', ')}. Fix the spec or aggregate those columns first.`,
    );
  }
  if (spec.hierarchy && !spec.by.includes(spec.hierarchy.column)) {
    throw new Error(
      `${where}: hierarchy column "${spec.hierarchy.column}" is not in spec.by (${spec.by.join(', ')}). Add it to by.`,
    );
  }
  const outputs = [...spec.by, ...measures.filter((m) => m.published).map((m) => m.column)];
  outputs.push(...(spec.rates ?? []).map((r) => r.name), ...(spec.means ?? []).map((m) => m.name));
  const clash = outputs.filter((name) => names.includes(`${name}_status`));
  if (clash.length > 0) {
    throw new Error(
      `${where}: input already has ${clash.map((n) => `"${n}_status"`).join(', ')}; rename or drop it.`,
    );
  }
  const problems: string[] = [];
  for (const m of measures) {
    const values = table.array(m.column) as unknown[];
    values.forEach((v, row) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        problems.push(
          `row ${row}, column "${m.column}": ${JSON.stringify(v)} is not a non-negative number`,
        );
      }
    });
  }
  const n = table.numRows();
  const cells: Record<string, string | number>[] = [];
  const dims: string[][] = [];
  const seen = new Map<string, number>();
  for (let row = 0; row < n; row++) {
    const cell: Record<string, string | number> = {};
    for (const d of spec.by) {
      const v = table.get(d, row) as unknown;
      if (v === null || v === undefined || v === '')
        problems.push(`row ${row}, column "${d}": empty dimension value`);
      cell[d] = typeof v === 'number' ? v : String(v);
    }
    const key = JSON.stringify(spec.by.map((d) => String(cell[d])));
    if (seen.has(key))
      problems.push(
        `rows ${seen.get(key)} and ${row} have the same ${spec.by.join(' × ')}: ${key}`,
      );
    seen.set(key, row);
    cells.push(cell);
    dims.push(spec.by.map((d) => String(cell[d])));
  }
  if (problems.length > 0) {
    const shown =
      problems.slice(0, 5).join('; ') +
      (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
    throw new Error(
      `${where}: ${shown}. Aggregate to one row per ${spec.by.join(' × ')} with counts ≥ 0.`,
    );
  }
  return { by: [...spec.by], measures, dims, cells };
}

/** The additive measures of a spec: population, counts, then rate and mean inputs not already listed. */
export function measuresOf(spec: CellSpec): Measure[] {
  const measures = new Map<string, Measure>();
  const add = (column: string, role: 'size' | 'count', published: boolean) => {
    const m = measures.get(column) ?? { column, size: false, count: false, published: false };
    m[role] = true;
    m.published ||= published;
    measures.set(column, m);
  };
  if (spec.population !== undefined) add(spec.population, 'size', true);
  for (const c of spec.counts ?? []) add(c, 'count', true);
  for (const r of spec.rates ?? []) {
    add(r.numerator, 'count', false);
    add(r.denominator, 'size', false);
  }
  for (const m of spec.means ?? []) add(m.n, 'size', false);
  return [...measures.values()];
}
