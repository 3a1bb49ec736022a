import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { riskDesign } from '../../src/risk/design.js';
import { fitRiskCox, fitRiskLogistic, predictRisk } from '../../src/risk/model.js';

const ref = JSON.parse(
  readFileSync(new URL('../reference/risk/tiny-cluster.json', import.meta.url), 'utf8'),
) as { estimate: number[]; model_se: number[]; cluster_se: number[] };

// The fixture of test/reference/risk.R: 4 people, 12 person-months.
const tiny = aq.table({
  person: ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'd'],
  x: [0, 1, 2, 0, 0, 1, 3, 2, 4, 1, 2, 2],
  y: [0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0],
});
const all = [...Array(12).keys()];

describe('fitRiskLogistic', () => {
  const design = riskDesign(tiny, [{ column: 'x', per: 1, label: 'per unit of x' }]);
  const model = fitRiskLogistic(
    design,
    tiny.array('y') as number[],
    tiny.array('person') as string[],
    all,
    12,
  );
  it("matches R's glm estimates and person-clustered sandwich errors (test/reference/risk.R)", () => {
    model.estimate.forEach((b, j) => assert.ok(Math.abs(b - ref.estimate[j]) < 1e-8));
    model.coefficients.forEach((c, j) =>
      assert.ok(Math.abs(c.std_error - ref.cluster_se[j]) < 1e-8),
    );
  });
  it('gives odds ratios with 95% intervals from the clustered errors', () => {
    const c = model.coefficients[1];
    assert.equal(c.label, 'per unit of x');
    assert.ok(
      Math.abs(c.ratio_low - Math.exp(ref.estimate[1] - 1.959963984540054 * ref.cluster_se[1])) <
        1e-8,
    );
  });
  it('rejects a row whose outcome is unknown', () => {
    assert.throws(
      () => fitRiskLogistic(design, [null, ...Array(11).fill(0)], Array(12).fill('a'), all, 12),
      /fitRiskLogistic: row 0 has outcome null; fit only rows whose outcome is known \(0 or 1\)\./,
    );
  });
});

describe('predictRisk', () => {
  it('gives the logistic probability 1 / (1 + e^−(b0 + b1 x))', () => {
    const model = {
      kind: 'logistic' as const,
      horizonMonths: 12,
      names: ['(Intercept)', 'x'],
      labels: ['', ''],
      estimate: [-1, 0.5],
      coefficients: [],
    };
    // x = 2: η = −1 + 1 = 0 → 0.5; x = 0: η = −1 → 1 / (1 + e) = 0.2689414213699951
    const p = predictRisk(
      model,
      { columns: [Float64Array.of(1, 1), Float64Array.of(2, 0)], names: ['(Intercept)', 'x'] },
      [0, 1],
    );
    assert.equal(p[0], 0.5);
    assert.ok(Math.abs(p[1] - 0.2689414213699951) < 1e-15);
  });
  it('refuses a design with other columns than the model', () => {
    const model = {
      kind: 'logistic' as const,
      horizonMonths: 12,
      names: ['x'],
      labels: [''],
      estimate: [1],
      coefficients: [],
    };
    assert.throws(
      () => predictRisk(model, { columns: [Float64Array.of(1)], names: ['z'] }, [0]),
      /predictRisk: the design's columns \(z\) differ from the model's \(x\)/,
    );
  });
});

describe('fitRiskCox', () => {
  it('scores a horizon as 1 − exp(−ΔH₀ · e^{xβ}) from the baseline at covariates 0', () => {
    // Two people, one binary covariate; intervals (0, 30], (30, 60] for a (x = 1, resigns at 60) and
    // b (x = 0, censored at 60), c (x = 1, censored at 30), d (x = 0, resigns at 30).
    const t = aq.table({ x: [1, 1, 0, 0, 1, 0] });
    const d = riskDesign(t, [{ column: 'x', per: 1, label: 'x' }], undefined, { intercept: false });
    const entry = [0, 30, 0, 30, 0, 0];
    const stop = [30, 60, 30, 60, 30, 30];
    const event = [0, 1, 0, 0, 0, 1];
    const m = fitRiskCox(d, entry, stop, event, [0, 1, 2, 3, 4, 5], 1);
    // At t = 30 the risk set is rows 0, 2, 4, 5 (x 1, 0, 1, 0), one death with x = 0:
    // score 0 − 2e^β/(2e^β + 2); at t = 60 rows 1, 3 (x 1, 0), death x = 1: 1 − e^β/(e^β + 1).
    // Sum = 0 ⇒ 1/(1 + e^{−β}) … solving: −e^β/(e^β + 1) + 1/(e^β + 1) = 0 ⇒ β = 0.
    assert.ok(Math.abs(m.estimate[0]) < 1e-9);
    // β = 0: H₀ jumps by 1/4 at 30 and 1/2 at 60. Horizon 1 month ≈ 30.44 days from day 29:
    // H₀(59.44) − H₀(29) = 1/4 → 1 − e^{−1/4}
    const p = predictRisk(m, d, [0], [29, 0, 0, 0, 0, 0]);
    assert.ok(Math.abs(p[0] - (1 - Math.exp(-0.25))) < 1e-9);
  });
});
