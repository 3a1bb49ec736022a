// Exact check for recovery by subtraction: which hidden cells the published totals pin to one value.
import type { AdditiveGroup } from './structure.js';

const EPS = 1e-9;

/**
 * Returns the hidden rows whose value follows from the shown values by adding and subtracting
 * totals (any linear combination of the additive groups), ignoring that counts are non-negative.
 * Definition: the unit vector of a hidden cell lies in the row space of the group constraints
 * restricted to hidden cells; found by Gauss–Jordan elimination.
 * @example determinedCells(new Set([0]), [{ kind: 'margin', total: 3, parts: [0, 1, 2] }]) // [0]
 */
export function determinedCells(
  hidden: ReadonlySet<number>,
  groups: readonly AdditiveGroup[],
): number[] {
  // Each group as its hidden cells with their coefficients (+1 total, −1 parts).
  const rows: Map<number, number>[] = [];
  for (const g of groups) {
    const row = new Map<number, number>();
    if (hidden.has(g.total)) row.set(g.total, 1);
    for (const p of g.parts) if (hidden.has(p)) row.set(p, (row.get(p) ?? 0) - 1);
    for (const [cell, v] of row) if (Math.abs(v) <= EPS) row.delete(cell);
    if (row.size > 0) rows.push(row);
  }
  // Cells that share no group cannot pin each other: eliminate each connected set of cells on its
  // own (the cost of one dense elimination over every hidden cell of a run grew with its cube).
  const parent = new Map<number, number>();
  const find = (c: number): number => {
    let root = c;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let x = c; x !== root;) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const row of rows) {
    const cells = [...row.keys()];
    for (const c of cells) if (!parent.has(c)) parent.set(c, c);
    for (const c of cells.slice(1)) parent.set(find(c), find(cells[0]));
  }
  const byComponent = new Map<number, Map<number, number>[]>();
  for (const row of rows) {
    const root = find(row.keys().next().value as number);
    byComponent.set(root, [...(byComponent.get(root) ?? []), row]);
  }
  const determined: number[] = [];
  for (const component of byComponent.values()) {
    const cols = [...new Set(component.flatMap((row) => [...row.keys()]))].sort((a, b) => a - b);
    const col = new Map(cols.map((cell, j) => [cell, j]));
    const matrix = component.map((row) => {
      const coefficients = new Array<number>(cols.length).fill(0);
      for (const [cell, v] of row) coefficients[col.get(cell)!] = v;
      return coefficients;
    });
    for (const [rowIndex, pivot] of reduce(matrix, cols.length)) {
      const others = matrix[rowIndex].some((v, j) => j !== pivot && Math.abs(v) > EPS);
      if (!others) determined.push(cols[pivot]);
    }
  }
  return determined.sort((a, b) => a - b);
}

/** Brings `m` to reduced row echelon form in place; returns [row, pivot column] pairs. */
function reduce(m: number[][], width: number): [number, number][] {
  const pivots: [number, number][] = [];
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let best = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[best][c])) best = i;
    if (Math.abs(m[best][c]) <= EPS) continue;
    [m[r], m[best]] = [m[best], m[r]];
    const scale = m[r][c];
    for (let j = 0; j < width; j++) m[r][j] /= scale;
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) <= EPS) continue;
      const f = m[i][c];
      for (let j = 0; j < width; j++) m[i][j] -= f * m[r][j];
    }
    pivots.push([r, c]);
    r++;
  }
  return pivots;
}
