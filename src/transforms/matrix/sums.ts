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

/**
 * Sums per unit_id × period label, for every matrix column; with `byPerson`, per unit_id × person_id ×
 * period (person_id null for rows that come as unit aggregates, e.g. survey scores).
 */
export class MatrixSums {
  private readonly sums = new Map<string, Record<string, number>>();
  constructor(
    readonly periods: readonly Period[],
    readonly byPerson = false,
  ) {}
  add(
    unit: string | null,
    period: string,
    column: string,
    value: number,
    person: string | null = null,
  ): void {
    if (unit === null || unit === undefined || !Number.isFinite(value)) return;
    const key = JSON.stringify(this.byPerson ? [unit, person, period] : [unit, period]);
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
    const at = this.byPerson ? 2 : 1;
    const keys = [...this.sums.keys()].map((k) => JSON.parse(k) as (string | null)[]);
    keys.sort((a, b) =>
      a[0]! < b[0]!
        ? -1
        : a[0]! > b[0]!
          ? 1
          : this.byPerson && a[1] !== b[1]
            ? String(a[1]) < String(b[1])
              ? -1
              : 1
            : order.indexOf(a[at]!) - order.indexOf(b[at]!),
    );
    const cols = ['headcount', ...MATRIX_COUNT_COLUMNS];
    return toTable({
      unit_id: keys.map((k) => k[0]),
      ...(this.byPerson ? { person_id: keys.map((k) => k[1]) } : {}),
      period: keys.map((k) => k[at]),
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
      rows.add(String(index.group[row]![0]), periods[k].label, 'oh_referrals', 1, who[i]);
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
  const who = spells.array('person_id') as ArrayLike<string>;
  for (let i = 0; i < spells.numRows(); i++) {
    const from = service?.[i] ?? spellStart[i];
    for (const p of periods) {
      const e = end[i];
      if (start[i] <= p.start && (e === null || e >= p.start)) {
        rows.add(unit[i], p.label, 'headcount_start', 1, who[i]);
        if (completedMonths(from, p.start) < earlyMonths)
          rows.add(unit[i], p.label, 'early_service_headcount_start', 1, who[i]);
      }
      if (e === null || e < p.start || e > p.end || type[i] !== 'voluntary_resignation') continue;
      rows.add(unit[i], p.label, 'voluntary_resignations', 1, who[i]);
      if (completedMonths(from, e + 1) < earlyMonths)
        rows.add(unit[i], p.label, 'early_resignations', 1, who[i]);
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
