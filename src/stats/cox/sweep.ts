// One pass over the event times of counting-process data: the Cox partial log-likelihood, its score
// and information (Breslow or Efron ties), baseline hazard increments and the cox.zph sums.
// Sweep: forEachRiskSet, times from last to first (rows join at their exit, leave at their entry).
import type { CoxData } from './input.js';
import { forEachRiskSet } from './risk-sets.js';

export type Ties = 'efron' | 'breslow';

export interface SweepResult {
  loglik: number;
  score: number[];
  info: number[][];
  /** Event times, ascending, with the baseline hazard increment at each (R's survfit ctype 1 or 2). */
  eventTimes: number[];
  hazard: number[];
  /** With timeWeight g: Σ g·(score term), Σ g·(information term), Σ g²·(information term). */
  zph?: { u: number[]; i12: number[][]; i22: number[][] };
}

/**
 * Partial log-likelihood Σ over deaths of ηᵢ − Σₖ log(S₀ − (k/d)·S₀ᴰ) (Efron; Breslow uses
 * d·log S₀), with its gradient and negative Hessian, for linear predictors eta (risk scores e^η)
 * and the centred covariates of data. A row is at risk at t when entry < t ≤ time; rows censored
 * at t are at risk for deaths at t.
 * @example coxSweep(prepareCoxData(input), eta, 'efron')
 */
export function coxSweep(
  data: CoxData,
  eta: readonly number[],
  ties: Ties,
  timeWeight?: (t: number) => number,
): SweepResult {
  const { p, Xc } = data;
  const risk = eta.map(Math.exp);
  const S = sums(p); // the risk set, deaths at the current time excluded
  const score: number[] = Array(p).fill(0);
  const info = square(p);
  const zph = timeWeight
    ? { u: Array<number>(p).fill(0), i12: square(p), i22: square(p) }
    : undefined;
  const eventTimes: number[] = [];
  const hazard: number[] = [];
  let loglik = 0;
  let atRisk = 0;
  forEachRiskSet(data, {
    join(r) {
      add(S, Xc[r], risk[r], 1);
      atRisk++;
    },
    leave(r) {
      add(S, Xc[r], risk[r], -1);
      atRisk--;
    },
    event(t, deaths) {
      if (atRisk === 0) reset(S); // no drift from subtracting everyone out
      const D = sums(p);
      for (const r of deaths) {
        add(D, Xc[r], risk[r], 1);
        loglik += eta[r];
        for (let a = 0; a < p; a++) score[a] += Xc[r][a];
      }
      const d = deaths.length;
      const g = timeWeight ? timeWeight(t) : 0;
      if (zph) for (const r of deaths) for (let a = 0; a < p; a++) zph.u[a] += g * Xc[r][a];
      let increment = 0;
      // Breslow: d copies of the full risk set; Efron: the deaths' weight falls by 1/d per copy
      for (let j = 0; j < d; j++) {
        const f = ties === 'efron' ? j / d : 0;
        const den = S.s0 + (1 - f) * D.s0;
        loglik -= Math.log(den);
        increment += 1 / den;
        const mean = S.s1.map((v, a) => (v + (1 - f) * D.s1[a]) / den);
        for (let a = 0; a < p; a++) {
          score[a] -= mean[a];
          if (zph) zph.u[a] -= g * mean[a];
          for (let b = 0; b < p; b++) {
            const m = (S.s2[a][b] + (1 - f) * D.s2[a][b]) / den - mean[a] * mean[b];
            info[a][b] += m;
            if (zph) {
              zph.i12[a][b] += g * m;
              zph.i22[a][b] += g * g * m;
            }
          }
        }
      }
      eventTimes.push(t);
      hazard.push(increment);
    },
  });
  return { loglik, score, info, eventTimes: eventTimes.reverse(), hazard: hazard.reverse(), zph };
}

interface Sums {
  s0: number;
  s1: number[];
  s2: number[][];
}

function sums(p: number): Sums {
  return { s0: 0, s1: Array(p).fill(0), s2: square(p) };
}

function reset(s: Sums): void {
  s.s0 = 0;
  s.s1.fill(0);
  s.s2.forEach((row) => row.fill(0));
}

function add(s: Sums, x: readonly number[], risk: number, sign: 1 | -1): void {
  const w = sign * risk;
  s.s0 += w;
  for (let a = 0; a < x.length; a++) {
    s.s1[a] += w * x[a];
    for (let b = 0; b < x.length; b++) s.s2[a][b] += w * x[a] * x[b];
  }
}

function square(p: number): number[][] {
  return Array.from({ length: p }, () => Array<number>(p).fill(0));
}
