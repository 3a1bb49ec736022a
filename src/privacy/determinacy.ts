// Exact check for recovery by subtraction: which hidden cells the published totals pin to one value.
import type { AdditiveGroup } from './structure.js';

const EPS = 1e-9;

/**
 * Returns the hidden rows whose value follows from the shown values by adding and subtracting
 * totals (any linear combination of the additive groups), ignoring that counts are non-negative.
 * Definition: the unit vector of a hidden cell lies in the row space of the group constraints
 * restricted to hidden cells, i.e. the reduced row echelon form has a row holding that cell alone.
 * Found by sparse Gauss–Jordan elimination (a run's relations touch few cells each; a dense matrix
 * over every hidden cell of a run cost the cube of their number).
 * @example determinedCells(new Set([0]), [{ kind: 'margin', total: 3, parts: [0, 1, 2] }]) // [0]
 */
export function determinedCells(
  hidden: ReadonlySet<number>,
  groups: readonly AdditiveGroup[],
): number[] {
  return [...determinedValues(hidden, groups).keys()];
}

/**
 * As determinedCells, with the value each determined cell is pinned to: `shown[k]` is what group k's
 * shown cells contribute (its shown total minus its shown parts), so that the hidden total minus the
 * hidden parts equals −shown[k]. Without `shown`, every value is NaN. In cell order.
 * @example determinedValues(new Set([0]), [{ kind: 'margin', total: 3, parts: [0] }], [-7]) // Map { 0 => 7 }
 */
export function determinedValues(
  hidden: ReadonlySet<number>,
  groups: readonly AdditiveGroup[],
  shown?: readonly number[],
): Map<number, number> {
  const rows: { row: Map<number, number>; size: number; first: number }[] = [];
  groups.forEach((g, k) => {
    const row = hiddenRow(g, hidden);
    if (row.size === 0) return;
    // a loop, not Math.min(...keys): a relation over a national force's units may hold more hidden
    // cells than a call takes arguments
    let first = Infinity;
    for (const cell of row.keys()) if (cell < first) first = cell;
    const size = row.size;
    // the right-hand side rides along as column CONSTANT (never a pivot)
    row.set(CONSTANT, shown === undefined ? NaN : -shown[k]);
    rows.push({ row, size, first });
  });
  // Short rows first, neighbours together: the pinned cells do not depend on the order, the fill-in
  // does (a team-level run's 18,054 relations over 8,142 hidden cells: 25–54 s in the groups' order,
  // 5 s in this one).
  rows.sort((a, b) => a.size - b.size || a.first - b.first);
  const basis = new SparseBasis();
  for (const { row } of rows) basis.add(row);
  return new Map(basis.singletons().sort((a, b) => a[0] - b[0]));
}

/**
 * For each of `targets` that the groups pin (as determinedCells), the combination of groups that pins
 * it: group index → coefficient, such that the sum of coefficient × (total − parts) over the hidden
 * cells is the target cell alone. Hiding a shown cell whose coefficients in that sum do not cancel
 * breaks this combination (a shown cell inside a table whose row and column totals are both combined
 * cancels, and hiding it changes nothing). Gauss–Jordan elimination that carries each row's
 * provenance: pass only the groups of the targets' connected part of the system.
 * @example determiningCombinations(new Set([0, 1]), [{ kind: 'margin', total: 0, parts: [1] }, { kind: 'margin', total: 1, parts: [] }], new Set([0]))
 * // Map { 0 => Map { 0 => 1, 1 => 1 } }  (x0 − x1 = a, x1 = b: x0 = a + b)
 */
export function determiningCombinations(
  hidden: ReadonlySet<number>,
  groups: readonly AdditiveGroup[],
  targets: ReadonlySet<number>,
): Map<number, Map<number, number>> {
  const basis = new SparseBasis(true);
  groups.forEach((g, k) => {
    const row = hiddenRow(g, hidden);
    if (row.size > 0) basis.add(row, k);
  });
  const out = new Map<number, Map<number, number>>();
  for (const [cell] of basis.singletons()) {
    if (targets.has(cell)) out.set(cell, basis.provenance(cell)!);
  }
  return out;
}

/** A group's row over the hidden cells: +1 for its total, −1 for each part (shown cells left out). */
function hiddenRow(g: AdditiveGroup, hidden: ReadonlySet<number>): Map<number, number> {
  const row = new Map<number, number>();
  if (hidden.has(g.total)) row.set(g.total, 1);
  for (const p of g.parts) if (hidden.has(p)) row.set(p, (row.get(p) ?? 0) - 1);
  return row;
}

/** The column holding a row's right-hand side. */
const CONSTANT = -1;

/**
 * A row space kept in reduced row echelon form: every basis row has a pivot column that no other
 * basis row holds. Rows are sparse (column → coefficient).
 */
class SparseBasis {
  /** pivot column → its row (coefficient 1 at the pivot). */
  readonly #rows = new Map<number, Map<number, number>>();
  /**
   * column → pivots of the rows that took it on (to clear a new pivot's column in the others). Kept
   * lazily: a row that lost the column stays listed (checked when read), as Set updates on every
   * changed entry cost half the elimination's time in a team-level run.
   */
  readonly #holders = new Map<number, number[]>();
  /** pivot column → the input rows (by tag) its row is a combination of, when tracked. */
  readonly #provenance: Map<number, Map<number, number>> | undefined;

  constructor(trackProvenance = false) {
    if (trackProvenance) this.#provenance = new Map();
  }

  /** The combination of input rows (tag → coefficient) that makes the row of `pivot`. */
  provenance(pivot: number): Map<number, number> | undefined {
    return this.#provenance?.get(pivot);
  }

  add(input: Map<number, number>, tag = -1): void {
    const prov = this.#provenance ? new Map([[tag, 1]]) : undefined;
    const row = new Map<number, number>();
    for (const [c, v] of input) if (!(Math.abs(v) <= EPS)) row.set(c, v);
    // reduce by the basis: clear every pivot column the row holds
    for (const c of [...row.keys()]) {
      const v = row.get(c);
      const pivotRow = this.#rows.get(c);
      if (v === undefined || pivotRow === undefined) continue;
      for (const [k, w] of pivotRow) this.#addTo(row, k, -v * w);
      if (prov) for (const [k, w] of this.#provenance!.get(c)!) this.#addTo(prov, k, -v * w);
    }
    if (![...row.keys()].some((c) => c !== CONSTANT)) return; // nothing left but the constant
    // pivot: the largest coefficient (stable), then the column held by fewest rows (least fill-in)
    let pivot = -1;
    for (const [c, v] of row) {
      if (c === CONSTANT) continue;
      if (pivot < 0) {
        pivot = c;
        continue;
      }
      const best = Math.abs(row.get(pivot)!);
      const size = (x: number) => this.#holders.get(x)?.length ?? 0;
      if (Math.abs(v) > best + EPS || (Math.abs(v) > best - EPS && size(c) < size(pivot)))
        pivot = c;
    }
    const scale = row.get(pivot)!;
    for (const [c, v] of row) row.set(c, v / scale);
    row.set(pivot, 1);
    if (prov) for (const [k, v] of prov) prov.set(k, v / scale);
    // clear the new pivot's column from the rows that hold it
    for (const other of this.#holders.get(pivot) ?? []) {
      const target = this.#rows.get(other)!;
      const f = target.get(pivot);
      if (f === undefined) continue; // lost the column since
      for (const [k, w] of row) this.#setIn(other, target, k, (target.get(k) ?? 0) - f * w);
      if (prov) {
        const theirs = this.#provenance!.get(other)!;
        for (const [k, w] of prov) this.#addTo(theirs, k, -f * w);
      }
    }
    this.#rows.set(pivot, row);
    if (prov) this.#provenance!.set(pivot, prov);
    // every other row is now clear of the pivot column
    this.#holders.set(pivot, []);
    for (const c of row.keys()) this.#hold(c, pivot);
  }

  /** Pivot columns whose row holds nothing else but the constant: cells pinned, with their value. */
  singletons(): [number, number][] {
    return [...this.#rows]
      .filter(([, row]) => row.size === 1 + (row.has(CONSTANT) ? 1 : 0))
      .map(([pivot, row]) => [pivot, row.get(CONSTANT) ?? 0]);
  }

  // A NaN constant (unknown) stays NaN; it is never dropped as a zero.
  #addTo(row: Map<number, number>, c: number, delta: number): void {
    const v = (row.get(c) ?? 0) + delta;
    if (Math.abs(v) <= EPS) row.delete(c);
    else row.set(c, v);
  }

  #setIn(pivot: number, row: Map<number, number>, c: number, v: number): void {
    if (Math.abs(v) <= EPS) row.delete(c);
    else {
      if (!row.has(c)) this.#hold(c, pivot);
      row.set(c, v);
    }
  }

  // The constant column is never a pivot: nobody asks who holds it.
  #hold(c: number, pivot: number): void {
    if (c === CONSTANT) return;
    const list = this.#holders.get(c);
    if (list === undefined) this.#holders.set(c, [pivot]);
    else list.push(pivot);
  }
}
