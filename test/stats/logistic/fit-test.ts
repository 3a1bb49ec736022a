import assert from 'node:assert/strict';
import { fitLogistic, predictLogistic } from '../../../src/stats/logistic/fit.js';
import { designMatrix } from '../../../src/stats/design-matrix.js';
import {
  assertAllClose,
  assertClose,
  column,
  readFixture,
  readReference,
} from '../../fixtures/regression/load.js';

const covariates = ['age_years', 'overtime_hours_month', 'worker_type', 'high_risk_role'];
const TOL = 1e-6; // the brief: match R to 1e-6 (relative where values exceed 1)

function tinyFit() {
  const tiny = readFixture('tiny-ties');
  const d = designMatrix(tiny, { columns: ['night_shift'] });
  return fitLogistic(d.X, column(tiny, 'left'), { names: d.names });
}

function largeFit(weighted: boolean) {
  const large = readFixture('leavers-synthetic');
  const d = designMatrix(large, { columns: covariates });
  const extra = weighted
    ? { weights: column(large, 'weight'), offset: column(large, 'log_exposure_months') }
    : {};
  return {
    large,
    d,
    fit: fitLogistic(d.X, column(large, 'left_24m'), { names: d.names, ...extra }),
  };
}

function assertMatchesR(
  fit: ReturnType<typeof fitLogistic>,
  ref: ReturnType<typeof readReference>,
) {
  assert.deepEqual(fit.names, ref.terms);
  const col = (k: keyof (typeof fit.coefficients)[number]) =>
    fit.coefficients.map((c) => c[k] as number);
  assertAllClose(fit.estimate, ref.estimate, TOL, 'estimate');
  assertAllClose(col('std_error'), ref.std_error, TOL, 'std_error');
  assertAllClose(col('z_value'), ref.z_value, TOL, 'z');
  assertAllClose(col('p_value'), ref.p_value, 1e-9, 'p'); // absolute: jstat loses p below ~1e-16
  assertAllClose(col('conf_low'), ref.conf_low, TOL, 'conf_low');
  assertAllClose(col('conf_high'), ref.conf_high, TOL, 'conf_high');
  assertAllClose(col('odds_ratio'), ref.odds_ratio, TOL, 'odds_ratio');
  assertAllClose(fit.vcov.flat(), ref.vcov.flat(), TOL, 'vcov');
  assertClose(fit.deviance, ref.deviance, TOL, 'deviance');
  assertClose(fit.null_deviance, ref.null_deviance, TOL, 'null deviance');
  assertClose(fit.aic, ref.aic, TOL, 'AIC');
  assert.equal(fit.df_residual, ref.df_residual);
  assert.equal(fit.df_null, ref.df_null);
}

describe('fitLogistic', () => {
  it('recovers the log odds ratio of a 2×2 table and its standard error by hand', () => {
    // night_shift = 1: 3 left, 1 stayed; night_shift = 0: 2 left, 2 stayed.
    // intercept = logit(2/4) = 0, SE = sqrt(1/2 + 1/2) = 1; slope = log(3·2 / (1·2)) = log 3,
    // SE = sqrt(1/3 + 1/1 + 1/2 + 1/2) = sqrt(7/3) (Woolf).
    const fit = tinyFit();
    assertAllClose(fit.estimate, [0, Math.log(3)], 1e-9, 'estimate');
    assertAllClose(
      fit.coefficients.map((c) => c.std_error),
      [1, Math.sqrt(7 / 3)],
      1e-9,
      'SE',
    );
    assertClose(fit.coefficients[1].odds_ratio, 3, 1e-9, 'odds ratio');
    // 95% interval of the odds ratio: exp(log 3 ± 1.959964 × sqrt(7/3))
    assertClose(
      fit.coefficients[1].odds_ratio_low,
      Math.exp(Math.log(3) - 1.959963984540054 * Math.sqrt(7 / 3)),
      1e-9,
      'OR low',
    );
    // deviance = −2 [3 log .75 + log .25 + 4 log .5]; null (p = 5/8) = −2 [5 log 5/8 + 3 log 3/8]
    assertClose(
      fit.deviance,
      -2 * (3 * Math.log(0.75) + Math.log(0.25) + 4 * Math.log(0.5)),
      1e-9,
      'deviance',
    );
    assertClose(
      fit.null_deviance,
      -2 * (5 * Math.log(5 / 8) + 3 * Math.log(3 / 8)),
      1e-9,
      'null deviance',
    );
    assertClose(fit.aic, fit.deviance + 4, 1e-9, 'AIC = deviance + 2 × 2 for 0/1 outcomes');
    assertMatchesR(fit, readReference('glm-tiny'));
  });

  it('matches R glm(binomial) on 365 synthetic leavers with a three-level category', () => {
    assertMatchesR(largeFit(false).fit, readReference('glm-large'));
  });

  it('matches R glm(binomial) with case weights and an offset', () => {
    assertMatchesR(largeFit(true).fit, readReference('glm-large-weighted-offset'));
  });

  it('throws on quasi-complete separation and names the column that separates', () => {
    // Everyone in category "pcso" left: its coefficient runs off to +infinity.
    const X = [0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, 2].map((g, i) => [
      1,
      g === 1 ? 1 : 0,
      g === 2 ? 1 : 0,
      i % 2,
    ]);
    const y = [1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0];
    assert.throws(
      () =>
        fitLogistic(X, y, {
          names: ['(Intercept)', 'worker_typepcso', 'worker_typestaff', 'night_shift'],
        }),
      /fitLogistic: perfect or quasi-complete separation .*: 4 of 12 rows have fitted probabilities heading to 0 or 1, driven by "worker_typepcso"\./,
    );
  });

  it('throws on a singular design and names the aliased columns', () => {
    const X = [0, 1, 0, 1, 1, 0].map((s) => [1, s, 1 - s]);
    assert.throws(
      () => fitLogistic(X, [1, 0, 0, 1, 1, 0], { names: ['(Intercept)', 'day', 'night'] }),
      /fitLogistic: the design is singular: "night" is a linear combination of "\(Intercept\)", "day"\. Drop the column/,
    );
  });

  it('throws when it runs out of iterations', () => {
    const { d, large } = largeFit(false);
    assert.throws(
      () => fitLogistic(d.X, column(large, 'left_24m'), { names: d.names, maxIter: 1 }),
      /fitLogistic: did not converge in 1 iterations \(columns \(Intercept\), age_years/,
    );
  });

  it('rejects an outcome outside [0, 1], naming the row', () => {
    assert.throws(
      () => fitLogistic([[1], [1], [1]], [0, 2, 1], { names: ['(Intercept)'] }),
      /fitLogistic: y row 1: value 2 is not 0, 1 or a proportion in \[0, 1\]/,
    );
  });

  it('rejects weights of the wrong length', () => {
    assert.throws(
      () => fitLogistic([[1], [1], [1]], [0, 1, 1], { names: ['(Intercept)'], weights: [1, 1] }),
      /fitLogistic: weights has 2 values for 3 rows; give one per row\./,
    );
  });
});

describe('predictLogistic', () => {
  it('gives the group proportions of the 2×2 table', () => {
    // fitted P(left) = 3/4 with night_shift, 2/4 without
    assertAllClose(
      predictLogistic(tinyFit(), [
        [1, 1],
        [1, 0],
      ]),
      [0.75, 0.5],
      1e-9,
      'response',
    );
    assertAllClose(
      predictLogistic(tinyFit(), [[1, 1]], { type: 'link' }),
      [Math.log(3)],
      1e-9,
      'link',
    );
  });

  it("matches R's predict() with an offset, on both scales", () => {
    const { d, large, fit } = largeFit(true);
    const ref = readReference('glm-large-weighted-offset');
    const offset = column(large, 'log_exposure_months').slice(0, 6);
    const X = d.X.slice(0, 6);
    assertAllClose(
      predictLogistic(fit, X, { offset, type: 'link' }),
      ref.predict_link,
      TOL,
      'link',
    );
    assertAllClose(predictLogistic(fit, X, { offset }), ref.predict_response, TOL, 'response');
  });

  it('rejects rows with the wrong number of columns', () => {
    assert.throws(
      () => predictLogistic(tinyFit(), [[1]]),
      /predictLogistic: row 0 has 1 values \(1\); expected 2 finite numbers for \(Intercept\), night_shift\./,
    );
  });
});
