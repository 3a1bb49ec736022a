// Cox intervals from person-months: every `step` months of a person become one (start, stop] interval
// of service days, so that a Cox fit sees a third (step 3) of the rows with the same follow-up.

/** Interval columns aligned with the person-month rows; rows that start no interval have null. */
export interface CoxIntervals {
  entry: (number | null)[];
  stop: (number | null)[];
  event: (number | null)[];
}

/**
 * Joins each person's consecutive monthly intervals (service_days, next_service_days] in blocks of
 * `step` months, starting from their first row: the block's row keeps its covariates (measured at its
 * month end), its interval runs to the last observed stop in the block, and its event is 1 when the
 * person resigned in any month of the block. Other rows get null. step 1 returns the monthly intervals.
 * @example coxIntervals(persons, service, next, resignedNextMonth, 3)
 */
export function coxIntervals(
  persons: ArrayLike<string>,
  service: ArrayLike<number>,
  next: ArrayLike<number | null>,
  event: ArrayLike<number | null>,
  step = 3,
): CoxIntervals {
  if (!Number.isInteger(step) || step < 1) {
    throw new Error(
      `coxIntervals: step ${step} must be a whole number of months ≥ 1 (3 = quarterly intervals).`,
    );
  }
  const n = persons.length;
  const out: CoxIntervals = {
    entry: Array(n).fill(null),
    stop: Array(n).fill(null),
    event: Array(n).fill(null),
  };
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && persons[end + 1] === persons[start]) end++;
    for (let i = start; i <= end; i += step) {
      let stop: number | null = null;
      let ev = 0;
      for (let j = i; j <= Math.min(end, i + step - 1); j++) {
        if (next[j] === null) break; // the follow-up stops here (as-of date)
        if (j > i && next[j - 1] !== service[j]) break; // a gap (a later spell): not at risk between
        stop = next[j];
        ev = Math.max(ev, event[j] ?? 0);
        if (ev === 1) break;
      }
      if (stop !== null && stop > service[i]) {
        out.entry[i] = service[i];
        out.stop[i] = stop;
        out.event[i] = ev;
      }
    }
    start = end + 1;
  }
  return out;
}
