// Aalen–Johansen cumulative incidence of one exit cause with the other causes competing.
// Steps: check and code the causes → tabulate risk sets → step the state probabilities (in post, left
// by the chosen cause) and their infinitesimal-jackknife influences, as R's multi-state survfit does.
import { type ConfType, checkConfOptions, survivalConfInt } from './confint.js';
import { type SurvivalInput, checkSurvivalData, sortedIndex, tabulateRiskSets } from './data.js';

/** Person-level input: (entry, time] and the exit cause; null, undefined or '' = still in post. */
export interface AalenJohansenInput extends SurvivalInput {
  cause: ArrayLike<string | null | undefined>;
}

export interface AalenJohansenOptions {
  /** The cause whose cumulative incidence is estimated, e.g. 'voluntary_resignation'. */
  event: string;
  /** 'error' (default) throws when `event` never occurs; 'zero' returns a flat zero incidence curve. */
  absentEvent?: 'error' | 'zero';
  confType?: ConfType;
  confLevel?: number;
}

/** One step at a distinct exit or censoring time; counts are weighted. */
export interface AalenJohansenStep {
  time: number;
  n_risk: number;
  /** Exits by the chosen cause, by any other cause, and censorings at this time. */
  n_event: number;
  n_competing: number;
  n_censor: number;
  /** Cumulative incidence of the chosen cause, its standard error (infinitesimal jackknife) and interval. */
  cif: number;
  std_err: number;
  lower: number;
  upper: number;
  /** Probability of still being in post (no exit of any cause) and its standard error. */
  surv: number;
  surv_std_err: number;
}

export interface AalenJohansenFit {
  event: string;
  /** Every exit cause seen in the data, sorted. */
  causes: string[];
  steps: AalenJohansenStep[];
  n: number;
  confType: ConfType;
  confLevel: number;
}

/**
 * Returns the cumulative incidence of `event` with every other cause competing, one step per distinct
 * time, equal to R's `survfit(Surv(entry, time, cause_factor) ~ 1, id = id)` column `event` of pstate.
 * Definitions: at risk at t when entry < t <= time; with d(t) exits of any cause and d_k(t) of the chosen
 * cause among n(t) at risk, surv(t) = product of (1 - d/n) and cif(t) = sum over s <= t of
 * surv(s-) d_k(s) / n(s). std_err is the infinitesimal jackknife standard error of cif (R's default for
 * multi-state curves; with weights, sum over people of (w_i dcif/dw_i)^2). Intervals use se / cif on the
 * log scale for 'log', as R does; NaN where R gives NA. Counts are weighted (R's multi-state n.risk and
 * n.censor count people unweighted). Cost: one update per person at risk per time, ~1 s for 20,000 people.
 * @example fitAalenJohansen({ time: [1, 2, 3], cause: ['resigned', 'retired', null] }, { event: 'resigned' })
 */
export function fitAalenJohansen(
  data: AalenJohansenInput,
  { event, absentEvent = 'error', confType = 'log', confLevel = 0.95 }: AalenJohansenOptions,
): AalenJohansenFit {
  const fn = 'fitAalenJohansen';
  checkConfOptions(fn, confType, confLevel);
  const { codes, causes } = causeCodes(fn, data?.cause);
  const k = causes.indexOf(event) + 1;
  if (typeof event !== 'string' || (k === 0 && absentEvent !== 'zero')) {
    throw new Error(
      `${fn}: event "${String(event)}" is not among the causes in the data (${causes.join(', ') || 'none'}). ` +
        'Pass one of them as { event }.',
    );
  }
  const checked = checkSurvivalData(fn, data, codes);
  const risk = tabulateRiskSets(checked, causes.length);
  const { weights, cause } = checked;
  const { timeIndex } = risk;
  // Influence of each person on (surv, cif); people who left the risk set follow a common linear map,
  // so only the sums of their squares and cross-products are kept ("pool").
  const u0 = new Float64Array(checked.n);
  const uk = new Float64Array(checked.n);
  const byEntry = sortedIndex(checked.entry);
  let active: number[] = [];
  let next = 0;
  let pool00 = 0;
  let pool0k = 0;
  let poolkk = 0;
  let surv = 1;
  let cif = 0;
  const steps: AalenJohansenStep[] = [];
  risk.time.forEach((time, j) => {
    while (next < checked.n && checked.entry[byEntry[next]] < time) active.push(byEntry[next++]);
    const n = risk.nRisk[j];
    const dk = k === 0 ? 0 : risk.nEvent[k - 1][j];
    const d = risk.nEvent.reduce((sum, counts) => sum + counts[j], 0);
    const hazard = d / n;
    const hazardK = dk / n;
    poolkk += 2 * hazardK * pool0k + hazardK * hazardK * pool00;
    pool0k = (1 - hazard) * (pool0k + hazardK * pool00);
    pool00 *= (1 - hazard) * (1 - hazard);
    let var0 = pool00;
    let vark = poolkk;
    for (const i of active) {
      const exits = timeIndex[i] === j && cause[i] > 0 ? 1 : 0;
      const exitsK = k > 0 && timeIndex[i] === j && cause[i] === k ? 1 : 0;
      const new0 = u0[i] * (1 - hazard) - (surv * (exits - hazard)) / n;
      uk[i] += u0[i] * hazardK + (surv * (exitsK - hazardK)) / n;
      u0[i] = new0;
      const w0 = weights[i] * u0[i];
      const wk = weights[i] * uk[i];
      var0 += w0 * w0;
      vark += wk * wk;
    }
    active = active.filter((i) => {
      if (timeIndex[i] !== j) return true;
      const w2 = weights[i] * weights[i];
      pool00 += w2 * u0[i] * u0[i];
      pool0k += w2 * u0[i] * uk[i];
      poolkk += w2 * uk[i] * uk[i];
      return false;
    });
    cif += (surv * dk) / n;
    surv *= 1 - hazard;
    const stdErr = Math.sqrt(vark);
    const [lower, upper] = survivalConfInt(cif, stdErr, { confType, confLevel, logScale: false });
    steps.push({
      time,
      n_risk: n,
      n_event: dk,
      n_competing: d - dk,
      n_censor: risk.nCensor[j],
      cif,
      std_err: stdErr,
      lower,
      upper,
      surv,
      surv_std_err: Math.sqrt(var0),
    });
  });
  return { event, causes, steps, n: checked.n, confType, confLevel };
}

/** Codes causes as 0 (null, undefined or '' = censored) or 1..K in sorted order of the cause names. */
function causeCodes(
  fn: string,
  cause: ArrayLike<string | null | undefined> | null | undefined,
): { codes: Int32Array; causes: string[] } {
  if (cause == null) {
    throw new Error(
      `${fn}: "cause" is missing. Pass the exit cause per person, null for people still in post.`,
    );
  }
  const names = new Set<string>();
  for (let i = 0; i < cause.length; i += 1) {
    const c = cause[i];
    if (c == null || c === '') continue;
    if (typeof c !== 'string') {
      throw new Error(
        `${fn}: cause[${i}] is ${String(c)}. Causes must be strings, or null when still in post.`,
      );
    }
    names.add(c);
  }
  const causes = [...names].sort();
  const codes = Int32Array.from({ length: cause.length }, (_, i) => {
    const c = cause[i];
    return c == null || c === '' ? 0 : causes.indexOf(c) + 1;
  });
  return { codes, causes };
}
