import assert from 'node:assert/strict';
import { ratioInterval, waldRows, Z_975 } from '../../src/stats/inference.js';

describe('ratioInterval', () => {
  it('exponentiates the estimate and its Wald 95% interval', () => {
    const [row] = waldRows(['x'], [0.5], [0.1]);
    const r = ratioInterval(row);
    assert.equal(r.ratio, Math.exp(0.5));
    assert.equal(r.low, Math.exp(0.5 - Z_975 * 0.1));
    assert.equal(r.high, Math.exp(0.5 + Z_975 * 0.1));
  });
  it('gives NaN limits for a coefficient without a standard error', () => {
    const r = ratioInterval(waldRows(['x'], [0.5], [NaN])[0]);
    assert.equal(r.ratio, Math.exp(0.5));
    assert.ok(Number.isNaN(r.low) && Number.isNaN(r.high));
  });
});
