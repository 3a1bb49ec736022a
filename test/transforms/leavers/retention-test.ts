import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../../src/privacy/index.js';
import {
  retentionCurveSpec,
  summarizeResignationIncidence,
  summarizeRetentionCurves,
} from '../../../src/transforms/leavers/retention.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Five joiners followed from 0: resigned at 0.2, censored 0.4, retired 0.6, resigned 0.9, censored 1.2 years.
const data = aq.table({
  tenure_entry_years: [0, 0, 0, 0, 0],
  tenure_years: [0.2, 0.4, 0.6, 0.9, 1.2],
  left: [1, 0, 1, 1, 0],
  exit_cause: ['voluntary_resignation', null, 'normal_retirement', 'voluntary_resignation', null],
});
const z = 1.959963984540054;

describe('summarizeRetentionCurves', () => {
  it('reads the Kaplan–Meier curve and the risk sets on a half-year grid', () => {
    // KM: 0.2: 5 at risk, 1 exit → 4/5; 0.6: 3 at risk → 0.8 × 2/3; 0.9: 2 at risk → × 1/2 = 0.26667.
    // Grid 0.5: at risk 3 (0.6, 0.9, 1.2), smallest since 0: 3; grid 1.0: at risk 1 (1.2).
    // Greenwood at 0.5: se(−log S) = sqrt(1/(5·4)); log interval 0.8·exp(±z·se), upper capped at 1.
    const se = Math.sqrt(1 / 20);
    const t = summarizeRetentionCurves(data, { step: 0.5 });
    tableEqual(
      t.select('group', 'time', 'n_risk', 'n_risk_min', 'n_left', 'surv', 'lower'),
      {
        group: ['all', 'all', 'all'],
        time: [0, 0.5, 1],
        n_risk: [5, 3, 1],
        n_risk_min: [5, 3, 1],
        n_left: [0, 1, 2],
        surv: [1, 0.8, 0.8 * (2 / 3) * 0.5],
        lower: [1, 0.8 * Math.exp(-z * se), t.get('lower', 2) as number],
      },
      1e-9,
    );
    assert.equal(t.get('upper', 1), 1);
  });

  it('stops a curve before the first interval with fewer at risk than the minimum', () => {
    const t = summarizeRetentionCurves(data, { step: 0.5, minAtRisk: 3 });
    assert.deepEqual(t.array('time'), [0, 0.5]);
  });

  it('publishes the curve as means that follow the smallest risk set', () => {
    const t = summarizeRetentionCurves(data, { step: 0.5 });
    const published = publishTable(t, retentionCurveSpec());
    // Rows with fewer than 5 at risk are hidden whole; the first row (5 at risk) is shown.
    assert.deepEqual(published.table.array('surv_status'), ['shown', 'suppressed', 'suppressed']);
  });

  it('asks for the retention columns when they are missing', () => {
    assert.throws(
      () => summarizeRetentionCurves(data.select('left')),
      /summarizeRetentionCurves: columns "tenure_entry_years", "tenure_years", "exit_cause" missing\. Found: left\. Derive it with deriveRetentionData\(\)\./,
    );
  });
});

describe('summarizeResignationIncidence', () => {
  it('accumulates resignations with retirement competing', () => {
    // cif: 0.2: 1 × 1/5 = 0.2; 0.6 is a retirement (cif unchanged, S = 0.8 × 2/3); 0.9: + 0.53333 × 1/2.
    const t = summarizeResignationIncidence(data, { step: 0.5 });
    tableEqual(
      t.select('time', 'n_left', 'cif'),
      {
        time: [0, 0.5, 1],
        n_left: [0, 1, 1],
        cif: [0, 0.2, 0.2 + (0.8 * 2) / 3 / 2],
      },
      1e-12,
    );
  });
});

describe('retentionCurveSpec', () => {
  it('puts group and time as dimensions and the curve as means over the smallest risk set', () => {
    const { who, ...spec } = retentionCurveSpec(['sex'], 'cif');
    assert.match(who!, /^employment spells followed from their start/);
    assert.deepEqual(spec, {
      by: ['group', 'sex', 'time'],
      population: 'n_risk_min',
      means: [
        { name: 'cif', n: 'n_risk_min' },
        { name: 'lower', n: 'n_risk_min' },
        { name: 'upper', n: 'n_risk_min' },
      ],
    });
  });
});
