// Cluster-robust (sandwich) covariance of logistic coefficients: rows of one cluster (a person's
// months) are correlated, so their score contributions are summed before squaring.

/**
 * V = B (Σ_c u_c u_cᵀ) B × G/(G − 1), with B the model covariance (inverse Fisher information),
 * u_c = Σ over cluster c's rows of xᵢ (yᵢ − μᵢ) and G clusters: R's sandwich::vcovCL(type = 'HC0')
 * with its default cluster adjustment. Returns the full matrix; standard errors are the roots of its
 * diagonal.
 * @example clusteredVcov(X, y, mu, fit.vcov, personIds)
 */
export function clusteredVcov(
  X: readonly (readonly number[])[],
  y: readonly number[],
  mu: readonly number[],
  B: readonly (readonly number[])[],
  clusters: readonly string[],
): number[][] {
  const p = B.length;
  const byCluster = new Map<string, number[]>();
  X.forEach((row, i) => {
    const u = byCluster.get(clusters[i]) ?? new Array<number>(p).fill(0);
    for (let a = 0; a < p; a++) u[a] += row[a] * (y[i] - mu[i]);
    byCluster.set(clusters[i], u);
  });
  const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const u of byCluster.values())
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a][b] += u[a] * u[b];
  const G = byCluster.size;
  const adjust = G / Math.max(G - 1, 1);
  return multiply(multiply(B, meat), B).map((row) => row.map((v) => v * adjust));
}

function multiply(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}
