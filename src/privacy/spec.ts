// CellSpec: what an aggregated table holds (dimensions, populations, counts, rates, means, totals),
// and the checks that turn it into the measures the suppression works on.
import type { ColumnTable } from 'arquero';

/** Rows labelled `label` count everyone outside `unit` (the rest of the organisation in a unit's report). */
export interface RestOf {
  label: string;
  unit: string;
  /**
   * True when the table has no such rows: it counts only people of `unit` (its totals are the unit's,
   * not the organisation's), so it meets only tables of the same unit's reports.
   */
  within?: boolean;
}

/** A rate published as numerator / denominator × per. */
export interface RateSpec {
  name: string;
  numerator: string;
  denominator: string;
  /** Multiplier, e.g. 100 for a percentage. Default 1. */
  per?: number;
  /** Decimal places published (default 1 when per is 100, else 2). Computed from unrounded inputs. */
  decimals?: number;
}

/** A mean published with the number of people it averages over. */
export interface MeanSpec {
  name: string;
  n: string;
  /** Decimal places published (default 2). */
  decimals?: number;
}

/**
 * The people behind a figure: `column` (a count, a magnitude, a rate's numerator or denominator, a
 * rate or a mean) is shown only when `people` (the number of distinct people contributing to it in
 * that row) is 0 or reaches minGroupSize. With `top` (the largest and second-largest contribution
 * of a single person in that row) the figure is a magnitude and must also pass the dominance rule
 * (DOMINANCE_RULE): no value threshold applies to it then.
 */
export interface ContributorSpec {
  column: string;
  people: string;
  top?: readonly [string, string];
}

/**
 * The (n, k) dominance rule for magnitudes (ONS / GSS practice for magnitude tables): a cell is
 * disclosive when n or fewer contributors make up more than k% of its total. The kit applies both
 * (1, 50) and (2, 80): one person must not exceed half of a total, two people not 80% of it.
 */
export const DOMINANCE_RULE: readonly { readonly n: 1 | 2; readonly kPct: number }[] =
  Object.freeze([
    Object.freeze({ n: 1 as const, kPct: 50 }),
    Object.freeze({ n: 2 as const, kPct: 80 }),
  ]);

/** A hierarchy over one dimension: each child value maps to its parent; a parent row is the sum of its children. */
export interface HierarchySpec {
  column: string;
  parent: Readonly<Record<string, string>>;
}

// --- declared relations (issue 18 item 2; kept apart from the thresholds for merging) ---
/**
 * A relation that holds within every row: column `total` = the sum of columns `parts`, e.g.
 * people = recorded + not_stated + missing. Secondary suppression and the audits use it, and it
 * travels with the exported table, so that a reader of the files knows what adds up.
 */
export interface RowRelationSpec {
  total: string;
  parts: readonly string[];
}
// --- end declared relations ---

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
  /**
   * In a unit's report: rows whose dimension value is `rest.label` count everyone outside
   * `rest.unit` (the same label in another unit's report counts other people). It travels with the
   * table to its exports for readers and auditors, and the ledger keys rest rows with the unit
   * (ledgerCell): hiding one unit's rest does not hide another's.
   */
  rest?: RestOf;
  /**
   * Additive magnitudes published as they are (days, hours): each needs a contributors entry with
   * its people and top-two columns; they are thresholded by people and dominance, not by value.
   */
  magnitudes?: readonly string[];
  /** The people behind measures, rates and means (see ContributorSpec). */
  contributors?: readonly ContributorSpec[];
  /**
   * Order statistics of people (a maximum, a longest delay): one person's value. Shown in analyst
   * mode only; in publish mode every cell is hidden.
   */
  maxima?: readonly string[];
  /** Decimal places per published column, overriding the defaults (rates 1 dp per 100 else 2, means 2, magnitudes 1). */
  decimals?: Readonly<Record<string, number>>;
  // --- declared relations (issue 18 item 2) ---
  /** Relations within each row between additive columns (population, counts, rate inputs). */
  relations?: readonly RowRelationSpec[];
  /**
   * Additive columns whose figure repeats down dimensions: column → the dimensions it does not vary
   * with, e.g. { people: ['characteristic'] } when each characteristic's row shows its group's
   * headcount. Rows that differ only in those dimensions show one figure: a copy hidden in one row and
   * shown in another hides nothing, so secondary suppression and the audits hide them together.
   */
  sameAcross?: Readonly<Record<string, readonly string[]>>;
  // --- end declared relations ---
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
  /** A magnitude (days, hours): thresholded by its contributors and the dominance rule, not by value. */
  magnitude: boolean;
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
      `${where}: spec.by must list at least one dimension column, e.g. { by: ['unit'] }.`,
    );
  }
  const names = table.columnNames();
  const measures = measuresOf(spec);
  const wanted = [
    ...spec.by,
    ...measures.map((m) => m.column),
    ...(spec.means ?? []).map((m) => m.name),
    ...(spec.contributors ?? []).flatMap((c) => [c.people, ...(c.top ?? [])]),
    ...(spec.maxima ?? []),
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
  checkContributors(spec, where);
  const outputs = [...spec.by, ...measures.filter((m) => m.published).map((m) => m.column)];
  outputs.push(...(spec.rates ?? []).map((r) => r.name), ...(spec.means ?? []).map((m) => m.name));
  outputs.push(...(spec.maxima ?? []));
  const clash = outputs.filter((name) => names.includes(`${name}_status`));
  if (clash.length > 0) {
    throw new Error(
      `${where}: input already has ${clash.map((n) => `"${n}_status"`).join(', ')}; rename or drop it.`,
    );
  }
  const problems: string[] = [];
  checkRelations(table, spec, measures, problems);
  checkSameAcross(table, spec, measures, problems);
  const nonNegative = [
    ...measures.map((m) => m.column),
    ...(spec.contributors ?? []).flatMap((c) => [c.people, ...(c.top ?? [])]),
  ];
  for (const column of new Set(nonNegative)) {
    const values = table.array(column) as unknown[];
    values.forEach((v, row) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        problems.push(
          `row ${row}, column "${column}": ${JSON.stringify(v)} is not a non-negative number`,
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
  const magnitudes = new Set([
    ...(spec.magnitudes ?? []),
    ...(spec.contributors ?? []).filter((c) => c.top !== undefined).map((c) => c.column),
  ]);
  const add = (column: string, role: 'size' | 'count', published: boolean) => {
    const m = measures.get(column) ?? {
      column,
      size: false,
      count: false,
      published: false,
      magnitude: magnitudes.has(column),
    };
    // A magnitude (days, hours) is not a number of people: it never acts as a group size.
    if (!m.magnitude) m[role] = true;
    m.published ||= published;
    measures.set(column, m);
  };
  if (spec.population !== undefined) add(spec.population, 'size', true);
  for (const c of spec.counts ?? []) add(c, 'count', true);
  for (const c of spec.magnitudes ?? []) add(c, 'count', true);
  for (const r of spec.rates ?? []) {
    add(r.numerator, 'count', false);
    add(r.denominator, 'size', false);
  }
  for (const m of spec.means ?? []) add(m.n, 'size', false);
  return [...measures.values()];
}

function checkContributors(spec: CellSpec, where: string): void {
  const problems: string[] = [];
  const figures = new Set([
    ...measuresOf(spec).map((m) => m.column),
    ...(spec.rates ?? []).map((r) => r.name),
    ...(spec.means ?? []).map((m) => m.name),
  ]);
  const declared = new Map<string, ContributorSpec>();
  for (const c of spec.contributors ?? []) {
    if (!figures.has(c.column)) {
      problems.push(
        `contributors name "${c.column}", which is no count, magnitude, rate input, rate or mean of the spec`,
      );
    }
    if (c.top !== undefined && !measuresOf(spec).some((m) => m.column === c.column)) {
      problems.push(
        `contributors give top columns for "${c.column}", a rate or mean: give them for its numerator instead`,
      );
    }
    if (declared.has(c.column)) problems.push(`contributors name "${c.column}" twice`);
    declared.set(c.column, c);
  }
  for (const m of spec.magnitudes ?? []) {
    if (declared.get(m)?.top === undefined) {
      problems.push(
        `magnitude "${m}" needs a contributors entry with its people column and top: [largest, second largest] columns`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${where}: ${problems.join('; ')}. Declare who stands behind each figure (see ContributorSpec).`,
    );
  }
}
// --- declared relations (issue 18 item 2) ---
/** Every relation names additive columns of the spec, and holds in every row (else a problem per row). */
function checkRelations(
  table: ColumnTable,
  spec: CellSpec,
  measures: readonly Measure[],
  problems: string[],
): void {
  const additive = new Set(measures.map((m) => m.column));
  for (const [k, rel] of (spec.relations ?? []).entries()) {
    const columns = [rel.total, ...(rel.parts ?? [])];
    const bad = columns.filter((c) => !additive.has(c));
    if (!Array.isArray(rel.parts) || rel.parts.length === 0 || bad.length > 0) {
      throw new Error(
        `publishTable: spec.relations[${k}] (${rel.total} = ${(rel.parts ?? []).join(' + ')}) ` +
          `must name a total and at least one part among the spec's additive columns ` +
          `(${[...additive].join(', ')})${bad.length ? `; not additive: ${bad.join(', ')}` : ''}. ` +
          'Add them to population, counts or a rate, or fix the names.',
      );
    }
    const total = table.array(rel.total) as ArrayLike<unknown>;
    const parts = rel.parts.map((c) => table.array(c) as ArrayLike<unknown>);
    for (let row = 0; row < table.numRows(); row++) {
      const sum = parts.reduce((s, p) => s + Number(p[row]), 0);
      const t = Number(total[row]);
      if (
        Number.isFinite(sum) &&
        Number.isFinite(t) &&
        Math.abs(t - sum) > 1e-9 * Math.max(1, sum)
      ) {
        problems.push(
          `row ${row}: "${rel.total}" is ${t} but ${rel.parts.map((c) => `"${c}"`).join(' + ')} is ${sum} ` +
            `(declared relation ${k})`,
        );
      }
    }
  }
}

/** Every sameAcross entry names an additive column and dimensions of the spec, and holds in every row. */
function checkSameAcross(
  table: ColumnTable,
  spec: CellSpec,
  measures: readonly Measure[],
  problems: string[],
): void {
  const additive = new Set(measures.map((m) => m.column));
  for (const [column, across] of Object.entries(spec.sameAcross ?? {})) {
    const foreign = (across ?? []).filter((d) => !spec.by.includes(d));
    if (!additive.has(column) || !Array.isArray(across) || across.length === 0 || foreign.length) {
      throw new Error(
        `publishTable: spec.sameAcross.${column} must name an additive column of the spec ` +
          `(${[...additive].join(', ')}) and at least one dimension of spec.by (${spec.by.join(', ')})` +
          `${foreign.length ? `; not in by: ${foreign.join(', ')}` : ''}. Fix the names or drop the entry.`,
      );
    }
    const values = table.array(column) as ArrayLike<unknown>;
    const dims = spec.by.map((d) => table.array(d) as ArrayLike<unknown>);
    const rows = Array.from({ length: table.numRows() }, (_, r) => dims.map((d) => String(d[r])));
    for (const group of repeatGroups(rows, spec.by, across)) {
      const first = group[0];
      for (const row of group.slice(1)) {
        if (Number(values[row]) !== Number(values[first])) {
          problems.push(
            `rows ${first} and ${row}: "${column}" is ${String(values[first])} and ` +
              `${String(values[row])}, but spec.sameAcross says it does not vary with ${across.join(', ')}`,
          );
          break;
        }
      }
    }
  }
}

/**
 * The rows (two or more) that differ only in the dimensions `across`: the places of one repeated
 * figure (CellSpec.sameAcross). `rows` holds each row's dimension values in the order of `by`.
 * @example repeatGroups([['D1', 'sex'], ['D1', 'age'], ['D2', 'sex']], ['unit', 'characteristic'], ['characteristic']) // [[0, 1]]
 */
export function repeatGroups(
  rows: readonly (readonly unknown[])[],
  by: readonly string[],
  across: readonly string[],
): number[][] {
  const kept = by.map((d, i) => (across.includes(d) ? -1 : i)).filter((i) => i >= 0);
  const groups = new Map<string, number[]>();
  rows.forEach((dims, row) => {
    const key = JSON.stringify(kept.map((i) => String(dims[i])));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

// --- end declared relations ---
