// Penalised logistic regression against R's glmnet 4.1.6 (test/reference/regression/penalised.json,
// written by test/reference/penalised.R on the synthetic 365-person fixture) and hand arithmetic.
import assert from 'node:assert/strict';
import {
  fitPenalisedLogistic,
  fitPenalisedPath,
  penalisedPathEstimates,
  penaltySequence,
} from '../../../src/stats/logistic/penalised.js';
import { fitLogistic } from '../../../src/stats/logistic/fit.js';
import { designMatrix } from '../../../src/stats/design-matrix.js';
import {
  assertAllClose,
  assertClose,
  column,
  readFixture,
  readReference,
} from '../../fixtures/regression/load.js';

const ref = readReference('penalised');
const large = readFixture('leavers-synthetic');
const d = designMatrix(large, {
  columns: ['age_years', 'overtime_hours_month', 'worker_type', 'high_risk_role'],
});
const y = column(large, 'left_24m');

describe('fitPenalisedLogistic', () => {
  it('uses the columns as R codes them', () => {
    assert.deepEqual(d.names, ref.names);
  });
  for (const f of ref.fits as {
    name: string;
    alpha: number;
    lambda: number;
    weighted: boolean;
    estimate: number[];
  }[]) {
    it(`matches glmnet ${ref.glmnet_version} for ${f.name}`, () => {
      const fit = fitPenalisedLogistic(d.X, y, {
        names: d.names,
        alpha: f.alpha,
        lambda: f.lambda,
        weights: f.weighted ? column(large, 'weight') : undefined,
      });
      assertAllClose(fit.estimate, f.estimate, 1e-6, f.name);
    });
  }

  it('sets lasso coefficients to exactly zero, and counts the rest', () => {
    const lasso = (ref.fits as { name: string; estimate: number[] }[]).find(
      (f) => f.name === 'lasso-0.02',
    )!;
    const fit = fitPenalisedLogistic(d.X, y, { names: d.names, alpha: 1, lambda: 0.02 });
    const zeros = lasso.estimate.map((b) => b === 0);
    assert.deepEqual(
      fit.estimate.map((b) => b === 0),
      zeros,
    );
    assert.equal(fit.nonzero, zeros.slice(1).filter((z) => !z).length);
  });

  it('is the maximum-likelihood fit when lambda is 0', () => {
    const ml = fitLogistic(d.X, y, { names: d.names });
    const fit = fitPenalisedLogistic(d.X, y, { names: d.names, lambda: 0 });
    assertAllClose(fit.estimate, ml.estimate, 1e-8, 'lambda 0');
    assertClose(fit.deviance, ml.deviance, 1e-9, 'deviance');
  });

  it('stays finite under complete separation', () => {
    // x = 0 → all stay, x = 1 → all leave: no maximum-likelihood estimate, but ridge has one.
    const X = [0, 0, 0, 1, 1, 1].map((x) => [1, x]);
    const fit = fitPenalisedLogistic(X, [0, 0, 0, 1, 1, 1], {
      names: ['(Intercept)', 'x'],
      lambda: 0.1,
    });
    assert.ok(fit.estimate.every(Number.isFinite) && fit.estimate[1] > 0);
    // Symmetry: the fitted probabilities at x = 0 and x = 1 are p and 1 − p, so β0 = −β1 / 2.
    assertClose(fit.estimate[0], -fit.estimate[1] / 2, 1e-9, 'symmetry');
  });

  it('needs an intercept column and a 0/1 outcome', () => {
    assert.throws(
      () => fitPenalisedLogistic([[1], [2]], [0, 1], { names: ['x'], lambda: 1 }),
      /no "\(Intercept\)" column among x/,
    );
    assert.throws(
      () =>
        fitPenalisedLogistic(
          [
            [1, 0],
            [1, 1],
          ],
          [0, 2],
          { names: ['(Intercept)', 'x'], lambda: 1 },
        ),
      /y row 1 is 2; code the outcome as 1 = left, 0 = stayed/,
    );
  });
});

describe('penalisedPathEstimates', () => {
  it("gives fitPenalisedPath's coefficients, largest penalty first, each the fit at its λ", () => {
    const lambdas = [0.001, 0.05, 0.01]; // unsorted on purpose
    const options = { names: d.names, alpha: 0.5, lambdas };
    const estimates = penalisedPathEstimates(d.X, y, options);
    const path = fitPenalisedPath(d.X, y, options);
    assert.deepEqual(
      estimates,
      path.map((f) => f.estimate),
    );
    assert.deepEqual(
      path.map((f) => f.lambda),
      [0.05, 0.01, 0.001],
    );
    path.forEach((f) => {
      const alone = fitPenalisedLogistic(d.X, y, { names: d.names, alpha: 0.5, lambda: f.lambda });
      assertAllClose(f.estimate, alone.estimate, 1e-8, `lambda ${f.lambda}`);
    });
  });
});

describe('penaltySequence', () => {
  it("starts at glmnet's lambda_max and falls to 1e-4 of it", () => {
    const expected = ref['sequence_alpha_0.5'] as number[];
    const lambdas = penaltySequence(d.X, y, { names: d.names, alpha: 0.5, count: 40 });
    // glmnet may stop its path early; every value it gives is on the same grid.
    assertAllClose(lambdas.slice(0, expected.length), expected, 1e-9, 'sequence');
    assertClose(lambdas[39] / lambdas[0], 1e-4, 1e-12, 'ratio');
  });
});
