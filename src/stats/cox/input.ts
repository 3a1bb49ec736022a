// Input checks for fitCox and the sorted, centred form of its data that the risk-set sweeps use.
import { checkDesignRows } from '../design-matrix.js';

/** Counting-process survival data: each row at risk on (entry, time], leaving (event 1) at time. */
export interface CoxInput {
  /** Start of observation (left truncation), in the unit of time; default 0 for every row. */
  entry?: readonly number[];
  /** End of observation: the leaving date or the censoring date, e.g. tenure in months. */
  time: readonly number[];
  /** 1 (or true) when the row ends with the event, 0 (false) when censored. */
  event: readonly (number | boolean)[];
  /** Covariate rows, no intercept column (the baseline hazard absorbs it). */
  X: readonly (readonly number[])[];
  names: readonly string[];
  /** Variable each column codes (designMatrix's `terms`); cox.zph tests columns of a term jointly. */
  terms?: readonly string[];
}

export interface CoxData {
  n: number;
  p: number;
  entry: number[];
  time: number[];
  event: number[];
  /** Covariates centred on their column means (better conditioned sums; estimates unchanged). */
  Xc: number[][];
  /** R's centring for the reported means and baseline: 0 for columns within {-1, 0, 1}, else the mean. */
  means: number[];
  columnMeans: number[];
  byTimeDesc: number[];
  byEntryDesc: number[];
}

/**
 * Validates a CoxInput and returns it sorted for the sweeps; throws naming the row, column and
 * value at fault (R's coxph would drop rows with missing values; we ask you to filter them).
 * @example prepareCoxData({ time: [2, 3], event: [1, 0], X: [[1], [0]], names: ['x'] })
 */
export function prepareCoxData({ entry, time, event, X, names, terms }: CoxInput): CoxData {
  const n = time.length;
  const p = names.length;
  const fail = (what: string): never => {
    throw new Error(`fitCox: ${what}`);
  };
  if (n === 0) fail('no rows. Give at least one row per person (or person-period).');
  if (p === 0) fail('names is empty. Give at least one covariate column.');
  if (X.length !== n)
    fail(`X has ${X.length} rows but time has ${n} values; give one row of X per time.`);
  if (event.length !== n) fail(`event has ${event.length} values for ${n} rows; give one per row.`);
  if (entry !== undefined && entry.length !== n)
    fail(`entry has ${entry.length} values for ${n} rows; give one per row.`);
  if (terms !== undefined && terms.length !== p)
    fail(`terms has ${terms.length} values for ${p} columns; give one per column of X.`);
  const start = entry ? [...entry] : Array<number>(n).fill(0);
  time.forEach((t, i) => {
    if (!Number.isFinite(t)) fail(`time row ${i}: value ${t} is not a finite number.`);
    if (!Number.isFinite(start[i]))
      fail(`entry row ${i}: value ${start[i]} is not a finite number.`);
    if (!(start[i] < t)) {
      fail(
        `row ${i}: entry ${start[i]} is not before time ${t}. Each row covers (entry, time]; drop rows with no time at risk or check the dates.`,
      );
    }
  });
  const status = event.map((e, i) => {
    if (e === 1 || e === true) return 1;
    if (e === 0 || e === false) return 0;
    return fail(
      `event row ${i}: value ${String(e)} is not 0/1 or a boolean. Code leaving as 1 and censoring as 0.`,
    );
  });
  if (!status.some((e) => e === 1))
    fail('no events (every row is censored), so there is nothing to fit.');
  checkDesignRows('fitCox', X, names);
  const columnMeans = names.map((_, j) => X.reduce((s, row) => s + row[j], 0) / n);
  const means = names.map((_, j) =>
    X.every((row) => row[j] === 0 || row[j] === 1 || row[j] === -1) ? 0 : columnMeans[j],
  );
  const index = Array.from({ length: n }, (_, i) => i);
  return {
    n,
    p,
    entry: start,
    time: [...time],
    event: status,
    Xc: X.map((row) => row.map((v, j) => v - columnMeans[j])),
    means,
    columnMeans,
    byTimeDesc: [...index].sort((a, b) => time[b] - time[a]),
    byEntryDesc: [...index].sort((a, b) => start[b] - start[a]),
  };
}
