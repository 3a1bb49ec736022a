// Shared pieces of the scale aggregations: employment spells looked up by person and day (memory
// engine), the SQL that joins events to spells and periods (DuckDB engine), and input checks.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Period } from '../time/periods.js';
import { sqlName, sqlString } from './duckdb-session.js';
import { spellColumns } from '../transforms/workforce/exposure.js';

/** Employment spells (rows of people) by person, with each spell's start, end and FTE. */
export interface SpellIndex {
  personId: ArrayLike<string>;
  start: ArrayLike<number>;
  end: ArrayLike<number | null>;
  fte: Float64Array;
  /** Every spell row of `person` in post on `day` (spells of one person should not overlap). */
  covering(person: string, day: number): number[];
}

/** The open end of a spell in SQL (no end_date): after every epoch day in use. */
export const OPEN_END = 2147483647;

/**
 * Indexes the spells of `people` (person_id, start_date, end_date, fte; contracted_hours_per_week
 * when present): FTE is fte, else contracted hours / fullTimeHours, else 1, as in the kit's transforms.
 */
export function indexSpells(people: ColumnTable, fullTimeHours = 40): SpellIndex {
  const { person: personId, start, end, fte } = spellColumns(people, fullTimeHours);
  const rows = new Map<string, number[]>();
  for (let i = 0; i < people.numRows(); i++) {
    const list = rows.get(personId[i]);
    if (list) list.push(i);
    else rows.set(personId[i], [i]);
  }
  const covering = (person: string, day: number) =>
    (rows.get(person) ?? []).filter((i) => start[i] <= day && (end[i] ?? OPEN_END) >= day);
  return { personId, start, end, fte, covering };
}

/** SQL FTE of a people row, the same rule as fteOf. */
export function fteSql(alias: string, fullTimeHours: number): string {
  return (
    `CASE WHEN ${alias}.fte > 0 THEN ${alias}.fte ` +
    `WHEN ${alias}.contracted_hours_per_week > 0 THEN ${alias}.contracted_hours_per_week / ${Number(fullTimeHours)} ` +
    `ELSE 1 END`
  );
}

/** A SQL VALUES list of periods named `alias`: columns k, period, period_start, period_end. */
export function periodsSql(periods: readonly Period[], alias = 'p'): string {
  const rows = periods.map(
    (p, k) => `(${k}, ${sqlString(p.label)}, ${Math.trunc(p.start)}, ${Math.trunc(p.end)})`,
  );
  return `(VALUES ${rows.join(', ')}) AS ${alias}(k, period, period_start, period_end)`;
}

/**
 * SQL giving the index k of the period holding the epoch day `day` (NULL outside every period): a
 * day-indexed list lookup, so that events join periods by equality (a hash join), not by a range.
 */
export function periodIndexSql(periods: readonly Period[], day: string): string {
  const first = Math.min(...periods.map((p) => p.start));
  const last = Math.max(...periods.map((p) => p.end));
  const lookup = new Array<string>(last - first + 1).fill('NULL');
  periods.forEach((p, k) => lookup.fill(String(k), p.start - first, p.end - first + 1));
  return `CASE WHEN ${day} BETWEEN ${first} AND ${last} THEN [${lookup.join(',')}][${day} - ${first - 1}] END`;
}

/** Throws unless `periods` is a non-empty list of non-overlapping periods with integer start ≤ end. */
export function checkScalePeriods(periods: readonly Period[], where: string): void {
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new Error(
      `${where}: periods must list at least one period, e.g. periodsBetween(from, to, 'month').`,
    );
  }
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  sorted.forEach((p, i) => {
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.end < p.start) {
      throw new Error(
        `${where}: period ${JSON.stringify(p.label)} needs integer epoch days start ≤ end, got ${p.start}..${p.end}.`,
      );
    }
    if (i > 0 && p.start <= sorted[i - 1].end) {
      throw new Error(
        `${where}: periods ${sorted[i - 1].label} and ${p.label} overlap; give periods of one kind (periodsBetween).`,
      );
    }
  });
}

/** SQL selecting the grain columns of people `s` (and the condition that none is empty). */
export function grainSql(grain: readonly string[]): { select: string; notEmpty: string } {
  const cols = grain.map((c) => `s.${sqlName(c)}`);
  return {
    select: cols.map((c, i) => `${c} AS ${sqlName(grain[i])}`).join(', '),
    notEmpty: cols.map((c) => ` AND ${c} IS NOT NULL AND ${c}::VARCHAR <> ''`).join(''),
  };
}

/** The measures asked for (default all), checked against the known ones. */
export function checkMeasures(
  asked: readonly string[] | undefined,
  known: readonly string[],
  where: string,
): string[] {
  if (asked === undefined) return [...known];
  const unknown = asked.filter((m) => !known.includes(m));
  if (asked.length === 0 || unknown.length > 0) {
    throw new Error(
      `${where}: measures must name at least one of ${known.join(', ')}; unknown: ${unknown.join(', ') || '(none given)'}.`,
    );
  }
  return known.filter((m) => asked.includes(m));
}

/** Each people row's grain values and their key, or null when one is empty. */
export function grainValues(
  people: ColumnTable,
  grain: readonly string[],
): ({ values: unknown[]; key: string } | null)[] {
  const cols = grain.map((c) => people.array(c) as ArrayLike<unknown>);
  return Array.from({ length: people.numRows() }, (_, i) => {
    const values = cols.map((c) => c[i]);
    if (values.some((v) => v === null || v === undefined || v === '')) return null;
    return { values, key: JSON.stringify(values) };
  });
}

/**
 * The columns of a table per grain × period, in order: the grain, period, period_start,
 * period_end, then the measures.
 * @example grainPeriodColumns(['unit_id'], ['claims']) // ['unit_id', 'period', 'period_start', 'period_end', 'claims']
 */
export function grainPeriodColumns(
  grain: readonly string[],
  measures: readonly string[],
): string[] {
  return [...grain, 'period', 'period_start', 'period_end', ...measures];
}

/**
 * The memory engine's output of an aggregation per grain × period (grainPeriodColumns): `row` finds
 * the row of a grain value and period, adding it with every measure at 0 on first use.
 * @example const out = new GrainPeriodRows(['unit_id'], ['claims']); out.add('claims', out.row(values, k, periods[k]), 1)
 */
export class GrainPeriodRows {
  readonly columns: Record<string, unknown[]>;
  private readonly at = new Map<string, number>();

  constructor(
    private readonly grain: readonly string[],
    private readonly measures: readonly string[],
  ) {
    this.columns = Object.fromEntries(grainPeriodColumns(grain, measures).map((c) => [c, []]));
  }

  /** The row of the grain value `values` (grainValues) in period `p`, the k-th of the periods. */
  row(values: { values: unknown[]; key: string }, k: number, p: Period): number {
    const key = `${values.key}|${k}`;
    let r = this.at.get(key);
    if (r === undefined) {
      r = this.at.size;
      this.at.set(key, r);
      this.grain.forEach((c, j) => this.columns[c].push(values.values[j]));
      this.columns.period.push(p.label);
      this.columns.period_start.push(p.start);
      this.columns.period_end.push(p.end);
      for (const m of this.measures) this.columns[m].push(0);
    }
    return r;
  }

  add(measure: string, row: number, value: number): void {
    (this.columns[measure] as number[])[row] += value;
  }

  toTable(): ColumnTable {
    return aq.table(this.columns);
  }
}
