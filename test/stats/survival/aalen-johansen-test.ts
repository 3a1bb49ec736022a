// Aalen–Johansen against hand arithmetic and R's multi-state survfit. References: test/reference/survival/
// aj.csv, produced by test/reference/survival.R with R 4.2.2 Patched (2022-11-10 r83330) and survival
// 3.5.3 (read from versions.json below); standard errors are R's infinitesimal jackknife.
import assert from 'node:assert/strict';
import { fitAalenJohansen } from '../../../src/stats/survival/aalen-johansen.js';
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

function fixtureData(fixture: string, weighted: boolean) {
  const rows = readFixture(`${fixture}.csv`);
  return {
    entry: rows.map((r) => Number(r.entry_years)),
    time: rows.map((r) => Number(r.time_years)),
    cause: rows.map((r) => (r.cause === '' ? null : r.cause)),
    weights: weighted ? rows.map((r) => Number(r.weight)) : undefined,
  };
}

describe('fitAalenJohansen', () => {
  it('reproduces the first steps of the truncated fixture by hand', () => {
    // t = 0.5: at risk p01 p02 p08 p13 (p03 enters at 0.5, not at risk) = 4; p13 resigns.
    //   cif = 1 * 1/4 = 0.25; surv = 3/4.
    // t = 1.5: at risk p01 p02 p03 p04 p08 p11 = 6 (p05 enters at 1.5); p01 resigns.
    //   cif = 0.25 + 3/4 * 1/6 = 0.375; surv = 3/4 * 5/6 = 0.625.
    // t = 2: at risk p02 p03 p04 p05 p08 p11 = 6; p04 resigns, p03 retires (competing), p02 censored.
    //   cif = 0.375 + 0.625 * 1/6 = 0.4791667; surv = 0.625 * 4/6 = 0.4166667.
    const fit = fitAalenJohansen(fixtureData('truncated', false), { event: 'resigned' });
    assert.deepEqual(fit.causes, ['dismissed', 'resigned', 'retired']);
    const first = fit.steps.slice(0, 3);
    assert.deepEqual(
      first.map((s) => [s.time, s.n_risk, s.n_event, s.n_competing, s.n_censor]),
      [
        [0.5, 4, 1, 0, 0],
        [1.5, 6, 1, 0, 0],
        [2, 6, 1, 1, 1],
      ],
    );
    [0.25, 0.375, 0.375 + 0.625 / 6].forEach((c, j) =>
      assertClose(first[j].cif, c, 1e-12, `cif ${j}`),
    );
    [0.75, 0.625, 0.625 * (4 / 6)].forEach((s, j) =>
      assertClose(first[j].surv, s, 1e-12, `surv ${j}`),
    );
  });

  it('gives cumulative incidences that add up with surv to 1', () => {
    // Every person is in post or has left by exactly one cause, so the state probabilities sum to 1.
    const data = fixtureData('synthetic-200', false);
    const fits = ['other', 'resigned'].map((event) => fitAalenJohansen(data, { event }));
    fits[0].steps.forEach((step, j) => {
      assertClose(step.cif + fits[1].steps[j].cif + step.surv, 1, 1e-12, `time ${step.time}`);
    });
  });

  describe(`matches R survfit multi-state (${R_VERSIONS.r_version}, survival ${R_VERSIONS.survival_version})`, () => {
    for (const [key, rows] of groupRows(readReference('aj.csv'), [
      'fixture',
      'event',
      'conf_type',
      'weighted',
    ])) {
      const { fixture, event, conf_type: confType, weighted } = rows[0];
      it(`gives R's pstate, std.err and interval for ${key}`, () => {
        const fit = fitAalenJohansen(fixtureData(fixture, weighted === 'TRUE'), {
          event,
          confType: confType as ConfType,
        });
        assert.equal(fit.steps.length, rows.length, 'number of steps');
        rows.forEach((row, j) => {
          const step = fit.steps[j];
          // R's multi-state n.risk and n.censor count people, unweighted; ours are weighted like survfitKM's.
          const counts = weighted === 'TRUE' ? [] : ['n_risk', 'n_censor'];
          const names = [
            'time',
            ...counts,
            'surv',
            'surv_std_err',
            'cif',
            'std_err',
            'lower',
            'upper',
          ];
          for (const name of names) {
            assertClose(
              step[name as keyof typeof step],
              num(row[name]),
              TOL,
              `${key} step ${j} ${name}`,
            );
          }
        });
      });
    }
  });

  it('names the causes present when the event is not one of them', () => {
    assert.throws(
      () => fitAalenJohansen({ time: [1, 2], cause: ['retired', null] }, { event: 'resigned' }),
      /fitAalenJohansen: event "resigned" is not among the causes in the data \(retired\)\. Pass one of them/,
    );
  });

  it('rejects a cause that is not a string', () => {
    assert.throws(
      () =>
        fitAalenJohansen(
          { time: [1, 2], cause: ['retired', 3 as unknown as string] },
          { event: 'retired' },
        ),
      /fitAalenJohansen: cause\[1\] is 3\. Causes must be strings, or null when still in post\./,
    );
  });
});
