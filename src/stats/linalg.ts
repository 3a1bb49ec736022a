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
