import assert from 'node:assert/strict';
import { relativeLikelihood } from '../../src/stats/relative-likelihood.js';

const z = 1.959963984540054;

describe('relativeLikelihood', () => {
  it('equals the WRES interval for two simple proportions', () => {
    // 30 of 100 against 15 of 100: ratio 2; var(log) = 1/30 − 1/100 + 1/15 − 1/100 = 0.08.
    const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    const rl = relativeLikelihood(0.3, se(0.3, 100), 0.15, se(0.15, 100))!;
    assert.ok(Math.abs(rl.ratio - 2) < 1e-12);
    assert.ok(Math.abs(rl.lower - 2 * Math.exp(-z * Math.sqrt(0.08))) < 1e-9);
    assert.ok(Math.abs(rl.upper - 2 * Math.exp(z * Math.sqrt(0.08))) < 1e-9);
  });
  it('gives no ratio when a probability is zero', () => {
    assert.equal(relativeLikelihood(0, 0, 0.2, 0.01), null);
  });
  it('rejects a negative probability', () => {
    assert.throws(
      () => relativeLikelihood(-0.1, 0.01, 0.2, 0.01),
      /relativeLikelihood: p is -0\.1; probabilities and standard errors must be numbers ≥ 0\./,
    );
  });
});
