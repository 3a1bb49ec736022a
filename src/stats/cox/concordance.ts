// Harrell's concordance of a Cox model's linear predictor over the risk sets, as R's coxph reports it.
import type { CoxData } from './input.js';
import { forEachRiskSet } from './risk-sets.js';

/** Pair counts and C = (concordant + tied_x / 2) / (concordant + discordant + tied_x). */
export interface Concordance {
  concordance: number;
  concordant: number;
  discordant: number;
  /** Comparable pairs with equal linear predictors. */
  tied_x: number;
  /** Pairs leaving at the same time with different / equal linear predictors (not comparable). */
  tied_y: number;
  tied_xy: number;
}

/**
 * Concordance of risk scores with leaving order: each leaver at time t is paired with everyone still
 * at risk at t (entry < t ≤ time, not leaving at t; those censored at t count as at risk); the pair
 * is concordant when the leaver has the higher linear predictor (R: concordance(..., reverse = TRUE),
 * timewt "n"). Counting uses a Fenwick tree over the ranks of lp, O(n log n).
 * @example concordance(prepareCoxData(input), fit.linear_predictors).concordance
 */
export function concordance(data: CoxData, lp: readonly number[]): Concordance {
  const levels = [...new Set(lp)].sort((a, b) => a - b);
  const rankOf = new Map(levels.map((v, i) => [v, i + 1]));
  const rank = lp.map((v) => rankOf.get(v) as number);
  const tree = new Float64Array(levels.length + 1);
  const update = (i: number, delta: number) => {
    for (; i <= levels.length; i += i & -i) tree[i] += delta;
  };
  const prefix = (i: number) => {
    let s = 0;
    for (; i > 0; i -= i & -i) s += tree[i];
    return s;
  };
  const out = { concordant: 0, discordant: 0, tied_x: 0, tied_y: 0, tied_xy: 0 };
  let size = 0;
  forEachRiskSet(data, {
    join(r) {
      update(rank[r], 1);
      size++;
    },
    leave(r) {
      update(rank[r], -1);
      size--;
    },
    event(_t, deaths) {
      const sameRank = new Map<number, number>();
      for (const r of deaths) {
        const below = prefix(rank[r] - 1);
        const equal = prefix(rank[r]) - below;
        out.concordant += below;
        out.tied_x += equal;
        out.discordant += size - below - equal;
        sameRank.set(rank[r], (sameRank.get(rank[r]) ?? 0) + 1);
      }
      const pairs = (deaths.length * (deaths.length - 1)) / 2;
      const tiedBoth = [...sameRank.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
      out.tied_xy += tiedBoth;
      out.tied_y += pairs - tiedBoth;
    },
  });
  const comparable = out.concordant + out.discordant + out.tied_x;
  return { concordance: (out.concordant + out.tied_x / 2) / comparable, ...out };
}
