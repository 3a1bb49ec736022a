// Sickness absence per group × period: working days lost per FTE, lost-time rate, frequency rates,
// long-term share and mental-health share. Steps: person-time per group and period → each spell
// apportioned to the periods it spans → sums → rates from summed numerators and denominators.
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import { countWorkingDays } from '../../time/working-days.js';
import { daysLostInSlice } from './days-lost.js';
import {
  EXPOSURE_MEASURES,
  GroupPeriodSums,
  addExposure,
  checkPeople,
  indexPeople,
  type ExposureOptions,
} from '../workforce/exposure.js';
import { checkColumns, optionalColumn } from '../../shared/columns.js';
import { summarizeWithWhole } from '../shared/totals.js';
import {
  contributorsOf,
  PersonContributions,
  type ContributionColumns,
} from '../workforce/contributions.js';
import { checkPeriods } from '../../time/periods.js';

export interface SicknessOptions extends ExposureOptions {
  /**
   * When set, rows where every `by` column reads this label (e.g. 'All') are added, computed from
   * all people together (so people counts and the largest contributions are exact, not summed).
   */
  total?: string;
  /** A spell longer than this many calendar days is long-term (default 28, the police definition). */
  longTermDays?: number;
  /** Last day of the data: open spells run to it (default: the end of the last period). */
  asOf?: number;
}

const COUNTS = ['spells', 'people_with_spells', 'long_term_spells', 'people_with_long_term_spells'];
/** Magnitudes with the people behind them: [days column, people column, top-1 column, top-2 column]. */
const CONTRIBUTIONS: readonly ContributionColumns[] = [
  ['fte_days_lost', 'people_losing_days', 'fte_days_lost_top1', 'fte_days_lost_top2'],
  [
    'long_term_fte_days_lost',
    'people_long_term',
    'long_term_fte_days_lost_top1',
    'long_term_fte_days_lost_top2',
  ],
  [
    'mental_health_fte_days_lost',
    'people_mental_health',
    'mental_health_fte_days_lost_top1',
    'mental_health_fte_days_lost_top2',
  ],
];
const DAYS = [
  'days_lost',
  'fte_days_lost',
  'short_term_fte_days_lost',
  'long_term_fte_days_lost',
  'mental_health_fte_days_lost',
];

/**
 * Sickness absence per group of `people` and period. `people` is one row per employment spell, or
 * per posting stretch (derivePostingSpells) so that each day counts where and as what the person was
 * posted that day: a spell's days are shared among the stretches it spans, and the spell itself
 * (spells, long-term spells, people with spells) counts in the stretch of its first day. Headcount
 * counts each person once per group and period. Working days are Monday–Friday days minus the
 * listed bank holidays. A spell's days are apportioned to each period it spans: its recorded
 * working_days_lost split in proportion to the working days inside each period (or, when empty, the
 * working days themselves); FTE days lost = days × the person's FTE. Spells, people with spells and
 * long-term spells count in the period the spell starts. Denominators: fte_days_available (FTE ×
 * working days in post), fte_avg and headcount_avg (average over the days of the period).
 * Rates: days_lost_per_fte = fte_days_lost / fte_avg; lost_time_rate_pct = 100 × fte_days_lost /
 * fte_days_available; spells_per_100_people = 100 × spells / headcount_avg (it can pass 100: it is not
 * a percentage); people_with_spells_per_100 = 100 × people_with_spells / headcount_avg; shares of
 * fte_days_lost that are long-term or mental health.
 * The people behind each figure, for disclosure control: people_with_long_term_spells (long-term
 * spells starting in the period); people_losing_days, people_long_term, people_mental_health (people
 * with any FTE days lost in the period, of any kind, long-term, mental health), and for each of those
 * day totals the largest and second-largest single person's FTE days (`…_top1`, `…_top2`).
 * Counts and day totals add up across groups; people counts and top contributions do not (a person
 * can count in two groups): use `total` for exact margins.
 * @example summarizeSickness(people, sickness, { periods: periodsBetween(from, to, 'month'), by: ['unit'] })
 */
export function summarizeSickness(
  people: ColumnTable,
  sickness: ColumnTable,
  options: SicknessOptions,
): ColumnTable {
  const { by = [], total } = options;
  const sum = [...EXPOSURE_MEASURES, ...COUNTS, ...DAYS];
  return withRates(
    summarizeWithWhole(people, { by, total, sum }, (p) => sicknessSums(p, sickness, options)),
  );
}

function sicknessSums(
  people: ColumnTable,
  sickness: ColumnTable,
  options: SicknessOptions,
): ColumnTable {
  const where = 'summarizeSickness';
  const { periods, by = [], longTermDays = 28, fullTimeHours = 40 } = options;
  checkPeople(where, people, by);
  checkColumns(where, sickness, ['person_id', 'start_date', 'end_date'], { what: 'sickness' });
  checkPeriods(periods, where);
  if (!Number.isFinite(longTermDays) || longTermDays < 0) {
    throw new Error(
      `${where}: longTermDays must be a number of calendar days ≥ 0, got ${longTermDays}.`,
    );
  }
  const asOf = options.asOf ?? Math.max(...periods.map((p) => p.end));
  const index = indexPeople(people, by, fullTimeHours);
  // Per row, each person's FTE days lost: [all, long-term, mental health].
  const lostBy = new PersonContributions(CONTRIBUTIONS);
  const sums = new GroupPeriodSums(by, periods, [
    ...EXPOSURE_MEASURES,
    ...COUNTS,
    ...DAYS,
    ...lostBy.measures,
  ]);
  addExposure(sums, index, options);

  const person = sickness.array('person_id') as ArrayLike<string>;
  const starts = sickness.array('start_date') as ArrayLike<number>;
  const ends = sickness.array('end_date') as ArrayLike<number | null>;
  const recorded = optionalColumn<number | null>(sickness, 'working_days_lost');
  const reason = optionalColumn<string | null>(sickness, 'reason_category');
  const sick = new Map<number, Set<string>>();
  const longSick = new Map<number, Set<string>>();
  for (let s = 0; s < sickness.numRows(); s++) {
    const start = starts[s];
    if (start > asOf) continue;
    // The employment spell holding the first day; the spell's days are cut at its end and shared
    // among the stretches of it (postings) in the input, each day where the person was posted.
    const rows = index.rowsOf(person[s]);
    const first = rows.find(
      (i) => index.spellStart[i] <= start && (index.spellEnd[i] ?? Infinity) >= start,
    );
    if (first === undefined) continue;
    const employed = index.spellStart[first];
    // Recorded days are shared over the whole spell (to its end, or asOf while open), so a closed
    // spell running past asOf keeps its later days out rather than crowding them before asOf.
    const last = Math.min(ends[s] ?? asOf, index.spellEnd[first] ?? Infinity);
    const end = Math.min(last, asOf);
    const long = (ends[s] ?? asOf) - start + 1 > longTermDays;
    const mental = reason?.[s] === 'mental_health';
    const total = countWorkingDays(start, last, options);
    const days = recorded?.[s] ?? null;
    const onset = index.find(person[s], start);
    for (const row of rows) {
      const group = index.group[row];
      if (group === null || index.spellStart[row] !== employed) continue;
      const from = Math.max(start, index.start[row]);
      const to = Math.min(end, index.end[row] ?? Infinity);
      if (to < from) continue;
      periods.forEach((p, k) => {
        const a = Math.max(from, p.start);
        const b = Math.min(to, p.end);
        if (b < a) return;
        const inPeriod = countWorkingDays(a, b, options);
        const lost = daysLostInSlice(days, inPeriod, total, b - a + 1, last - start + 1);
        const at = sums.row(group, k);
        const fteLost = lost * index.fte[row];
        sums.add(at, 'days_lost', lost);
        sums.add(at, 'fte_days_lost', fteLost);
        sums.add(at, long ? 'long_term_fte_days_lost' : 'short_term_fte_days_lost', fteLost);
        if (mental) sums.add(at, 'mental_health_fte_days_lost', fteLost);
        const own = lostBy.of(at, person[s]);
        own[0] += fteLost;
        if (long) own[1] += fteLost;
        if (mental) own[2] += fteLost;
        // The spell itself counts once: in the stretch and period of its first day.
        if (row !== onset || start < p.start) return;
        sums.add(at, 'spells', 1);
        if (long) {
          sums.add(at, 'long_term_spells', 1);
          const who = longSick.get(at) ?? new Set<string>();
          longSick.set(at, who.add(person[s]));
        }
        const who = sick.get(at) ?? new Set<string>();
        sick.set(at, who.add(person[s]));
      });
    }
  }
  for (const [at, who] of sick) sums.add(at, 'people_with_spells', who.size);
  for (const [at, who] of longSick) sums.add(at, 'people_with_long_term_spells', who.size);
  lostBy.addTo(sums);
  return sums.toTable();
}

function withRates(table: ColumnTable): ColumnTable {
  return table.derive({
    days_lost_per_fte: (d: Record<string, number>) =>
      d.fte_avg > 0 ? d.fte_days_lost / d.fte_avg : null,
    lost_time_rate_pct: (d: Record<string, number>) =>
      d.fte_days_available > 0 ? (100 * d.fte_days_lost) / d.fte_days_available : null,
    spells_per_100_people: (d: Record<string, number>) =>
      d.headcount_avg > 0 ? (100 * d.spells) / d.headcount_avg : null,
    people_with_spells_per_100: (d: Record<string, number>) =>
      d.headcount_avg > 0 ? (100 * d.people_with_spells) / d.headcount_avg : null,
    long_term_share_pct: (d: Record<string, number>) =>
      d.fte_days_lost > 0 ? (100 * d.long_term_fte_days_lost) / d.fte_days_lost : null,
    mental_health_share_pct: (d: Record<string, number>) =>
      d.fte_days_lost > 0 ? (100 * d.mental_health_fte_days_lost) / d.fte_days_lost : null,
  });
}

/** Who a sickness table counts, in words (the default `who` of sicknessCellSpec). */
export const SICKNESS_WHO =
  'people in the row’s group on any day of the period, each person once; each day of sickness counts in the group the person was posted to that day';

/**
 * The CellSpec for publishing summarizeSickness output grouped by `by` (period is added as a dimension).
 * Population: headcount; counts: spells, people with spells, long-term spells; rates from summed
 * numerators and denominators. The people behind each figure are declared (contributors): spells
 * need 5 people with spells, long-term spells 5 people with them, and every rate or share of days
 * lost needs 5 people losing those days, none of whom (nor two of whom) dominates the total.
 * Pass `total`/`hierarchy` when the table holds margins or several levels: build margins with
 * summarizeSickness's `total` option (people counts do not add up across groups); `who`/`when` to
 * say the population and period in other words than the defaults.
 * @example report.publish(table, sicknessCellSpec(['unit']))
 */
export function sicknessCellSpec(
  by: readonly string[],
  extra: Pick<CellSpec, 'total' | 'hierarchy' | 'who' | 'when'> = {},
): CellSpec {
  return {
    by: [...by, 'period'],
    who: SICKNESS_WHO,
    population: 'headcount',
    counts: ['spells', 'people_with_spells', 'long_term_spells'],
    rates: [
      { name: 'days_lost_per_fte', numerator: 'fte_days_lost', denominator: 'fte_avg' },
      {
        name: 'lost_time_rate_pct',
        numerator: 'fte_days_lost',
        denominator: 'fte_days_available',
        per: 100,
      },
      {
        name: 'spells_per_100_people',
        numerator: 'spells',
        denominator: 'headcount_avg',
        per: 100,
      },
      {
        name: 'people_with_spells_per_100',
        numerator: 'people_with_spells',
        denominator: 'headcount_avg',
        per: 100,
      },
      {
        name: 'long_term_share_pct',
        numerator: 'long_term_fte_days_lost',
        denominator: 'fte_days_lost',
        per: 100,
      },
      {
        name: 'mental_health_share_pct',
        numerator: 'mental_health_fte_days_lost',
        denominator: 'fte_days_lost',
        per: 100,
      },
    ],
    contributors: [
      { column: 'spells', people: 'people_with_spells' },
      { column: 'long_term_spells', people: 'people_with_long_term_spells' },
      ...contributorsOf(CONTRIBUTIONS),
    ],
    ...extra,
  };
}
