// Overtime level of each spell in the retention data, so resignation can be compared between people
// who work much overtime and those who work little. Steps: each spell's days observed in the window →
// overtime hours claimed on those days → hours per year observed → quantile band across spells.
import { table as toTable, type ColumnTable } from 'arquero';
import type { DefinitionCard } from '../shared/definition.js';
import { DAYS_PER_YEAR } from './retention-data.js';
import { checkColumns, columnArray, numbers } from '../../shared/columns.js';
import { eventRowsOf } from '../workforce/person-events.js';

export interface OvertimeLevelOptions {
  /** Number of bands of equal size (default 4: quartiles). */
  bands?: number;
}

export const OVERTIME_LEVEL: DefinitionCard = {
  id: 'overtime_level',
  title: 'Overtime level (hours per year observed)',
  definition:
    'Overtime hours claimed by the person on the days of the spell observed in the data window, divided by the years observed (from the window start or joining, to leaving or the data end); spells are then split into bands of equal size, Q1 the least overtime.',
  unit: 'hours per year',
  notes:
    'A rate per year observed, so that people who left early are not ranked low only because they had less time to claim. Compare within one worker type: officers claim far more overtime than staff.',
};

/**
 * Adds overtime_hours_per_year (hours claimed between the spell's first observed day and its last day,
 * per year observed) and overtime_band ('Q1 (least)' … 'Qk (most)', equal-sized bands by rank, ties
 * broken by row order) to deriveRetentionData's output (years). Spells with no day observed get null.
 * @example deriveOvertimeLevel(retention.filter((d) => d.worker_type === 'officer'), data.tables.overtime)
 */
export function deriveOvertimeLevel(
  retention: ColumnTable,
  overtime: ColumnTable,
  { bands = 4 }: OvertimeLevelOptions = {},
): ColumnTable {
  const fn = 'deriveOvertimeLevel';
  checkColumns(fn, retention, ['person_id', 'start_date', 'tenure_entry_years', 'tenure_years'], {
    fix: 'Derive it with deriveRetentionData().',
  });
  checkColumns(fn, overtime, ['person_id', 'date', 'hours'], { fix: 'Pass data.tables.overtime.' });
  if (!Number.isInteger(bands) || bands < 2) {
    throw new Error(`${fn}: bands must be a whole number ≥ 2 (4 = quartiles), got ${bands}.`);
  }
  const claimsOf = eventRowsOf(overtime);
  const day = columnArray<number>(overtime, 'date');
  const hours = columnArray<number | null>(overtime, 'hours');
  const person = retention.array('person_id') as ArrayLike<string>;
  const start = numbers(retention, 'start_date');
  const entry = numbers(retention, 'tenure_entry_years');
  const time = numbers(retention, 'tenure_years');
  const rate: (number | null)[] = [];
  for (let i = 0; i < retention.numRows(); i++) {
    const first = start[i]! + Math.round(entry[i]! * DAYS_PER_YEAR);
    const last = start[i]! + Math.round(time[i]! * DAYS_PER_YEAR) - 1;
    const years = (last - first + 1) / DAYS_PER_YEAR;
    if (years <= 0) {
      rate.push(null);
      continue;
    }
    let sum = 0;
    for (const c of claimsOf(person[i]))
      if (day[c] >= first && day[c] <= last) sum += hours[c] ?? 0;
    rate.push(sum / years);
  }
  return retention.assign(
    toTable({ overtime_hours_per_year: rate, overtime_band: bandsOf(rate, bands) }),
  );
}

/** Equal-sized bands by rank: the k-th of n ranked values goes to band floor(k · bands / n). */
function bandsOf(values: (number | null)[], bands: number): (string | null)[] {
  const order = values
    .map((v, i) => [v, i] as const)
    .filter((p): p is readonly [number, number] => p[0] !== null)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = values.map(() => null as string | null);
  order.forEach(([, i], k) => {
    const b = Math.floor((k * bands) / order.length);
    out[i] = `Q${b + 1}${b === 0 ? ' (least)' : b === bands - 1 ? ' (most)' : ''}`;
  });
  return out;
}
