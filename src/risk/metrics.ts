// Skill of a risk score on held-out rows: AUC (Mann–Whitney), Brier score, calibration by decile,
// and the same per group (sex, ethnicity, worker type) with the gaps between groups.

/** One decile of predicted risk: rows, leavers, mean predicted and observed share. */
export interface CalibrationBin {
  decile: number;
  rows: number;
  events: number;
  mean_predicted: number;
  observed_rate: number;
}

/** Skill within one group; figures are null when the group is too small to report. */
export interface GroupSkill {
  dimension: string;
  group: string;
  /** Null (with rows) when under minGroupSize people, so a small group's size is not disclosed. */
  people: number | null;
  rows: number | null;
  events: number | null;
  auc: number | null;
  brier: number | null;
  mean_predicted: number | null;
  observed_rate: number | null;
  /** Why the figures are null, e.g. 'fewer than 5 people'. */
  note: string | null;
}

/** Largest minus smallest value across the reported groups of one dimension. */
export interface GroupGap {
  dimension: string;
  groups_reported: number;
  auc_gap: number | null;
  brier_gap: number | null;
  /** Spread of observed − mean predicted (under- or over-prediction) across groups, in risk units. */
  calibration_gap: number | null;
}

/**
 * Area under the ROC curve = the Mann–Whitney probability that a random leaver scores higher than a
 * random stayer (ties count one half): (R₁ − n₁(n₁ + 1)/2) / (n₁ n₀) with mid-ranks R. Null when
 * either class is empty.
 * @example aucScore([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function aucScore(scores: readonly number[], outcomes: readonly number[]): number | null {
  checkPairs('aucScore', scores, outcomes);
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let n1 = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const midRank = (i + j + 2) / 2; // ranks are 1-based
    for (let k = i; k <= j; k++) if (outcomes[order[k]] === 1) rankSum += midRank;
    i = j + 1;
  }
  for (const y of outcomes) n1 += y;
  const n0 = outcomes.length - n1;
  if (n1 === 0 || n0 === 0) return null;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/**
 * Brier score: the mean of (predicted probability − outcome)²; 0 is perfect, and always predicting
 * the base rate r scores r(1 − r).
 * @example brierScore([0.2, 0.9], [0, 1]) // (0.04 + 0.01) / 2 = 0.025
 */
export function brierScore(predicted: readonly number[], outcomes: readonly number[]): number {
  checkPairs('brierScore', predicted, outcomes);
  if (predicted.length === 0) throw new Error('brierScore: no rows. Score at least one row.');
  let s = 0;
  for (let i = 0; i < predicted.length; i++) s += (predicted[i] - outcomes[i]) ** 2;
  return s / predicted.length;
}

/**
 * Calibration by decile of predicted risk: rows sorted by prediction (ties by input order) and cut
 * into `bins` groups of near-equal size (row r of n goes to bin ⌊r × bins / n⌋).
 * @example calibrationByDecile(p, y)[9].observed_rate // share who left among the riskiest tenth
 */
export function calibrationByDecile(
  predicted: readonly number[],
  outcomes: readonly number[],
  bins = 10,
): CalibrationBin[] {
  checkPairs('calibrationByDecile', predicted, outcomes);
  const n = predicted.length;
  const order = predicted.map((_, i) => i).sort((a, b) => predicted[a] - predicted[b] || a - b);
  const out = Array.from({ length: Math.min(bins, n) }, (_, d) => ({
    decile: d + 1,
    rows: 0,
    events: 0,
    sum: 0,
  }));
  order.forEach((i, r) => {
    const bin = out[Math.floor((r * out.length) / n)];
    bin.rows += 1;
    bin.events += outcomes[i];
    bin.sum += predicted[i];
  });
  return out.map(({ decile, rows, events, sum }) => ({
    decile,
    rows,
    events,
    mean_predicted: sum / rows,
    observed_rate: events / rows,
  }));
}

/**
 * Skill per group of one or more dimensions (e.g. sex, ethnicity_group, worker_type) and the gap
 * between the best and worst reported group. A group is reported when it has at least minGroupSize
 * people, minGroupSize people with an outcome 1 (leavers) and minGroupSize with an outcome 0; otherwise
 * its figures are null with a note (and its size too, under minGroupSize people).
 * @example groupSkill(p, y, personIds, { sex: sexColumn }, { minGroupSize: 5 })
 */
export function groupSkill(
  predicted: readonly number[],
  outcomes: readonly number[],
  persons: readonly string[],
  dimensions: Readonly<Record<string, readonly (string | null)[]>>,
  { minGroupSize = 5 }: { minGroupSize?: number } = {},
): { groups: GroupSkill[]; gaps: GroupGap[] } {
  checkPairs('groupSkill', predicted, outcomes);
  const groups: GroupSkill[] = [];
  const gaps: GroupGap[] = [];
  for (const [dimension, values] of Object.entries(dimensions)) {
    if (values.length !== predicted.length) {
      throw new Error(
        `groupSkill: dimension "${dimension}" has ${values.length} values for ${predicted.length} rows; align it with the predictions.`,
      );
    }
    const rowsOf = new Map<string, number[]>();
    values.forEach((v, i) => {
      const g = v === null || v === '' ? 'missing' : v;
      const list = rowsOf.get(g);
      if (list === undefined) rowsOf.set(g, [i]);
      else list.push(i);
    });
    const reported: GroupSkill[] = [];
    for (const g of [...rowsOf.keys()].sort()) {
      const rows = rowsOf.get(g) as number[];
      const p = rows.map((i) => predicted[i]);
      const y = rows.map((i) => outcomes[i]);
      const people = new Set(rows.map((i) => persons[i])).size;
      const events = y.reduce((a, b) => a + b, 0);
      // counted in people, not rows: one leaver contributes several person-months
      const leavers = new Set(rows.filter((i) => outcomes[i] === 1).map((i) => persons[i])).size;
      const stayers = new Set(rows.filter((i) => outcomes[i] === 0).map((i) => persons[i])).size;
      const small = people < minGroupSize || leavers < minGroupSize || stayers < minGroupSize;
      const skill: GroupSkill = {
        dimension,
        group: g,
        people: people < minGroupSize ? null : people,
        rows: people < minGroupSize ? null : rows.length,
        events: small ? null : events,
        auc: small ? null : aucScore(p, y),
        brier: small ? null : brierScore(p, y),
        mean_predicted: small ? null : p.reduce((a, b) => a + b, 0) / p.length,
        observed_rate: small ? null : events / rows.length,
        note: small ? `fewer than ${minGroupSize} people, leavers or stayers` : null,
      };
      groups.push(skill);
      if (!small) reported.push(skill);
    }
    const spread = (f: (s: GroupSkill) => number | null) => {
      const v = reported.map(f).filter((x): x is number => x !== null);
      return v.length < 2 ? null : Math.max(...v) - Math.min(...v);
    };
    gaps.push({
      dimension,
      groups_reported: reported.length,
      auc_gap: spread((s) => s.auc),
      brier_gap: spread((s) => s.brier),
      calibration_gap: spread((s) => (s.observed_rate as number) - (s.mean_predicted as number)),
    });
  }
  return { groups, gaps };
}

function checkPairs(fn: string, a: readonly number[], y: readonly number[]): void {
  if (a.length !== y.length) {
    throw new Error(
      `${fn}: ${a.length} predictions for ${y.length} outcomes; give one outcome per prediction.`,
    );
  }
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]))
      throw new Error(`${fn}: prediction ${i} is ${a[i]}, not a finite number.`);
    if (y[i] !== 0 && y[i] !== 1) {
      throw new Error(
        `${fn}: outcome ${i} is ${String(y[i])}; outcomes must be 0 or 1 (drop rows whose outcome is unknown).`,
      );
    }
  }
}
