import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { listIndividualRisk } from '../../src/risk/individual.js';
import { riskSummarySpec, summarizeRisk, type ScoredRisk } from '../../src/risk/output.js';
import { whatIfRisk } from '../../src/risk/whatif.js';
import { publishTable } from '../../src/privacy/index.js';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
// A model with log-odds = log2(1 + overtime hours in 12 months): risk 0.5 at 0 hours, σ(2) at 3 hours.
const hours = [3, 7, 0, 1, 15, 3];
const scored = aq.table({
  person_id: ['a', 'b', 'c', 'd', 'e', 'a'],
  month: ['2024-05', '2024-05', '2024-05', '2024-05', '2024-05', '2024-04'],
  unit_id: ['U1', 'U1', 'U2', 'U2', 'U2', 'U1'],
  role: ['r', 'r', 'r', 'r', 'r', 'r'],
  tenure_band: ['<1', '<1', '<1', '<1', '<1', '<1'],
  overtime_hours_3m: [1, 1, 0, 1, 5, 1],
  overtime_hours_12m: hours,
  overtime_trend_hours: [1, -3, 0, 3, 5, 1],
  overtime_log2_hours_12m: hours.map((h) => Math.log2(1 + h)),
  service_days: [100, 100, 100, 100, 100, 70],
  risk: hours.map((h) => sigma(Math.log2(1 + h))),
});
const fit: ScoredRisk = {
  model: {
    kind: 'logistic',
    horizonMonths: 12,
    names: ['(Intercept)', 'overtime_log2_hours_12m'],
    labels: ['baseline (intercept)', 'per doubling'],
    estimate: [0, 1],
    coefficients: [],
  },
  scored,
  features: [{ column: 'overtime_log2_hours_12m', per: 1, label: 'per doubling' }],
};

describe('summarizeRisk', () => {
  it('sums risk over the people in post in the latest month, by group', () => {
    const s = summarizeRisk(scored, { by: ['unit_id'] });
    // U1 in May: σ(log2 4) + σ(log2 8) = σ(2) + σ(3); U2: σ(0) + σ(1) + σ(4)
    const u1 = sigma(2) + sigma(3);
    const u2 = sigma(0) + sigma(1) + sigma(4);
    assert.deepEqual(s.array('people'), [2, 3]);
    assert.ok(Math.abs((s.get('expected_resignations', 0) as number) - u1) < 1e-12);
    assert.ok(Math.abs((s.get('mean_risk_pct', 1) as number) - (100 * u2) / 3) < 1e-12);
  });
  it('is published with small groups hidden whole', () => {
    const s = summarizeRisk(scored, { by: ['unit_id'] });
    const pub = publishTable(s, riskSummarySpec(['unit_id']), { minGroupSize: 3, minCount: 3 });
    assert.deepEqual(pub.table.array('mean_risk_pct_status'), ['suppressed', 'shown']); // U1 has 2 people
  });
  it('names missing columns', () => {
    assert.throws(
      () => summarizeRisk(scored, { by: ['team'] }),
      /summarizeRisk: column\(s\) team missing/,
    );
  });
});

describe('whatIfRisk', () => {
  it('sums predicted probabilities before and after scaling overtime in one unit', () => {
    const w = whatIfRisk(fit, { overtimeFactor: 0.5, where: { unit_id: 'U1' } });
    // after: 1.5 and 3.5 hours → σ(log2 2.5) + σ(log2 4.5)
    assert.deepEqual(w.array('scenario'), ['before', 'after']);
    assert.deepEqual(w.array('people'), [2, 2]);
    assert.ok(
      Math.abs((w.get('expected_resignations', 0) as number) - (sigma(2) + sigma(3))) < 1e-12,
    );
    const after = sigma(Math.log2(2.5)) + sigma(Math.log2(4.5));
    assert.ok(Math.abs((w.get('expected_resignations', 1) as number) - after) < 1e-12);
  });
  it('rejects a negative factor and an empty selection', () => {
    assert.throws(
      () => whatIfRisk(fit, { overtimeFactor: -1 }),
      /overtimeFactor -1 must be a number ≥ 0/,
    );
    assert.throws(
      () => whatIfRisk(fit, { overtimeFactor: 0.8, where: { unit_id: 'U9' } }),
      /no person-months in 2024-05 match/,
    );
  });
});

describe('listIndividualRisk', () => {
  it('refuses to list individuals without both explicit flags', () => {
    const message =
      /listIndividualRisk: individual risk scores are shown only in analyst mode\. Pass \{ analystMode: true, iUnderstandThisListsIndividuals: true \}/;
    assert.throws(
      () => listIndividualRisk(fit, { analystMode: true, iUnderstandThisListsIndividuals: false }),
      message,
    );
    assert.throws(() => listIndividualRisk(fit, undefined as never), message);
  });
  it('lists the highest risks of the latest month in analyst mode', () => {
    const top = listIndividualRisk(fit, {
      analystMode: true,
      iUnderstandThisListsIndividuals: true,
      top: 2,
    });
    assert.deepEqual(top.array('person_id'), ['e', 'b']); // 15 h and 7 h of overtime
  });
});
