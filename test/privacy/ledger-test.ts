import assert from 'node:assert/strict';
import { table } from 'arquero';
import { DisclosureLedger, publishTable, type CellSpec } from '../../src/privacy/index.js';

const spec: CellSpec = { by: ['team'], population: 'headcount', total: 'All', period: '2024-Q1' };

describe('DisclosureLedger', () => {
  it('hides in a later output the complement an earlier output hid', () => {
    const ledger = new DisclosureLedger();
    // Output 1: A = 3 hidden, B = 12 hidden as its complement.
    const first = publishTable(
      table({ team: ['A', 'B', 'C', 'All'], headcount: [3, 12, 20, 35] }),
      spec,
      {},
      ledger,
    );
    assert.deepEqual(first.table.array('headcount'), [null, null, 20, 35]);
    // Output 2 lists B and C only. Showing B = 12 would give A = 35 − 12 − 20 = 3 from output 1.
    const second = publishTable(
      table({ team: ['B', 'C'], headcount: [12, 20] }),
      { by: ['team'], population: 'headcount', period: '2024-Q1' },
      {},
      ledger,
    );
    assert.deepEqual(second.table.array('headcount'), [null, 20]);
    assert.deepEqual(
      second.log.entries.map((e) => e.reason),
      ['ledger'],
    );
  });

  it('matches cells on column, dimension values and period', () => {
    const ledger = new DisclosureLedger();
    ledger.record({
      column: 'headcount',
      cell: { team: 'B' },
      period: '2024-Q1',
      reason: 'secondary-margin',
    });
    assert.equal(ledger.has('headcount', { team: 'B' }, '2024-Q1'), true);
    assert.equal(ledger.has('headcount', { team: 'B' }, '2024-Q2'), false);
    assert.equal(ledger.has('leavers', { team: 'B' }, '2024-Q1'), false);
    assert.equal(ledger.has('headcount', { team: 'B', grade: 'PC' }, '2024-Q1'), false);
    assert.equal(ledger.size, 1);
  });

  it('keeps no values, only keys and reasons', () => {
    const ledger = new DisclosureLedger();
    publishTable(
      table({ team: ['A', 'B', 'C', 'All'], headcount: [3, 12, 20, 35] }),
      spec,
      {},
      ledger,
    );
    assert.deepEqual(ledger.entries(), [
      { column: 'headcount', cell: { team: 'A' }, period: '2024-Q1', reason: 'primary-population' },
      { column: 'headcount', cell: { team: 'B' }, period: '2024-Q1', reason: 'secondary-margin' },
    ]);
  });

  it('records nothing in analyst mode', () => {
    const ledger = new DisclosureLedger();
    publishTable(
      table({ team: ['A', 'B'], headcount: [3, 12] }),
      spec,
      { mode: 'analyst' },
      ledger,
    );
    assert.equal(ledger.size, 0);
  });
});
