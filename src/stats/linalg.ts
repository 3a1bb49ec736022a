// Linear algebra for the model fits: solving and inverting symmetric positive-definite systems
// (information matrices) by Cholesky, on ml-matrix.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * Solves A x = b for a symmetric positive-definite A by Cholesky; returns undefined when A is not
 * positive definite (a singular or indefinite information matrix).
 * @example solveSpd([[2, 0], [0, 4]], [2, 2]) // [1, 0.5]
 */
export function solveSpd(a: number[][], b: readonly number[]): number[] | undefined {
  const chol = new CholeskyDecomposition(symmetric(a));
  if (!chol.isPositiveDefinite()) return undefined;
  return chol.solve(Matrix.columnVector([...b])).getColumn(0);
}

/**
 * Solves A x = b for a small symmetric positive-definite A by a plain Cholesky factorisation on
 * arrays (no matrix objects: for the many small systems of a penalty path); undefined when A is not
 * positive definite. Reads the lower triangle only.
 * @example choleskySolve([[4, 2], [2, 3]], [2, 1]) // [0.5, 0]
 */
export function choleskySolve(a: readonly (readonly number[])[], b: readonly number[]) {
  const n = b.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  const z = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
    z[i] = s / L[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky, or undefined when it is singular.
 * @example invertSpd([[4]]) // [[0.25]]
 */
export function invertSpd(a: number[][]): number[][] | undefined {
  const chol = new CholeskyDecomposition(symmetric(a));
  if (!chol.isPositiveDefinite()) return undefined;
  const inv = chol.solve(Matrix.eye(a.length)).to2DArray();
  // symmetrise: the two triangles differ in the last bits after the solves
  return inv.map((row, i) => row.map((v, j) => (v + inv[j][i]) / 2));
}

// The lower triangle mirrored: sums accumulated in a different order differ in the last bits, and
// ml-matrix's Cholesky insists on exact symmetry.
function symmetric(a: number[][]): Matrix {
  return new Matrix(a.map((row, i) => row.map((v, j) => (j <= i ? v : a[j][i]))));
}
