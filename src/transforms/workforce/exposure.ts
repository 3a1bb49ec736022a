// Person-time behind every sickness and overtime rate: for each group × period, people in post,
// average headcount and FTE, and FTE working days available; plus the lookups events need (which
// employment spell a person was in on a day, and its group).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Period } from '../../time/periods.js';
import { countWorkingDays, type WorkingDayOptions } from '../../time/working-days.js';
import { checkColumns, optionalColumn } from '../../shared/columns.js';

/** Options shared by the transforms built on person-time. */
export interface ExposureOptions extends WorkingDayOptions {
  /** Reporting periods (e.g. periodsBetween(from, to, 'month')); each row of the output is one. */
  periods: readonly Period[];
  /** Grouping columns of `people` (e.g. ['unit', 'worker_type']); rows with an empty value are left out. */
  by?: readonly string[];
  /** Hours of a full-time week, to turn contracted hours into FTE when fte is empty (default 40). */
  fullTimeHours?: number;
}

/** Sums per group × period, filled by the transforms and turned into one table. */
export class GroupPeriodSums {
  private readonly rows = new Map<string, number>();
  private readonly groups: (string | number)[][] = [];
  private readonly periodOf: number[] = [];
  private readonly sums = new Map<string, number[]>();

  constructor(
    readonly by: readonly string[],
    readonly periods: readonly Period[],
    readonly measures: readonly string[],
  ) {
    for (const m of measures) this.sums.set(m, []);
  }

  /** Row index of a group in a period, created (all sums 0) on first use. */
  row(group: (string | number)[], period: number): number {
    const key = `${JSON.stringify(group)}|${period}`;
    let at = this.rows.get(key);
    if (at === undefined) {
      at = this.groups.length;
      this.rows.set(key, at);
      this.groups.push(group);
      this.periodOf.push(period);
      for (const values of this.sums.values()) values.push(0);
    }
    return at;
  }

  /** The key of a row as `toTable` output rows would give it: JSON of the group, '|', period label. */
  keyOf(row: number): string {
    return `${JSON.stringify(this.groups[row])}|${this.periods[this.periodOf[row]].label}`;
  }

  add(row: number, measure: string, value: number): void {
    this.sums.get(measure)![row] += value;
  }

  /** One row per group × period, sorted by group then period: by…, period, period_start, period_end, measures…. */
  toTable(): ColumnTable {
    const order = this.groups.map((_, i) => i);
    const text = this.groups.map((g) => JSON.stringify(g));
    order.sort(
      (a, b) =>
        (text[a] < text[b] ? -1 : text[a] > text[b] ? 1 : 0) || this.periodOf[a] - this.periodOf[b],
    );
    const columns: Record<string, unknown[]> = {};
    this.by.forEach((name, j) => (columns[name] = order.map((i) => this.groups[i][j])));
    columns.period = order.map((i) => this.periods[this.periodOf[i]].label);
    columns.period_start = order.map((i) => this.periods[this.periodOf[i]].start);
    columns.period_end = order.map((i) => this.periods[this.periodOf[i]].end);
    for (const [m, values] of this.sums) columns[m] = order.map((i) => values[i]);
    return aq.table(columns);
  }
}

/** Employment spells of `people` as arrays, with each row's group and a lookup by person and day. */
export interface PeopleIndex {
  person: ArrayLike<string>;
  start: ArrayLike<number>;
  end: ArrayLike<number | null>;
  /**
   * First and last day of the whole employment spell each row belongs to: spell_start_date and
   * spell_end_date when `people` holds posting stretches (derivePostingSpells), else the row's own.
   */
  spellStart: ArrayLike<number>;
  spellEnd: ArrayLike<number | null>;
  fte: Float64Array;
  /** Group values of each row, or null when one is empty. */
  group: ((string | number)[] | null)[];
  /** The people row of `personId` in post on `day`, or -1 (event outside every employment spell). */
  find(personId: string, day: number): number;
  /** Every people row of `personId` (employment spells or posting stretches), in table order. */
  rowsOf(personId: string): readonly number[];
}

/** The columns of `people` that person-time reads (checkPeople, spellColumns). */
export const SPELL_COLUMNS = ['person_id', 'start_date', 'end_date', 'fte'] as const;

/**
 * Throws naming every column of SPELL_COLUMNS and `by` (grouping and other columns the caller
 * reads) that `people` lacks.
 * @example checkPeople('summarizeSickness', people, ['unit'])
 */
export function checkPeople(where: string, people: ColumnTable, by: readonly string[] = []): void {
  checkColumns(where, people, [...SPELL_COLUMNS, ...by], { what: 'people' });
}

/** One employment spell per row: its person, first and last day (null while open) and FTE. */
export interface SpellColumns {
  person: ArrayLike<string>;
  start: ArrayLike<number>;
  end: ArrayLike<number | null>;
  fte: Float64Array;
}

/**
 * The spell columns of `people` as arrays, with each row's FTE by fteOf (fte, else
 * contracted_hours_per_week / fullTimeHours when that column is there, else 1).
 * @example spellColumns(people).fte[0] // 0.8
 */
export function spellColumns(people: ColumnTable, fullTimeHours = 40): SpellColumns {
  const fteCol = people.array('fte') as ArrayLike<number | null>;
  const hours = optionalColumn<number | null>(people, 'contracted_hours_per_week');
  return {
    person: people.array('person_id') as ArrayLike<string>,
    start: people.array('start_date') as ArrayLike<number>,
    end: people.array('end_date') as ArrayLike<number | null>,
    fte: Float64Array.from({ length: people.numRows() }, (_, i) =>
      fteOf(fteCol[i], hours?.[i] ?? null, fullTimeHours),
    ),
  };
}

/** Indexes the employment spells of `people` by person, with each row's group and FTE. */
export function indexPeople(
  people: ColumnTable,
  by: readonly string[],
  fullTimeHours = 40,
): PeopleIndex {
  const n = people.numRows();
  const { person: ids, start, end, fte } = spellColumns(people, fullTimeHours);
  const names = people.columnNames();
  const stretches = names.includes('spell_start_date') && names.includes('spell_end_date');
  const spellStart = stretches ? (people.array('spell_start_date') as ArrayLike<number>) : start;
  const spellEnd = stretches ? (people.array('spell_end_date') as ArrayLike<number | null>) : end;
  const cols = by.map((c) => people.array(c) as ArrayLike<string | number | null>);
  const group: ((string | number)[] | null)[] = new Array(n);
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = cols.map((c) => c[i]);
    group[i] = g.some((v) => v === null || v === undefined || v === '')
      ? null
      : (g as (string | number)[]);
    const list = rowsOf.get(ids[i]);
    if (list) list.push(i);
    else rowsOf.set(ids[i], [i]);
  }
  const find = (personId: string, day: number): number => {
    for (const i of rowsOf.get(personId) ?? []) {
      if (start[i] <= day && (end[i] === null || (end[i] as number) >= day)) return i;
    }
    return -1;
  };
  const rowsOfPerson = (personId: string): readonly number[] => rowsOf.get(personId) ?? [];
  return { person: ids, start, end, spellStart, spellEnd, fte, group, find, rowsOf: rowsOfPerson };
}

/**
 * Adds each group's person-time per period to `sums`: headcount (people in post in the group on any
 * day of the period, each person counted once however many stretches they had there), headcount_avg (days in post / days in the period, summed), fte_avg (the same
 * weighted by FTE) and fte_days_available (FTE × working days in post).
 */
export function addExposure(
  sums: GroupPeriodSums,
  index: PeopleIndex,
  options: ExposureOptions,
): void {
  const { periods } = options;
  const counted = new Map<number, Set<string>>();
  for (let i = 0; i < index.start.length; i++) {
    const group = index.group[i];
    if (group === null) continue;
    const from = index.start[i];
    const to = index.end[i] ?? Infinity;
    periods.forEach((p, k) => {
      const a = Math.max(from, p.start);
      const b = Math.min(to, p.end);
      if (b < a) return;
      const share = (b - a + 1) / (p.end - p.start + 1);
      const row = sums.row(group, k);
      const who = counted.get(row) ?? new Set<string>();
      counted.set(row, who.add(index.person[i]));
      sums.add(row, 'headcount_avg', share);
      sums.add(row, 'fte_avg', share * index.fte[i]);
      sums.add(row, 'fte_days_available', index.fte[i] * countWorkingDays(a, b, options));
    });
  }
  for (const [row, who] of counted) sums.add(row, 'headcount', who.size);
}

/** The measures addExposure fills, in output order. */
export const EXPOSURE_MEASURES = ['headcount', 'headcount_avg', 'fte_avg', 'fte_days_available'];

/** The FTE of a people row: fte, else contracted hours / full-time hours, else 1. */
export function fteOf(fte: number | null, hours: number | null, fullTimeHours: number): number {
  if (typeof fte === 'number' && fte > 0) return fte;
  if (typeof hours === 'number' && hours > 0) return hours / fullTimeHours;
  return 1;
}
