import assert from 'node:assert/strict';
import { table } from 'arquero';
import { DisclosureLedger, publishTable, type CellSpec } from '../../src/privacy/index.js';

const spec: CellSpec = { by: ['team'], population: 'headcount', total: 'All', period: '2024-Q1' };

describe('DisclosureLedger', () => {
  it('hides in a later output the complement an earlier output hid', () => {
    const ledger = new DisclosureLedger();
    // Output 1: A = 3 hidden, and B (12) or C (20) hidden as its complement.
    const first = publishTable(
      table({ team: ['A', 'B', 'C', 'All'], headcount: [3, 12, 20, 35] }),
      spec,
      {},
      ledger,
    );
    const firstHc = first.table.array('headcount') as (number | null)[];
    assert.equal(firstHc[0], null);
    assert.equal(firstHc[3], 35);
    const complement = firstHc[1] === null ? 0 : 1; // index in output 2 (B, C)
    assert.equal(firstHc.filter((v) => v === null).length, 2);
    // Output 2 lists B and C only. Showing the complement would give A = 35 − 12 − 20 = 3 from output 1.
    const second = publishTable(
      table({ team: ['B', 'C'], headcount: [12, 20] }),
      { by: ['team'], population: 'headcount', period: '2024-Q1' },
      {},
      ledger,
    );
    const expected: (number | null)[] = [12, 20];
    expected[complement] = null;
    assert.deepEqual(second.table.array('headcount'), expected);
    assert.deepEqual(
      second.log.entries.map((e) => e.reason),
      ['ledger'],
    );
  });

  it("keys a unit report's rest rows by the unit: another unit's rest counts other people", () => {
    // The force: A 3, B 20, C 20 (43). A's report hides A (3) and its rest (40) as the complement;
    // B's rest (23: A and C) is another figure, so B's report shows it. (That the run's reports
    // together give nothing back is protectRun's check: test/privacy/attack-run-test.ts.)
    const ledger = new DisclosureLedger();
    const unitSpec = (unit: string): CellSpec => ({ ...spec, rest: { label: 'Rest', unit } });
    const a = publishTable(
      table({ team: ['A', 'Rest', 'All'], headcount: [3, 40, 43] }),
      unitSpec('A'),
      {},
      ledger,
    );
    assert.deepEqual(a.table.array('headcount'), [null, null, 43]);
    const b = publishTable(
      table({ team: ['B', 'Rest', 'All'], headcount: [20, 23, 43] }),
      unitSpec('B'),
      {},
      ledger,
    );
    assert.deepEqual(b.table.array('headcount'), [20, 23, 43]);
    // A's report again (a rerun) still hides its own rest
    const again = publishTable(
      table({ team: ['A', 'Rest', 'All'], headcount: [3, 40, 43] }),
      unitSpec('A'),
      {},
      ledger,
    );
    assert.deepEqual(
      again.log.entries.filter((e) => e.reason === 'ledger').map((e) => e.cell.team),
      ['Rest'],
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
    const entries = ledger.entries();
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0], {
      column: 'headcount',
      cell: { team: 'A' },
      period: '2024-Q1',
      reason: 'primary-population',
    });
    // the complement (B or C): its key and reason, no value
    assert.deepEqual(Object.keys(entries[1]).sort(), ['cell', 'column', 'period', 'reason']);
    assert.ok(['B', 'C'].includes(String(entries[1].cell.team)));
    assert.equal(entries[1].reason, 'secondary-margin');
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
