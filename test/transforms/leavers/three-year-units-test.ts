import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { summarizeThreeYearByUnit } from '../../../src/transforms/leavers/three-year-units.js';

/** n joiners of one sex in one unit followed from 0: `resign` resign at 1 year, the rest stay past 5. */
function spells(unit: string | null, sex: string | null, n: number, resign: number) {
  return Array.from({ length: n }, (_, i) => ({
    unit,
    sex,
    tenure_entry_years: 0,
    tenure_years: i < resign ? 1 : 5,
    exit_cause: i < resign ? 'voluntary_resignation' : null,
  }));
}

describe('summarizeThreeYearByUnit', () => {
  it('compares women with the men of their own unit and lists refused units', () => {
    const data = aq.from([
      ...spells('A', 'female', 15, 9), // 60%
      ...spells('A', 'male', 20, 5), //   25% → ratio 2.4
      ...spells('B', 'female', 10, 5),
      ...spells('B', null, 10, 0), //     half of B has sex missing: refused
      ...spells(null, 'female', 8, 1), // no unit: left out
    ]);
    const result = summarizeThreeYearByUnit(data, { unitColumn: 'unit' });
    assert.deepEqual(result.table.array('unit'), ['A']);
    assert.ok(
      Math.abs((result.table.get('relative_likelihood', 0) as number) - 0.6 / 0.25) < 1e-12,
    );
    assert.equal(result.refused.length, 1);
    assert.match(
      result.refused[0],
      /^B: 50\.0% of the people in scope have sex not stated or missing/,
    );
  });
});
