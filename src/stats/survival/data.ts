// Survival data shared by Kaplan–Meier, Aalen–Johansen and the log-rank test: checked inputs and risk sets.
// Steps: check the arrays (lengths, finite times, entry < time, positive weights) → code each row's exit
// cause (0 = censored) → tabulate weighted risk sets and exits at each distinct exit time.

/** Counting-process data (entry, time]: one row per person, as in R's Surv(entry, time, status). */
export interface SurvivalInput {
  /** Time at which the person enters the risk set (left truncation); omit when everyone is followed from 0. */
  entry?: ArrayLike<number> | null;
  /** Time of exit or censoring, in the same unit as entry (e.g. service years). */
  time: ArrayLike<number>;
  /** Case weights (frequency weights), > 0; default 1. */
  weights?: ArrayLike<number> | null;
}

/** Checked data: entry is -Infinity when absent; cause 0 = censored, 1..K = exit cause. */
export interface SurvivalData {
  n: number;
  entry: Float64Array;
  time: Float64Array;
  cause: Int32Array;
  weights: Float64Array;
}

/** Weighted risk sets at each distinct time: nEvent[k - 1][j] counts exits of cause k at time[j]. */
export interface RiskTable {
  time: number[];
  nRisk: number[];
  nEvent: number[][];
  nCensor: number[];
  /** Position of each row's exit time in `time`, or -1 when it is not in the grid. */
  timeIndex: Int32Array;
}

/**
 * Returns the arrays checked and copied, with entry -Infinity when absent (at risk from the start).
 * A person is at risk at t when entry < t <= time, so entry must be strictly below time.
 * @example checkSurvivalData('fitKaplanMeier', { time: [2, 3] }, new Int32Array([1, 0]))
 */
export function checkSurvivalData(
  fn: string,
  input: SurvivalInput,
  cause: Int32Array,
): SurvivalData {
  if (input === null || typeof input !== 'object' || input.time == null) {
    throw new Error(
      `${fn}: data must be an object with a "time" array, e.g. { time: [1.5, 3], event: [1, 0] }.`,
    );
  }
  const n = input.time.length;
  const sizes: string[] = [];
  const field = (name: string, values: ArrayLike<unknown> | null | undefined) => {
    if (values != null && values.length !== n) sizes.push(`${name} has ${values.length}`);
  };
  field('entry', input.entry);
  field('weights', input.weights);
  if (cause.length !== n) sizes.push(`the status column has ${cause.length}`);
  if (sizes.length > 0) {
    throw new Error(
      `${fn}: time has ${n} values but ${sizes.join(', ')}. Pass one value per person.`,
    );
  }
  if (n === 0) throw new Error(`${fn}: no rows. Pass at least one person.`);
  const entry = new Float64Array(n);
  const time = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const t = input.time[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new Error(
        `${fn}: time[${i}] is ${String(t)}. Times must be finite numbers; fix or drop row ${i}.`,
      );
    }
    const e = input.entry == null ? -Infinity : input.entry[i];
    if (input.entry != null && (typeof e !== 'number' || !Number.isFinite(e))) {
      throw new Error(
        `${fn}: entry[${i}] is ${String(e)}. Entry times must be finite numbers; fix or drop row ${i}.`,
      );
    }
    if (!(e < t)) {
      throw new Error(
        `${fn}: row ${i} has entry ${e} >= time ${t}. A person is at risk on (entry, time], so entry must be ` +
          'below time; drop people who left before the data window opened.',
      );
    }
    const w = input.weights == null ? 1 : input.weights[i];
    if (typeof w !== 'number' || !(w > 0) || !Number.isFinite(w)) {
      throw new Error(
        `${fn}: weights[${i}] is ${String(w)}. Weights must be finite and > 0; drop rows of weight 0.`,
      );
    }
    entry[i] = e;
    time[i] = t;
    weights[i] = w;
  }
  return { n, entry, time, cause: Int32Array.from(cause), weights };
}

/**
 * Returns 1 for an event and 0 for censoring from booleans or 0/1 numbers.
 * @example eventCodes('fitKaplanMeier', [true, false, 1, 0]) // Int32Array [1, 0, 1, 0]
 */
export function eventCodes(
  fn: string,
  event: ArrayLike<boolean | number> | null | undefined,
): Int32Array {
  if (event == null)
    throw new Error(
      `${fn}: "event" is missing. Pass 1/true for an exit and 0/false for censoring.`,
    );
  const codes = new Int32Array(event.length);
  for (let i = 0; i < event.length; i += 1) {
    const v = event[i];
    if (v === true || v === 1) codes[i] = 1;
    else if (v !== false && v !== 0) {
      throw new Error(
        `${fn}: event[${i}] is ${String(v)}. Use 1/true for an exit and 0/false for censoring.`,
      );
    }
  }
  return codes;
}

/**
 * Returns the weighted number at risk, exits by cause and censorings at each grid time (default: the
 * distinct exit times); at risk at t means entry < t <= time, so exits at t count in the risk set at t.
 * @example tabulateRiskSets(checkSurvivalData('f', { time: [2, 3] }, new Int32Array([1, 0])), 1)
 */
export function tabulateRiskSets(data: SurvivalData, nCauses: number, grid?: number[]): RiskTable {
  const { n, entry, time, cause, weights } = data;
  const times = grid ?? [...new Set(time)].sort((a, b) => a - b);
  const position = new Map(times.map((t, j) => [t, j]));
  const m = times.length;
  const nEvent = Array.from({ length: nCauses }, () => new Array<number>(m).fill(0));
  const nCensor = new Array<number>(m).fill(0);
  const timeIndex = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) {
    const j = position.get(time[i]);
    if (j === undefined) continue;
    timeIndex[i] = j;
    if (cause[i] === 0) nCensor[j] += weights[i];
    else nEvent[cause[i] - 1][j] += weights[i];
  }
  // n at risk(t) = weight entered before t (entry < t) minus weight already gone (time < t).
  const byEntry = sortedIndex(entry);
  const byTime = sortedIndex(time);
  const nRisk = new Array<number>(m);
  let a = 0;
  let b = 0;
  let entered = 0;
  let gone = 0;
  for (let j = 0; j < m; j += 1) {
    while (a < n && entry[byEntry[a]] < times[j]) entered += weights[byEntry[a++]];
    while (b < n && time[byTime[b]] < times[j]) gone += weights[byTime[b++]];
    nRisk[j] = entered - gone;
  }
  return { time: times, nRisk, nEvent, nCensor, timeIndex };
}

/** Row indices ordered by the values, ascending. */
export function sortedIndex(values: Float64Array): Int32Array {
  const index = Int32Array.from({ length: values.length }, (_, i) => i);
  return index.sort((x, y) => values[x] - values[y]);
}
