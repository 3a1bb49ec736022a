// The Bradford factor per person over a rolling 52 weeks: analyst mode only, for supportive
// conversations; never published by person and never in a manager's report.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { DefinitionCard } from '../shared/definition.js';
import { countWorkingDays, type WorkingDayOptions } from '../../time/working-days.js';
import { checkColumns, optionalColumn } from '../../shared/columns.js';

export interface BradfordOptions extends WorkingDayOptions {
  /** Must be 'analyst': the output names people. Anything else throws. */
  mode: 'analyst';
  /** Last day of the rolling window (epoch day); the window is the 364 days ending on it. */
  asOf: number;
  /** Window length in weeks (default 52). */
  weeks?: number;
}

/**
 * One row per person with sickness in the rolling window ending on `asOf`: spells (S, spells with
 * at least one day in the window), days_lost (D, working days inside the window; a recorded
 * working_days_lost is split by working days like summarizeSickness) and bradford_factor = S² × D,
 * highest first. Refuses unless `mode: 'analyst'`: the table names people and must not leave the
 * analyst's notebook (publish only counts by band, e.g. people over 200 per unit).
 * @example summarizeBradfordFactor(data.tables.sickness, { mode: 'analyst', asOf: data.asOf })
 */
export function summarizeBradfordFactor(
  sickness: ColumnTable,
  options: BradfordOptions,
): ColumnTable {
  const where = 'summarizeBradfordFactor';
  if ((options as { mode?: unknown })?.mode !== 'analyst') {
    throw new Error(
      `${where}: the Bradford factor is listed by person, so it runs in analyst mode only. Call it with { mode: 'analyst', asOf } in an analyst notebook; never publish it by person or put it in a manager report.`,
    );
  }
  const { asOf, weeks = 52 } = options;
  if (!Number.isInteger(asOf))
    throw new Error(`${where}: asOf must be an epoch day (integer), got ${asOf}.`);
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new Error(`${where}: weeks must be a whole number ≥ 1, got ${weeks}.`);
  checkColumns(where, sickness, ['person_id', 'start_date', 'end_date'], { what: 'sickness' });
  const from = asOf - weeks * 7 + 1;
  const person = sickness.array('person_id') as ArrayLike<string>;
  const starts = sickness.array('start_date') as ArrayLike<number>;
  const ends = sickness.array('end_date') as ArrayLike<number | null>;
  const recorded = optionalColumn<number | null>(sickness, 'working_days_lost');
  const spells = new Map<string, number>();
  const days = new Map<string, number>();
  for (let s = 0; s < sickness.numRows(); s++) {
    const start = starts[s];
    const end = Math.min(ends[s] ?? asOf, asOf);
    if (start > asOf || end < from) continue;
    const inside = countWorkingDays(Math.max(start, from), end, options);
    const total = countWorkingDays(start, end, options);
    const r = recorded?.[s] ?? null;
    const lost = r === null ? inside : total > 0 ? (r * inside) / total : 0;
    spells.set(person[s], (spells.get(person[s]) ?? 0) + 1);
    days.set(person[s], (days.get(person[s]) ?? 0) + lost);
  }
  const ids = [...spells.keys()];
  return aq
    .table({
      person_id: ids,
      spells: ids.map((id) => spells.get(id)!),
      days_lost: ids.map((id) => days.get(id)!),
      bradford_factor: ids.map((id) => spells.get(id)! ** 2 * days.get(id)!),
    })
    .orderby(aq.desc('bradford_factor'), 'person_id');
}

/** Definition card: Bradford factor. */
export const BRADFORD_FACTOR: DefinitionCard = {
  id: 'bradford_factor',
  title: 'Bradford factor (analyst mode only)',
  definition:
    'S² × D over the rolling 52 weeks ending on the as-of date, where S is the number of sickness spells with a day in the window and D the working days lost inside it. It weights many short spells above one long one.',
  unit: 'points',
  source: 'Bradford University School of Management (1980s); ACAS guidance on its use',
  notes:
    'For supportive conversations only: it penalises disability- and pregnancy-related absence unless those spells are removed, and it is never shown by person in a manager report.',
};
