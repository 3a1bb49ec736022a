// The batch engine's memo of force-wide computations: equal inputs share one result, different
// inputs never do (a wrong hit would put one unit's figures in another unit's report).
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { clearMemo, inputKey, memoise, memoiseModule } from '../../../src/report/batch/memo.js';
import { publishTable } from '../../../src/privacy/index.js';

describe('batch engine: memo of force-wide computations', () => {
  afterEach(() => clearMemo());

  it('keys plain options by value, whatever the key order', () => {
    assert.equal(inputKey([{ a: 1, b: [2, 'x'] }]), inputKey([{ b: [2, 'x'], a: 1 }]));
    assert.notEqual(inputKey([{ a: 1 }]), inputKey([{ a: 2 }]));
    assert.notEqual(inputKey([{ a: null }]), inputKey([{ a: undefined }]));
    assert.notEqual(inputKey([1]), inputKey(['1']));
  });

  it('keys Sets by their members (a unit scope), not as an empty object', () => {
    assert.equal(inputKey([new Set(['T1', 'T2'])]), inputKey([new Set(['T2', 'T1'])]));
    assert.notEqual(inputKey([new Set(['T1'])]), inputKey([new Set(['T2'])]));
  });

  it('keys small tables by content and other objects (Maps, closures) by identity', () => {
    const t = aq.table({ unit: ['A', 'B'], n: [1, 2] });
    assert.equal(inputKey([t]), inputKey([aq.table({ unit: ['A', 'B'], n: [1, 2] })]));
    assert.notEqual(inputKey([t]), inputKey([aq.table({ unit: ['A', 'B'], n: [1, 3] })]));
    const m = new Map([['A', 'x']]);
    assert.equal(inputKey([m]), inputKey([m]));
    assert.notEqual(inputKey([m]), inputKey([new Map([['A', 'x']])]));
    assert.notEqual(inputKey([() => 1]), inputKey([() => 1]));
  });

  it('keys a published table by its cells, not by whom a unit report says they count', () => {
    const cells = aq.table({ team: ['T1', 'T2', 'T3'], leavers: [3, 6, 7] });
    const spec = { by: ['team'], counts: ['leavers'] };
    const force = publishTable(cells, spec);
    const unit = publishTable(cells, {
      ...spec,
      rest: { label: 'Rest of organisation', unit: 'T2', within: true },
    });
    assert.equal(inputKey([unit]), inputKey([force]));
    // the first team's 3 is hidden in one and shown in the other: different inputs
    const shown = publishTable(cells, spec, { mode: 'analyst' });
    assert.notEqual(inputKey([shown]), inputKey([force]));
  });

  it('computes once per distinct input and returns the same result', () => {
    let calls = 0;
    const f = memoise('test-f', (t: aq.ColumnTable, o: { k: number }) => {
      calls += 1;
      return t.numRows() * o.k;
    });
    const t = aq.table({ x: [1, 2, 3] });
    assert.equal(f(t, { k: 2 }), 6);
    assert.equal(f(t, { k: 2 }), 6);
    assert.equal(calls, 1);
    assert.equal(f(t, { k: 3 }), 9);
    assert.equal(calls, 2);
  });

  it('wraps only the named functions of a module', () => {
    let calls = 0;
    const mod = { heavy: (x: number) => (calls += x), other: (x: number) => x + 1, value: 7 };
    const wrapped = memoiseModule(mod, ['heavy']);
    wrapped.heavy(1);
    wrapped.heavy(1);
    assert.equal(calls, 1);
    assert.equal(wrapped.other(1), 2);
    assert.equal(wrapped.value, 7);
  });
});
