// Per-person monthly totals of overtime hours, sickness days and OH referrals, with 12-month window sums
// (the plumbing of compareLeaversWithStayers).
import type { ColumnTable } from 'arquero';
import { dateParts, daysInMonth } from '../../time/dates.js';
import { checkColumns, columnArray, columnReader, numbers } from '../../shared/columns.js';
import { monthIndex, monthStart } from '../../time/months.js';

/** Monthly totals over the recorded months firstMonth..lastMonth (month indices, see monthIndex). */
export interface MonthlyTotals {
  firstMonth: number;
  lastMonth: number;
  /** Sum of measure k (0 overtime hours, 1 sickness days, 2 OH referrals) of one person over the 12 months before `month`. */
  window(k: number, personId: string, month: number): number;
}

/**
 * Monthly totals per person of overtime hours (by claim date), calendar days of sickness absence
 * (spells split across months; open spells run to the last recorded day) and OH referrals, over the
 * whole months between dataFrom and dataTo (default: earliest and latest event date of the three tables).
 * @example monthlyTotals('fn', data.tables).window(0, 'P000123', monthIndex(epochDay(2024, 4, 1)))
 */
export function monthlyTotals(
  fn: string,
  tables: Record<'overtime' | 'sickness' | 'oh_referrals', ColumnTable>,
  dataFrom?: number,
  dataTo?: number,
): MonthlyTotals {
  checkColumns(fn, tables.overtime, ['person_id', 'date', 'hours'], {
    fix: 'Pass data.tables from loadDataset().',
  });
  checkColumns(fn, tables.sickness, ['person_id', 'start_date', 'end_date'], {
    fix: 'Pass data.tables from loadDataset().',
  });
  checkColumns(fn, tables.oh_referrals, ['person_id', 'date'], {
    fix: 'Pass data.tables from loadDataset().',
  });
  // overtime's numbers as typed arrays and its ids read in place: no copy of a column of every claim
  const otDays = columnArray<number | null>(tables.overtime, 'date');
  const sickStart = numbers(tables.sickness, 'start_date');
  const sickEnd = numbers(tables.sickness, 'end_date');
  const ohDays = numbers(tables.oh_referrals, 'date');
  let lo = dataFrom ?? Infinity;
  let hi = dataTo ?? -Infinity;
  if (dataFrom === undefined || dataTo === undefined) {
    for (const list of [otDays, sickStart, sickEnd, ohDays]) {
      for (let i = 0; i < list.length; i++) {
        const d = list[i];
        if (d === null) continue;
        if (dataFrom === undefined && d < lo) lo = d;
        if (dataTo === undefined && d > hi) hi = d;
      }
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
    throw new Error(
      `${fn}: no overtime, sickness or OH referral dates to compare. Load those tables, or pass dataFrom and dataTo.`,
    );
  }
  const firstMonth = dateParts(lo).day === 1 ? monthIndex(lo) : monthIndex(lo) + 1;
  const lastMonth =
    dateParts(hi).day === daysInMonth(dateParts(hi).year, dateParts(hi).month)
      ? monthIndex(hi)
      : monthIndex(hi) - 1;
  const width = Math.max(0, lastMonth - firstMonth + 1);
  const series = new Map<string, Float64Array[]>();
  const row = (id: string): Float64Array[] => {
    let r = series.get(id);
    if (!r) series.set(id, (r = [0, 1, 2].map(() => new Float64Array(width + 1))));
    return r;
  };
  const put = (k: number, id: string, month: number, value: number) => {
    if (month >= firstMonth && month <= lastMonth) row(id)[k][month - firstMonth + 1] += value;
  };
  const otIds = columnReader<string>(tables.overtime, 'person_id');
  const hours = columnArray<number | null>(tables.overtime, 'hours');
  for (let i = 0; i < otDays.length; i++)
    if (otDays[i] !== null) put(0, otIds(i), monthIndex(otDays[i]!), hours[i] ?? 0);
  const sickIds = tables.sickness.array('person_id') as ArrayLike<string>;
  for (let i = 0; i < sickIds.length; i++) {
    const s = Math.max(sickStart[i]!, monthStart(firstMonth));
    const e = Math.min(sickEnd[i] ?? hi, monthStart(lastMonth + 1) - 1);
    for (let m = monthIndex(Math.min(s, e)); s <= e && m <= monthIndex(e); m++) {
      put(1, sickIds[i], m, Math.min(e, monthStart(m + 1) - 1) - Math.max(s, monthStart(m)) + 1);
    }
  }
  const ohIds = tables.oh_referrals.array('person_id') as ArrayLike<string>;
  for (let i = 0; i < ohIds.length; i++)
    if (ohDays[i] !== null) put(2, ohIds[i], monthIndex(ohDays[i]!), 1);
  for (const r of series.values())
    for (const a of r) for (let m = 1; m <= width; m++) a[m] += a[m - 1];
  return {
    firstMonth,
    lastMonth,
    window(k, id, month) {
      const r = series.get(id);
      if (!r) return 0;
      const hiAt = Math.min(month - 1, lastMonth) - firstMonth + 1;
      const loAt = Math.max(month - 12, firstMonth) - firstMonth;
      return hiAt > loAt ? r[k][hiAt] - r[k][loAt] : 0;
    },
  };
}
