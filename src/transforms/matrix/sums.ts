// Counts of the well-being matrix that the sickness and overtime transforms do not give: OH
// referrals, voluntary and early resignations with their start-of-period headcounts, and survey and
// workload rows of unit_indicators; and the per unit × period sums they are added to.
import { table as toTable, type ColumnTable } from 'arquero';
import type { Period } from '../../time/periods.js';
import { MATRIX_COUNT_COLUMNS } from './indicators.js';
import { periodFinder } from '../overtime/summary.js';
import { completedMonths } from '../leavers/service-bands.js';
import { indexPeople } from '../workforce/exposure.js';
import { numbers } from '../../shared/columns.js';

/** Sums per unit_id × period label, for every matrix column. */
export class MatrixSums {
  private readonly sums = new Map<string, Record<string, number>>();
  constructor(readonly periods: readonly Period[]) {}
  add(unit: string | null, period: string, column: string, value: number): void {
    if (unit === null || unit === undefined || !Number.isFinite(value)) return;
    const key = JSON.stringify([unit, period]);
    let row = this.sums.get(key);
    if (!row)
      this.sums.set(
        key,
        (row = Object.fromEntries(['headcount', ...MATRIX_COUNT_COLUMNS].map((c) => [c, 0]))),
      );
    row[column] = (row[column] ?? 0) + value;
  }
  toTable(): ColumnTable {
    const order = this.periods.map((p) => p.label);
    const keys = [...this.sums.keys()].map((k) => JSON.parse(k) as [string, string]);
    keys.sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : order.indexOf(a[1]) - order.indexOf(b[1]),
    );
    const cols = ['headcount', ...MATRIX_COUNT_COLUMNS];
    return toTable({
      unit_id: keys.map((k) => k[0]),
      period: keys.map((k) => k[1]),
      ...Object.fromEntries(
        cols.map((c) => [c, keys.map((k) => this.sums.get(JSON.stringify(k))![c])]),
      ),
    });
  }
}

/** Adds oh_referrals: each referral in the unit of the stretch (derivePostingSpells) holding its date. */
export function addReferrals(
  rows: MatrixSums,
  spells: ColumnTable,
  referrals: ColumnTable,
  periods: readonly Period[],
): void {
  const index = indexPeople(spells, ['unit_id']);
  const at = periodFinder(periods);
  const who = referrals.array('person_id') as ArrayLike<string>;
  const when = numbers(referrals, 'date');
  for (let i = 0; i < referrals.numRows(); i++) {
    const k = when[i] === null ? -1 : at(when[i] as number);
    const row = k < 0 ? -1 : index.find(who[i], when[i] as number);
    if (row >= 0 && index.group[row])
      rows.add(String(index.group[row]![0]), periods[k].label, 'oh_referrals', 1);
  }
}

/** Adds headcount_start, early_service_headcount_start, voluntary_resignations and early_resignations. */
export function addLeavers(
  rows: MatrixSums,
  spells: ColumnTable,
  periods: readonly Period[],
  earlyMonths: number,
): void {
  const unit = spells.array('unit_id') as ArrayLike<string | null>;
  const start = numbers(spells, 'start_date') as ArrayLike<number>;
  const end = numbers(spells, 'end_date');
  const type = spells.array('leaver_type') as ArrayLike<string | null>;
  const names = spells.columnNames();
  const service = names.includes('service_start_date')
    ? numbers(spells, 'service_start_date')
    : undefined;
  const spellStart = numbers(spells, 'spell_start_date') as ArrayLike<number>;
  for (let i = 0; i < spells.numRows(); i++) {
    const from = service?.[i] ?? spellStart[i];
    for (const p of periods) {
      const e = end[i];
      if (start[i] <= p.start && (e === null || e >= p.start)) {
        rows.add(unit[i], p.label, 'headcount_start', 1);
        if (completedMonths(from, p.start) < earlyMonths)
          rows.add(unit[i], p.label, 'early_service_headcount_start', 1);
      }
      if (e === null || e < p.start || e > p.end || type[i] !== 'voluntary_resignation') continue;
      rows.add(unit[i], p.label, 'voluntary_resignations', 1);
      if (completedMonths(from, e + 1) < earlyMonths)
        rows.add(unit[i], p.label, 'early_resignations', 1);
    }
  }
}

/** Adds the numerator and denominator of a unit_indicators indicator, rows lying inside a period. */
export function addIndicator(
  rows: MatrixSums,
  indicators: ColumnTable,
  periods: readonly Period[],
  name: string,
  [num, den]: string[],
): void {
  if (indicators.numRows() === 0) return;
  const unit = indicators.array('unit_id') as ArrayLike<string>;
  const what = indicators.array('indicator') as ArrayLike<string>;
  const from = numbers(indicators, 'period_start');
  const to = numbers(indicators, 'period_end');
  const n = numbers(indicators, 'numerator');
  const d = numbers(indicators, 'denominator');
  for (let i = 0; i < indicators.numRows(); i++) {
    if (what[i] !== name || n[i] === null || d[i] === null) continue;
    const p = periods.find((q) => (from[i] as number) >= q.start && (to[i] as number) <= q.end);
    if (!p) continue;
    rows.add(unit[i], p.label, num, n[i] as number);
    rows.add(unit[i], p.label, den, d[i] as number);
  }
}
