// Log-rank test between two or more groups, with delayed entry (left truncation) and right censoring.
// Steps: check the data → tabulate risk sets per group on the pooled exit times → sum observed,
// expected and the hypergeometric covariance → chi-square on groups - 1 degrees of freedom.
import { Matrix, solve } from 'ml-matrix';
import { type SurvivalInput, checkSurvivalData, eventCodes, tabulateRiskSets } from './data.js';
import { chiSquarePValue } from '../distributions.js';

/** Person-level input: (entry, time], exit indicator and group, e.g. sex or entry route. */
export interface LogRankInput extends Omit<SurvivalInput, 'weights'> {
  event: ArrayLike<boolean | number>;
  group: ArrayLike<string | number>;
}

/** Observed and expected exits in one group; variance is the diagonal of the covariance of O - E. */
export interface LogRankGroup {
  group: string;
  n: number;
  observed: number;
  expected: number;
  variance: number;
}

export interface LogRankTest {
  groups: LogRankGroup[];
  chisq: number;
  df: number;
  p_value: number;
  /** 'survdiff' for right-censored data; 'cox score (delayed entry)' when entry times were given. */
  method: 'survdiff' | 'cox score (delayed entry)';
}

/**
 * Returns the log-rank chi-square test that exit hazards are equal across groups, with observed and
 * expected exits per group. For right-censored data it equals R's `survdiff(Surv(time, event) ~ group)`.
 * With entry times (people joining the risk set late) survdiff cannot be used; the statistic is then the
 * score test of `coxph(Surv(entry, time, event) ~ group, ties = 'exact')`, the log-rank test generalised to
 * delayed entry. Definitions: at each exit time with n at risk (entry < t <= time) and d exits,
 * E_g += n_g d / n and Cov_gh += d (n - d) / (n - 1) * (n_g / n) (δ_gh - n_h / n); chisq = (O - E)' Cov^-1
 * (O - E) over all groups but the first, df = groups with expected > 0, minus 1. Without tied exit times
 * coxph's default Efron score test gives the same number; with ties it differs slightly (Efron/Breslow do
 * not use the (n - d) / (n - 1) factor). Groups sort as strings.
 * @example logRankTest({ time: [1, 2, 3, 4], event: [1, 1, 1, 0], group: ['a', 'b', 'a', 'b'] }).p_value
 */
export function logRankTest(data: LogRankInput): LogRankTest {
  const fn = 'logRankTest';
  const codes = eventCodes(fn, data?.event);
  const checked = checkSurvivalData(fn, { entry: data.entry, time: data.time }, codes);
  const labels = groupLabels(fn, data.group, checked.n);
  const names = [...new Set(labels)].sort();
  if (names.length < 2) {
    throw new Error(
      `${fn}: only one group (${names[0]}) in "group". Pass at least two groups to compare.`,
    );
  }
  const all = tabulateRiskSets(checked, 1);
  const grid = all.time.filter((_, j) => all.nEvent[0][j] > 0);
  const perGroup = names.map((name) => {
    const rows = labels.flatMap((label, i) => (label === name ? [i] : []));
    const pick = (a: Float64Array) => Float64Array.from(rows, (i) => a[i]);
    const sub = {
      n: rows.length,
      entry: pick(checked.entry),
      time: pick(checked.time),
      cause: Int32Array.from(rows, (i) => checked.cause[i]),
      weights: pick(checked.weights),
    };
    return { n: rows.length, risk: tabulateRiskSets(sub, 1, grid) };
  });
  const g = names.length;
  const observed = new Array<number>(g).fill(0);
  const expected = new Array<number>(g).fill(0);
  const cov = Matrix.zeros(g, g);
  grid.forEach((_, j) => {
    const n = perGroup.reduce((sum, p) => sum + p.risk.nRisk[j], 0);
    const d = perGroup.reduce((sum, p) => sum + p.risk.nEvent[0][j], 0);
    const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
    perGroup.forEach((p, a) => {
      const na = p.risk.nRisk[j] / n;
      observed[a] += p.risk.nEvent[0][j];
      expected[a] += na * d;
      perGroup.forEach((q, b) => {
        const nb = q.risk.nRisk[j] / n;
        cov.set(a, b, cov.get(a, b) + factor * na * ((a === b ? 1 : 0) - nb));
      });
    });
  });
  const used = names.flatMap((_, a) => (expected[a] > 0 ? [a] : [])).slice(1);
  let chisq = 0;
  if (used.length > 0) {
    const diff = Matrix.columnVector(used.map((a) => observed[a] - expected[a]));
    const solved = solve(cov.selection(used, used), diff);
    chisq = used.reduce((sum, a, r) => sum + solved.get(r, 0) * diff.get(r, 0), 0);
  }
  const df = used.length;
  return {
    groups: names.map((group, a) => ({
      group,
      n: perGroup[a].n,
      observed: observed[a],
      expected: expected[a],
      variance: cov.get(a, a),
    })),
    chisq,
    df,
    p_value: df > 0 ? chiSquarePValue(chisq, df) : NaN,
    method: data.entry == null ? 'survdiff' : 'cox score (delayed entry)',
  };
}

/** Group labels as strings; missing labels are an error naming the row. */
function groupLabels(
  fn: string,
  group: ArrayLike<string | number> | null | undefined,
  n: number,
): string[] {
  if (group == null || group.length !== n) {
    throw new Error(
      `${fn}: "group" must have one value per person (${n}); got ${group?.length ?? 'none'}.`,
    );
  }
  return Array.from({ length: n }, (_, i) => {
    const v = group[i];
    if (v == null || v === '' || (typeof v === 'number' && Number.isNaN(v))) {
      throw new Error(
        `${fn}: group[${i}] is missing. Give every person a group, or drop row ${i}.`,
      );
    }
    return String(v);
  });
}
