// Kaplan–Meier product-limit estimate with left truncation, right censoring and Greenwood intervals.
// Steps: check and code the data → tabulate risk sets at each distinct exit time → multiply (1 - d/n),
// sum Greenwood terms, and read pointwise intervals and the median as R's survfit does.
import {
  type ConfType,
  type SurvivalMedian,
  checkConfOptions,
  survivalConfInt,
  survivalMedian,
} from './confint.js';
import { type SurvivalInput, checkSurvivalData, eventCodes, tabulateRiskSets } from './data.js';

/** Person-level input: (entry, time] with an exit indicator, as in R's Surv(entry, time, event). */
export interface KaplanMeierInput extends SurvivalInput {
  /** 1/true when the person left at `time`, 0/false when still in post (censored). */
  event: ArrayLike<boolean | number>;
}

export interface KaplanMeierOptions {
  confType?: ConfType;
  confLevel?: number;
}

/** One step of the curve, at a distinct exit or censoring time; counts are weighted. */
export interface KaplanMeierStep {
  time: number;
  n_risk: number;
  n_event: number;
  n_censor: number;
  surv: number;
  /** R's std.err: Greenwood standard error of -log(surv), i.e. sqrt(sum d / (n (n - d))). */
  std_err: number;
  /** Standard error of surv itself: surv * std_err (R's summary.survfit std.err). */
  surv_std_err: number;
  lower: number;
  upper: number;
}

export interface KaplanMeierFit {
  steps: KaplanMeierStep[];
  /** Median time to exit with its interval; fields are null where not reached. */
  median: SurvivalMedian;
  /** Number of people (rows) and weighted number of exits. */
  n: number;
  n_events: number;
  confType: ConfType;
  confLevel: number;
}

/**
 * Returns the Kaplan–Meier survival curve, one step per distinct time in `time`, equal to R's
 * `survfit(Surv(entry, time, event) ~ 1, conf.type = confType)`.
 * Definitions: a person is at risk at t when entry < t <= time, so exits at t count among those at
 * risk at t and people entering at t do not; censorings at an exit time are treated as just after it.
 * surv(t) = product over exit times s <= t of (1 - d(s) / n(s)). std_err is Greenwood's standard error
 * of -log surv; surv_std_err = surv * std_err. Intervals: 'log' surv * exp(±z std_err) (upper capped
 * at 1), 'log-log' and 'plain' as in R. NaN where R gives NA (e.g. log limits when surv = 0).
 * Weights act as frequency weights; for non-integer weights R defaults to a robust variance instead,
 * and our std_err equals survfit(..., robust = FALSE). Times are compared exactly (R's timefix
 * merges times that differ by rounding error only; round times, e.g. to days, before fitting).
 * @example fitKaplanMeier({ entry: [0, 0, 1], time: [2, 3, 4], event: [1, 0, 1] }).steps[0].surv // 2/3
 */
export function fitKaplanMeier(
  data: KaplanMeierInput,
  { confType = 'log', confLevel = 0.95 }: KaplanMeierOptions = {},
): KaplanMeierFit {
  const fn = 'fitKaplanMeier';
  checkConfOptions(fn, confType, confLevel);
  const checked = checkSurvivalData(fn, data, eventCodes(fn, data?.event));
  const risk = tabulateRiskSets(checked, 1);
  const steps: KaplanMeierStep[] = [];
  let surv = 1;
  let greenwood = 0;
  let nEvents = 0;
  risk.time.forEach((time, j) => {
    const n = risk.nRisk[j];
    const d = risk.nEvent[0][j];
    if (d > 0) {
      surv *= (n - d) / n;
      greenwood += d / (n * (n - d));
      nEvents += d;
    }
    const stdErr = Math.sqrt(greenwood);
    const [lower, upper] = survivalConfInt(surv, stdErr, { confType, confLevel, logScale: true });
    steps.push({
      time,
      n_risk: n,
      n_event: d,
      n_censor: risk.nCensor[j],
      surv,
      std_err: stdErr,
      surv_std_err: surv * stdErr,
      lower,
      upper,
    });
  });
  const median = survivalMedian(
    steps.map((s) => s.time),
    steps.map((s) => s.surv),
    steps.map((s) => s.lower),
    steps.map((s) => s.upper),
  );
  return { steps, median, n: checked.n, n_events: nEvents, confType, confLevel };
}
