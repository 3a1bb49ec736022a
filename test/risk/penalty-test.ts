// When and how strongly the risk model is penalised. Cross-validated deviance against R: glmnet fits on
// each training part and the held-out deviance summed by hand (test/reference/penalised.R).
import assert from 'node:assert/strict';
import { choosePenalty, tunePenalty } from '../../src/risk/penalty.js';
import { designMatrix } from '../../src/stats/design-matrix.js';
import { assertAllClose, column, readFixture, readReference } from '../fixtures/regression/load.js';

const ref = readReference('penalised');
const large = readFixture('leavers-synthetic');
const d = designMatrix(large, {
  columns: ['age_years', 'overtime_hours_month', 'worker_type', 'high_risk_role'],
});
const y = column(large, 'left_24m');

describe('choosePenalty', () => {
  it('penalises by default under 20 events per parameter, and says so', () => {
    // IBM attrition: 237 leavers, 32 parameters → 7.4 per parameter.
    const ibm = choosePenalty(237, 32);
    assert.equal(ibm.kind, 'ridge');
    assert.equal(
      ibm.reason,
      'Ridge by default: 237 events for 32 parameters (7.4 per parameter), under the 20 below which an unpenalised model is expected to overfit.',
    );
    assert.equal(choosePenalty(400, 20).kind, 'none'); // exactly 20 per parameter
    assert.equal(choosePenalty(399, 20).kind, 'ridge');
  });
  it('keeps an explicit choice', () => {
    assert.equal(choosePenalty(10, 30, 'none').kind, 'none');
    assert.equal(choosePenalty(1000, 3, 'elastic-net').kind, 'elastic-net');
  });
});

describe('tunePenalty', () => {
  it("gives R's cross-validated deviance for fixed folds and picks the least", () => {
    const grid = ref.cv_grid as number[];
    const want = ref.cv_deviance as number[];
    const t = tunePenalty(d.X, y, {
      names: d.names,
      alpha: 0,
      folds: y.map((_, i) => i % 5), // penalised.R: person i (1-based) in fold (i − 1) mod 5
      lambdas: grid,
    });
    assertAllClose(t.cv_deviance, want, 1e-7, 'cv deviance');
    assert.equal(t.lambda, grid[want.indexOf(Math.min(...want))]);
  });
  it('takes one fold number per row for 300,000 rows (person-periods of 50,000 people)', () => {
    // Math.max(...folds) overflowed the call stack here (wbk report, notebook 08, 50,000 people).
    const n = 300_000;
    const X = Array.from({ length: n }, (_, i) => [1, i % 2]);
    const yy = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const t = tunePenalty(X, yy, {
      names: ['(Intercept)', 'x'],
      folds: Array.from({ length: n }, (_, i) => i % 2),
      lambdas: [0.1],
    });
    assert.equal(t.folds, 2);
    assert.equal(t.cv_deviance.length, 1);
  });
  it('keeps every row of a person in one inner fold', () => {
    const persons = y.map((_, i) => `p${i % 50}`);
    const t = tunePenalty(d.X, y, { names: d.names, persons, folds: 5, seed: 3, count: 5 });
    assert.equal(t.folds, 5);
    assert.equal(t.lambdas.length, 5);
    assert.ok(t.lambdas.includes(t.lambda));
  });
});
