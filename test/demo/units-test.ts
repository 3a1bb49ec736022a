import assert from 'node:assert/strict';
import { buildUnits, districtsFor } from '../../src/demo/units.js';

describe('buildUnits', () => {
  it('builds 1 force, 4 districts, 28 departments and 84 teams for 4 districts', () => {
    const units = buildUnits(4);
    const count = (level: string): number => units.filter((u) => u.level === level).length;
    // Teams per district: response 5 + neighbourhood 4 + CID 3 + public protection 3 + operations 2 + contact 2 + support 2 = 21.
    assert.deepEqual(
      [count('force'), count('district'), count('department'), count('team')],
      [1, 4, 28, 84],
    );
    assert.equal(units.length, 117);
  });

  it('gives every unit but the force a parent listed before it', () => {
    const units = buildUnits(5);
    const seen = new Set<string>();
    for (const u of units) {
      if (u.level !== 'force')
        assert.ok(seen.has(u.parent_id), `${u.unit_id} has parent ${u.parent_id}`);
      seen.add(u.unit_id);
    }
    assert.equal(seen.size, units.length);
  });

  it('names the units the planted effects use', () => {
    const byId = new Map(buildUnits(4).map((u) => [u.unit_id, u.name]));
    assert.equal(byId.get('D1-RESP-B'), 'North Response Team B');
    assert.equal(byId.get('D2-CID-A'), 'South CID Team A');
    assert.equal(byId.get('D3-RESP'), 'East Response');
    assert.equal(byId.get('D4'), 'West District');
    assert.equal(byId.get('D1-PP-OCAT'), 'North Online Child Abuse Team');
  });

  it('numbers districts past the fourth', () => {
    const byId = new Map(buildUnits(5).map((u) => [u.unit_id, u.name]));
    assert.equal(byId.get('D5'), 'District 5');
    assert.equal(byId.get('D5-RESP-A'), 'District 5 Response Team A');
  });

  it('says what is wrong with a bad district count', () => {
    assert.throws(() => buildUnits(0), /buildUnits: districts must be a whole number ≥ 1, got 0\./);
  });
});

describe('districtsFor', () => {
  it('keeps 4 districts up to 4,000 people and adds one per 1,000 after', () => {
    assert.equal(districtsFor(1500), 4);
    assert.equal(districtsFor(4000), 4);
    assert.equal(districtsFor(50_000), 50);
  });
});
