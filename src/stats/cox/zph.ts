// The proportional-hazards test of R's cox.zph (survival >= 3): a score test, at the fitted
// coefficients, for adding the interactions x·g(t), with g(t) = 1 − KM(t−) centred over the events.
import { maxOf, searchSorted } from '../../shared/numeric.js';
import type { CoxData } from './input.js';
import { coxSweep, type Ties } from './sweep.js';
import { solveSpd } from '../linalg.js';
import { chiSquarePValue } from '../distributions.js';

/** One row of cox.zph's table: a term (all its columns jointly) or GLOBAL (all columns). */
export interface ZphTest {
  term: string;
  chisq: number;
  df: number;
  p_value: number;
}

/**
 * cox.zph(fit, transform = 'km', terms = TRUE) for a fitted Cox model: per term the chi-square
 * uᵀ I⁻¹ u of the score u for the time-interaction columns (zero score for the fitted ones),
 * with the joint 2p × 2p information at the estimate, df = columns in the term; then GLOBAL.
 * Small p-values suggest the hazard ratio of that term changes with time.
 * @example coxZph(data, fit.estimate, info, d.terms, d.names, 'efron')
 */
export function coxZph(
  data: CoxData,
  beta: readonly number[],
  info: number[][],
  terms: readonly string[],
  names: readonly string[],
  ties: Ties,
): ZphTest[] {
  const p = data.p;
  const g = kmTransform(data);
  const eta = data.Xc.map((row) => row.reduce((s, v, j) => s + v * beta[j], 0));
  const top = maxOf(eta);
  const sweep = coxSweep(
    data,
    eta.map((e) => e - top),
    ties,
    (t) => g.get(t) as number,
  );
  const zph = sweep.zph as NonNullable<typeof sweep.zph>;
  const full = [
    ...info.map((row, a) => [...row, ...zph.i12[a]]),
    ...zph.i12.map((_, a) => [...zph.i12.map((row) => row[a]), ...zph.i22[a]]),
  ];
  const test = (term: string, columns: number[]): ZphTest => {
    const kk = [...Array(p).keys(), ...columns.map((j) => j + p)];
    const u = [...Array<number>(p).fill(0), ...columns.map((j) => zph.u[j])];
    const sub = kk.map((a) => kk.map((b) => full[a][b]));
    const solved = solveSpd(sub, u);
    if (solved === undefined) {
      throw new Error(
        `coxZph: the information for term "${term}" and its time interaction is singular; columns ${columns.map((j) => names[j]).join(', ')}.`,
      );
    }
    const chisq = solved.reduce((s, v, i) => s + v * u[i], 0);
    return { term, chisq, df: columns.length, p_value: chiSquarePValue(chisq, columns.length) };
  };
  const order = [...new Set(terms)];
  const rows = order.map((term) =>
    test(
      term,
      terms.flatMap((t, j) => (t === term ? [j] : [])),
    ),
  );
  rows.push(test('GLOBAL', [...Array(p).keys()]));
  return rows;
}

// g(t) = 1 − S(t−) at each event time, S the Kaplan-Meier curve of all rows with left truncation,
// centred by its mean over the event rows (each leaver counts once).
function kmTransform(data: CoxData): Map<number, number> {
  const { n, entry, time, event } = data;
  const stops = [...time].sort((a, b) => a - b);
  const starts = [...entry].sort((a, b) => a - b);
  const deaths = new Map<number, number>();
  time.forEach((t, i) => {
    if (event[i] === 1) deaths.set(t, (deaths.get(t) ?? 0) + 1);
  });
  const times = [...deaths.keys()].sort((a, b) => a - b);
  const g = new Map<number, number>();
  let surv = 1;
  let total = 0;
  for (const t of times) {
    const atRisk = n - searchSorted(stops, t) - (n - searchSorted(starts, t)); // time ≥ t minus entry ≥ t
    g.set(t, 1 - surv);
    total += (1 - surv) * (deaths.get(t) as number);
    surv *= 1 - (deaths.get(t) as number) / atRisk;
  }
  const mean = total / [...deaths.values()].reduce((s, d) => s + d, 0);
  for (const t of times) g.set(t, (g.get(t) as number) - mean);
  return g;
}
