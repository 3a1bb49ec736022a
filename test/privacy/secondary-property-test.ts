// Property tests of secondary suppression over random two-way tables with margins and random
// hierarchies: after publishing, no additive group has exactly one hidden cell.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { publishTable } from '../../src/privacy/index.js';
import { hierarchyCase, twoWayCase, type Case } from './support/random-tables.js';

function checkNoLoneHiddenCell(c: Case): void {
  const published = publishTable(c.table, c.spec);
  for (const column of ['headcount', 'leavers']) {
    const values = published.table.array(column) as (number | null)[];
    for (const g of c.groups) {
      const hidden = [g.total, ...g.parts].filter((row) => values[row] === null);
      assert.notEqual(
        hidden.length,
        1,
        `${column}: row ${hidden[0]} is the only hidden cell of its group`,
      );
    }
    // every small cell is hidden (else the property would hold trivially)
    c.headcount.forEach((v, row) => {
      if (v > 0 && v < 5)
        assert.equal(values[row], null, `${column}: small group in row ${row} shown`);
    });
  }
}

describe('publishTable (property: no hidden cell alone in any additive group)', () => {
  it('holds for random two-way tables with margins', () => {
    fc.assert(fc.property(twoWayCase, checkNoLoneHiddenCell), { seed: 20240401, numRuns: 150 });
  });

  it('holds for random hierarchies, alone and crossed with grade', () => {
    fc.assert(fc.property(hierarchyCase, checkNoLoneHiddenCell), { seed: 20240402, numRuns: 150 });
  });
});
