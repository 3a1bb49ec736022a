// Kaplan–Meier against hand arithmetic and R's survfit. References: test/reference/survival/km*.csv,
// produced by test/reference/survival.R with R 4.2.2 Patched (2022-11-10 r83330) and survival 3.5.3
// (read from versions.json below).
import assert from 'node:assert/strict';
import { fitKaplanMeier } from '../../../src/stats/survival/kaplan-meier.js';
import type { ConfType } from '../../../src/stats/survival/confint.js';
import {
  R_VERSIONS,
  assertClose,
  groupRows,
  num,
  readFixture,
  readReference,
} from './reference.js';

const TOL = 1e-6;

/** The fixture rows of one curve, as fitKaplanMeier input. */
function curveData(fixture: string, curve: string, weighted: boolean) {
  const rows = readFixture(`${fixture}.csv`).filter(
    (r) => curve === 'all' || (r.group ?? r.sex) === curve,
  );
  const timeColumn = fixture === 'aml' ? 'time_weeks' : 'time_years';
  return {
    entry: 'entry_years' in rows[0] ? rows.map((r) => Number(r.entry_years)) : undefined,
    time: rows.map((r) => Number(r[timeColumn])),
    event: rows.map((r) => Number(r.event)),
    weights: weighted ? rows.map((r) => Number(r.weight)) : undefined,
  };
}

describe('fitKaplanMeier', () => {
  it('reproduces the AML maintained-group curve by hand', () => {
    // Miller (1981) AML data, maintained group: 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+ weeks.
    // S(9) = 10/11 = 0.909091; S(13) = 10/11 * 9/10 = 9/11; S(18) = 9/11 * 7/8 = 63/88;
    // S(23) = 63/88 * 6/7 = 54/88; 28+ leaves it; S(31) = 54/88 * 4/5 = 0.490909 (first <= 0.5: median 31).
    // Greenwood at 9: 1 / (11 * 10) → std_err = sqrt(1/110) = 0.0953463; surv_std_err = 10/11 * that =
    // 0.0866784 (R's printed summary: 0.0867).
    const fit = fitKaplanMeier(curveData('aml', 'Maintained', false));
    assert.deepEqual(
      fit.steps.map((s) => s.time),
      [9, 13, 18, 23, 28, 31, 34, 45, 48, 161],
    );
    assert.deepEqual(
      fit.steps.map((s) => s.n_risk),
      [11, 10, 8, 7, 6, 5, 4, 3, 2, 1],
    );
    const surv = [10 / 11, 9 / 11, 63 / 88, 54 / 88, 54 / 88, (54 / 88) * (4 / 5)];
    surv.forEach((s, j) => assertClose(fit.steps[j].surv, s, 1e-12, `surv at step ${j}`));
    assertClose(fit.steps[0].std_err, Math.sqrt(1 / 110), 1e-12, 'std_err at 9');
    assertClose(
      fit.steps[0].surv_std_err,
      (10 / 11) * Math.sqrt(1 / 110),
      1e-12,
      'surv_std_err at 9',
    );
    assert.equal(fit.median.median, 31);
  });

  it('counts people entering at t as not at risk at t (left truncation)', () => {
    // (0,2] exit, (1,3] censored, (2,4] exit: at t = 2 only the first two are at risk (entry < 2),
    // so S(2) = 1/2; at t = 4 one at risk, S(4) = 0 and Greenwood's term 1/(1*0) is infinite.
    const fit = fitKaplanMeier({ entry: [0, 1, 2], time: [2, 3, 4], event: [true, false, true] });
    assert.deepEqual(
      fit.steps.map((s) => [s.time, s.n_risk, s.surv]),
      [
        [2, 2, 0.5],
        [3, 2, 0.5],
        [4, 1, 0],
      ],
    );
    assert.equal(fit.steps[2].std_err, Infinity);
    assert.ok(Number.isNaN(fit.steps[2].lower));
  });

  describe(`matches R survfit (${R_VERSIONS.r_version}, survival ${R_VERSIONS.survival_version})`, () => {
    const reference = groupRows(readReference('km.csv'), [
      'fixture',
      'curve',
      'conf_type',
      'conf_level',
      'weighted',
    ]);
    const medians = groupRows(readReference('km-median.csv'), [
      'fixture',
      'curve',
      'conf_type',
      'conf_level',
      'weighted',
    ]);
    for (const [key, rows] of reference) {
      const { fixture, curve, conf_type: confType, conf_level: confLevel, weighted } = rows[0];
      it(`gives R's steps and median for ${key}`, () => {
        const fit = fitKaplanMeier(curveData(fixture, curve, weighted === 'TRUE'), {
          confType: confType as ConfType,
          confLevel: num(confLevel),
        });
        assert.equal(fit.steps.length, rows.length, 'number of steps');
        rows.forEach((row, j) => {
          const step = fit.steps[j];
          for (const name of [
            'time',
            'n_risk',
            'n_event',
            'n_censor',
            'surv',
            'std_err',
            'lower',
            'upper',
          ]) {
            const got = step[name as keyof typeof step];
            assertClose(got, num(row[name]), TOL, `${key} step ${j} ${name}`);
          }
        });
        const median = medians.get(key)![0];
        for (const name of ['median', 'lower', 'upper'] as const) {
          assertClose(fit.median[name] ?? NaN, num(median[name]), TOL, `${key} median ${name}`);
        }
      });
    }
  });

  it('says which row has entry at or after time', () => {
    assert.throws(
      () => fitKaplanMeier({ entry: [0, 3], time: [2, 3], event: [1, 0] }),
      /fitKaplanMeier: row 1 has entry 3 >= time 3\. A person is at risk on \(entry, time\]/,
    );
  });

  it('says which arrays differ in length', () => {
    assert.throws(
      () => fitKaplanMeier({ time: [2, 3], event: [1] }),
      /fitKaplanMeier: time has 2 values but the status column has 1\. Pass one value per person\./,
    );
  });

  it('rejects an event code other than 0/1/true/false', () => {
    assert.throws(
      () => fitKaplanMeier({ time: [2, 3], event: [1, 2] }),
      /fitKaplanMeier: event\[1\] is 2\. Use 1\/true for an exit and 0\/false for censoring\./,
    );
  });

  it('rejects a missing time and a non-positive weight', () => {
    assert.throws(
      () => fitKaplanMeier({ time: [2, NaN], event: [1, 0] }),
      /fitKaplanMeier: time\[1\] is NaN\. Times must be finite numbers; fix or drop row 1\./,
    );
    assert.throws(
      () => fitKaplanMeier({ time: [2, 3], event: [1, 0], weights: [1, 0] }),
      /fitKaplanMeier: weights\[1\] is 0\. Weights must be finite and > 0/,
    );
  });

  it('rejects an unknown interval type', () => {
    assert.throws(
      () => fitKaplanMeier({ time: [2], event: [1] }, { confType: 'logit' as ConfType }),
      /fitKaplanMeier: confType is "logit"\. Use one of log, log-log, plain\./,
    );
  });
});
