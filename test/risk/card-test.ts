// The model card says how sure the model is: calibration slope and intercept with intervals, a flag
// when the slope's interval excludes 1, the penalty and why, and plain against penalised. Figures are
// made up for the test; the expected text is formatted by hand from them.
import assert from 'node:assert/strict';
import { riskModelCard, riskModelCardMarkdown, type RiskCardInput } from '../../src/risk/card.js';
import type { CalibrationFit } from '../../src/risk/calibration.js';

const estimate = (e: number, lower: number, upper: number) => ({
  estimate: e,
  std_error: (upper - lower) / 3.92,
  lower,
  upper,
});
const plainCal: CalibrationFit = {
  slope: estimate(0.85, 0.73, 0.96),
  intercept: estimate(-0.01, -0.17, 0.16),
  rows: 1470,
  events: 237,
  excluded: 0,
  clustered: false,
  flag: 'too extreme',
  note: 'Calibration slope 0.85 (95% CI 0.73–0.96), below 1 with its interval.',
};
const ridgeCal: CalibrationFit = {
  ...plainCal,
  slope: estimate(1.03, 0.89, 1.17),
  flag: null,
  note: 'Calibration slope 1.03 (95% CI 0.89–1.17): its interval includes 1.',
};

function input(chosen: 'none' | 'ridge'): RiskCardInput {
  const cal = chosen === 'none' ? plainCal : ridgeCal;
  return {
    model: 'logistic',
    scheme: 'cv',
    description: '10-fold cross-validation by person (seed 1).',
    folds: 10,
    seed: 1,
    test: {
      rows: 1470,
      people: 1470,
      events: 237,
      auc: 0.824,
      brier: 0.0967,
      brier_reference: 0.1351,
      calibration: [],
      calibration_fit: cal,
      groups: [],
      gaps: [],
    },
    train: { rows: 1470, people: 1470, events: 237 },
    concordance: null,
    zph: null,
    fitted: {
      kind: 'logistic',
      horizonMonths: 0,
      names: ['(Intercept)', 'x'],
      labels: ['baseline (intercept)', 'per unit of x'],
      estimate: [0, 1],
      coefficients: [],
      ...(chosen === 'ridge'
        ? {
            penalty: {
              kind: 'ridge' as const,
              alpha: 0,
              lambda: 0.00905,
              tuning: { alpha: 0, lambda: 0.00905, lambdas: [], cv_deviance: [], folds: 5 },
            },
          }
        : {}),
    },
    dropped: [],
    penalty: {
      kind: chosen,
      events: 237,
      parameters: 33,
      events_per_parameter: 7.18,
      reason: 'Ridge by default: 237 events for 33 parameters (7.2 per parameter).',
    },
    comparison: [
      {
        model: 'none',
        chosen: chosen === 'none',
        auc: 0.8239,
        brier: 0.0967,
        calibration: plainCal,
        lambda: null,
      },
      {
        model: 'ridge',
        chosen: chosen === 'ridge',
        auc: 0.8238,
        brier: 0.0968,
        calibration: ridgeCal,
        lambda: 0.00905,
      },
    ],
  };
}

describe('riskModelCard', () => {
  it('carries the calibration slope, intercept and flag of the reported model', () => {
    const card = riskModelCard(input('none'), { data: 'Test data' });
    assert.equal(card.calibration_fit.flag, 'too extreme');
    assert.deepEqual(card.calibration_fit.slope, plainCal.slope);
    assert.deepEqual(
      card.comparison.map((c) => [c.model, c.reported, c.flag, c.lambda]),
      [
        ['none', true, 'too extreme', null],
        ['ridge', false, null, 0.00905],
      ],
    );
  });
});

describe('riskModelCardMarkdown', () => {
  it('flags a slope whose interval excludes 1 and compares plain with penalised', () => {
    const md = riskModelCardMarkdown(riskModelCard(input('none'), { data: 'Test data' }));
    assert.match(md, /\*\*Calibration\.\*\* Calibration slope 0\.85 \(95% CI 0\.73–0\.96\)/);
    assert.match(
      md,
      /\*\*Flag: predictions too extreme\.\*\* The calibration slope's 95% interval excludes 1/,
    );
    assert.ok(
      md.includes(
        '| plain (maximum likelihood) (reported) | 0.824 | 0.0967 | 0.85 (0.73 to 0.96) | -0.01 (-0.17 to 0.16) |',
      ),
      md,
    );
    assert.ok(
      md.includes('| ridge | 0.824 | 0.0968 | 1.03 (0.89 to 1.17) | -0.01 (-0.17 to 0.16) |'),
    );
  });
  it('gives the penalty, why, and its λ; no flag when the interval includes 1', () => {
    const md = riskModelCardMarkdown(riskModelCard(input('ridge'), { data: 'Test data' }));
    assert.match(
      md,
      /\*\*Penalty\.\*\* Ridge by default: 237 events for 33 parameters \(7\.2 per parameter\)\. Penalty λ = 0\.00905, chosen by cross-validation by person within the fitting rows\./,
    );
    assert.ok(!md.includes('**Flag'));
    assert.ok(md.includes('| ridge (reported) |'));
  });
});
