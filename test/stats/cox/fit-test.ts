import assert from 'node:assert/strict';
import { fitCox, type CoxFit } from '../../../src/stats/cox/fit.js';
import { designMatrix } from '../../../src/stats/design-matrix.js';
import {
  assertAllClose,
  assertClose,
  column,
  readFixture,
  readReference,
} from '../../fixtures/regression/load.js';

const TOL = 1e-6; // the brief: match R to 1e-6 (relative where values exceed 1)
const covariates = ['age_years', 'overtime_hours_month', 'worker_type', 'high_risk_role'];

function tinyFit(ties: 'efron' | 'breslow') {
  const tiny = readFixture('tiny-ties');
  const d = designMatrix(tiny, { columns: ['night_shift'], intercept: false });
  const input = {
    time: column(tiny, 'exit_months'),
    event: column(tiny, 'left'),
    X: d.X,
    names: d.names,
  };
  return fitCox(input, { ties });
}

function largeFit(ties: 'efron' | 'breslow') {
  const large = readFixture('leavers-synthetic');
  const d = designMatrix(large, { columns: covariates, intercept: false });
  const input = {
    entry: column(large, 'entry_months'),
    time: column(large, 'exit_months'),
    event: column(large, 'left'),
    ...d,
  };
  return fitCox(input, { ties });
}

function assertMatchesR(fit: CoxFit, ref: ReturnType<typeof readReference>) {
  const col = (k: keyof CoxFit['coefficients'][number]) =>
    fit.coefficients.map((c) => c[k] as number);
  assert.deepEqual(fit.names, ref.terms);
  assertAllClose(fit.estimate, ref.estimate, TOL, 'estimate');
  assertAllClose(col('std_error'), ref.std_error, TOL, 'std_error');
  assertAllClose(col('z_value'), ref.z_value, TOL, 'z');
  assertAllClose(col('p_value'), ref.p_value, 1e-9, 'p');
  assertAllClose(col('hazard_ratio'), ref.hazard_ratio, TOL, 'hazard ratio');
  assertAllClose(col('hazard_ratio_low'), ref.hazard_ratio_low, TOL, 'HR lower 95%');
  assertAllClose(col('hazard_ratio_high'), ref.hazard_ratio_high, TOL, 'HR upper 95%');
  assertAllClose(fit.vcov.flat(), ref.vcov.flat(), TOL, 'vcov');
  assertAllClose(fit.loglik, [ref.loglik_initial, ref.loglik_final], TOL, 'loglik');
  assertClose(fit.score_test.statistic, ref.score_test, TOL, 'score test');
  assertClose(fit.wald_test.statistic, ref.wald_test, TOL, 'Wald test');
  assertClose(fit.lr_test.statistic, ref.lr_test, TOL, 'likelihood-ratio test');
  assertClose(fit.lr_test.p_value, ref.lr_p, 1e-9, 'LR p');
  assert.equal(fit.iterations, ref.iterations, 'Newton-Raphson iterations');
  assert.equal(fit.n_events, ref.n_events);
  assertAllClose(fit.means, ref.means, TOL, 'means');
  const { concordance, ...counts } = fit.concordance;
  assertClose(concordance, ref.concordance, TOL, 'concordance');
  assert.deepEqual(counts, {
    concordant: ref.concordant,
    discordant: ref.discordant,
    tied_x: ref.tied_x,
    tied_y: ref.tied_y,
    tied_xy: ref.tied_xy,
  });
  assert.deepEqual(fit.baseline.time, ref.baseline_time);
  assertAllClose(fit.baseline.cumhaz, ref.baseline_cumhaz, TOL, 'basehaz');
  assertAllClose(
    fit.baseline.cumhaz_at_zero,
    ref.baseline_cumhaz_zero,
    TOL,
    'basehaz centered = FALSE',
  );
}

describe('fitCox', () => {
  it('gives the hand-computed Efron log-likelihood and score test at beta = 0', () => {
    // Exits (night_shift): month 2 p1(1) p2(0) tied; 3 p3(1); 4 p4 censored; 5 p5(1) p6(0) tied.
    // Efron at beta = 0: month 2: 8 at risk, denominators 8 and 8 − 2/2 = 7; month 3: 6;
    // month 5: 4 at risk, denominators 4 and 3. loglik = −log(8·7·6·4·3) = −log 4032.
    // Score: month 2: 1 − (4/8 + 3.5/7) = 0; month 3: 1 − 3/6 = 1/2; month 5: 1 − (1/4 + 0.5/3) = 7/12.
    // Information: month 2: 2 × (1/2 − 1/4) = 1/2; month 3: 1/4; month 5: (1/4 − 1/16) + (1/6 − 1/36).
    // U = 13/12, I = 155/144, score test = U²/I = 169/155.
    const fit = tinyFit('efron');
    assertClose(fit.loglik[0], -Math.log(4032), 1e-12, 'initial loglik');
    assertClose(fit.score_test.statistic, 169 / 155, 1e-12, 'score test');
    assertMatchesR(fit, readReference('cox-tiny-efron'));
  });

  it('gives the hand-computed Breslow log-likelihood and score test at beta = 0', () => {
    // Breslow counts the full risk set for each tied exit: loglik = −(2 log 8 + log 6 + 2 log 4)
    // = −log 6144; score U = 0 + 1/2 + (1 − 2·1/4) = 1; information 1/2 + 1/4 + 2(1/4 − 1/16) = 9/8.
    const fit = tinyFit('breslow');
    assertClose(fit.loglik[0], -Math.log(6144), 1e-12, 'initial loglik');
    assertClose(fit.score_test.statistic, 8 / 9, 1e-12, 'score test');
    assertMatchesR(fit, readReference('cox-tiny-breslow'));
  });

  it('matches R coxph (Efron) on 365 left-truncated synthetic leavers', () => {
    assertMatchesR(largeFit('efron'), readReference('cox-large-efron'));
  });

  it('matches R coxph (Breslow) on 365 left-truncated synthetic leavers', () => {
    assertMatchesR(largeFit('breslow'), readReference('cox-large-breslow'));
  });

  it('throws on a singular design, naming the aliased column', () => {
    const X = [0, 1, 0, 1].map((day) => [day, 1 - day]);
    assert.throws(
      () => fitCox({ time: [1, 2, 3, 4], event: [1, 1, 0, 1], X, names: ['day', 'night'] }),
      /fitCox: the design is singular: "night" is a linear combination of "day"\./,
    );
  });

  it('throws when a coefficient runs off to infinity (no one with x = 1 left)', () => {
    // R's coxph on these data also stops without converging (beta −21.3 after 20 iterations).
    const x = [0, 0, 0, 1, 0, 0, 1, 1];
    assert.throws(
      () =>
        fitCox({
          time: [2, 2, 3, 4, 5, 5, 6, 7],
          event: [1, 1, 1, 0, 1, 1, 0, 0],
          X: x.map((v) => [v]),
          names: ['x'],
        }),
      /fitCox: did not converge in 20 iterations: the coefficient\(s\) of "x" \(now -2\d\.\d\) keep growing/,
    );
  });

  it('rejects a row whose entry is not before its exit', () => {
    assert.throws(
      () => fitCox({ entry: [0, 3], time: [2, 3], event: [1, 0], X: [[1], [0]], names: ['x'] }),
      /fitCox: row 1: entry 3 is not before time 3\. Each row covers \(entry, time\]/,
    );
  });

  it('rejects an event code other than 0/1', () => {
    assert.throws(
      () => fitCox({ time: [2, 3], event: [1, 2], X: [[1], [0]], names: ['x'] }),
      /fitCox: event row 1: value 2 is not 0\/1 or a boolean\./,
    );
  });

  it('rejects data without events', () => {
    assert.throws(
      () => fitCox({ time: [2, 3], event: [0, 0], X: [[1], [0]], names: ['x'] }),
      /fitCox: no events \(every row is censored\)/,
    );
  });
});
