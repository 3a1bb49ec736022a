// Retention curves for publication: Kaplan–Meier (still in post) and Aalen–Johansen (resigned, other
// exits competing) per group, read on a regular grid of tenure and cut where the risk set gets small.
// Steps: group the retention data → fit each group → read curve and risk set at each grid time → cut.
import { table as toTable, type ColumnTable } from 'arquero';
import { fitAalenJohansen } from '../../stats/survival/aalen-johansen.js';
import { fitKaplanMeier } from '../../stats/survival/kaplan-meier.js';
import type { ConfType } from '../../stats/survival/confint.js';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { groupRows } from '../shared/groups.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export interface RetentionCurveOptions {
  /** Grouping columns, e.g. ['sex'], ['intake_fy'], ['entry_route']; none = one curve 'all'. */
  by?: string[];
  /** Time unit of the retention data (default 'years': columns tenure_entry_years, tenure_years). */
  unit?: 'years' | 'months';
  /** Grid step in the time unit (default 0.25 years or 3 months). */
  step?: number;
  /** Cut each curve at the first grid interval whose smallest risk set is under this (0 = keep all). */
  minAtRisk?: number;
  /**
   * Coarsen each curve so that every step shown covers 0 or at least this many exits (of the event
   * drawn): a grid point whose exits since the last point shown number 1 to minEvents − 1 is left out,
   * so the step to the next point shown covers them together. Default: minAtRisk.
   */
  minEvents?: number;
  confType?: ConfType;
}

export const RETENTION_CURVE: DefinitionCard = {
  id: 'retention_curve',
  title: 'Retention curve (Kaplan–Meier)',
  definition:
    'Estimated share of people still in this organisation after each length of tenure, with pointwise 95% intervals (Greenwood variance, log scale, as R survival::survfit). Every leaver type counts as leaving.',
  notes:
    'Read on a grid (every 3 months); each curve stops before the first interval where fewer than the minimum group size were at risk, so no point rests on a handful of people. The median is the tenure by which half have left, when the curve reaches 0.5.',
  source: 'Kaplan & Meier (1958); Greenwood (1926); checked against R survival',
};

export const RESIGNATION_INCIDENCE: DefinitionCard = {
  id: 'resignation_incidence',
  title: 'Cumulative incidence of voluntary resignation (Aalen–Johansen)',
  definition:
    'Estimated probability of having resigned voluntarily by each length of tenure, with retirement, dismissal, transfer and every other exit treated as competing events (a person who retires can no longer resign), with pointwise 95% intervals (infinitesimal jackknife, log scale, as R survival::survfit).',
  notes:
    'Unlike 1 − Kaplan–Meier with other exits censored, this does not overstate resignation where other exits are common. Curves stop where fewer than the minimum group size were at risk.',
  source: 'Aalen & Johansen (1978); checked against R survival',
};

/**
 * Kaplan–Meier retention per group on a grid: columns by…, group (values joined by ' / '), time
 * (0, step, 2·step … in the unit), n_risk (entry < time ≤ exit at the grid time), n_risk_min (smallest
 * risk set at the grid time or any exit time since the previous one), n_left (exits in that interval),
 * surv, lower, upper (the step function's value at the grid time). Curves stop before the first grid
 * time with n_risk_min < minAtRisk. With minEvents (default minAtRisk), a grid point is shown only
 * when the exits since the previous point shown number 0 or at least minEvents (n_left then counts
 * them all), so no step of the curve rests on 1 to minEvents − 1 leavers.
 * @example summarizeRetentionCurves(deriveRetentionData(people, { windowStart, dataEnd }), { by: ['sex'], minAtRisk: 5 })
 */
export function summarizeRetentionCurves(
  data: ColumnTable,
  options: RetentionCurveOptions = {},
): ColumnTable {
  return gridCurves('summarizeRetentionCurves', data, options, null);
}

/**
 * Aalen–Johansen cumulative incidence of `event` (default voluntary_resignation) per group on the
 * same grid: columns by…, group, time, n_risk, n_risk_min, n_left (exits of `event` in the interval),
 * cif, lower, upper. A group with no such exit has cif 0.
 * @example summarizeResignationIncidence(retention, { by: ['sex'], minAtRisk: 5 })
 */
export function summarizeResignationIncidence(
  data: ColumnTable,
  { event = 'voluntary_resignation', ...options }: RetentionCurveOptions & { event?: string } = {},
): ColumnTable {
  return gridCurves('summarizeResignationIncidence', data, options, event);
}

/**
 * CellSpec of a grid curve: the smallest risk set is the population; the curve and its interval
 * follow it (n_left is not published: single exits would be counts under the minimum).
 * @example report.publish(curves, retentionCurveSpec(['sex'], 'surv'))
 */
export function retentionCurveSpec(by: string[] = [], measure: 'surv' | 'cif' = 'surv'): CellSpec {
  return {
    by: [...(by.includes('group') ? [] : ['group']), ...by.filter((b) => b !== 'group'), 'time'],
    who: 'employment spells followed from their start (or the observation window’s start) until the person left or the data ended, in the group of the row',
    population: 'n_risk_min',
    means: [measure, 'lower', 'upper'].map((name) => ({ name, n: 'n_risk_min' })),
  };
}

type Curve = { time: number; n_risk: number; value: number; lower: number; upper: number }[];

function gridCurves(
  fn: string,
  data: ColumnTable,
  {
    by = [],
    unit = 'years',
    step,
    minAtRisk = 0,
    minEvents = minAtRisk,
    confType = 'log',
  }: RetentionCurveOptions,
  event: string | null,
): ColumnTable {
  const [entryCol, timeCol] = [`tenure_entry_${unit}`, `tenure_${unit}`];
  checkColumns(fn, data, [entryCol, timeCol, 'left', 'exit_cause', ...by], {
    fix: 'Derive it with deriveRetentionData().',
  });
  const dt = step ?? (unit === 'years' ? 0.25 : 3);
  if (!(dt > 0)) throw new Error(`${fn}: step must be > 0, got ${dt}.`);
  const entry = numbers(data, entryCol) as ArrayLike<number>;
  const time = numbers(data, timeCol) as ArrayLike<number>;
  const left = numbers(data, 'left') as ArrayLike<number>;
  const cause = data.array('exit_cause') as ArrayLike<string | null>;
  const value = event === null ? 'surv' : 'cif';
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, 'group', 'time', 'n_risk', 'n_risk_min', 'n_left', value, 'lower', 'upper'].map((c) => [
      c,
      [],
    ]),
  );
  for (const group of groupRows(data, by)) {
    const rows = group.rows;
    const input = { entry: rows.map((i) => entry[i]), time: rows.map((i) => time[i]) };
    let curve: Curve;
    if (event === null) {
      const fit = fitKaplanMeier({ ...input, event: rows.map((i) => left[i]) }, { confType });
      curve = fit.steps.map((s) => ({
        time: s.time,
        n_risk: s.n_risk,
        value: s.surv,
        lower: s.lower,
        upper: s.upper,
      }));
    } else {
      const fit = fitAalenJohansen(
        { ...input, cause: rows.map((i) => cause[i]) },
        { event, absentEvent: 'zero', confType },
      );
      curve = fit.steps.map((s) => ({
        time: s.time,
        n_risk: s.n_risk,
        value: s.cif,
        lower: s.lower,
        upper: s.upper,
      }));
    }
    const isEvent = (i: number) => (event === null ? left[i] === 1 : cause[i] === event);
    const maxTime = input.time.reduce((a, b) => Math.max(a, b), 0);
    let k = 0;
    let current = {
      value: event === null ? 1 : 0,
      lower: event === null ? 1 : 0,
      upper: event === null ? 1 : 0,
    };
    let shown = 0; // time of the last grid point shown
    let riskSince = Infinity; // smallest risk set since then
    for (let g = 0; g * dt <= maxTime + 1e-9; g++) {
      const t = g * dt;
      let minRisk = riskAt(input, t);
      while (k < curve.length && curve[k].time <= t) {
        minRisk = Math.min(minRisk, curve[k].n_risk);
        current = curve[k++];
      }
      if (minRisk < minAtRisk) break;
      riskSince = Math.min(riskSince, minRisk);
      const exits =
        g === 0 ? 0 : rows.filter((i) => time[i] > shown && time[i] <= t && isEvent(i)).length;
      if (exits > 0 && exits < minEvents) continue;
      shown = t;
      by.forEach((c, j) => out[c].push(group.values[j]));
      out.group.push(group.values.length ? group.values.join(' / ') : 'all');
      out.time.push(t);
      out.n_risk.push(riskAt(input, t));
      out.n_risk_min.push(riskSince);
      riskSince = Infinity;
      out.n_left.push(exits);
      out[value].push(current.value);
      out.lower.push(g === 0 ? current.value : current.lower);
      out.upper.push(g === 0 ? current.value : current.upper);
    }
  }
  return toTable(out);
}

/** People at risk at t: entry < t ≤ time; at t = 0, those followed from 0 (entry 0 < time). */
function riskAt(input: { entry: number[]; time: number[] }, t: number): number {
  let n = 0;
  for (let i = 0; i < input.time.length; i++) {
    if (t === 0 ? input.entry[i] === 0 : input.entry[i] < t && t <= input.time[i]) n += 1;
  }
  return n;
}
