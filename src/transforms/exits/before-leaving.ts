// Leavers' overtime, sickness and occupational-health referrals in the 12 months before leaving,
// against stayers of the same length of service over the same 12 months.
// Steps: monthly totals per person → index month of each leaver → stayers in post at that month with
// the same service band → stayers weighted to the leavers' month × band mix → means per band.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import {
  JL6_EDGES,
  UNKNOWN_SERVICE,
  completedMonths,
  serviceBandLabels,
} from '../leavers/service.js';
import { monthlyTotals, type MonthlyTotals } from './monthly-totals.js';
import { checkColumns, numbers } from '../../shared/columns.js';
import { monthIndex, monthStart } from '../../time/months.js';
import { pushTo } from '../../shared/collections.js';

export const BEFORE_LEAVING: DefinitionCard = {
  id: 'before_leaving',
  title: 'The 12 months before leaving: leavers against similar stayers',
  definition:
    'For each leaver, the 12 whole calendar months before the month they left: overtime hours claimed, calendar days of sickness absence and occupational-health referrals. Stayers are compared over the same 12 months: people in post throughout those months and the month of leaving, with the same service band on the first day of that month; each leaver’s stayers share a weight of 1, so stayers are weighted to the leavers’ mix of months and bands.',
  unit: 'mean per person over 12 months',
  notes:
    'Only leavers in post for the whole 12 months, whose 12 months lie inside the recorded data, are compared; leavers with no matching stayer are left out. people: distinct people per band (the All row sums the bands). Open sickness spells count up to the last recorded day.',
};

export interface BeforeLeavingOptions {
  /** Leavers whose end_date is on or after this epoch day (default: all). */
  from?: number;
  /** Leavers whose end_date is on or before this epoch day (default: all). */
  to?: number;
  /** Leaver types compared (default voluntary resignations). */
  leaverTypes?: readonly string[];
  /** Service band edges in years (default JL6). */
  serviceBandEdges?: readonly number[];
  /** First and last day events are recorded (default: the earliest and latest event dates). */
  dataFrom?: number;
  dataTo?: number;
}

type Tables = Record<'people' | 'overtime' | 'sickness' | 'oh_referrals', ColumnTable>;
const MEASURES = ['overtime_hours', 'sickness_days', 'oh_referrals'] as const;

/**
 * Per service band (and 'All') × cohort (leavers, stayers): people and the means of overtime_hours,
 * sickness_days and oh_referrals over the 12 months before the month of leaving (see BEFORE_LEAVING).
 * @example compareLeaversWithStayers(data.tables, { serviceBandEdges: [3, 7, 11] })
 */
export function compareLeaversWithStayers(
  tables: Tables,
  {
    from = -Infinity,
    to = Infinity,
    leaverTypes = ['voluntary_resignation'],
    serviceBandEdges = JL6_EDGES,
    dataFrom,
    dataTo,
  }: BeforeLeavingOptions = {},
): ColumnTable {
  const fn = 'compareLeaversWithStayers';
  const { people } = tables;
  checkColumns(fn, people, [
    'person_id',
    'start_date',
    'end_date',
    'leaver_type',
    'service_start_date',
  ]);
  const totals = monthlyTotals(fn, tables, dataFrom, dataTo);
  const labels = [...serviceBandLabels(serviceBandEdges), UNKNOWN_SERVICE];
  const ids = people.array('person_id') as ArrayLike<string>;
  const start = numbers(people, 'start_date');
  const end = numbers(people, 'end_date');
  const service = numbers(people, 'service_start_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const bandAt = (i: number, day: number): string => {
    const s = service[i];
    const m = s === null ? -1 : completedMonths(s, day);
    if (m < 0) return UNKNOWN_SERVICE;
    const k = serviceBandEdges.findIndex((e) => m / 12 < e);
    return labels[k === -1 ? serviceBandEdges.length : k];
  };
  // leavers per index month and band
  const strata = new Map<number, Map<string, number[]>>();
  for (let i = 0; i < people.numRows(); i++) {
    const e = end[i];
    if (e === null || e < from || e > to || !leaverTypes.includes(type[i] ?? '')) continue;
    const month = monthIndex(e);
    if (!inWindow(totals, month) || start[i]! > monthStart(month - 12)) continue;
    const band = bandAt(i, monthStart(month));
    const byBand = strata.get(month) ?? new Map<string, number[]>();
    strata.set(month, byBand);
    pushTo(byBand, band, i);
  }
  const acc = new Map<string, Acc>();
  const add = (band: string, cohort: string, i: number, month: number, w: number) => {
    for (const key of [`${band}|${cohort}`, `All|${cohort}`]) {
      const a = acc.get(key) ?? { who: new Set<string>(), weight: 0, sums: [0, 0, 0] };
      acc.set(key, a);
      if (!key.startsWith('All|')) a.who.add(ids[i]);
      a.weight += w;
      MEASURES.forEach((_, k) => (a.sums[k] += w * totals.window(k, ids[i], month)));
    }
  };
  for (const [month, byBand] of strata) {
    const first = monthStart(month - 12);
    const after = monthStart(month + 1);
    const stayers = new Map<string, number[]>();
    for (let i = 0; i < people.numRows(); i++) {
      const e = end[i];
      if (start[i]! > first || (e !== null && e < after)) continue;
      const band = bandAt(i, monthStart(month));
      if (byBand.has(band)) pushTo(stayers, band, i);
    }
    for (const [band, leavers] of byBand) {
      const matched = stayers.get(band) ?? [];
      if (matched.length === 0) continue;
      for (const i of leavers) add(band, 'leavers', i, month, 1);
      for (const i of matched) add(band, 'stayers', i, month, leavers.length / matched.length);
    }
  }
  const out: Record<string, unknown[]> = { service_band: [], cohort: [], people: [] };
  for (const m of MEASURES) out[`${m}_mean`] = [];
  for (const band of [...labels, 'All']) {
    for (const cohort of ['leavers', 'stayers']) {
      const a = acc.get(`${band}|${cohort}`);
      if (!a) continue;
      out.service_band.push(band);
      out.cohort.push(cohort);
      out.people.push(band === 'All' ? sumPeople(acc, labels, cohort) : a.who.size);
      MEASURES.forEach((m, k) => out[`${m}_mean`].push(a.sums[k] / a.weight));
    }
  }
  return toTable(out);
}

/**
 * The CellSpec of compareLeaversWithStayers' output: means published with their number of people.
 * @example report.publish(compared, beforeLeavingSpec())
 */
export function beforeLeavingSpec(): CellSpec {
  return {
    by: ['service_band', 'cohort'],
    who: 'voluntary resigners over their last 12 months in post, against stayers of the same service over a matching 12 months',
    population: 'people',
    means: MEASURES.map((m) => ({ name: `${m}_mean`, n: 'people' })),
    total: 'All',
  };
}

interface Acc {
  who: Set<string>;
  weight: number;
  sums: number[];
}

function sumPeople(acc: Map<string, Acc>, labels: string[], cohort: string): number {
  return labels.reduce((s, b) => s + (acc.get(`${b}|${cohort}`)?.who.size ?? 0), 0);
}

function inWindow(totals: MonthlyTotals, month: number): boolean {
  return month - 12 >= totals.firstMonth && month - 1 <= totals.lastMonth;
}
