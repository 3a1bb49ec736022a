// Logistic recalibration of held-out predictions against R's glm (test/reference/regression/
// penalised.json, written by test/reference/penalised.R) and a property of maximum likelihood.
import assert from 'node:assert/strict';
import { calibrationFit } from '../../src/risk/calibration.js';
import { fitLogistic, predictLogistic } from '../../src/stats/logistic/fit.js';
import { designMatrix } from '../../src/stats/design-matrix.js';
import { Z_975 } from '../../src/stats/inference.js';
import { assertClose, column, readFixture, readReference } from '../fixtures/regression/load.js';

const ref = readReference('penalised');
const large = readFixture('leavers-synthetic');
const y = column(large, 'left_24m');
const staff = Array.from(large.array('worker_type') as ArrayLike<string>, (w) => w === 'staff');
// The deliberately poor predictions of penalised.R: plogis(−2 + 0.03 age − 0.5 staff).
const p = column(large, 'age_years').map(
  (a, i) => 1 / (1 + Math.exp(2 - 0.03 * a + 0.5 * +staff[i])),
);

describe('calibrationFit', () => {
  it("gives R's recalibration slope and intercept with Wald intervals", () => {
    const c = calibrationFit(p, y);
    const [slope, slopeSe] = ref.calibration_slope as number[];
    const [intercept, interceptSe] = ref.calibration_intercept as number[];
    assertClose(c.slope.estimate, slope, 1e-8, 'slope');
    assertClose(c.slope.std_error, slopeSe, 1e-8, 'slope se');
    assertClose(c.slope.lower, slope - Z_975 * slopeSe, 1e-8, 'slope lower');
    assertClose(c.intercept.estimate, intercept, 1e-8, 'intercept');
    assertClose(c.intercept.std_error, interceptSe, 1e-8, 'intercept se');
    assert.equal(c.clustered, false);
  });

  it('finds slope 1 and intercept 0 for in-sample maximum-likelihood predictions', () => {
    // The score equations of the fit make the recalibration of its own predictions exact.
    const d = designMatrix(large, { columns: ['age_years', 'overtime_hours_month'] });
    const fitted = predictLogistic(fitLogistic(d.X, y, { names: d.names }), d.X);
    const c = calibrationFit(fitted, y);
    assertClose(c.slope.estimate, 1, 1e-8, 'slope');
    assertClose(c.intercept.estimate, 0, 1e-8, 'intercept');
    assert.equal(c.flag, null);
  });

  it('flags predictions that are too extreme when the interval of the slope is below 1', () => {
    // Stretch good predictions on the log-odds scale by 3: the recalibration slope is 1/3.
    const d = designMatrix(large, { columns: ['age_years', 'overtime_hours_month'] });
    const lp = predictLogistic(fitLogistic(d.X, y, { names: d.names }), d.X, { type: 'link' });
    const mean = lp.reduce((a, b) => a + b, 0) / lp.length;
    const stretched = lp.map((e) => 1 / (1 + Math.exp(-(mean + 3 * (e - mean)))));
    const c = calibrationFit(stretched, y);
    assertClose(c.slope.estimate, 1 / 3, 1e-8, 'slope');
    assert.equal(c.flag, 'too extreme');
    assert.match(
      c.note,
      /^Calibration slope 0\.33 \(95% CI 0\.\d\d–0\.\d\d\), below 1 with its interval: predictions are too extreme/,
    );
  });

  it('clusters the intervals by person when people have several rows', () => {
    const persons = y.map((_, i) => `p${Math.floor(i / 3)}`);
    const c = calibrationFit(p, y, { persons });
    assert.equal(c.clustered, true);
    assertClose(c.slope.estimate, (ref.calibration_slope as number[])[0], 1e-8, 'same estimate');
  });

  it('leaves out predictions of exactly 0 or 1 when asked, and says how many', () => {
    // Two extra rows at 0 and 1 leave R's figures for the other 365 unchanged.
    const c = calibrationFit([...p, 0, 1], [...y, 0, 1], { boundary: 'drop' });
    assertClose(c.slope.estimate, (ref.calibration_slope as number[])[0], 1e-8, 'slope');
    assert.equal(c.excluded, 2);
    assert.equal(c.rows, 365);
    assert.match(c.note, /2 rows predicted at exactly 0 or 1 are left out of these figures\.$/);
  });

  it('refuses predictions of exactly 0 or 1', () => {
    assert.throws(
      () => calibrationFit([0.2, 1, 0.5], [0, 1, 1]),
      /calibrationFit: prediction 1 is 1; a calibration slope needs probabilities strictly between 0 and 1/,
    );
  });
});
