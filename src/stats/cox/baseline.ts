// The baseline cumulative hazard of a fitted Cox model, as R's basehaz (survfit.coxph).
import type { CoxData } from './input.js';
import { coxSweep, type Ties } from './sweep.js';

export interface BaselineHazard {
  /** Every distinct exit time (events and censorings), ascending. */
  time: number[];
  /** Cumulative hazard for a person at the covariate means (R's basehaz(fit), centered = TRUE). */
  cumhaz: number[];
  /** Cumulative hazard for a person with every covariate 0 (basehaz(fit, centered = FALSE)). */
  cumhaz_at_zero: number[];
}

/**
 * Baseline cumulative hazard from linear predictors lp = (x − means)·β: at each event time t
 * Breslow adds d / Σ e^lp over the risk set, Efron adds Σₖ 1 / (Σ e^lp − (k/d)·Σ_deaths e^lp),
 * k = 0…d−1 (R's ctype 1 and 2, which coxph pairs with its ties method). The hazard at zero is
 * the one at the means times e^(−means·β), `offset` = means·β.
 * @example baselineHazard(data, fit.linear_predictors, 'efron', dot(fit.means, fit.estimate))
 */
export function baselineHazard(
  data: CoxData,
  lp: readonly number[],
  ties: Ties,
  offset: number,
): BaselineHazard {
  const { eventTimes, hazard } = coxSweep(data, lp, ties);
  const time = [...new Set(data.time)].sort((a, b) => a - b);
  let k = 0;
  let total = 0;
  const cumhaz = time.map((t) => {
    for (; k < eventTimes.length && eventTimes[k] <= t; k++) total += hazard[k];
    return total;
  });
  return { time, cumhaz, cumhaz_at_zero: cumhaz.map((h) => h * Math.exp(-offset)) };
}
