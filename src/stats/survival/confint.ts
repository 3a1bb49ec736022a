// Pointwise confidence intervals and the median for survival curves, computed as R's survival package does
// (survfit_confint and the median in survmean), so our intervals equal R's to rounding.
import { normalQuantile } from '../distributions.js';

/** Interval scale: 'log' (R's default), 'log-log' or 'plain'. */
export type ConfType = 'log' | 'log-log' | 'plain';

export const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];

/** Median time with its confidence limits; null where the curve or limit never reaches 0.5. */
export interface SurvivalMedian {
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Returns the lower and upper confidence limit of a probability p, NaN where R gives NA (p = 0, and
 * p = 1 for 'log-log'). `se` is the standard error of log(p) when `logScale`, otherwise of p itself.
 * Upper limits are capped at 1 except for 'log-log', as in R.
 * @example survivalConfInt(0.8, 0.1, { confType: 'log', confLevel: 0.95, logScale: true })
 */
export function survivalConfInt(
  p: number,
  se: number,
  { confType, confLevel, logScale }: { confType: ConfType; confLevel: number; logScale: boolean },
): [number, number] {
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const s = logScale ? se : se === 0 ? 0 : se / p;
  if (confType === 'plain') {
    const half = s * p * z;
    return [Math.max(p - half, 0), Math.min(p + half, 1)];
  }
  if (confType === 'log') {
    if (p === 0) return [NaN, NaN];
    return [Math.exp(Math.log(p) - z * s), Math.min(Math.exp(Math.log(p) + z * s), 1)];
  }
  if (p === 0 || p === 1) return [NaN, NaN];
  const half = (z * s) / Math.log(p);
  const loglog = Math.log(-Math.log(p));
  return [Math.exp(-Math.exp(loglog - half)), Math.exp(-Math.exp(loglog + half))];
}

/**
 * Returns the median and its confidence limits from a survival curve as R's print.survfit does: the
 * first time the curve is at or below 0.5 (midway to the next lower step when it sits exactly on 0.5);
 * the lower limit is where the lower band first reaches 0.5, the upper limit where the upper band does.
 * @example survivalMedian([1, 2, 3], [0.75, 0.5, 0.25], [0.4, 0.2, 0.05], [1, 0.9, 0.7])
 */
export function survivalMedian(
  time: readonly number[],
  surv: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): SurvivalMedian {
  return {
    median: firstAtHalf(surv, time),
    lower: firstAtHalf(lower, time),
    upper: firstAtHalf(upper, time),
  };
}

/** Checks a confidence level and interval type, naming the function in the error. */
export function checkConfOptions(fn: string, confType: unknown, confLevel: unknown): void {
  if (!CONF_TYPES.includes(confType as ConfType)) {
    throw new Error(
      `${fn}: confType is "${String(confType)}". Use one of ${CONF_TYPES.join(', ')}.`,
    );
  }
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    throw new Error(
      `${fn}: confLevel is ${String(confLevel)}. Use a number between 0 and 1, e.g. 0.95.`,
    );
  }
}

/** R's minmin(): the first x where y < 0.5 + tolerance, averaging with the next step when y is 0.5. */
function firstAtHalf(y: readonly number[], x: readonly number[]): number | null {
  const tolerance = Math.sqrt(Number.EPSILON);
  const keep: number[] = [];
  for (let i = 0; i < y.length; i += 1)
    if (!Number.isNaN(y[i]) && y[i] < 0.5 + tolerance) keep.push(i);
  if (keep.length === 0) return null;
  const first = keep[0];
  if (Math.abs(y[first] - 0.5) < tolerance) {
    const next = keep.find((i) => y[i] < y[first]);
    if (next !== undefined) return (x[first] + x[next]) / 2;
  }
  return x[first];
}
