// Gray's test against hand arithmetic and R. References: test/reference/survival/gray.csv, written by
// test/reference/competing-risks.R with cmprsk::cuminc (versions in versions-competing.json).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { grayTest } from '../../../src/stats/survival/gray-test.js';
import { assertClose, groupRows, num, readFixture, readReference } from './reference.js';

const VERSIONS = JSON.parse(
  fs.readFileSync(
    new URL('../../reference/survival/versions-competing.json', import.meta.url),
    'utf8',
  ),
) as { r_version: string; cmprsk_version: string };

function fixture(name: string, group: string) {
  const file = name === 'competing' ? 'competing.csv' : 'synthetic-200.csv';
  const rows = readFixture(file).filter((r) => name === 'competing' || r.entry_years === '0');
  return {
    time: rows.map((r) => Number(r.time_years)),
    cause: rows.map((r) => r.cause || null),
    group: rows.map((r) => r[group]),
  };
}

describe('grayTest', () => {
  it('gives the expected exits by hand when nobody is censored', () => {
    // a: resigned at 1, retired at 2; b: retired at 1, resigned at 3. No censoring, so Y/S(t−) = n.
    // t=1: R_a = 2(1 − 0) = 2, R_b = 2, one resignation → E_a = 1 × 2/4 = 0.5.
    // t=3: group a has nobody at risk (R_a = 0) → E_a stays 0.5; O_a = 1, score_a = 0.5.
    const test = grayTest(
      { time: [1, 2, 1, 3], cause: ['r', 'x', 'x', 'r'], group: ['a', 'a', 'b', 'b'] },
      { event: 'r' },
    );
    assertClose(test.groups[0].expected, 0.5, 1e-12, 'E_a');
    assertClose(test.groups[0].score, 0.5, 1e-12, 'score_a');
    assertClose(test.groups[1].expected, 1.5, 1e-12, 'E_b');
    assert.deepEqual(test.competing, ['x']);
    assert.equal(test.df, 1);
  });

  describe(`matches R (${VERSIONS.r_version}, cmprsk ${VERSIONS.cmprsk_version})`, () => {
    const reference = groupRows(readReference('gray.csv'), ['fixture', 'group', 'rho', 'event']);
    for (const [key, [row]] of reference) {
      it(`gives cuminc's test for ${key}`, () => {
        const test = grayTest(fixture(row.fixture, row.group), {
          event: row.event,
          rho: num(row.rho),
        });
        assertClose(test.chisq, num(row.chisq), 1e-9, 'chisq');
        assertClose(test.p_value, num(row.p_value), 1e-9, 'p_value');
        assert.equal(test.df, num(row.df));
      });
    }
  });

  it('counts observed, competing and censored exits per group', () => {
    const test = grayTest(fixture('competing', 'group'), { event: 'resigned' });
    // competing.csv: A has 4 resigned, 2 retired, 2 censored; B 2, 4, 2; C 3, 1, 2.
    assert.deepEqual(
      test.groups.map((g) => [g.group, g.n, g.observed, g.competing]),
      [
        ['A', 8, 4, 2],
        ['B', 8, 2, 4],
        ['C', 6, 3, 1],
      ],
    );
    assert.equal(test.censored, 6);
    // The scores of all groups sum to zero: observed and expected totals agree.
    assertClose(
      test.groups.reduce((s, g) => s + g.score, 0),
      0,
      1e-12,
      'sum of scores',
    );
  });

  it('refuses delayed entry and says what to use instead', () => {
    assert.throws(
      () =>
        grayTest(
          { entry: [0, 1], time: [2, 3], cause: ['r', null], group: ['a', 'b'] },
          { event: 'r' },
        ),
      /1 of 2 people enter after time 0 \(delayed entry\).*logRankTest \(event = this cause, other exits censored\)/,
    );
  });

  it('needs two groups and a cause', () => {
    assert.throws(
      () => grayTest({ time: [1, 2], cause: ['r', null], group: ['a', 'a'] }, { event: 'r' }),
      /only one group \(a\)/,
    );
    assert.throws(
      () => grayTest({ time: [1, 2], cause: ['r', null], group: ['a', 'b'] }, { event: '' }),
      /pass the exit cause to compare/,
    );
  });
});
