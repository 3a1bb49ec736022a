import assert from 'node:assert/strict';
import { fitCox } from '../../../src/stats/cox/fit.js';
import { designMatrix } from '../../../src/stats/design-matrix.js';
import {
  assertAllClose,
  column,
  readFixture,
  readReference,
} from '../../fixtures/regression/load.js';

const TOL = 1e-6;

function zphOf(fixture: string, columns: string[], ties: 'efron' | 'breslow', withEntry: boolean) {
  const t = readFixture(fixture);
  const d = designMatrix(t, { columns, intercept: false });
  const entry = withEntry ? { entry: column(t, 'entry_months') } : {};
  return fitCox(
    { ...entry, time: column(t, 'exit_months'), event: column(t, 'left'), ...d },
    { ties },
  ).zph;
}

describe('coxZph (fitCox(...).zph)', () => {
  // Reference: R survival 3.5-3, cox.zph(fit) with transform "km", terms = TRUE (test/reference/regression.R).
  for (const ties of ['efron', 'breslow'] as const) {
    it(`matches R cox.zph on the tied 8-row fixture (${ties})`, () => {
      const zph = zphOf('tiny-ties', ['night_shift'], ties, false);
      const ref = readReference(`cox-tiny-${ties}`);
      assert.deepEqual(
        zph.map((z) => z.term),
        ref.zph_terms,
      );
      assertAllClose(
        zph.map((z) => z.chisq),
        ref.zph_chisq,
        TOL,
        'chisq',
      );
      assertAllClose(
        zph.map((z) => z.p_value),
        ref.zph_p,
        1e-9,
        'p',
      );
    });

    it(`tests a three-level category jointly (df 2) and matches R with left truncation (${ties})`, () => {
      const zph = zphOf(
        'leavers-synthetic',
        ['age_years', 'overtime_hours_month', 'worker_type', 'high_risk_role'],
        ties,
        true,
      );
      const ref = readReference(`cox-large-${ties}`);
      assert.deepEqual(
        zph.map((z) => z.term),
        ['age_years', 'overtime_hours_month', 'worker_type', 'high_risk_role', 'GLOBAL'],
      );
      assert.deepEqual(
        zph.map((z) => z.df),
        ref.zph_df,
      );
      assertAllClose(
        zph.map((z) => z.chisq),
        ref.zph_chisq,
        TOL,
        'chisq',
      );
      assertAllClose(
        zph.map((z) => z.p_value),
        ref.zph_p,
        1e-9,
        'p',
      );
    });
  }
});
