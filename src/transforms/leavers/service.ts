// Leavers by length of service (JL6 bands by default) and the share of voluntary resignations with
// short service. Steps: leavers in the period, transfers out excluded → service bands → count per band.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { groupRows, periodList } from '../shared/groups.js';
import { NON_HEADLINE_LEAVER_TYPES } from './leavers.js';
import {
  JL6_EDGES,
  UNKNOWN_SERVICE,
  deriveServiceBand,
  serviceBandLabels,
  serviceBasisNote,
} from './service-bands.js';
import { checkColumns, numbers } from '../../shared/columns.js';

// The band helpers live in service-bands.ts; re-exported so `./service.js` offers the whole concept.
export {
  JL6_EDGES,
  UNKNOWN_SERVICE,
  completedMonths,
  deriveServiceBand,
  serviceBandLabels,
  serviceBasisNote,
  type ServiceBasis,
  type ServiceBandOptions,
} from './service-bands.js';

export const SERVICE_AT_LEAVING: DefinitionCard = {
  id: 'service_at_leaving',
  title: 'Length of service at leaving',
  definition:
    'Leavers in the period (transfers out excluded) by completed years of police service: from service_start_date to the day after the last day (1 April 2020 to 31 March 2021 is one year); when service_start_date is empty, the years of service recorded at leaving (service_years_at_leaving), else from start_date (joining this organisation). Bands include their lower edge: 1–2 means at least 1 and under 2 years.',
  unit: 'people',
  source:
    'Home Office, Police workforce, England and Wales: table JL6 (leavers by length of service)',
  notes: `Leavers whose service cannot be measured are counted in the band "${UNKNOWN_SERVICE}". Band edges are configurable (e.g. 3, 7, 11).`,
};

/**
 * SERVICE_AT_LEAVING with notes saying, for the leavers of `period`, from which column their service
 * was counted (service_start_date, the years recorded at leaving, or start_date) and for how many.
 * @example serviceAtLeavingCard(people, { period: parsePeriod('FY2023-24') }).notes
 */
export function serviceAtLeavingCard(
  people: ColumnTable,
  { period, from = 'service_start_date' }: Pick<ServiceSummaryOptions, 'period' | 'from'>,
): DefinitionCard {
  const leavers = leaversIn('serviceAtLeavingCard', people, period, [], from, JL6_EDGES);
  return {
    ...SERVICE_AT_LEAVING,
    notes: `${SERVICE_AT_LEAVING.notes} ${serviceBasisNote(leavers)}`,
  };
}

export const SHORT_SERVICE_SHARE: DefinitionCard = {
  id: 'short_service_share',
  title: 'Voluntary resignations with short service',
  definition:
    'Share of voluntary resignations in the period by people with under the threshold (default 5) completed years of police service at leaving (from service_start_date; else the years recorded at leaving; else from start_date).',
  numerator: 'voluntary resignations with service under the threshold',
  denominator: 'voluntary resignations with a known length of service',
  unit: '% of voluntary resignations',
  source:
    'HMICFRS PEEL 2021/22 (71% of voluntary resignations of officers in 2021/22 had under five years’ service)',
};

/**
 * Leavers in the period (transfers out excluded) per `by` group and service band: columns by…,
 * service_band, leavers, voluntary_resignations. Every band appears (0 when empty), 'unknown' only
 * when some leaver's service is unknown; bands in order of length.
 * @example summarizeServiceAtLeaving(people, { period: parsePeriod('FY2023-24'), by: ['worker_type'] })
 */
export function summarizeServiceAtLeaving(
  people: ColumnTable,
  { period, by = [], edges = JL6_EDGES, from = 'service_start_date' }: ServiceSummaryOptions,
): ColumnTable {
  const leavers = leaversIn('summarizeServiceAtLeaving', people, period, by, from, edges);
  const labels = serviceBandLabels(edges);
  const band = leavers.array('service_band') as ArrayLike<string>;
  const type = leavers.array('leaver_type') as ArrayLike<string | null>;
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, 'service_band', 'leavers', 'voluntary_resignations'].map((c) => [c, []]),
  );
  for (const group of groupRows(leavers, by)) {
    const hasUnknown = group.rows.some((i) => band[i] === UNKNOWN_SERVICE);
    for (const label of hasUnknown ? [...labels, UNKNOWN_SERVICE] : labels) {
      const rows = group.rows.filter((i) => band[i] === label);
      by.forEach((c, k) => out[c].push(group.values[k]));
      out.service_band.push(label);
      out.leavers.push(rows.length);
      out.voluntary_resignations.push(
        rows.filter((i) => type[i] === 'voluntary_resignation').length,
      );
    }
  }
  return toTable(out);
}

export interface ServiceSummaryOptions {
  period: Period;
  by?: string[];
  /** Band edges in years (default JL6). */
  edges?: readonly number[];
  /** Column service is counted from (default service_start_date). */
  from?: string;
}

/**
 * Per group: voluntary_resignations in the period, voluntary_known_service (those with a known
 * length of service), voluntary_short_service (under `underYears`, default 5, completed years) and
 * short_service_share_pct = short / known × 100 (null when none known).
 * @example summarizeShortServiceShare(people, { period: parsePeriod('FY2023-24') })
 */
export function summarizeShortServiceShare(
  people: ColumnTable,
  {
    period,
    by = [],
    underYears = 5,
    from = 'service_start_date',
  }: Omit<ServiceSummaryOptions, 'edges'> & { underYears?: number },
): ColumnTable {
  const leavers = leaversIn('summarizeShortServiceShare', people, period, by, from, [underYears]);
  const months = numbers(leavers, 'service_months');
  const type = leavers.array('leaver_type') as ArrayLike<string | null>;
  const out: Record<string, unknown[]> = Object.fromEntries(
    [
      ...by,
      'voluntary_resignations',
      'voluntary_known_service',
      'voluntary_short_service',
      'short_service_share_pct',
    ].map((c) => [c, []]),
  );
  for (const group of groupRows(leavers, by)) {
    const vol = group.rows.filter((i) => type[i] === 'voluntary_resignation');
    const known = vol.filter((i) => months[i] !== null);
    const short = known.filter((i) => months[i]! < underYears * 12).length;
    by.forEach((c, k) => out[c].push(group.values[k]));
    out.voluntary_resignations.push(vol.length);
    out.voluntary_known_service.push(known.length);
    out.voluntary_short_service.push(short);
    out.short_service_share_pct.push(known.length > 0 ? (100 * short) / known.length : null);
  }
  return toTable(out);
}

/** CellSpec of summarizeServiceAtLeaving's output. */
export function serviceAtLeavingSpec(
  by: string[] = [],
  { total }: { total?: string } = {},
): CellSpec {
  return {
    by: [...by, 'service_band'],
    who: 'leavers with an end date in the period (transfers out excluded), by completed service at leaving',
    counts: ['leavers', 'voluntary_resignations'],
    ...(total ? { total } : {}),
  };
}

/** CellSpec of summarizeShortServiceShare's output (one row per group; pass by: ['all'] style dims). */
export function shortServiceShareSpec(by: string[]): CellSpec {
  return {
    by,
    who: 'voluntary resignations with an end date in the period, those with a known length of service in the share',
    counts: ['voluntary_resignations', 'voluntary_short_service'],
    rates: [
      {
        name: 'short_service_share_pct',
        numerator: 'voluntary_short_service',
        denominator: 'voluntary_known_service',
        per: 100,
      },
    ],
  };
}

/** Leavers whose end_date is in the period, transfers out excluded, with service bands derived. */
function leaversIn(
  fn: string,
  people: ColumnTable,
  period: Period,
  by: string[],
  from: string,
  edges: readonly number[],
): ColumnTable {
  checkColumns(fn, people, ['end_date', 'leaver_type', from, ...by]);
  const [p] = periodList(fn, period);
  const end = numbers(people, 'end_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const keep: number[] = [];
  for (let i = 0; i < people.numRows(); i++) {
    const e = end[i];
    if (
      e !== null &&
      e >= p.start &&
      e <= p.end &&
      !NON_HEADLINE_LEAVER_TYPES.includes(type[i] ?? '')
    )
      keep.push(i);
  }
  const optional = ['service_years_at_leaving', 'start_date'].filter((c) =>
    people.columnNames().includes(c),
  );
  const picked = toTable(
    Object.fromEntries(
      [...new Set(['end_date', 'leaver_type', from, ...optional, ...by])].map((c) => [
        c,
        keep.map((i) => people.get(c, i)),
      ]),
    ),
  );
  return deriveServiceBand(picked, { edges, from });
}
