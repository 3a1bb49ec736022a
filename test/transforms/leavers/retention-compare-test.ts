import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  medianTenureSpec,
  summarizeMedianTenure,
  testRetentionDifference,
  RETENTION_LOG_RANK_SPEC,
} from '../../../src/transforms/leavers/retention-compare.js';
import { publishTable } from '../../../src/privacy/index.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { num, readFixture, readReference } from '../../stats/survival/reference.js';

/** A survival fixture as retention data (test/fixtures/survival), with or without entry times. */
function retentionFixture(file: string, { entry = true, onlyFromZero = false } = {}) {
  const rows = readFixture(file).filter((r) => !onlyFromZero || Number(r.entry_years ?? 0) === 0);
  return aq.table({
    tenure_entry_years: rows.map((r) => (entry ? Number(r.entry_years ?? 0) : 0)),
    tenure_years: rows.map((r) => Number(r.time_years)),
    left: rows.map((r) => (r.cause ? 1 : 0)),
    exit_cause: rows.map((r) => r.cause || null),
    group: rows.map((r) => r.group ?? r.sex),
  });
}

// Group a leaves at 1 and 3 years; group b leaves at 2 and is in post at 4; one person's group is missing.
const data = aq.table({
  tenure_entry_years: [0, 0, 0, 0, 0],
  tenure_years: [1, 3, 2, 4, 5],
  left: [1, 1, 1, 0, 1],
  team: ['a', 'a', 'b', 'b', null],
});

describe('summarizeMedianTenure', () => {
  it('gives the first time the curve reaches one half', () => {
    // Everyone: S(1) = 4/5, S(2) = 3/5, S(3) = 2/5 ≤ 0.5 → median 3. Group a: S(1) = 1/2 exactly:
    // R takes the midpoint of 1 and the next exit time 3 → 2. Group b: S(2) = 1/2 with no later exit → 2.
    // (R 4.2.2 survfit: summary(f)$table['median'] gives 2, 2 and 3 for a, b and everyone.)
    const t = summarizeMedianTenure(
      data.filter((d: { team: string | null }) => d.team !== null),
      { by: ['team'] },
    );
    tableEqual(t.select('team', 'people', 'leavers', 'median_years'), {
      team: ['a', 'b'],
      people: [2, 2],
      leavers: [2, 1],
      median_years: [2, 2],
    });
    assert.equal(summarizeMedianTenure(data, { by: [] }).get('median_years', 0), 3);
  });
});

describe('testRetentionDifference', () => {
  it('computes the log-rank chi-square by hand and leaves out the missing group', () => {
    // Exit times 1 (a), 2 (b), 3 (a); at risk (a, b): (2, 2), (1, 2), (1, 1).
    // E_a = 2/4 + 1/3 + 1/2 = 4/3; V = 1·3/3·(1/2)(1/2) + 1·2/2·(1/3)(2/3) + 1·1/1·(1/2)(1/2) = 13/18.
    // chisq = (2 − 4/3)² / (13/18) = 8/13.
    const test = testRetentionDifference(data, { by: ['team'] });
    assert.ok(Math.abs(test.chisq - 8 / 13) < 1e-12);
    assert.equal(test.df, 1);
    assert.equal(test.excluded, 1);
    tableEqual(
      test.table,
      { group: ['a', 'b'], people: [2, 2], observed: [2, 1], expected: [4 / 3, 5 / 3] },
      1e-12,
    );
  });
  it('leaves a group a table would hide out of the table, the chi-square and the p-value (issue 18)', () => {
    // a: 6 people, exits at 1, 2, 3, 4, 5; b: 6 people, exits at 1.5, 2.5, 3.5, 4.5, 5.5;
    // c: 5 people, exits at 2 and 4 only (2 leavers: its observed count would be [c]).
    // Σ O = Σ E over the groups tested, so with c in the table its O − E = −(Σ of the others'),
    // and O_c = Σ E − Σ O_others even with O_c hidden. With minGroupSize 5, c is not tested at all.
    const t3 = aq.table({
      tenure_entry_years: Array(17).fill(0),
      tenure_years: [1, 2, 3, 4, 5, 6, 1.5, 2.5, 3.5, 4.5, 5.5, 6, 2, 4, 6, 6, 6],
      left: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0],
      team: [...Array(6).fill('a'), ...Array(6).fill('b'), ...Array(5).fill('c')],
    });
    const all = testRetentionDifference(t3, { by: ['team'] });
    assert.equal(all.df, 2); // before: c is tested, and published beside a and b
    const test = testRetentionDifference(t3, { by: ['team'], minGroupSize: 5 });
    assert.deepEqual(test.table.array('group'), ['a', 'b']);
    assert.equal(test.groups_left_out, 1);
    assert.equal(test.df, 1);
    // The same test on a and b alone: the chi-square does not include c.
    const ab = testRetentionDifference(
      t3.filter((d: { team: string }) => d.team !== 'c'),
      { by: ['team'] },
    );
    assert.ok(Math.abs(test.chisq - ab.chisq) < 1e-12);
    assert.equal(test.excluded, 0);
    assert.match(test.description, /1 group is left out of the test/);
    // Everything left is publishable: O and E of a and b shown, nothing about c anywhere.
    const p = publishTable(test.table, RETENTION_LOG_RANK_SPEC);
    assert.deepEqual(p.table.array('observed'), [5, 5]);
    // With a minimum of 6, a and b (5 exits each) are left out too: no test.
    assert.throws(
      () => testRetentionDifference(t3, { by: ['team'], minGroupSize: 6 }),
      /0 recorded group\(s\) with at least 6 people and 0 or at least 6 exits \(3 smaller left out\); a test needs at least two/,
    );
  });
  it('says it tests leaving for any reason when no event is named', () => {
    const test = testRetentionDifference(data, { by: ['team'] });
    assert.equal(test.event, null);
    assert.equal(test.test, 'log-rank test (leaving for any reason)');
    assert.match(test.description, /every exit counts; people still in post are censored/);
  });

  // References: test/reference/competing-risks.R (R 4.2.2, cmprsk 2.2.11, survival 3.5.3).
  const gray = readReference('gray.csv');
  const causeSpecific = readReference('cause-specific-logrank.csv');

  it("tests a cause's cumulative incidence with Gray's test when everyone is followed from 0", () => {
    const want = gray.find(
      (r) => r.fixture === 'competing' && r.rho === '0' && r.event === 'resigned',
    )!;
    const test = testRetentionDifference(retentionFixture('competing.csv'), {
      by: ['group'],
      event: 'resigned',
    });
    assert.ok(Math.abs(test.chisq - num(want.chisq)) < 1e-9, `chisq ${test.chisq}`);
    assert.ok(Math.abs(test.p_value - num(want.p_value)) < 1e-9);
    assert.equal(test.method, 'gray');
    assert.equal(test.test, "Gray's test (cumulative incidence of resigned)");
    assert.deepEqual(test.competing_causes, ['retired']);
    assert.match(
      test.description,
      /resigned is the event; other exits \(retired\) compete; people still in post are censored/,
    );
    // competing.csv: A 4 resigned of 8, B 2 of 8, C 3 of 6.
    assert.deepEqual(test.table.array('observed'), [4, 2, 3]);
  });

  it('tests the cause-specific hazard (other exits censored) when asked', () => {
    const want = causeSpecific.filter((r) => r.fixture === 'competing');
    const test = testRetentionDifference(retentionFixture('competing.csv'), {
      by: ['group'],
      event: 'resigned',
      competing: 'censored',
    });
    assert.ok(Math.abs(test.chisq - num(want[0].chisq)) < 1e-9, `chisq ${test.chisq}`);
    tableEqual(
      test.table.select('observed', 'expected'),
      { observed: want.map((r) => num(r.observed)), expected: want.map((r) => num(r.expected)) },
      1e-9,
    );
    assert.equal(test.test, 'log-rank test (cause-specific hazard of resigned)');
    assert.match(test.description, /other exits \(retired\) are censored/);
  });

  it('uses the cause-specific log-rank with delayed entry, and says why', () => {
    const want = causeSpecific.find((r) => r.method === 'coxph_score_exact')!;
    const test = testRetentionDifference(retentionFixture('synthetic-200.csv'), {
      by: ['group'],
      event: 'resigned',
    });
    assert.ok(Math.abs(test.chisq - num(want.chisq)) < 1e-9, `chisq ${test.chisq}`);
    assert.equal(test.method, 'cox score (delayed entry)');
    assert.match(
      test.description,
      /Gray's test is not used: the curves include people who joined before the data window \(delayed entry\)/,
    );
    assert.equal(test.delayed_entry, 65); // synthetic-200.csv: 65 rows with entry_years > 0 (awk)
  });

  it("refuses Gray's test on delayed entry when it is asked for by name", () => {
    assert.throws(
      () =>
        testRetentionDifference(retentionFixture('synthetic-200.csv'), {
          by: ['group'],
          event: 'resigned',
          competing: 'gray',
        }),
      /grayTest: 65 of 200 people enter after time 0 \(delayed entry\)/,
    );
  });

  it('needs two recorded groups', () => {
    assert.throws(
      () =>
        testRetentionDifference(
          data.filter((d: { team: string | null }) => d.team !== 'b'),
          { by: ['team'] },
        ),
      /testRetentionDifference: team has 1 recorded group\(s\); a test needs at least two\./,
    );
  });
});

describe('medianTenureSpec', () => {
  it('lets medians follow the number of people', () => {
    assert.deepEqual(medianTenureSpec(['team']).means?.[0], { name: 'median_years', n: 'people' });
  });
});
