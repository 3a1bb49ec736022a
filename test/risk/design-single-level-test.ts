// riskDesign on an extract where a categorical input has one level (e.g. staff only): the column is
// dropped with the reason, not the whole model refused.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { riskDesign } from '../../src/risk/design.js';

describe('riskDesign with a one-level category', () => {
  const t = aq.table({
    worker_type: ['staff', 'staff', 'staff', 'staff'],
    overtime_hours_12m: [0, 100, 200, 300],
  });
  const features = [
    { column: 'worker_type', reference: 'staff', label: 'worker type' },
    { column: 'overtime_hours_12m', per: 100, label: 'per 100 hours' },
  ];
  it('drops it, says why and keeps the other inputs', () => {
    const d = riskDesign(t, features);
    assert.deepEqual(d.names, ['(Intercept)', 'overtime_hours_12m']);
    assert.deepEqual(d.dropped, [
      { name: 'worker_type', reason: 'a single level (staff) in the data' },
    ]);
    assert.deepEqual(Array.from(d.columns[1]), [0, 1, 2, 3]);
  });
});
