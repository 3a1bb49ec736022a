// Secondary suppression: hide complementary cells until no hidden cell can be recovered from totals.
// Steps: (1) every additive group with a hidden cell gets ≥ 2 hidden, and a hidden sensitive part
// gets ≥ protectionInterval of other hidden mass beside it; (2) repeat to a fixed point; (3) an exact
// linear-algebra check finds cells still pinned by combinations of groups, hides one more, back to (1).
import { determinedCells } from './determinacy.js';
import type { Pattern } from './primary.js';
import type { AdditiveGroup } from './structure.js';
import { pushTo } from '../shared/collections.js';

/**
 * Extends `pattern` (in place) with complementary cells and returns it. Complements are chosen
 * without looking at their values beyond "not zero" (a hidden zero adds no protection, see
 * docs/disclosure-control.md), so the choice tells a reader nothing (choosing the smallest did: with
 * parts [4, 5, 5, 20] the hidden pair was always {4, 5}): non-zero cells first, then parts before
 * totals, then cells that also close another group that needs one, then cells that open no group
 * with nothing hidden yet (which would need a further cell), then a fixed scramble of the row
 * position, so the result is deterministic. `order`, when given, replaces the scramble: a value-blind
 * rank per row, e.g. a hash of the cell's column and dimension values, so the same cell ranks the
 * same in every table of a run and reports choose the same complements (issue 18).
 * @example protectPattern(new Map([[0, 'primary-count']]), [3, 9, 12, 24], undefined, groups, 5)
 */
export function protectPattern(
  pattern: Pattern,
  values: ArrayLike<number>,
  order: ArrayLike<number> | undefined,
  groups: readonly AdditiveGroup[],
  protection: number,
): Pattern {
  const sensitive = new Set(pattern.keys());
  const groupsOf = new Map<number, AdditiveGroup[]>();
  for (const g of groups) {
    for (const row of [g.total, ...g.parts]) pushTo(groupsOf, row, g);
  }
  // Cells that also serve another group still needing a hidden cell come first (fewer cells lost,
  // e.g. a rectangle in a two-way table); that depends on the pattern, not on values.
  const serves = (g: AdditiveGroup, row: number): number =>
    (groupsOf.get(row) ?? []).filter(
      (o) => o !== g && needsMore(o, pattern, sensitive, values, protection),
    ).length;
  // Cells whose other groups have nothing hidden yet come last: hiding one there leaves it alone in
  // that group, which then needs one more (e.g. a parent whose children are all shown).
  const opens = (g: AdditiveGroup, row: number): number =>
    (groupsOf.get(row) ?? []).filter(
      (o) => o !== g && [o.total, ...o.parts].every((r) => !pattern.has(r)),
    ).length;
  const rank = (g: AdditiveGroup, row: number): number[] => [
    values[row] > 0 ? 0 : 1,
    row === g.total ? 1 : 0,
    -serves(g, row),
    opens(g, row),
    order === undefined ? scramble(row) : order[row],
    row,
  ];
  const pick = (g: AdditiveGroup): number | undefined => {
    const shown = [g.total, ...g.parts].filter((row) => !pattern.has(row));
    return shown.sort((a, b) => compareRanks(rank(g, a), rank(g, b)))[0];
  };
  const hide = (row: number, g: AdditiveGroup) =>
    pattern.set(row, g.kind === 'hierarchy' ? 'secondary-hierarchy' : 'secondary-margin');

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const g of groups) {
        while (needsMore(g, pattern, sensitive, values, protection)) {
          const row = pick(g);
          if (row === undefined) break;
          hide(row, g);
          changed = true;
        }
      }
    }
    const pinned = determinedCells(new Set(pattern.keys()), groups);
    // One complement per pinned cell, several per round when their groups do not meet (a large table
    // pins hundreds of cells at once; one per round cost a full elimination each). The next round's
    // check sees whether a complement already freed another cell.
    let fixed = false;
    const touched = new Set<AdditiveGroup>();
    for (const cell of pinned) {
      const own = groupsOf.get(cell) ?? [];
      if (own.some((g) => touched.has(g))) continue;
      const options = own
        .map((g) => ({ g, row: pick(g) }))
        .filter((o): o is { g: AdditiveGroup; row: number } => o.row !== undefined)
        .sort((a, b) => compareRanks(rank(a.g, a.row), rank(b.g, b.row)));
      if (options.length === 0) continue;
      const chosen = groupsOf.get(options[0].row) ?? [];
      if (chosen.some((g) => touched.has(g))) continue;
      hide(options[0].row, options[0].g);
      for (const g of [...own, ...chosen]) touched.add(g);
      fixed = true;
    }
    if (!fixed) return pattern;
  }
}

/** Whether group `g` must hide one more cell. */
function needsMore(
  g: AdditiveGroup,
  pattern: Pattern,
  sensitive: ReadonlySet<number>,
  values: ArrayLike<number>,
  protection: number,
): boolean {
  const hiddenParts = g.parts.filter((row) => pattern.has(row));
  const totalHidden = pattern.has(g.total);
  const hiddenCount = hiddenParts.length + (totalHidden ? 1 : 0);
  if (hiddenCount === 0) return false;
  if (hiddenCount === 1) return true;
  // A hidden total lets a part grow without bound in this group; otherwise a sensitive part can grow
  // only by what the other hidden parts can give up.
  if (totalHidden) return false;
  const mass = hiddenParts.reduce((s, row) => s + values[row], 0);
  return hiddenParts.some((row) => sensitive.has(row) && mass - values[row] < protection);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** A fixed, value-blind order of row positions (a 32-bit integer hash), so complements are not predictable from values. */
function scramble(row: number): number {
  let h = Math.imul(row + 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
