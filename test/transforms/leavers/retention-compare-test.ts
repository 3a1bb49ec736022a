import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  medianTenureSpec,
  summarizeMedianTenure,
  testRetentionDifference,
} from '../../../src/transforms/leavers/retention-compare.js';
import { tableEqual } from '../../helpers/table-equal.js';

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
