// Complements that do not give themselves away (issue 18 item 4): with parts [4, 5, 5, 20] and a
// total, the old rule hid the smallest non-zero cell, so a reader knew the hidden pair was {4, 5}.
// The complement is now chosen without looking at the values (beyond "not zero"), and the log says
// how many cells were hidden, not why each one was.
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { publishTable, suppressionSummaryText } from '../../src/privacy/index.js';

const spec = { by: ['team'], population: 'headcount', total: 'All' };

function hiddenTeams(values: number[]): string[] {
  const teams = ['A', 'B', 'C', 'D', 'All'];
  const t = table({ team: teams, headcount: [...values, values.reduce((s, v) => s + v, 0)] });
  const p = publishTable(t, spec);
  return teams.filter((_, i) => p.table.get('headcount', i) === null);
}

describe('complementary cells', () => {
  it('are chosen by position, not by value: swapping shown values does not move them', () => {
    // A = 4 is hidden for itself; which of B, C, D goes with it must not depend on their values.
    const a = hiddenTeams([4, 5, 5, 20]);
    const b = hiddenTeams([4, 20, 5, 5]);
    const c = hiddenTeams([4, 5, 20, 5]);
    assert.equal(a.length, 2);
    assert.deepEqual(a, b);
    assert.deepEqual(a, c);
  });

  it('do not always single out the smallest non-zero cell', () => {
    // Over many layouts with one small cell, the complement is not always the smallest shown part.
    let smallest = 0;
    let cases = 0;
    for (let k = 0; k < 12; k++) {
      const values = [3, 6 + k, 30 + k, 9 + 2 * k];
      const hidden = hiddenTeams(values);
      const other = hidden.find((t) => t !== 'A')!;
      const index = ['A', 'B', 'C', 'D'].indexOf(other);
      cases++;
      if (values[index] === Math.min(...values.slice(1))) smallest++;
    }
    assert.ok(smallest < cases, `the smallest was hidden in all ${cases} layouts`);
  });

  it('are never zero when a non-zero cell is available, and cover the hidden cell by ≥ 5', () => {
    for (const values of [
      [2, 0, 7, 9],
      [1, 0, 0, 12],
      [4, 5, 5, 20],
    ]) {
      const hidden = hiddenTeams(values);
      const parts = hidden.filter((t) => t !== 'All').map((t) => values['ABCD'.indexOf(t)]);
      assert.ok(!parts.slice(1).includes(0) || values.filter((v) => v > 0).length < 3, `${values}`);
      // the hidden small part can grow by the other hidden parts' mass (total shown): ≥ 5
      if (!hidden.includes('All'))
        assert.ok(parts.reduce((s, v) => s + v, 0) - parts[0] >= 5, `${values}: ${hidden}`);
    }
  });
});

describe('the suppression summary', () => {
  it('says how many cells were hidden, not why each one was', () => {
    const t = table({ team: ['A', 'B', 'C', 'D', 'All'], headcount: [4, 5, 5, 20, 34] });
    const text = suppressionSummaryText(publishTable(t, spec).log);
    assert.match(text, /^2 cells hidden/);
    assert.doesNotMatch(text, /1 in groups|1 to stop|back-calculation from totals/);
    assert.match(text, /under 5/);
  });
});
