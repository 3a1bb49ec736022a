// The risk sets of counting-process data, walked once: the sweep that fitCox's sums and Harrell's
// concordance share. Times go from last to first; a row joins at its exit, leaves at its entry.
import type { CoxData } from './input.js';

/** What forEachRiskSet tells its caller as the risk set changes. */
export interface RiskSetVisitor {
  /** Row `row` is now at risk (entry < t ≤ time, for the current and every earlier event time until it leaves). */
  join(row: number): void;
  /** Row `row`, at risk until now, has entered at or after the current event time: no longer at risk. */
  leave(row: number): void;
  /**
   * Event time `t` (from the last to the first): `deaths` are the rows leaving at t. The risk set
   * holds everyone else at risk at t (those censored at t included); the deaths join it right after.
   */
  event(t: number, deaths: readonly number[]): void;
}

/**
 * Visits every event time of `data`, from the last to the first, keeping the visitor's risk set up
 * to date: a row is at risk at t when entry < t ≤ time; a row leaving at t is handed over as a death
 * and joins the risk set only after `event` (so rows censored at t are at risk for deaths at t).
 * @example forEachRiskSet(prepareCoxData(input), { join: (r) => n++, leave: (r) => n--, event: (t, d) => console.log(t, n, d.length) })
 */
export function forEachRiskSet(data: CoxData, visitor: RiskSetVisitor): void {
  const { n, entry, time, event, byTimeDesc, byEntryDesc } = data;
  const state = new Uint8Array(n); // 0 not yet seen, 1 in the risk set, 2 gone
  let i2 = 0;
  let i1 = 0;
  while (i2 < n) {
    // the next event time at or before the current position in the sweep
    let k = i2;
    while (k < n && event[byTimeDesc[k]] === 0) k++;
    if (k === n) break;
    const t = time[byTimeDesc[k]];
    const deaths: number[] = [];
    for (; i2 < n && time[byTimeDesc[i2]] >= t; i2++) {
      const r = byTimeDesc[i2];
      if (event[r] === 1 && time[r] === t) deaths.push(r);
      else if (entry[r] < t) {
        state[r] = 1;
        visitor.join(r);
      } else state[r] = 2;
    }
    for (; i1 < n && entry[byEntryDesc[i1]] >= t; i1++) {
      const r = byEntryDesc[i1];
      if (state[r] === 1) visitor.leave(r);
      state[r] = 2;
    }
    visitor.event(t, deaths);
    for (const r of deaths) {
      state[r] = 1;
      visitor.join(r);
    }
  }
}
