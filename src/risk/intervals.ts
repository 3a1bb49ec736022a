// Cox intervals from person-months: monthly (start, stop] intervals of service days, or every `step`
// months of a person joined into one, so that a Cox fit sees a third (step 3) of the rows.

/** Interval columns aligned with the person-month rows; rows that start no interval have null. */
export interface CoxIntervals {
  entry: (number | null)[];
  stop: (number | null)[];
  event: (number | null)[];
}

/**
 * The (entry, stop] intervals and events of person-month rows (sorted by person, then month): step 1
 * (default) gives each row its monthly interval (service_days, next_service_days]; a larger step joins
 * a person's consecutive months in blocks of `step` from their first row (a new block also starts
 * after a gap between spells): the block's first row keeps its covariates (measured at its month
 * end), its interval runs to the last observed stop in the block, and its event is 1 when the person
 * resigned in any month of the block. Rows that start no interval get null.
 * @example coxIntervals(persons, service, next, resignedNextMonth, 1)
 */
export function coxIntervals(
  persons: ArrayLike<string>,
  service: ArrayLike<number>,
  next: ArrayLike<number | null>,
  event: ArrayLike<number | null>,
  step = 1,
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
    let i = start;
    while (i <= end) {
      let stop: number | null = null;
      let ev = 0;
      let j = i;
      for (; j <= Math.min(end, i + step - 1); j++) {
        if (next[j] === null) break; // the follow-up stops here (as-of date)
        if (j > i && next[j - 1] !== service[j]) break; // a gap (a later spell): the next block starts here
        stop = next[j];
        ev = Math.max(ev, event[j] ?? 0);
        if (ev === 1) {
          j++;
          break;
        }
      }
      if (stop !== null && stop > service[i]) {
        out.entry[i] = service[i];
        out.stop[i] = stop;
        out.event[i] = ev;
      }
      i = Math.max(j, i + 1);
    }
    start = end + 1;
  }
  return out;
}
