// Input checks for fitLogistic and the errors it throws on separation and non-convergence.
import { maxOf } from '../../shared/numeric.js';
import { aliasedColumns, checkDesignRows } from '../design-matrix.js';

export interface LogisticInputs {
  w: number[];
  off: number[];
  /** Rows with weight > 0, the ones that enter the fit (R's n.ok). */
  used: number[];
  nUsed: number;
}

/**
 * Validates X, y, names, weights and offset for fitLogistic and returns the filled-in weights and
 * offset; throws naming the row, column and value at fault, or the aliased columns of X.
 * @example checkLogisticInputs([[1, 0], [1, 1]], [0, 1], ['(Intercept)', 'x'])
 */
export function checkLogisticInputs(
  X: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
  weights?: readonly number[],
  offset?: readonly number[],
): LogisticInputs {
  const n = y.length;
  const p = names.length;
  const fail = (what: string) => {
    throw new Error(`fitLogistic: ${what}`);
  };
  if (X.length !== n)
    fail(`X has ${X.length} rows but y has ${n} values; give one row of X per outcome.`);
  if (weights !== undefined && weights.length !== n)
    fail(`weights has ${weights.length} values for ${n} rows; give one per row.`);
  if (offset !== undefined && offset.length !== n)
    fail(`offset has ${offset.length} values for ${n} rows; give one per row.`);
  checkDesignRows('fitLogistic', X, names);
  y.forEach((v, i) => {
    if (!(Number.isFinite(v) && v >= 0 && v <= 1))
      fail(
        `y row ${i}: value ${v} is not 0, 1 or a proportion in [0, 1]. Code the outcome as 1 = left, 0 = stayed.`,
      );
  });
  const w = weights ? [...weights] : Array<number>(n).fill(1);
  w.forEach((v, i) => {
    if (!(Number.isFinite(v) && v >= 0))
      fail(`weights row ${i}: value ${v} is not a finite number ≥ 0.`);
  });
  const off = offset ? [...offset] : Array<number>(n).fill(0);
  off.forEach((v, i) => {
    if (!Number.isFinite(v)) fail(`offset row ${i}: value ${v} is not a finite number.`);
  });
  const used = w.flatMap((v, i) => (v > 0 ? [i] : []));
  if (used.length <= p)
    fail(
      `${used.length} rows with weight > 0 for ${p} coefficients; need more rows than coefficients.`,
    );
  const aliased = aliasedColumns(used.map((i) => X[i]));
  if (aliased.length > 0) {
    const what = aliased.map(({ column, dependsOn }) =>
      dependsOn.length === 0
        ? `"${names[column]}" is all zero`
        : `"${names[column]}" is a linear combination of ${dependsOn.map((j) => `"${names[j]}"`).join(', ')}`,
    );
    fail(
      `the design is singular: ${what.join('; ')}. Drop the column(s), or merge the categories that make them collinear (R would report NA coefficients).`,
    );
  }
  return { w, off, used, nUsed: used.length };
}

/**
 * The error for a fit whose coefficients diverge: names the columns whose coefficients still move
 * (the separating direction, measured as the largest change in the log-odds they cause) and the
 * rows whose fitted probabilities head to 0 or 1.
 * @example throw separationError(names, X, step, usedRows, 12, converged, 25)
 */
export function separationError(
  names: readonly string[],
  X: readonly (readonly number[])[],
  step: readonly number[],
  used: readonly number[],
  movingRows: number,
  converged: boolean,
  maxIter: number,
): Error {
  if (movingRows === 0) {
    return new Error(
      `fitLogistic: did not converge in ${maxIter} iterations (columns ${names.join(', ')}). Rescale large-valued columns (e.g. hours to tens of hours) or raise options.maxIter.`,
    );
  }
  const reach = names.map((_, j) => Math.abs(step[j]) * maxOf(used.map((i) => Math.abs(X[i][j]))));
  const top = maxOf(reach);
  const involved = names.filter((_, j) => reach[j] >= 0.1 * top && reach[j] > 0);
  const state = converged
    ? 'the deviance converged but the coefficients do not'
    : `no convergence in ${maxIter} iterations`;
  return new Error(
    `fitLogistic: perfect or quasi-complete separation (${state}): ${movingRows} of ${used.length} rows have fitted probabilities heading to 0 or 1, driven by ${involved.map((c) => `"${c}"`).join(', ')}. ` +
      'These columns predict the outcome exactly for some rows (e.g. a category where everyone left or no one did): merge sparse categories, drop the column, or collect more data. Maximum-likelihood estimates do not exist here.',
  );
}
