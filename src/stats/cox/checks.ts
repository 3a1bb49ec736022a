// Errors fitCox throws: singular designs, coefficients that may be infinite, non-convergence.
import type { CoxData } from './input.js';
import { aliasedColumns } from '../design-matrix.js';
import { solveSpd } from '../linalg.js';

/**
 * The error for a Newton-Raphson that ran out of iterations, naming coefficients that keep growing.
 * @example throw notConverged(current, beta, names, 20, 1e-9)
 */
export function notConverged(
  current: { score: number[]; info: number[][] },
  beta: number[],
  names: string[],
  maxIter: number,
  eps: number,
) {
  const step = solveSpd(current.info, current.score) ?? beta.map(() => 0);
  const growing = names.flatMap((c, j) =>
    Math.abs(step[j]) > Math.sqrt(eps) * (1 + Math.abs(beta[j])) && Math.abs(beta[j]) > 5
      ? [`"${c}" (now ${beta[j].toPrecision(3)})`]
      : [],
  );
  const why =
    growing.length > 0
      ? `the coefficient(s) of ${growing.join(', ')} keep growing, so they are probably infinite (monotone likelihood, e.g. a category in which no one left). Merge sparse categories or drop the column.`
      : `columns ${names.join(', ')}. Rescale large-valued columns or raise options.maxIter.`;
  return new Error(`fitCox: did not converge in ${maxIter} iterations: ${why}`);
}

/**
 * Throws when a centred covariate column is constant or a linear combination of earlier ones.
 * @example checkRank(prepareCoxData(input), input.names)
 */
export function checkRank(data: CoxData, names: readonly string[]): void {
  const aliased = aliasedColumns(data.Xc);
  if (aliased.length === 0) return;
  const what = aliased.map(({ column, dependsOn }) =>
    dependsOn.length === 0
      ? `"${names[column]}" is constant`
      : `"${names[column]}" is a linear combination of ${dependsOn.map((j) => `"${names[j]}"`).join(', ')}`,
  );
  throw new Error(
    `fitCox: the design is singular: ${what.join('; ')}. Drop the column(s) or merge categories (the baseline hazard already plays the part of an intercept; R would report NA coefficients).`,
  );
}

/**
 * Throws when the log-likelihood converged but the next Newton step is still large for some
 * coefficient, |(I⁻¹u)ⱼ| > √eps·(1 + |βⱼ|): R's coxph warns "Loglik converged before variable …;
 * coefficient may be infinite"; a hazard ratio of 0 or infinity would be wrong, so we throw.
 * @example checkFinite(score, vcov, beta, names, 1e-9)
 */
export function checkFinite(
  score: number[],
  vcov: number[][],
  beta: number[],
  names: string[],
  eps: number,
): void {
  const next = vcov.map((row) => Math.abs(dotp(row, score)));
  const bad = names.filter((_, j) => next[j] > Math.sqrt(eps) * (1 + Math.abs(beta[j])));
  if (bad.length === 0) return;
  throw new Error(
    `fitCox: the log-likelihood converged before the coefficient(s) of ${bad.map((c) => `"${c}"`).join(', ')}; they may be infinite (monotone likelihood, e.g. a category in which no one left, or everyone left first). Merge sparse categories or drop the column.`,
  );
}

function dotp(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
