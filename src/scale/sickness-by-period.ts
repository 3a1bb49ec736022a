// Sickness days lost apportioned to periods, per employment spell (or group of people) × period, in
// memory or pushed down to DuckDB. Steps: choose the engine → match each sickness spell to the employment spell in post on
// its first day → split its working days lost over the periods it spans → sum per grain × period.
import type { ColumnTable } from 'arquero';
import { countWorkingDays } from '../time/working-days.js';
import type { Period } from '../time/periods.js';
import { sqlName } from './duckdb-session.js';
import { aggregate, eventInputs, type ScaleInputs } from './engine.js';
import type { ScaleData } from './scale-data.js';
import { SPELL_GRAIN, type ScalePeriodOptions } from './overtime-by-period.js';
import {
  OPEN_END,
  checkMeasures,
  checkScalePeriods,
  GrainPeriodRows,
  grainPeriodColumns,
  grainSql,
  grainValues,
  fteSql,
  indexSpells,
  periodsSql,
} from './spells.js';
import { checkColumns, optionalColumn } from '../shared/columns.js';
import { checkPeople } from '../transforms/workforce/exposure.js';
import { daysLostInSlice } from '../transforms/sickness/days-lost.js';

export interface SicknessByPeriodOptions extends ScalePeriodOptions {
  /** Last day of the data: open spells run to it (default: the end of the last period). */
  asOf?: number;
  /** A spell longer than this many calendar days is long-term (default 28). */
  longTermDays?: number;
}

/** The measures of summarizeSicknessByPeriod, in output order after the grain and period columns. */
export const SICKNESS_MEASURES = [
  'spells',
  'long_term_spells',
  'days_lost',
  'fte_days_lost',
  'mental_health_fte_days_lost',
];

/**
 * Sickness per employment spell (default; `by` for groups of people) and period, apportioned as
 * summarizeSickness does: a sickness spell belongs to the employment spell in post on its first day;
 * it runs to min(end_date or asOf, asOf, the employment spell's end); its working_days_lost is split
 * over the periods in proportion to the Monday–Friday days in each (no bank holidays), by calendar
 * days when it spans no working day, and is the working days themselves when empty. fte_days_lost =
 * days × FTE (fte, else contracted hours / 40, else 1). spells and long_term_spells (over longTermDays
 * calendar days, open spells to asOf) count in the period of the first day. Columns: the grain,
 * period, period_start, period_end, the measures; only grain × period pairs a spell touches appear.
 * `inputs` may be a ScaleData (openScaleData), which reads the files once per run.
 * @example summarizeSicknessByPeriod({ people, sickness: 'sickness.parquet' }, { periods: years, by: ['unit_id'] })
 */
export async function summarizeSicknessByPeriod(
  inputs: ScaleInputs | ScaleData,
  options: SicknessByPeriodOptions,
): Promise<ColumnTable> {
  const where = 'summarizeSicknessByPeriod';
  const { periods, longTermDays = 28 } = options;
  const grain = [...(options.by ?? SPELL_GRAIN)];
  const measures = checkMeasures(options.measures, SICKNESS_MEASURES, where);
  checkScalePeriods(periods, where);
  const asOf = options.asOf ?? Math.max(...periods.map((p) => p.end));
  if (!Number.isInteger(asOf)) throw new Error(`${where}: asOf must be an epoch day, got ${asOf}.`);
  if (!(longTermDays >= 0)) {
    throw new Error(`${where}: longTermDays must be a number of days ≥ 0, got ${longTermDays}.`);
  }
  inputs = eventInputs(inputs, 'sickness', where);
  const result = await aggregate(
    inputs,
    options,
    where,
    () => sicknessSql(periods, grain, measures, asOf, longTermDays),
    (tables) => sicknessInMemory(tables, periods, grain, asOf, longTermDays, where),
  );
  return result.select(grainPeriodColumns(grain, measures)).orderby(...grain, 'period_start');
}

const SICKNESS_SQL: Record<string, string> = {
  spells: 'count(*) FILTER (WHERE a0 >= period_start)::INTEGER',
  long_term_spells: 'count(*) FILTER (WHERE a0 >= period_start AND long_term)::INTEGER',
  days_lost: 'sum(lost)::DOUBLE',
  fte_days_lost: 'sum(lost * fte)::DOUBLE',
  mental_health_fte_days_lost: 'coalesce(sum(lost * fte) FILTER (WHERE mental), 0)::DOUBLE',
};

function sicknessSql(
  periods: readonly Period[],
  grain: readonly string[],
  measures: readonly string[],
  asOf: number,
  longTermDays: number,
): string {
  const g = grainSql(grain);
  const names = grain.map((c) => sqlName(c)).join(', ');
  return `
WITH sick AS (
  SELECT ${g.select}, k.start_date AS a0, ${fteSql('s', 40)} AS fte,
    least(coalesce(k.end_date, ${asOf}), ${asOf}, coalesce(s.end_date, ${OPEN_END})) AS b0,
    k.working_days_lost AS recorded,
    coalesce(k.end_date, ${asOf}) - k.start_date + 1 > ${longTermDays} AS long_term,
    coalesce(k.reason_category = 'mental_health', false) AS mental
  FROM sickness_spells k JOIN spells s ON k.spell = s.spell${g.notEmpty}
  WHERE k.start_date <= ${asOf}
), parts AS (
  SELECT x.*, p.period, p.period_start, p.period_end,
    CASE WHEN x.recorded IS NULL THEN wd(greatest(a0, p.period_start), least(b0, p.period_end))
      WHEN wd(a0, b0) > 0 THEN x.recorded * wd(greatest(a0, p.period_start), least(b0, p.period_end)) / wd(a0, b0)
      ELSE x.recorded * (least(b0, p.period_end) - greatest(a0, p.period_start) + 1) / (b0 - a0 + 1) END AS lost
  FROM sick x JOIN ${periodsSql(periods)} ON p.period_start <= x.b0 AND p.period_end >= x.a0
)
SELECT ${names}, period, period_start::INTEGER AS period_start, period_end::INTEGER AS period_end,
  ${measures.map((m) => `${SICKNESS_SQL[m]} AS ${m}`).join(',\n  ')}
FROM parts GROUP BY ${names}, period, period_start, period_end`;
}

function sicknessInMemory(
  tables: Partial<Record<keyof ScaleInputs, ColumnTable>>,
  periods: readonly Period[],
  grain: readonly string[],
  asOf: number,
  longTermDays: number,
  where: string,
): ColumnTable {
  const people = tables.people!;
  const sickness = tables.sickness!;
  checkPeople(where, people, grain);
  checkColumns(where, sickness, ['person_id', 'start_date', 'end_date'], { what: 'sickness' });
  const spells = indexSpells(people);
  const grainOf = grainValues(people, grain);
  const person = sickness.array('person_id') as ArrayLike<string>;
  const starts = sickness.array('start_date') as ArrayLike<number>;
  const ends = sickness.array('end_date') as ArrayLike<number | null>;
  const recorded = optionalColumn<number | null>(sickness, 'working_days_lost');
  const reason = optionalColumn<string | null>(sickness, 'reason_category');
  const order = periods.map((_, k) => k).sort((a, b) => periods[a].start - periods[b].start);
  const out = new GrainPeriodRows(grain, SICKNESS_MEASURES);
  for (let s = 0; s < sickness.numRows(); s++) {
    const a0 = starts[s];
    if (a0 > asOf) continue;
    for (const row of spells.covering(person[s], a0)) {
      const values = grainOf[row];
      if (values === null) continue;
      const b0 = Math.min(ends[s] ?? asOf, asOf, spells.end[row] ?? OPEN_END);
      const total = countWorkingDays(a0, b0);
      const days = recorded?.[s] ?? null;
      const long = (ends[s] ?? asOf) - a0 + 1 > longTermDays;
      for (const k of order) {
        const p = periods[k];
        const a = Math.max(a0, p.start);
        const b = Math.min(b0, p.end);
        if (b < a) continue;
        const inPeriod = countWorkingDays(a, b);
        const lost = daysLostInSlice(days, inPeriod, total, b - a + 1, b0 - a0 + 1);
        const r = out.row(values, k, p);
        out.add('days_lost', r, lost);
        out.add('fte_days_lost', r, lost * spells.fte[row]);
        if (reason?.[s] === 'mental_health') {
          out.add('mental_health_fte_days_lost', r, lost * spells.fte[row]);
        }
        if (a0 >= p.start) {
          out.add('spells', r, 1);
          if (long) out.add('long_term_spells', r, 1);
        }
      }
    }
  }
  return out.toTable();
}
