import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { levelDepths, RollUpUnits, topUnit } from '../../../src/transforms/units/roll-up.js';

// F > D1 > (T1, T2); F > D2 (no team)
const tree = unitTree(
  aq.table({
    unit_id: ['F', 'D1', 'D2', 'T1', 'T2'],
    parent_id: [null, 'F', 'F', 'D1', 'D1'],
    name: ['Force', 'North', 'South', 'Team 1', 'Team 2'],
    level: ['force', 'district', 'district', 'team', 'team'],
  }),
);

describe('RollUpUnits', () => {
  it('gives a unit’s row at each level, top first', () => {
    const rows = new RollUpUnits(tree, ['team', 'district'], 'test');
    assert.deepEqual(rows.levels, ['force', 'district', 'team']);
    assert.deepEqual(rows.path('T2'), ['F', 'D1', 'T2']);
  });
  it('puts what is recorded above a level in a "not in a" row under its parent', () => {
    const rows = new RollUpUnits(tree, ['team'], 'test');
    assert.deepEqual(rows.path('D2'), ['F', 'F:other-team']);
    assert.deepEqual(rows.node('F:other-team'), {
      name: 'Force (not in a team)',
      level: 'team',
      parent: 'F',
    });
  });
  it('lists the rows given by level, then name, then id', () => {
    const rows = new RollUpUnits(tree, ['district'], 'test');
    for (const unit of ['T2', 'D2', 'T1']) rows.path(unit);
    assert.deepEqual(rows.ids(), ['F', 'D1', 'D2']);
  });
  it('names an unknown level', () => {
    assert.throws(
      () => new RollUpUnits(tree, ['bcu'], 'rollUpMatrix'),
      /^Error: rollUpMatrix: no unit is at level bcu\. Levels: force, district, team\.$/,
    );
  });
});

describe('topUnit', () => {
  it('finds the one unit without a parent', () => {
    assert.equal(topUnit(tree, 'test'), 'F');
  });
  it('says how many top units it found and how to fix it', () => {
    const two = unitTree(
      aq.table({ unit_id: ['A', 'B'], parent_id: [null, null], level: ['x', 'x'] }),
    );
    assert.throws(
      () => topUnit(two, 'rollUpMatrix'),
      /^Error: rollUpMatrix: the units table needs exactly one top unit \(parent_id empty\); found 2: A, B\. Add an organisation-level unit \(e\.g\. the force\) above them\.$/,
    );
  });
});

describe('levelDepths', () => {
  it('gives each level its depth below the top', () => {
    assert.deepEqual(
      [...levelDepths(tree)],
      [
        ['force', 0],
        ['district', 1],
        ['team', 2],
      ],
    );
  });
});
