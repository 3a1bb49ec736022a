import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { parentMapOfRows } from '../../../src/transforms/units/hierarchy.js';

describe('parentMapOfRows', () => {
  it('maps each row’s unit to its parent, leaving the top out', () => {
    const cells = aq.table({
      unit_id: ['F', 'D1', 'T1', 'T1'],
      parent_id: [null, 'F', 'D1', 'D1'],
    });
    assert.deepEqual(parentMapOfRows(cells, 'unit_id', 'parent_id'), { D1: 'F', T1: 'D1' });
  });
});
