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
    const t = summarizeRetentionCurves(data, { step: 0.5, minAtRisk: 3, minEvents: 0 });
    assert.deepEqual(t.array('time'), [0, 0.5]);
  });

  it('shows no step resting on 1 to 4 leavers: such grid points are merged into the next (issue 18)', () => {
    // 20 joiners from 0: 2 leave at 0.1, 3 at 0.3, 2 at 0.6, 5 at 0.8; 8 censored at 2.0.
    // KM: 0.1 → 18/20 = 0.9; 0.3 → 0.9 × 15/18 = 0.75; 0.6 → 0.75 × 13/15 = 0.65; 0.8 → 0.65 × 8/13 = 0.4.
    // Quarter grid, minimum 5: 0.25 has 2 leavers since 0 → left out; 0.5 covers 2 + 3 = 5 → shown;
    // 0.75 has 2 since 0.5 → left out; 1.0 covers 2 + 5 = 7 → shown; then no exits (flat) → shown.
    const times = [0.1, 0.1, 0.3, 0.3, 0.3, 0.6, 0.6, 0.8, 0.8, 0.8, 0.8, 0.8, ...Array(8).fill(2)];
    const twenty = aq.table({
      tenure_entry_years: times.map(() => 0),
      tenure_years: times,
      left: times.map((x) => (x < 2 ? 1 : 0)),
      exit_cause: times.map((x) => (x < 2 ? 'voluntary_resignation' : null)),
    });
    const t = summarizeRetentionCurves(twenty, { step: 0.25, minAtRisk: 5 });
    tableEqual(
      t.select('time', 'n_left', 'n_risk_min', 'surv'),
      {
        time: [0, 0.5, 1, 1.25, 1.5, 1.75, 2],
        n_left: [0, 5, 7, 0, 0, 0, 0],
        n_risk_min: [20, 15, 8, 8, 8, 8, 8], // smallest risk set since the previous point shown
        surv: [1, 0.75, 0.4, 0.4, 0.4, 0.4, 0.4],
      },
      1e-12,
    );
    // Without the minimum every quarter is shown, with its 2-leaver steps.
    const all = summarizeRetentionCurves(twenty, { step: 0.25 });
    assert.deepEqual((all.array('n_left') as number[]).slice(0, 5), [0, 2, 3, 2, 5]);
    // The cumulative incidence of resignation is coarsened the same way.
    const cif = summarizeResignationIncidence(twenty, { step: 0.25, minAtRisk: 5 });
    assert.deepEqual((cif.array('time') as number[]).slice(0, 3), [0, 0.5, 1]);
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
