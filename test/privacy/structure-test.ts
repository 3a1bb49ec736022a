import assert from 'node:assert/strict';
import { table } from 'arquero';
import { publishTable } from '../../src/privacy/index.js';
import { checkSpec, type CellSpec } from '../../src/privacy/spec.js';
import { additiveGroups } from '../../src/privacy/structure.js';

describe('additiveGroups', () => {
  it('finds row, column and grand-total groups of a two-way table', () => {
    // rows: 0 T1g1, 1 T1All, 2 T2g1, 3 T2All, 4 Allg1, 5 AllAll (one grade)
    const t = table({
      team: ['T1', 'T1', 'T2', 'T2', 'All', 'All'],
      grade: ['g1', 'All', 'g1', 'All', 'g1', 'All'],
      n: [5, 5, 7, 7, 12, 12],
    });
    const spec: CellSpec = { by: ['team', 'grade'], population: 'n', total: 'All' };
    const groups = additiveGroups(t, checkSpec(t, spec), spec);
    assert.deepEqual(
      groups.map((g) => [g.total, g.parts]),
      [
        [1, [0]],
        [3, [2]],
        [4, [0, 2]],
        [5, [1, 3]],
        [5, [4]],
      ],
    );
  });

  it('treats values without a parent as the children of a total row on the hierarchy column', () => {
    const t = table({ unit: ['T1', 'T2', 'D1', 'T3', 'All'], n: [5, 6, 11, 8, 19] });
    const spec: CellSpec = {
      by: ['unit'],
      population: 'n',
      total: 'All',
      hierarchy: { column: 'unit', parent: { T1: 'D1', T2: 'D1' } },
    };
    const groups = additiveGroups(t, checkSpec(t, spec), spec);
    assert.deepEqual(
      groups.map((g) => [g.kind, g.total, g.parts]),
      [
        ['hierarchy', 2, [0, 1]],
        ['margin', 4, [2, 3]],
      ],
    );
  });

  it('rejects a total that is not the sum of its parts', () => {
    const t = table({ team: ['A', 'B', 'All'], headcount: [9, 7, 20] });
    assert.throws(() => publishTable(t, { by: ['team'], population: 'headcount', total: 'All' }), {
      message:
        'publishTable: column "headcount" is not additive: the total row (team=All) differs from the sum of its 2 part rows. ' +
        'A missing part would be revealed by subtraction: include every part (an explicit "other" row if needed) or drop the total.',
    });
  });

  it('rejects a hierarchy with a cycle', () => {
    const t = table({ unit: ['A', 'B'], headcount: [9, 9] });
    assert.throws(
      () =>
        publishTable(t, {
          by: ['unit'],
          population: 'headcount',
          hierarchy: { column: 'unit', parent: { A: 'B', B: 'A' } },
        }),
      /hierarchy "unit" has a cycle: A → B → A/,
    );
  });
});
