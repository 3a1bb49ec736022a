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
  const cols = [...hidden].sort((a, b) => a - b);
  const col = new Map(cols.map((row, j) => [row, j]));
  const matrix: number[][] = [];
  for (const g of groups) {
    const coefficients = new Array<number>(cols.length).fill(0);
    let any = false;
    if (col.has(g.total)) {
      coefficients[col.get(g.total)!] += 1;
      any = true;
    }
    for (const p of g.parts) {
      if (col.has(p)) {
        coefficients[col.get(p)!] -= 1;
        any = true;
      }
    }
    if (any) matrix.push(coefficients);
  }
  const pivots = reduce(matrix, cols.length);
  const determined: number[] = [];
  for (const [rowIndex, pivot] of pivots) {
    const others = matrix[rowIndex].some((v, j) => j !== pivot && Math.abs(v) > EPS);
    if (!others) determined.push(cols[pivot]);
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
