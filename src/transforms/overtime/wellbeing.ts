// What overtime volume says about well-being: sickness and voluntary resignation by overtime band.
// Steps: each employment spell's overtime per month at work in the period → band → summarizeSickness
// by band → voluntary resignations in the period by band.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { type WorkingDayOptions } from '../../time/working-days.js';
import { sicknessCellSpec, summarizeSickness } from '../sickness/summary.js';
import { checkColumns, columnArray } from '../../shared/columns.js';
import { checkPeople, indexPeople } from '../workforce/exposure.js';
import { personEvents } from '../workforce/person-events.js';

export interface OvertimeBandOptions extends WorkingDayOptions {
  period: Period;
  /** Lower edges of the bands, in overtime hours per month at work (default [0, 5, 10, 20]). */
  bands?: readonly number[];
  /** Further grouping columns of people (e.g. worker_type). */
  by?: readonly string[];
  /** Employment spells with fewer days at work than this in the period get no band (default 28). */
  minDaysAtWork?: number;
  longTermDays?: number;
  asOf?: number;
}

const MONTH = 365.25 / 12;

/**
 * Sickness and voluntary resignation per overtime band in one period. A person's band is their
 * overtime hours per month *at work*: hours claimed in the period ÷ (days in post − calendar days
 * off sick) × 30.44, so long-term sickness does not push someone into the lowest band. Columns are
 * those of summarizeSickness grouped by `overtime_band` (e.g. '10–20 h') plus `voluntary_resignations`
 * (spells ending in the period with leaver_type voluntary_resignation) and resignation_rate_pct
 * (per 100 average headcount). Association only: the bands are not a cause.
 * @example summarizeWellbeingByOvertimeBand(people, overtime, sickness, { period: parsePeriod('FY2024-25') })
 */
export function summarizeWellbeingByOvertimeBand(
  people: ColumnTable,
  overtime: ColumnTable,
  sickness: ColumnTable,
  options: OvertimeBandOptions,
): ColumnTable {
  const where = 'summarizeWellbeingByOvertimeBand';
  const { period, bands = [0, 5, 10, 20], by = [], minDaysAtWork = 28 } = options;
  checkPeople(where, people, ['leaver_type', ...by]);
  checkColumns(where, overtime, ['person_id', 'date', 'hours'], { what: 'overtime' });
  checkColumns(where, sickness, ['person_id', 'start_date', 'end_date'], { what: 'sickness' });
  if (
    bands.length === 0 ||
    bands.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= bands[i - 1]))
  ) {
    throw new Error(
      `${where}: bands must be increasing lower edges in hours per month, e.g. [0, 5, 10, 20]; got ${JSON.stringify(bands)}.`,
    );
  }
  const asOf = options.asOf ?? period.end;
  // the people row each claim and sickness spell falls in (index.find)
  const index = indexPeople(people, []);
  const { person: ids, start, end, spellStart, spellEnd } = index;
  // A band belongs to an employment spell: posting stretches of one spell (derivePostingSpells,
  // with spell_start_date and spell_end_date) share their hours, sick days and days in post.
  const names = people.columnNames();
  const stretches = names.includes('spell_start_date') && names.includes('spell_end_date');
  const keyOf = new Map<string, number>();
  const spell = Int32Array.from({ length: people.numRows() }, (_, i) => {
    const key = stretches ? `${ids[i]}|${spellStart[i]}` : String(i);
    if (!keyOf.has(key)) keyOf.set(key, keyOf.size);
    return keyOf.get(key)!;
  });
  const hours = new Float64Array(keyOf.size);
  const sickDays = new Float64Array(keyOf.size);
  const inPost = new Float64Array(keyOf.size);
  const oDate = columnArray<number>(overtime, 'date');
  const oHours = columnArray<number>(overtime, 'hours');
  // by claim row: only the claims of these people are read
  const claims = personEvents(index, overtime);
  for (const c of claims.rows) {
    if (oDate[c] < period.start || oDate[c] > period.end) continue;
    const i = claims.find(c, oDate[c]);
    if (i >= 0) hours[spell[i]] += oHours[c];
  }
  const sPerson = sickness.array('person_id') as ArrayLike<string>;
  const sStart = sickness.array('start_date') as ArrayLike<number>;
  const sEnd = sickness.array('end_date') as ArrayLike<number | null>;
  for (let s = 0; s < sickness.numRows(); s++) {
    const i = index.find(sPerson[s], sStart[s]);
    if (i < 0) continue;
    const a = Math.max(sStart[s], period.start);
    const b = Math.min(sEnd[s] ?? asOf, asOf, period.end, spellEnd[i] ?? Infinity);
    if (b >= a) sickDays[spell[i]] += b - a + 1;
  }
  for (let i = 0; i < people.numRows(); i++) {
    const days = Math.min(end[i] ?? period.end, period.end) - Math.max(start[i], period.start) + 1;
    if (days > 0) inPost[spell[i]] += days;
  }
  const labels = bands.map((b, k) => (k + 1 < bands.length ? `${b}–${bands[k + 1]} h` : `${b}+ h`));
  const band = new Array<string | null>(people.numRows());
  for (let i = 0; i < people.numRows(); i++) {
    const j = spell[i];
    const atWork = inPost[j] - sickDays[j];
    const perMonth = atWork >= minDaysAtWork ? (hours[j] / atWork) * MONTH : NaN;
    let k = -1;
    for (let m = 0; m < bands.length; m++) if (perMonth >= bands[m]) k = m;
    band[i] = inPost[j] > 0 && k >= 0 ? labels[k] : null;
  }
  const banded = people.assign(aq.table({ overtime_band: band }));
  const table = summarizeSickness(banded, sickness, {
    ...options,
    periods: [period],
    by: ['overtime_band', ...by],
    asOf,
  });
  const leavers = banded
    .params({ a: period.start, b: period.end })
    .filter(
      (
        d: { overtime_band: string | null; leaver_type: string | null; end_date: number | null },
        $: { a: number; b: number },
      ) =>
        d.overtime_band !== null &&
        d.leaver_type === 'voluntary_resignation' &&
        d.end_date !== null &&
        d.end_date >= $.a &&
        d.end_date <= $.b,
    )
    .groupby(['overtime_band', ...by])
    .count({ as: 'voluntary_resignations' });
  return table
    .join_left(leavers, [
      ['overtime_band', ...by],
      ['overtime_band', ...by],
    ])
    .derive({
      voluntary_resignations: (d: { voluntary_resignations: number | null }) =>
        d.voluntary_resignations ?? 0,
    })
    .derive({
      resignation_rate_pct: (d: { voluntary_resignations: number; headcount_avg: number }) =>
        d.headcount_avg > 0 ? (100 * d.voluntary_resignations) / d.headcount_avg : null,
      band_order: aq.escape((d: { overtime_band: string }) => labels.indexOf(d.overtime_band)),
    })
    .orderby([...by, 'band_order'])
    .select(aq.not('band_order'));
}

/**
 * The CellSpec for publishing summarizeWellbeingByOvertimeBand output: sicknessCellSpec by band plus
 * voluntary resignations and their rate.
 * @example report.publish(t, overtimeBandCellSpec())
 */
export function overtimeBandCellSpec(by: readonly string[] = []): CellSpec {
  const base = sicknessCellSpec(['overtime_band', ...by]);
  return {
    ...base,
    who: 'people in post in the period, each employment banded by its overtime hours per month at work; a person’s days, sickness and resignation count in that band',
    counts: [...(base.counts ?? []), 'voluntary_resignations'],
    rates: [
      ...(base.rates ?? []),
      {
        name: 'resignation_rate_pct',
        numerator: 'voluntary_resignations',
        denominator: 'headcount_avg',
        per: 100,
      },
    ],
  };
}

/** Definition card: well-being by overtime band. */
export const WELLBEING_BY_OVERTIME_BAND: DefinitionCard = {
  id: 'wellbeing_by_overtime_band',
  title: 'Sickness and resignations by overtime band',
  definition:
    'People grouped by their overtime hours per month at work in the period (hours ÷ days in post not off sick × 30.44); for each band, the sickness lost-time rate and voluntary resignations per 100 average headcount.',
  numerator: 'FTE days lost; voluntary resignations in the period',
  denominator: 'FTE days available; average headcount',
  unit: '%',
  notes:
    'An association, not a cause: people who cannot do overtime (health, caring) sit in the low bands. Compare within worker type.',
};
