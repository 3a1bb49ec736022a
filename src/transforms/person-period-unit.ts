// The unit "temperature" input of the leaving-risk model. TODO(matrix): replace this stand-in with the
// well-being matrix's per-unit temperature (src/transforms/matrix*.ts) once it exists.
import { table as toTable, type ColumnTable } from 'arquero';
import { checkColumns } from './group-rows.js';

export interface UnitTemperatureOptions {
  /** Units with fewer people than this in a month get temperature 0 (too few to score); default 5. */
  minUnitSize?: number;
  /** unit_id → parent unit_id: a unit is compared with its siblings when minSiblings of them are scored. */
  parent?: Readonly<Record<string, string | null>>;
  /** Fewest scored siblings for a sibling comparison (default 3); otherwise all units that month. */
  minSiblings?: number;
  /** Worker types whose overtime and sickness are not recorded (default special, volunteer): left out of the unit sums. */
  unrecorded?: readonly string[];
  /** Optional extra unit score per `${month}|${unit_id}`, higher = hotter (e.g. minus a staff-survey well-being score). */
  unitScores?: ReadonlyMap<string, number>;
}

/**
 * Adds `unit_temperature` to person-month rows: for each month, every unit's overtime hours and
 * sickness days per FTE over the last 12 months (Σ over the unit's people that month of their 12-month
 * totals / Σ of their FTE; unrecorded worker types left out), and any extra unit score, are turned into
 * z-scores against comparable units that month: its siblings under the same parent (e.g. the other
 * response teams of a district) when `parent` is given and at least minSiblings of them are scored,
 * else all units. Units under minUnitSize people are not scored. The temperature is the mean of the
 * z-scores: 0 = a typical unit, +1 = one standard deviation hotter than comparable units.
 * @example deriveUnitTemperature(periods, { parent: { 'D1-RESP-A': 'D1-RESP' } }).array('unit_temperature')
 */
export function deriveUnitTemperature(
  periods: ColumnTable,
  {
    minUnitSize = 5,
    parent,
    minSiblings = 3,
    unrecorded = ['special', 'volunteer'],
    unitScores,
  }: UnitTemperatureOptions = {},
): ColumnTable {
  const needed = [
    'month',
    'unit_id',
    'worker_type',
    'fte',
    'overtime_hours_12m',
    'sickness_days_12m',
  ];
  checkColumns(
    'deriveUnitTemperature',
    periods,
    needed,
    'Build the rows with buildPersonPeriods().',
  );
  const [month, unit, type, fte, ot, sick] = needed.map(
    (c) => periods.array(c) as unknown as ArrayLike<never>,
  );
  const sums = new Map<
    string,
    { month: string; unit: string; n: number; fte: number; ot: number; sick: number }
  >();
  const keys: (string | null)[] = [];
  for (let i = 0; i < periods.numRows(); i++) {
    const u = unit[i] as string | null;
    const key = u === null ? null : `${month[i]}|${u}`;
    keys.push(key);
    if (key === null || unrecorded.includes(type[i])) continue;
    let s = sums.get(key);
    if (s === undefined)
      sums.set(key, (s = { month: month[i], unit: u as string, n: 0, fte: 0, ot: 0, sick: 0 }));
    s.n += 1;
    s.fte += fte[i];
    s.ot += ot[i];
    s.sick += sick[i];
  }
  const scored = [...sums.entries()].filter(([, s]) => s.n >= minUnitSize && s.fte > 0);
  const measures = new Map(
    scored.map(([key, s]) => {
      const extra = unitScores?.get(key);
      return [key, [s.ot / s.fte, s.sick / s.fte, ...(extra === undefined ? [] : [extra])]];
    }),
  );
  // reference sets: every scored unit that month, and the siblings under each parent that month
  const reference = new Map<string, number[][]>();
  const push = (ref: string, values: number[]) => {
    const list = reference.get(ref);
    if (list === undefined) reference.set(ref, [values]);
    else list.push(values);
  };
  for (const [key, s] of scored) {
    push(s.month, measures.get(key) as number[]);
    if (parent !== undefined)
      push(`${s.month}^${parent[s.unit] ?? ''}`, measures.get(key) as number[]);
  }
  const score = new Map<string, number>();
  for (const [key, s] of scored) {
    const siblings =
      parent === undefined ? undefined : reference.get(`${s.month}^${parent[s.unit] ?? ''}`);
    const ref =
      siblings !== undefined && siblings.length >= minSiblings
        ? siblings
        : (reference.get(s.month) as number[][]);
    const values = measures.get(key) as number[];
    const z = values.map((v, m) => {
      const column = ref.filter((r) => r.length > m).map((r) => r[m]);
      const { mean, sd } = meanSd(column);
      return sd > 0 ? (v - mean) / sd : 0;
    });
    score.set(key, z.reduce((a, b) => a + b, 0) / z.length);
  }
  const temperature = keys.map((k) => (k === null ? 0 : (score.get(k) ?? 0)));
  return periods.assign(toTable({ unit_temperature: temperature }));
}

function meanSd(values: number[]): { mean: number; sd: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd };
}

/**
 * Unit scores for deriveUnitTemperature from a unit indicator (default the staff-survey well-being
 * score): for each month end in `monthEnds` (label → epoch day) and unit, the latest period of the
 * indicator that ended on or before that day (value, or numerator / denominator), times `sign`
 * (−1: a lower well-being score is hotter). Units without such a period get no score.
 * @example unitIndicatorScores(data.tables.unit_indicators, new Map([['2024-04', 19843]]))
 */
export function unitIndicatorScores(
  indicators: ColumnTable,
  monthEnds: ReadonlyMap<string, number>,
  {
    indicator = 'staff_survey_wellbeing_score',
    sign = -1,
  }: { indicator?: string; sign?: number } = {},
): Map<string, number> {
  const out = new Map<string, number>();
  if (indicators.numRows() === 0) return out;
  checkColumns('unitIndicatorScores', indicators, ['unit_id', 'period_end', 'indicator', 'value']);
  const names = indicators.columnNames();
  const get = (c: string) =>
    names.includes(c) ? (indicators.array(c) as ArrayLike<unknown>) : null;
  const [unit, end, name, value, num, den] = [
    'unit_id',
    'period_end',
    'indicator',
    'value',
    'numerator',
    'denominator',
  ].map(get);
  const byUnit = new Map<string, { end: number; value: number }[]>();
  for (let i = 0; i < indicators.numRows(); i++) {
    if (name?.[i] !== indicator) continue;
    const v =
      (value?.[i] as number | null) ??
      (den?.[i] ? (num?.[i] as number) / (den[i] as number) : null);
    if (v === null || !Number.isFinite(v)) continue;
    const list = byUnit.get(unit?.[i] as string) ?? [];
    list.push({ end: end?.[i] as number, value: v });
    byUnit.set(unit?.[i] as string, list);
  }
  for (const [u, list] of byUnit) {
    list.sort((a, b) => a.end - b.end);
    for (const [label, day] of monthEnds) {
      const past = list.filter((x) => x.end <= day);
      if (past.length > 0) out.set(`${label}|${u}`, sign * past[past.length - 1].value);
    }
  }
  return out;
}
