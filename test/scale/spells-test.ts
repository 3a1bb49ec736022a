import assert from 'node:assert/strict';
import { GrainPeriodRows, grainPeriodColumns } from '../../src/scale/spells.js';

describe('grainPeriodColumns', () => {
  it('puts the grain, then the period and its dates, then the measures', () => {
    assert.deepEqual(grainPeriodColumns(['unit_id'], ['claims']), [
      'unit_id',
      'period',
      'period_start',
      'period_end',
      'claims',
    ]);
  });
});

describe('GrainPeriodRows', () => {
  it('adds one row per grain value and period on first use, measures from 0', () => {
    const jan = { kind: 'month' as const, label: '2024-01', start: 19723, end: 19753 };
    const feb = { kind: 'month' as const, label: '2024-02', start: 19754, end: 19782 };
    const out = new GrainPeriodRows(['unit_id'], ['claims']);
    const a = { values: ['A'], key: '["A"]' };
    out.add('claims', out.row(a, 0, jan), 1);
    out.add('claims', out.row(a, 1, feb), 2);
    out.add('claims', out.row(a, 0, jan), 3);
    assert.deepEqual(out.toTable().objects(), [
      { unit_id: 'A', period: '2024-01', period_start: 19723, period_end: 19753, claims: 4 },
      { unit_id: 'A', period: '2024-02', period_start: 19754, period_end: 19782, claims: 2 },
    ]);
  });
});
