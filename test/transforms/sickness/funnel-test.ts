import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { flagFunnelOutliers } from '../../../src/transforms/sickness/funnel.js';

describe('flagFunnelOutliers', () => {
  it('computes expected counts, Poisson z and the random-effects z by hand', () => {
    // Overall rate 120 / 40 = 3, so E = 30 for each unit; z = (O − 30) / √30.
    // z² = 400/30, 100/30, 0, 900/30 → φ = (13.333 + 3.333 + 0 + 30) / 4 = 11.667 (n = 4: no winsorising).
    // τ² = (4 × 11.667 − 3) / (120 − 3600 / 120) = 43.667 / 90 = 0.48519.
    // D: (60 / 30 − 1) / √(1/30 + 0.48519) = 1 / 0.72008 = 1.3887 — not beyond 3.
    const t = flagFunnelOutliers(
      aq.table({ unit: ['A', 'B', 'C', 'D'], spells: [10, 20, 30, 60], people: [10, 10, 10, 10] }),
      {
        observed: 'spells',
        exposure: 'people',
      },
    );
    assert.deepEqual(t.array('expected'), [30, 30, 30, 30]);
    const z = t.array('z') as number[];
    assert.ok(Math.abs(z[3] - 30 / Math.sqrt(30)) < 1e-12);
    const tau2 = (4 * (140 / 3 / 4) - 3) / 90;
    assert.ok(
      Math.abs((t.array('z_adjusted') as number[])[3] - 1 / Math.sqrt(1 / 30 + tau2)) < 1e-12,
    );
    assert.ok(Math.abs((t.array('z_adjusted') as number[])[3] - 1.3887) < 1e-4);
    assert.deepEqual(t.array('flag_high'), [false, false, false, false]);
  });
  it('flags a unit far above the rest when the others agree', () => {
    // Nine units at the overall rate and one with double: with no spread among the nine, τ² is small.
    const spells = [...Array(9).fill(100), 200];
    const t = flagFunnelOutliers(aq.table({ spells, people: Array(10).fill(100) }), {
      observed: 'spells',
      exposure: 'people',
    });
    assert.deepEqual(t.array('flag_high'), [...Array(9).fill(false), true]);
  });
});
