// Primary suppression: cells hidden for what they are (small groups, small counts, earlier outputs).
import { ledgerCell, type DisclosureLedger } from './ledger.js';
import type { SuppressionReason } from './log.js';
import type { DisclosurePolicy } from './policy.js';
import { DOMINANCE_RULE, type CellSpec, type Layout } from './spec.js';

/** Hidden rows of one measure column, with the reason each was hidden. */
export type Pattern = Map<number, SuppressionReason>;

/**
 * Returns, per measure column, the rows hidden before any secondary suppression:
 * - a size (population, denominator, a mean's n) of 1 to minGroupSize − 1 hides the whole row in
 *   every measure ('primary-population'); zero is shown (an empty group identifies nobody);
 * - a count of 1 to minCount − 1 hides that count ('primary-count'); magnitudes have no value threshold;
 * - a figure whose people (spec.contributors) number 1 to minGroupSize − 1 is hidden ('primary-people'),
 *   and a magnitude one or two people dominate (DOMINANCE_RULE) is hidden ('primary-dominance');
 * - with spec.freeText the thresholds rise to freeTextMinGroupSize ('free-text' when only it applies);
 * - a cell the ledger remembers as hidden is hidden again ('ledger').
 * @example primaryPatterns(values, layout, spec, policy) // Map { 'headcount' => Map { 2 => 'primary-population' } }
 */
export function primaryPatterns(
  values: Readonly<Record<string, ArrayLike<number>>>,
  layout: Layout,
  spec: CellSpec,
  policy: DisclosurePolicy,
  ledger?: DisclosureLedger,
): Map<string, Pattern> {
  const free = spec.freeText === true;
  const groupMin = free
    ? Math.max(policy.minGroupSize, policy.freeTextMinGroupSize)
    : policy.minGroupSize;
  const countMin = free ? Math.max(policy.minCount, policy.freeTextMinGroupSize) : policy.minCount;
  const patterns = new Map<string, Pattern>(layout.measures.map((m) => [m.column, new Map()]));
  const rows = layout.dims.length;
  const hideRow = (row: number, reason: SuppressionReason) => {
    for (const pattern of patterns.values()) if (!pattern.has(row)) pattern.set(row, reason);
  };
  for (const m of layout.measures.filter((m) => m.size)) {
    const v = values[m.column];
    for (let row = 0; row < rows; row++) {
      if (v[row] > 0 && v[row] < groupMin) {
        hideRow(row, v[row] < policy.minGroupSize ? 'primary-population' : 'free-text');
      }
    }
  }
  for (const [column, hidden] of contributorPatterns(values, spec, policy)) {
    const pattern = patterns.get(column);
    if (pattern === undefined) continue;
    for (const [row, reason] of hidden) if (!pattern.has(row)) pattern.set(row, reason);
  }
  for (const m of layout.measures.filter((m) => m.count && !m.magnitude)) {
    const v = values[m.column];
    const pattern = patterns.get(m.column)!;
    for (let row = 0; row < rows; row++) {
      if (v[row] > 0 && v[row] < countMin && !pattern.has(row)) {
        pattern.set(row, v[row] < policy.minCount ? 'primary-count' : 'free-text');
      }
    }
  }
  if (ledger !== undefined) {
    for (const m of layout.measures) {
      const pattern = patterns.get(m.column)!;
      for (let row = 0; row < rows; row++) {
        if (
          !pattern.has(row) &&
          ledger.has(m.column, ledgerCell(layout.cells[row], spec.rest), spec.period)
        ) {
          pattern.set(row, 'ledger');
        }
      }
    }
  }
  return patterns;
}

/**
 * Returns, per figure named in spec.contributors, the rows hidden for the people behind it: fewer
 * than minGroupSize people but more than none ('primary-people'), or, for a magnitude with `top`,
 * a total that one person makes up more than 50% of or two people more than 80% of
 * ('primary-dominance', see DOMINANCE_RULE). `values` must hold the people and top columns.
 * @example contributorPatterns({ days: [9], sick: [1], t1: [9], t2: [0] }, { by: ['team'], magnitudes: ['days'], contributors: [{ column: 'days', people: 'sick', top: ['t1', 't2'] }] }, policy) // Map { 'days' => Map { 0 => 'primary-people' } }
 */
export function contributorPatterns(
  values: Readonly<Record<string, ArrayLike<number>>>,
  spec: CellSpec,
  policy: DisclosurePolicy,
): Map<string, Pattern> {
  const out = new Map<string, Pattern>();
  for (const c of spec.contributors ?? []) {
    const pattern: Pattern = new Map();
    const people = values[c.people];
    const total = values[c.column];
    for (let row = 0; row < people.length; row++) {
      if (people[row] > 0 && people[row] < policy.minGroupSize) {
        pattern.set(row, 'primary-people');
      } else if (c.top !== undefined && total !== undefined && total[row] > 0) {
        const tops = [values[c.top[0]][row], values[c.top[0]][row] + values[c.top[1]][row]];
        // A small tolerance so that exactly k% (e.g. 2 of 4 days) is not hidden by float noise.
        const dominated = DOMINANCE_RULE.some(
          (r) => tops[r.n - 1] > (r.kPct / 100) * total[row] * (1 + 1e-9),
        );
        if (dominated) pattern.set(row, 'primary-dominance');
      }
    }
    out.set(c.column, pattern);
  }
  return out;
}
