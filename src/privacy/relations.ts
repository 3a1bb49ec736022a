// Secondary suppression across the columns of a table that declares relations within rows (e.g.
// people = recorded + not_stated + missing) or figures repeated down a dimension (sameAcross): every
// (column, row) cell becomes one cell of a single problem, whose additive groups are each column's
// margins and hierarchy plus one group per row and declared relation and one per repeated copy, so no
// hidden cell is recoverable by adding or subtracting along any of them.
import type { Pattern } from './primary.js';
import { protectPattern } from './secondary.js';
import { repeatGroups, type CellSpec, type Layout } from './spec.js';
import type { AdditiveGroup } from './structure.js';

/**
 * Extends every column's pattern (in place) so that the table's margins and its declared relations
 * together leave no hidden cell recoverable and give every sensitive cell `protection` of hidden mass
 * beside it. Without declared relations, each column is protected on its own. Complements are ranked
 * by a hash of the row's dimension values, alike in every column (`tieBreak` is not used).
 * @example protectTable(patterns, values, layout, groups, { by: ['unit'], population: 'people',
 *   counts: ['a', 'b'], relations: [{ total: 'people', parts: ['a', 'b'] }] }, undefined, 5)
 */
export function protectTable(
  patterns: Map<string, Pattern>,
  values: Readonly<Record<string, ArrayLike<number>>>,
  layout: Layout,
  groups: readonly AdditiveGroup[],
  spec: CellSpec,
  _tieBreak: ArrayLike<number> | undefined,
  protection: number,
): void {
  const relations = spec.relations ?? [];
  const repeats = Object.entries(spec.sameAcross ?? {});
  // Complements are ranked by the identity of the cell's row (its dimension values), not its value or
  // position: the same cell ranks the same in every report of a run (issue 18). Every column of the
  // table ranks its rows alike, so a row hidden to protect one column (a population) is the one that
  // protects the next (a rate's numerator), and one complement row hides one row's rates, not two.
  const rowOrder = Float64Array.from(layout.dims, (dims) => identityHash(JSON.stringify(dims)));
  if (relations.length === 0 && repeats.length === 0) {
    for (const m of layout.measures) {
      protectPattern(patterns.get(m.column)!, values[m.column], rowOrder, groups, protection);
    }
    return;
  }
  const n = layout.dims.length;
  const columns = layout.measures.map((m) => m.column);
  const offset = new Map(columns.map((c, k) => [c, k * n]));
  const all = new Float64Array(columns.length * n);
  const ties = new Float64Array(columns.length * n);
  const pattern: Pattern = new Map();
  columns.forEach((c, k) => {
    for (let row = 0; row < n; row++) {
      all[k * n + row] = values[c][row];
      ties[k * n + row] = rowOrder[row];
    }
    for (const [row, reason] of patterns.get(c)!) pattern.set(k * n + row, reason);
  });
  const combined: AdditiveGroup[] = [];
  for (const c of columns) {
    const o = offset.get(c)!;
    for (const g of groups)
      combined.push({ kind: g.kind, total: g.total + o, parts: g.parts.map((p) => p + o) });
  }
  for (const rel of relations) {
    const t = offset.get(rel.total)!;
    const parts = rel.parts.map((p) => offset.get(p)!);
    for (let row = 0; row < n; row++) {
      combined.push({ kind: 'margin', total: t + row, parts: parts.map((p) => p + row) });
    }
  }
  // a repeated figure (spec.sameAcross): each copy equals the first, a group of one part, so a copy
  // hidden where another is shown takes that one too
  for (const [column, across] of repeats) {
    const o = offset.get(column)!;
    for (const [first, ...others] of repeatGroups(layout.dims, layout.by, across)) {
      for (const row of others)
        combined.push({ kind: 'margin', total: first + o, parts: [row + o] });
    }
  }
  protectPattern(pattern, all, ties, combined, protection);
  columns.forEach((c, k) => {
    const target = patterns.get(c)!;
    for (const [cell, reason] of pattern) {
      if (cell >= k * n && cell < (k + 1) * n && !target.has(cell - k * n))
        target.set(cell - k * n, reason);
    }
  });
}

/** FNV-1a hash of a cell's identity: a fixed order that does not depend on values or positions. */
function identityHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
