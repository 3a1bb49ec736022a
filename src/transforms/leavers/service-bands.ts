// Length of service: completed months between two dates (as Excel DATEDIF) and service bands
// (Home Office JL6 by default, edges configurable, e.g. 3, 7, 11). Used by service.ts and leaver-cost.ts.
import { table as toTable, type ColumnTable } from 'arquero';
import { dateParts } from '../../time/dates.js';
import { checkColumns, numbers } from '../../shared/columns.js';

/** Home Office JL6 band edges in years: <1, 1–2, 2–3, 3–4, 4–5, 5–10, … 25–30, 30+. */
export const JL6_EDGES: readonly number[] = [1, 2, 3, 4, 5, 10, 15, 20, 25, 30];

/** The band of people whose service date is missing or after the date measured to. */
export const UNKNOWN_SERVICE = 'unknown';

export interface ServiceBandOptions {
  /** Upper edges of the bands in years, ascending (default JL6); the last band is "last edge +". */
  edges?: readonly number[];
  /** Column of the date service is counted from (default service_start_date). */
  from?: string;
  /** Column of the last day (default end_date), or one epoch day for everyone (people in post on it). */
  at?: string | number;
  /** Name of the band column (default service_band); service_months is added beside it. */
  as?: string;
}

/**
 * Adds `service_months` (completed months from `from` to the day after `at`) and the service band
 * (label from serviceBandLabels, or 'unknown' when a date is missing or service would be negative).
 * @example deriveServiceBand(leavers, { edges: [3, 7, 11] }) // bands <3, 3–7, 7–11, 11+
 */
export function deriveServiceBand(
  table: ColumnTable,
  {
    edges = JL6_EDGES,
    from = 'service_start_date',
    at = 'end_date',
    as = 'service_band',
  }: ServiceBandOptions = {},
): ColumnTable {
  const fn = 'deriveServiceBand';
  checkColumns(fn, table, [from, ...(typeof at === 'string' ? [at] : [])]);
  const labels = serviceBandLabels(edges);
  const start = numbers(table, from);
  const last = typeof at === 'string' ? numbers(table, at) : null;
  const months: (number | null)[] = [];
  const bands: string[] = [];
  for (let i = 0; i < table.numRows(); i++) {
    const s = start[i];
    const e = last === null ? (at as number) : last[i];
    const m = s === null || e === null ? null : completedMonths(s, e + 1);
    months.push(m !== null && m >= 0 ? m : null);
    bands.push(m === null || m < 0 ? UNKNOWN_SERVICE : labels[bandIndex(m / 12, edges)]);
  }
  return table.assign(toTable({ service_months: months, [as]: bands }));
}

/**
 * The band labels for `edges`: '<e1', 'e1–e2', …, 'en+' (lower edge included, upper excluded).
 * @example serviceBandLabels([3, 7, 11]) // ['<3', '3–7', '7–11', '11+']
 */
export function serviceBandLabels(edges: readonly number[] = JL6_EDGES): string[] {
  checkEdges(edges);
  return [
    `<${edges[0]}`,
    ...edges.slice(1).map((e, i) => `${edges[i]}–${e}`),
    `${edges[edges.length - 1]}+`,
  ];
}

/** Completed calendar months from day `from` to day `to` (as Excel DATEDIF "m"). */
export function completedMonths(from: number, to: number): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

function bandIndex(years: number, edges: readonly number[]): number {
  const i = edges.findIndex((e) => years < e);
  return i === -1 ? edges.length : i;
}

function checkEdges(edges: readonly number[]): void {
  const ok =
    Array.isArray(edges) &&
    edges.length > 0 &&
    edges.every(
      (e, i) =>
        typeof e === 'number' && e > 0 && Number.isFinite(e) && (i === 0 || e > edges[i - 1]),
    );
  if (!ok) {
    throw new Error(
      `service bands: edges ${JSON.stringify(edges)} must be positive numbers of years in ascending order, e.g. [3, 7, 11] or JL6_EDGES.`,
    );
  }
}
