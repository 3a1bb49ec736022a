// Length of service: completed months between two dates (as Excel DATEDIF) and service bands
// (Home Office JL6 by default, edges configurable, e.g. 3, 7, 11). Used by service.ts and leaver-cost.ts.
// Service counts from service_start_date; when it is empty, from the years recorded at leaving
// (service_years_at_leaving, e.g. an exit survey's band), then from start_date (joining this organisation).
import { table as toTable, type ColumnTable } from 'arquero';
import { dateParts } from '../../time/dates.js';
import { checkColumns, numbers } from '../../shared/columns.js';

/** Home Office JL6 band edges in years: <1, 1–2, 2–3, 3–4, 4–5, 5–10, … 25–30, 30+. */
export const JL6_EDGES: readonly number[] = [1, 2, 3, 4, 5, 10, 15, 20, 25, 30];

/** The band of people whose service date is missing or after the date measured to. */
export const UNKNOWN_SERVICE = 'unknown';

/** Where a row's length of service came from (the `service_basis` column), in order of preference. */
export type ServiceBasis = 'service_start_date' | 'service_years_at_leaving' | 'start_date';

export interface ServiceBandOptions {
  /** Upper edges of the bands in years, ascending (default JL6); the last band is "last edge +". */
  edges?: readonly number[];
  /** Column of the date service is counted from (default service_start_date). */
  from?: string;
  /** Column of the last day (default end_date), or one epoch day for everyone (people in post on it). */
  at?: string | number;
  /** Name of the band column (default service_band); service_months is added beside it. */
  as?: string;
  /**
   * Column of service in years recorded at leaving, used when `from` is empty and service is measured
   * to a leaving date (`at` a column); default service_years_at_leaving, used only when the table has it.
   */
  recorded?: string | null;
  /** Column of a later start to count from when `from` and `recorded` give nothing; default start_date (when present). */
  fallback?: string | null;
}

/**
 * Adds `service_months` (completed months from `from` to the day after `at`), the service band
 * (label from serviceBandLabels, or 'unknown' when service cannot be measured or would be negative)
 * and `service_basis` (the column service came from, null when unknown). When `from` is empty, service
 * at leaving is the recorded years (`recorded` × 12 months), else it counts from `fallback`.
 * @example deriveServiceBand(leavers, { edges: [3, 7, 11] }) // bands <3, 3–7, 7–11, 11+
 */
export function deriveServiceBand(
  table: ColumnTable,
  {
    edges = JL6_EDGES,
    from = 'service_start_date',
    at = 'end_date',
    as = 'service_band',
    recorded = 'service_years_at_leaving',
    fallback = 'start_date',
  }: ServiceBandOptions = {},
): ColumnTable {
  const fn = 'deriveServiceBand';
  checkColumns(fn, table, [from, ...(typeof at === 'string' ? [at] : [])]);
  const labels = serviceBandLabels(edges);
  const has = (c: string | null): c is string =>
    c !== null && c !== from && table.columnNames().includes(c);
  const start = numbers(table, from);
  const years = has(recorded) && typeof at === 'string' ? numbers(table, recorded) : null;
  const later = has(fallback) ? numbers(table, fallback) : null;
  const last = typeof at === 'string' ? numbers(table, at) : null;
  const months: (number | null)[] = [];
  const bands: string[] = [];
  const basis: (string | null)[] = [];
  for (let i = 0; i < table.numRows(); i++) {
    const e = last === null ? (at as number) : last[i];
    let m: number | null = null;
    let b: string | null = null;
    if (start[i] !== null && e !== null) [m, b] = [completedMonths(start[i]!, e + 1), from];
    else if (years !== null && years[i] !== null) [m, b] = [Math.floor(years[i]! * 12), recorded];
    else if (later !== null && later[i] !== null && e !== null)
      [m, b] = [completedMonths(later[i]!, e + 1), fallback];
    const known = m !== null && m >= 0;
    months.push(known ? m : null);
    bands.push(known ? labels[bandIndex(m! / 12, edges)] : UNKNOWN_SERVICE);
    basis.push(known ? b : null);
  }
  return table.assign(toTable({ service_months: months, [as]: bands, service_basis: basis }));
}

/**
 * How many rows of a table from deriveServiceBand had their service from each basis, in words
 * (for a definition card), e.g. "Service counted from service_start_date for 3 leavers and from
 * start_date (joining this organisation) for 2."; `who` names the rows (default leavers).
 * @example serviceBasisNote(deriveServiceBand(leavers))
 */
export function serviceBasisNote(table: ColumnTable, who = 'leavers'): string {
  const basis = table.columnNames().includes('service_basis')
    ? (table.array('service_basis') as ArrayLike<string | null>)
    : [];
  const counts = new Map<string, number>();
  let unknown = 0;
  for (let i = 0; i < basis.length; i++) {
    if (basis[i] === null) unknown++;
    else counts.set(basis[i]!, (counts.get(basis[i]!) ?? 0) + 1);
  }
  const words: Record<string, string> = {
    service_start_date: 'service_start_date',
    service_years_at_leaving: 'the years of service recorded at leaving',
    start_date: 'start_date (joining this organisation)',
  };
  const order = Object.keys(words);
  const rank = (b: string) => (order.includes(b) ? order.indexOf(b) : order.length);
  const ranked = [...counts].sort(([a], [b]) => rank(a) - rank(b));
  const parts = ranked.map(
    ([b, n], k) => `from ${words[b] ?? b} for ${n}${k === 0 ? ` ${who}` : ''}`,
  );
  const said =
    parts.length === 0
      ? `No ${who} had a known length of service`
      : `Service counted ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}`;
  return `${said}${unknown > 0 ? `; unknown for ${unknown}` : ''}.`;
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

/**
 * Service band edges from a notebook's `serviceBands` parameter: 'JL6' (any case) for the Home Office
 * bands, else years in ascending order separated by commas. Throws when that is not what it says.
 * @example parseServiceBands('3, 7, 11') // [3, 7, 11]
 * @example parseServiceBands('jl6') // [1, 2, 3, 4, 5, 10, 15, 20, 25, 30] (JL6_EDGES)
 */
export function parseServiceBands(text: string): number[] {
  if (text.trim().toUpperCase() === 'JL6') return [...JL6_EDGES];
  const edges = text.split(',').map((e) => Number(e.trim()));
  try {
    checkEdges(edges);
  } catch {
    throw new Error(
      `parseServiceBands: "${text}" is neither JL6 nor years in ascending order separated by commas. Set serviceBands to JL6 or e.g. 3,7,11.`,
    );
  }
  return edges;
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
