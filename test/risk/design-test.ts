import assert from 'node:assert/strict';
import { table } from 'arquero';
import {
  designRows,
  dropDesignColumns,
  divergentColumns,
  linearPredictor,
  riskDesign,
  type RiskDesign,
} from '../../src/risk/design.js';

function design(): RiskDesign {
  return {
    columns: [Float64Array.of(1, 1), Float64Array.of(0, 1), Float64Array.of(5, 6)],
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
    assert.deepEqual(designRows(d), [
      [1, 5],
      [1, 6],
    ]);
    assert.deepEqual(d.names, ['(Intercept)', 'overtime_log2']);
    assert.deepEqual(d.labels, ['intercept', 'overtime']);
    assert.deepEqual(d.dropped, [{ name: 'oh_referrals_12m', reason: 'no finite estimate' }]);
  });
});

describe('riskDesign', () => {
  // hours is constant in the fitting rows 0–2 and hours_x2 is twice hours: both go when pruning
  const t = table({
    hours: [2, 2, 2, 4],
    hours_x2: [4, 4, 4, 8],
    high_risk: [true, false, true, false],
  });
  const features = [
    { column: 'hours', per: 2, label: 'per 2 hours' },
    { column: 'hours_x2', per: 1, label: 'doubled hours' },
    { column: 'high_risk', label: 'high-risk role' },
  ];
  it('drops the columns constant or aliased among the fitting rows', () => {
    const d = riskDesign(t, features, [0, 1, 2]);
    assert.deepEqual(d.names, ['(Intercept)', 'high_riskTRUE']);
    assert.deepEqual(
      d.dropped.map((x) => x.name),
      ['hours', 'hours_x2'],
    );
  });
  it('keeps every column, scaled by per, with prune: false', () => {
    const d = riskDesign(t, features, [0, 1, 2], { prune: false });
    assert.deepEqual(d.names, ['(Intercept)', 'hours', 'hours_x2', 'high_riskTRUE']);
    assert.deepEqual(designRows(d), [
      [1, 1, 4, 1],
      [1, 1, 4, 0],
      [1, 1, 4, 1],
      [1, 2, 8, 0],
    ]);
    assert.deepEqual(d.dropped, []);
  });
  it('holds X by column, 8 bytes a cell, not an array per row (millions of person-months)', () => {
    const d = riskDesign(t, features, [0, 1, 2], { prune: false });
    assert.ok(d.columns.every((c) => c instanceof Float64Array && c.length === 4));
    assert.equal('X' in d, false);
    assert.deepEqual(designRows(d, [3, 0]), [
      [1, 2, 8, 0],
      [1, 1, 4, 1],
    ]);
  });
});

describe('linearPredictor', () => {
  it('sums each row over the columns in order, as a row reduce does', () => {
    const d = {
      columns: [Float64Array.of(1, 1), Float64Array.of(0.1, 3), Float64Array.of(0.2, 4)],
    };
    const beta = [0.3, 1, 1];
    assert.deepEqual(
      linearPredictor(d, [0, 1], beta),
      designRows(d).map((row) => row.reduce((s, v, j) => s + v * beta[j], 0)),
    );
  });
});
