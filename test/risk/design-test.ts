import assert from 'node:assert/strict';
import { dropDesignColumns, divergentColumns, type RiskDesign } from '../../src/risk/design.js';

function design(): RiskDesign {
  return {
    X: [
      [1, 0, 5],
      [1, 1, 6],
    ],
    names: ['(Intercept)', 'oh_referrals_12m', 'overtime_log2'],
    terms: ['(Intercept)', 'oh_referrals_12m', 'overtime_log2'],
    labels: ['intercept', 'OH referrals', 'overtime'],
    features: [],
    dropped: [],
  };
}

describe('divergentColumns', () => {
  it('reads the quoted column names of a monotone-likelihood or separation error', () => {
    const cox = new Error(
      'fitCox: did not converge in 20 iterations: the coefficient(s) of "oh_referrals_12m" (now -23.9) keep growing, so they are probably infinite (monotone likelihood, e.g. a category in which no one left).',
    );
    assert.deepEqual(divergentColumns(cox, design().names), ['oh_referrals_12m']);
  });
  it('ignores other errors and names that are not columns', () => {
    assert.deepEqual(divergentColumns(new Error('fitCox: bad row "x"'), design().names), []);
    assert.deepEqual(
      divergentColumns(new Error('separation driven by "(Intercept)", "nope"'), design().names),
      [],
    );
  });
});

describe('dropDesignColumns', () => {
  it('removes the columns from X, names, terms and labels and records why', () => {
    const d = design();
    dropDesignColumns(d, ['oh_referrals_12m'], 'no finite estimate');
    assert.deepEqual(d.X, [
      [1, 5],
      [1, 6],
    ]);
    assert.deepEqual(d.names, ['(Intercept)', 'overtime_log2']);
    assert.deepEqual(d.labels, ['intercept', 'overtime']);
    assert.deepEqual(d.dropped, [{ name: 'oh_referrals_12m', reason: 'no finite estimate' }]);
  });
});
