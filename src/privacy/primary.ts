// Primary suppression: cells hidden for what they are (small groups, small counts, earlier outputs).
import type { DisclosureLedger } from './ledger.js';
import type { SuppressionReason } from './log.js';
import type { DisclosurePolicy } from './policy.js';
import type { CellSpec, Layout } from './spec.js';

/** Hidden rows of one measure column, with the reason each was hidden. */
export type Pattern = Map<number, SuppressionReason>;

/**
 * Returns, per measure column, the rows hidden before any secondary suppression:
 * - a size (population, denominator, a mean's n) of 1 to minGroupSize − 1 hides the whole row in
 *   every measure ('primary-population'); zero is shown (an empty group identifies nobody);
 * - a count of 1 to minCount − 1 hides that count ('primary-count');
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
  for (const m of layout.measures.filter((m) => m.count)) {
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
        if (!pattern.has(row) && ledger.has(m.column, layout.cells[row], spec.period)) {
          pattern.set(row, 'ledger');
        }
      }
    }
  }
  return patterns;
}
