import assert from 'node:assert/strict';
import { table } from 'arquero';
import { publishTable, type CellSpec } from '../../src/privacy/index.js';

const teams: CellSpec = { by: ['team'], population: 'headcount' };

describe('checkSpec (through publishTable)', () => {
  it('rejects a spec naming missing columns, listing them', () => {
    const t = table({ team: ['A'], headcount: [9] });
    assert.throws(
      () =>
        publishTable(t, { by: ['team', 'grade'], population: 'headcount', counts: ['leavers'] }),
      {
        message:
          'publishTable: columns "grade", "leavers" missing. Found: team, headcount. Fix the spec or aggregate those columns first.',
      },
    );
  });

  it('rejects negative or missing counts, naming row and column', () => {
    const t = table({ team: ['A', 'B'], headcount: [9, -1] });
    assert.throws(() => publishTable(t, teams), {
      message:
        'publishTable: row 1, column "headcount": -1 is not a non-negative number. Aggregate to one row per team with counts ≥ 0.',
    });
  });

  it('rejects repeated dimension values', () => {
    const t = table({ team: ['A', 'A'], headcount: [9, 7] });
    assert.throws(() => publishTable(t, teams), /rows 0 and 1 have the same team: \["A"\]/);
  });

  it('rejects a hierarchy over a column that is not a dimension', () => {
    const t = table({ unit: ['A'], headcount: [9] });
    assert.throws(
      () =>
        publishTable(t, {
          by: ['unit'],
          population: 'headcount',
          hierarchy: { column: 'district', parent: {} },
        }),
      {
        message:
          'publishTable: hierarchy column "district" is not in spec.by (unit). Add it to by.',
      },
    );
  });

  it('rejects an input that already has a status column', () => {
    const t = table({ team: ['A'], headcount: [9], headcount_status: ['x'] });
    assert.throws(
      () => publishTable(t, teams),
      /input already has "headcount_status"; rename or drop it/,
    );
  });
});
