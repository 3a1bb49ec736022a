// Per-person monthly event series for the person-period builder: overtime hours and rest days,
// sickness spells, days and mental-health spells, OH referrals, welfare-check dates, postings.
// Steps: month index of every event → one dense Float64Array per person and measure → window sums.
import type { ColumnTable } from 'arquero';
import { monthEnd, monthIndex } from '../../time/months.js';
import { searchSorted } from '../../shared/numeric.js';
import { columnArray, columnReader, optionalColumn, optionalReader } from '../../shared/columns.js';

/** Dense monthly counts per person over months k0 … k0 + length − 1; people without events are absent. */
export class MonthlySeries {
  private readonly byPerson = new Map<string, Float64Array>();
  constructor(
    readonly k0: number,
    readonly length: number,
  ) {}

  add(person: string, k: number, value: number): void {
    const i = k - this.k0;
    if (i < 0 || i >= this.length || value === 0) return;
    let series = this.byPerson.get(person);
    if (series === undefined) this.byPerson.set(person, (series = new Float64Array(this.length)));
    series[i] += value;
  }

  /** Sum over months k − months + 1 … k (months outside the series count as 0). */
  window(person: string, k: number, months: number): number {
    const series = this.byPerson.get(person);
    if (series === undefined) return 0;
    let s = 0;
    const hi = Math.min(k - this.k0, this.length - 1);
    for (let i = Math.max(0, k - months + 1 - this.k0); i <= hi; i++) s += series[i];
    return s;
  }
}

/** The monthly series the builder reads, over months k0 … k0 + length − 1. */
export interface EventSeries {
  overtimeHours: MonthlySeries;
  restDays: MonthlySeries;
  sicknessSpells: MonthlySeries;
  sicknessDays: MonthlySeries;
  mentalHealthSpells: MonthlySeries;
  ohReferrals: MonthlySeries;
  /** Welfare-check dates per person, ascending. */
  welfare: Map<string, number[]>;
}

/**
 * Monthly event series from the kit's event tables. Overtime: hours and claims on rest days by the
 * month worked. Sickness: spells and mental-health spells by the month they start; days = calendar
 * days of absence falling in each month (open spells run to `asOf`). OH referrals by month.
 * @example const s = eventSeries(data.tables, 24280, 60, asOf); s.overtimeHours.window('P1', 24291, 12)
 */
export function eventSeries(
  tables: Record<'overtime' | 'sickness' | 'oh_referrals' | 'welfare_checks', ColumnTable>,
  k0: number,
  length: number,
  asOf: number,
): EventSeries {
  const series = () => new MonthlySeries(k0, length);
  const out: EventSeries = {
    overtimeHours: series(),
    restDays: series(),
    sicknessSpells: series(),
    sicknessDays: series(),
    mentalHealthSpells: series(),
    ohReferrals: series(),
    welfare: new Map(),
  };
  const months = new MonthCache();
  const ot = tables.overtime;
  // numbers as typed arrays, text and flags read in place: no copy of a column of every claim
  const otPerson = columnReader<string>(ot, 'person_id');
  const otDate = columnArray<number>(ot, 'date');
  const otHours = columnArray<number>(ot, 'hours');
  const otRest = optionalReader<boolean | null>(ot, 'rest_day_worked');
  for (let i = 0; i < ot.numRows(); i++) {
    const k = months.of(otDate[i]);
    out.overtimeHours.add(otPerson(i), k, otHours[i]);
    if (otRest?.(i) === true) out.restDays.add(otPerson(i), k, 1);
  }
  const sk = tables.sickness;
  const skPerson = sk.array('person_id') as ArrayLike<string>;
  const skStart = sk.array('start_date') as ArrayLike<number>;
  const skEnd = sk.array('end_date') as ArrayLike<number | null>;
  const skReason = optionalColumn<string | null>(sk, 'reason_category');
  for (let i = 0; i < sk.numRows(); i++) {
    const p = skPerson[i];
    const start = skStart[i];
    const end = Math.min(skEnd[i] ?? asOf, asOf);
    const k = months.of(start);
    out.sicknessSpells.add(p, k, 1);
    if (skReason?.[i] === 'mental_health') out.mentalHealthSpells.add(p, k, 1);
    for (let m = k, from = start; from <= end; m++) {
      const to = Math.min(end, monthEnd(m));
      out.sicknessDays.add(p, m, to - from + 1);
      from = to + 1;
    }
  }
  const oh = tables.oh_referrals;
  const ohPerson = oh.array('person_id') as ArrayLike<string>;
  const ohDate = oh.array('date') as ArrayLike<number>;
  for (let i = 0; i < oh.numRows(); i++) out.ohReferrals.add(ohPerson[i], months.of(ohDate[i]), 1);
  const wc = tables.welfare_checks;
  const wcPerson = wc.array('person_id') as ArrayLike<string>;
  const wcDate = wc.array('date') as ArrayLike<number>;
  for (let i = 0; i < wc.numRows(); i++) {
    const list = out.welfare.get(wcPerson[i]);
    if (list === undefined) out.welfare.set(wcPerson[i], [wcDate[i]]);
    else list.push(wcDate[i]);
  }
  for (const list of out.welfare.values()) list.sort((a, b) => a - b);
  return out;
}

/**
 * The latest date in `sorted` (ascending) that is ≤ day, or null.
 * @example lastOnOrBefore([3, 8, 20], 10) // 8
 */
export function lastOnOrBefore(sorted: readonly number[] | undefined, day: number): number | null {
  if (sorted === undefined) return null;
  const k = searchSorted(sorted, day, 'right');
  return k === 0 ? null : sorted[k - 1];
}

// dateParts is slow-ish for a million claims: cache the month of each epoch day.
class MonthCache {
  private readonly cache = new Map<number, number>();
  of(day: number): number {
    let k = this.cache.get(day);
    if (k === undefined) this.cache.set(day, (k = monthIndex(day)));
    return k;
  }
}
