// Log-rank test against hand arithmetic, the published AML result and R. References: test/reference/
// survival/logrank.csv, produced by test/reference/survival.R with R 4.2.2 Patched (2022-11-10 r83330)
// and survival 3.5.3 (read from versions.json below): survdiff for right-censored data, the score test of
// coxph(Surv(entry, time, event) ~ group, ties = 'exact') for delayed entry.
import assert from 'node:assert/strict';
import { logRankTest } from '../../../src/stats/survival/log-rank.js';
import {
  R_VERSIONS,
  assertClose,
  groupRows,
  num,
  readFixture,
  readReference,
} from './reference.js';

const TOL = 1e-6;

/** The fixture as logRankTest input; entry only when asked (survdiff ignores it). */
function fixtureData(fixture: string, group: string, withEntry: boolean) {
  const rows = readFixture(`${fixture}.csv`);
  const timeColumn = fixture === 'aml' ? 'time_weeks' : 'time_years';
  return {
    entry: withEntry ? rows.map((r) => Number(r.entry_years)) : undefined,
    time: rows.map((r) => Number(r[timeColumn])),
    event: rows.map((r) => Number(r.event)),
    group: rows.map((r) => r[group]),
  };
}

// Reference name → fixture, group column and whether entry times are used.
const CASES: Record<string, [string, string, boolean]> = {
  aml: ['aml', 'group', false],
  'synthetic-200': ['synthetic-200', 'sex', false],
  'synthetic-200-route': ['synthetic-200', 'route', false],
  truncated: ['truncated', 'group', true],
  'synthetic-200-entry': ['synthetic-200', 'sex', true],
};

describe('logRankTest', () => {
  it('reproduces a two-group test by hand', () => {
    // a: exits at 1 and 3; b: exit at 2, censored at 4.
    // t=1: n=4, n_a=2, d=1 → E_a = 1/2, V = 1*3/3 * 2/4 * 2/4 = 1/4
    // t=2: n=3, n_a=1, d=1 → E_a = 1/3, V = 1*2/2 * 1/3 * 2/3 = 2/9
    // t=3: n=2, n_a=1, d=1 → E_a = 1/2, V = 1*1/1 * 1/2 * 1/2 = 1/4
    // O_a = 2, E_a = 4/3, V = 13/18 → chisq = (2/3)^2 / (13/18) = 8/13; R: pchisq(8/13, 1, lower = F) = 0.4327676
    const test = logRankTest({
      time: [1, 3, 2, 4],
      event: [1, 1, 1, 0],
      group: ['a', 'a', 'b', 'b'],
    });
    assertClose(test.groups[0].observed, 2, 1e-12, 'O_a');
    assertClose(test.groups[0].expected, 4 / 3, 1e-12, 'E_a');
    assertClose(test.groups[0].variance, 13 / 18, 1e-12, 'V_a');
    assertClose(test.chisq, 8 / 13, 1e-12, 'chisq');
    assertClose(test.p_value, 0.4327676, 1e-7, 'p');
    assert.equal(test.df, 1);
    assert.equal(test.method, 'survdiff');
  });

  it('gives the published AML result: chi-square 3.4 on 1 df, p = 0.07', () => {
    // R's ?survdiff example on Miller (1981): "Chisq= 3.4 on 1 degrees of freedom, p= 0.07".
    const test = logRankTest(fixtureData('aml', 'group', false));
    assert.equal(test.chisq.toFixed(1), '3.4');
    assert.equal(test.p_value.toFixed(2), '0.07');
  });

  describe(`matches R (${R_VERSIONS.r_version}, survival ${R_VERSIONS.survival_version})`, () => {
    const reference = groupRows(readReference('logrank.csv'), ['fixture', 'method']);
    for (const [name, [fixture, group, withEntry]] of Object.entries(CASES)) {
      const method = withEntry ? 'coxph_score_exact' : 'survdiff';
      const rows = reference.get(`${name}|${method}`)!;
      it(`gives R's ${method} for ${name}`, () => {
        const test = logRankTest(fixtureData(fixture, group, withEntry));
        assertClose(test.chisq, num(rows[0].chisq), TOL, 'chisq');
        assertClose(test.p_value, num(rows[0].p_value), TOL, 'p_value');
        assert.equal(test.df, num(rows[0].df));
        assert.deepEqual(
          test.groups.map((g) => [g.group, g.n]),
          rows.map((r) => [r.group, num(r.n)]),
        );
        if (method === 'survdiff') {
          rows.forEach((r, a) => {
            for (const field of ['observed', 'expected', 'variance'] as const) {
              assertClose(test.groups[a][field], num(r[field]), TOL, `${r.group} ${field}`);
            }
          });
        }
      });
    }

    it("differs from coxph's default Efron score test when exit times tie", () => {
      // The truncated fixture has tied exits at 2 and 3; Efron's score test gives 0.2410 against 0.2137.
      const efron = num(reference.get('truncated|coxph_score_efron')![0].chisq);
      const test = logRankTest(fixtureData('truncated', 'group', true));
      assert.ok(Math.abs(test.chisq - efron) > 0.01, `${test.chisq} vs Efron ${efron}`);
    });
  });

  it('needs at least two groups', () => {
    assert.throws(
      () => logRankTest({ time: [1, 2], event: [1, 1], group: ['a', 'a'] }),
      /logRankTest: only one group \(a\) in "group"\. Pass at least two groups to compare\./,
    );
  });

  it('names the row with a missing group', () => {
    assert.throws(
      () => logRankTest({ time: [1, 2], event: [1, 1], group: ['a', null as unknown as string] }),
      /logRankTest: group\[1\] is missing\. Give every person a group, or drop row 1\./,
    );
  });
});
