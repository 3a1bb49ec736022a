import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  THREE_YEAR_RESIGNATION,
  summarizeThreeYearResignation,
  threeYearSpec,
} from '../../../src/transforms/leavers/three-year.js';

const z = 1.959963984540054;

/** Everyone joins at 0 and is followed past 3 years unless they leave, so the incidence is a plain share. */
function cohort(sex: string, resignAt: number[], otherAt: number[], stayers: number) {
  return [
    ...resignAt.map((t) => ({
      sex,
      tenure_entry_years: 0,
      tenure_years: t,
      exit_cause: 'voluntary_resignation',
    })),
    ...otherAt.map((t) => ({
      sex,
      tenure_entry_years: 0,
      tenure_years: t,
      exit_cause: 'normal_retirement',
    })),
    ...Array.from({ length: stayers }, () => ({
      sex,
      tenure_entry_years: 0,
      tenure_years: 5,
      exit_cause: null,
    })),
  ];
}
// Women: 5 of 10 resign by 3 years (one retires, competing). Men: 5 of 25; one resigns at 4 (after the point).
const rows = [
  ...cohort('female', [0.5, 1, 1.2, 2, 2.8], [1], 4),
  ...cohort('male', [1, 1.5, 2, 2.5, 3, 4], [], 19),
];
const data = aq.from(rows);

describe('summarizeThreeYearResignation', () => {
  it('matches the WRES relative likelihood when everyone is followed three years', () => {
    const result = summarizeThreeYearResignation(data, { by: 'sex', minGroupSize: 4 });
    assert.equal(result.refused, null);
    const t = result.table;
    assert.deepEqual(t.array('sex'), ['female', 'male']);
    // at risk at 3 = entry < 3 ≤ time: women 4 stayers; men 19 stayers + those leaving at 3 and at 4 = 21.
    assert.deepEqual(t.array('at_risk_at_point'), [4, 21]);
    assert.deepEqual(t.array('resigned_by_point'), [5, 5]); // a resignation at exactly 3.0 counts
    assert.ok(Math.abs((t.get('resign_prob_pct', 0) as number) - 50) < 1e-9);
    assert.ok(Math.abs((t.get('resign_prob_pct', 1) as number) - 20) < 1e-9);
    // ratio 0.5 / 0.2 = 2.5; var(log) = 1/5 − 1/10 + 1/5 − 1/25 = 0.26 (WRES formula).
    const rl = t.get('relative_likelihood', 0) as number;
    assert.ok(Math.abs(rl - 2.5) < 1e-9);
    assert.ok(
      Math.abs(
        (t.get('relative_likelihood_lower', 0) as number) - 2.5 * Math.exp(-z * Math.sqrt(0.26)),
      ) < 1e-9,
    );
    assert.ok(
      Math.abs(
        (t.get('relative_likelihood_upper', 0) as number) - 2.5 * Math.exp(z * Math.sqrt(0.26)),
      ) < 1e-9,
    );
    assert.equal(t.get('note', 1), 'reference group');
  });

  it('gives no ratio for a group with too few at risk at the point', () => {
    const t = summarizeThreeYearResignation(data, { by: 'sex' }).table; // default minimum 5; women have 4 at risk
    assert.equal(t.get('relative_likelihood', 0), null);
    assert.equal(t.get('note', 0), 'fewer than 5 at risk at 3 years or resigned by then');
  });

  it('refuses when more than 20% of the scope have the characteristic missing or not stated', () => {
    // 35 recorded and 9 unknown: 9 / 44 = 20.5% > 20%.
    const unknown = aq.from([
      ...rows,
      ...Array.from({ length: 9 }, (_, i) => ({
        sex: i < 4 ? null : 'not_stated',
        tenure_entry_years: 0,
        tenure_years: 5,
        exit_cause: null,
      })),
    ]);
    const result = summarizeThreeYearResignation(unknown, { by: 'sex' });
    assert.equal(result.table.numRows(), 0);
    assert.equal(
      result.refused,
      '20.5% of the people in scope have sex not stated or missing, above the 20% threshold (computed here from the spells analysed), so a comparison by sex would be unreliable. Improve the recording of sex, or compare at a level where it is complete.',
    );
  });

  it('needs a reference group for other characteristics', () => {
    assert.throws(
      () => summarizeThreeYearResignation(data.derive({ team: () => 'a' }), { by: 'team' }),
      /summarizeThreeYearResignation: pass \{ reference \} \(the group others are compared with\) for "team"\./,
    );
  });

  it('says in its card why it uses the cumulative incidence', () => {
    assert.match(
      THREE_YEAR_RESIGNATION.notes ?? '',
      /Cumulative incidence rather than a joiner-cohort share/,
    );
  });
});

describe('threeYearSpec', () => {
  it('protects the probabilities with the number at risk at the point', () => {
    const spec = threeYearSpec('sex');
    assert.deepEqual(spec.by, ['sex']);
    assert.deepEqual(
      spec.means?.map((m) => m.name),
      [
        'resign_prob_pct',
        'resign_prob_lower_pct',
        'resign_prob_upper_pct',
        'relative_likelihood',
        'relative_likelihood_lower',
        'relative_likelihood_upper',
      ],
    );
  });
});
