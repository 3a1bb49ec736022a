// Gray's test that the cumulative incidence of one exit cause is the same in every group, with the
// other causes competing (Gray 1988), for right-censored data followed from time 0.
// Steps: check and code the data → walk the distinct exit times keeping each group's Kaplan–Meier
// (any exit) and cumulative incidence → score (observed − expected) and its variance → chi-square.
import { Matrix, solve } from 'ml-matrix';
import { chiSquarePValue } from '../distributions.js';

/** Person-level input: time of exit or censoring, exit cause (null or '' = censored) and group. */
export interface GrayTestInput {
  time: ArrayLike<number>;
  cause: ArrayLike<string | null | undefined>;
  group: ArrayLike<string | number>;
  /** Must be absent or all 0: Gray's test has no delayed entry (see the error for what to use). */
  entry?: ArrayLike<number> | null;
}

export interface GrayTestOptions {
  /** The cause whose cumulative incidence is compared, e.g. 'voluntary_resignation'. */
  event: string;
  /** Power of the weight (1 − F(t−))^rho: 0 (default, log-rank-like) or e.g. 1 (early differences). */
  rho?: number;
}

/** One group: people, exits of the cause (observed), of other causes, and the expected exits of the cause. */
export interface GrayTestGroup {
  group: string;
  n: number;
  observed: number;
  competing: number;
  /** observed − score: the exits of the cause expected if every group had the pooled subdistribution hazard (rho 0). */
  expected: number;
  score: number;
}

export interface GrayTest {
  method: 'gray';
  event: string;
  /** Causes treated as competing (present in the data), sorted. */
  competing: string[];
  /** People censored (no exit observed). */
  censored: number;
  rho: number;
  groups: GrayTestGroup[];
  chisq: number;
  df: number;
  p_value: number;
}

/**
 * Gray's K-sample test of equal cumulative incidence of `event` across groups, other exits competing
 * and people without an exit censored; equals R's `cmprsk::cuminc(time, cause, group, rho)$Tests`.
 * Definitions (Gray 1988): at each distinct exit time t, for group k with Y_k at risk (time ≥ t),
 * S_k(t−) its Kaplan–Meier of any exit and F_k(t−) its cumulative incidence of `event` just before t,
 * R_k = Y_k (1 − F_k(t−)) / S_k(t−) is the subdistribution risk set; with d exits of `event` in all
 * groups, score_k = Σ_t (1 − F(t−))^rho (d_k − d R_k / Σ_j R_j), F the pooled incidence. The chi-square
 * is score' V⁻¹ score over all groups but the last (Gray's variance estimator), on groups − 1 df. A
 * group with no exit of `event` still counts. Throws when entry times are given: with late entry the
 * subdistribution risk set needs the entry distribution too; compare cause-specific hazards with
 * logRankTest (event = this cause, other exits censored), which allows it.
 * @example grayTest({ time: [1, 2, 3, 4], cause: ['resigned', 'retired', null, 'resigned'], group: ['a', 'a', 'b', 'b'] }, { event: 'resigned' }).p_value
 */
export function grayTest(data: GrayTestInput, { event, rho = 0 }: GrayTestOptions): GrayTest {
  const fn = 'grayTest';
  const rows = checkInput(fn, data, event, rho);
  const names = [...new Set(rows.map((r) => r.group))].sort();
  if (names.length < 2) {
    throw new Error(
      `${fn}: only one group (${names[0]}) in "group". Pass at least two groups to compare.`,
    );
  }
  const g = names.length;
  const gi = new Map(names.map((name, k) => [name, k]));
  rows.sort((a, b) => a.time - b.time);
  const n = new Array<number>(g).fill(0);
  for (const r of rows) n[gi.get(r.group)!] += 1;
  const atRisk = [...n];
  const observed = new Array<number>(g).fill(0);
  const competing = new Array<number>(g).fill(0);
  const score = new Array<number>(g).fill(0);
  // Per group: Kaplan–Meier of any exit and incidence of `event`, just before the current time.
  const survBefore = new Array<number>(g).fill(1);
  const cifBefore = new Array<number>(g).fill(0);
  let pooledBefore = 0;
  // Gray's variance: C accumulates the derivative of the scores with respect to each group's
  // incidence; the three sums below collect the variance terms of each group's own estimate.
  const C = zeros(g);
  const cross = zeros(g);
  const own = new Array<number>(g).fill(0);
  const V = zeros(g);
  for (let start = 0; start < rows.length;) {
    let stop = start;
    while (stop < rows.length && rows[stop].time === rows[start].time) stop++;
    const dk = new Array<number>(g).fill(0);
    const dOther = new Array<number>(g).fill(0);
    for (let i = start; i < stop; i++) {
      const k = gi.get(rows[i].group)!;
      if (rows[i].cause === 1) dk[k] += 1;
      else if (rows[i].cause === 2) dOther[k] += 1;
    }
    const d = sum(dk);
    const dAll = d + sum(dOther);
    if (dAll > 0) {
      const survAfter = [...survBefore];
      const cifAfter = [...cifBefore];
      const h = new Array<number>(g).fill(0); // Y_k / S_k(t−): the group's size corrected for censoring
      const R = new Array<number>(g).fill(0);
      for (let k = 0; k < g; k++) {
        if (atRisk[k] <= 0) continue;
        survAfter[k] = (survBefore[k] * (atRisk[k] - dk[k] - dOther[k])) / atRisk[k];
        cifAfter[k] = cifBefore[k] + (survBefore[k] * dk[k]) / atRisk[k];
        h[k] = atRisk[k] / survBefore[k];
        R[k] = h[k] * (1 - cifBefore[k]);
      }
      const hTotal = sum(h);
      const rTotal = sum(R);
      const pooledAfter = pooledBefore + d / hTotal;
      const weight = (1 - pooledBefore) ** rho;
      const A = zeros(g);
      for (let a = 0; a < g; a++) {
        if (atRisk[a] <= 0) continue;
        for (let b = 0; b < g; b++) {
          if (atRisk[b] <= 0) continue;
          A[a][b] = weight * h[a] * ((a === b ? 1 : 0) - h[b] / hTotal);
          C[a][b] += (A[a][b] * d) / (hTotal * (1 - pooledBefore));
        }
        score[a] += weight * (dk[a] - (d * R[a]) / rTotal);
        observed[a] += dk[a];
        competing[a] += dOther[a];
      }
      if (d > 0) {
        for (let k = 0; k < g; k++) {
          if (atRisk[k] <= 0) continue;
          const u = survAfter[k] > 0 ? 1 - (1 - pooledAfter) / survAfter[k] : 1;
          const ties = d > 1 ? 1 - (d - 1) / (hTotal * survBefore[k] - 1) : 1;
          const mass = (ties * survBefore[k] * d) / (hTotal * atRisk[k]);
          own[k] += u * u * mass;
          for (let a = 0; a < g; a++) {
            const ta = A[a][k] - u * C[a][k];
            cross[a][k] += ta * u * mass;
            for (let b = 0; b <= a; b++) V[a][b] += ta * (A[b][k] - u * C[b][k]) * mass;
          }
        }
      }
      for (let k = 0; k < g; k++) {
        if (survAfter[k] <= 0 || dOther[k] <= 0) continue;
        const u = (1 - pooledAfter) / survAfter[k];
        const ties = dOther[k] > 1 ? 1 - (dOther[k] - 1) / (atRisk[k] - 1) : 1;
        const mass = (ties * survBefore[k] ** 2 * dOther[k]) / atRisk[k] ** 2;
        own[k] += u * u * mass;
        for (let a = 0; a < g; a++) {
          const ta = u * C[a][k];
          cross[a][k] -= ta * u * mass;
          for (let b = 0; b <= a; b++) V[a][b] += ta * u * C[b][k] * mass;
        }
      }
      survBefore.splice(0, g, ...survAfter);
      cifBefore.splice(0, g, ...cifAfter);
      pooledBefore = pooledAfter;
    }
    for (let i = start; i < stop; i++) atRisk[gi.get(rows[i].group)!] -= 1;
    start = stop;
  }
  for (let a = 0; a < g; a++) {
    for (let b = 0; b <= a; b++) {
      for (let k = 0; k < g; k++) {
        V[a][b] += C[a][k] * C[b][k] * own[k] + C[a][k] * cross[b][k] + C[b][k] * cross[a][k];
      }
      V[b][a] = V[a][b];
    }
  }
  const used = names.slice(0, -1).map((_, a) => a);
  const diff = Matrix.columnVector(used.map((a) => score[a]));
  const chisq =
    sum(observed) === 0
      ? 0
      : solve(new Matrix(used.map((a) => used.map((b) => V[a][b]))), diff)
          .getColumn(0)
          .reduce((s, v, r) => s + v * diff.get(r, 0), 0);
  const df = g - 1;
  return {
    method: 'gray',
    event,
    competing: [
      ...new Set(rows.flatMap((r) => (r.cause === 2 && r.name !== null ? [r.name] : []))),
    ].sort(),
    censored: rows.filter((r) => r.cause === 0).length,
    rho,
    groups: names.map((group, k) => ({
      group,
      n: n[k],
      observed: observed[k],
      competing: competing[k],
      expected: observed[k] - score[k],
      score: score[k],
    })),
    chisq,
    df,
    p_value: observed.some((o) => o > 0) ? chiSquarePValue(chisq, df) : NaN,
  };
}

interface Row {
  time: number;
  /** 0 censored, 1 the event, 2 another cause. */
  cause: 0 | 1 | 2;
  name: string | null;
  group: string;
}

function checkInput(fn: string, data: GrayTestInput, event: string, rho: number): Row[] {
  if (data === null || typeof data !== 'object' || data.time == null || data.cause == null) {
    throw new Error(
      `${fn}: data must be an object with "time", "cause" and "group" arrays, e.g. { time: [1, 2], cause: ['resigned', null], group: ['a', 'b'] }.`,
    );
  }
  if (typeof event !== 'string' || event === '') {
    throw new Error(`${fn}: pass the exit cause to compare as { event }, e.g. 'resigned'.`);
  }
  if (!(Number.isFinite(rho) && rho >= 0)) {
    throw new Error(`${fn}: rho is ${rho}; use a number ≥ 0 (0 is the usual choice).`);
  }
  const n = data.time.length;
  for (const [name, values] of [
    ['cause', data.cause],
    ['group', data.group],
    ['entry', data.entry],
  ] as const) {
    if (name !== 'entry' && values == null) {
      throw new Error(`${fn}: "${name}" is missing. Pass one value per person.`);
    }
    if (values != null && values.length !== n) {
      throw new Error(
        `${fn}: time has ${n} values but ${name} has ${values.length}. Pass one value per person.`,
      );
    }
  }
  if (n === 0) throw new Error(`${fn}: no rows. Pass at least one person.`);
  const late = data.entry == null ? 0 : Array.from(data.entry).filter((e) => e !== 0).length;
  if (late > 0) {
    throw new Error(
      `${fn}: ${late} of ${n} people enter after time 0 (delayed entry). Gray's test is defined for people followed from time 0 (as in R's cmprsk::cuminc): ` +
        'compare the cause-specific hazards instead with logRankTest (event = this cause, other exits censored), which allows delayed entry, or keep only the people followed from 0.',
    );
  }
  return Array.from({ length: n }, (_, i) => {
    const t = data.time[i];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      throw new Error(
        `${fn}: time[${i}] is ${String(t)}. Times must be finite numbers ≥ 0; fix or drop row ${i}.`,
      );
    }
    const c = data.cause[i];
    if (c != null && typeof c !== 'string') {
      throw new Error(
        `${fn}: cause[${i}] is ${String(c)}. Causes must be strings, or null when no exit was seen.`,
      );
    }
    const v = data.group[i];
    if (v == null || v === '' || (typeof v === 'number' && Number.isNaN(v))) {
      throw new Error(
        `${fn}: group[${i}] is missing. Give every person a group, or drop row ${i}.`,
      );
    }
    const name = c == null || c === '' ? null : c;
    return { time: t, cause: name === null ? 0 : name === event ? 1 : 2, name, group: String(v) };
  });
}

function zeros(g: number): number[][] {
  return Array.from({ length: g }, () => new Array<number>(g).fill(0));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
