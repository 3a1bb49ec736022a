import assert from 'node:assert/strict';
import { auditPublishedTables, type AuditTable } from '../../src/privacy/audit.js';
import { publishTable } from '../../src/privacy/publish.js';
import { ledgerFromEntries, protectRun, tablesTouch } from '../../src/privacy/run.js';
import * as aq from 'arquero';

const C = '[c]';

// The force report hides teams T1 and T2 (T2 is 3 people, T1 its complement); a unit report
// shows T1 = 6 beside the rest of the organisation: together they give T2 = 16 − 7 − 6 = 3.
const force: AuditTable = {
  name: 'force',
  columns: ['team', 'spells'],
  by: ['team'],
  countColumns: ['spells'],
  total: 'All',
  period: 'FY2024-25',
  rows: [
    ['T1', C],
    ['T2', C],
    ['T3', 7],
    ['All', 16],
  ],
};
const unit: AuditTable = {
  name: 'unit',
  columns: ['team', 'spells'],
  by: ['team'],
  countColumns: ['spells'],
  total: 'All',
  period: 'FY2024-25',
  rows: [
    ['T1', 6],
    ['Rest of organisation', 10],
    ['All', 16],
  ],
};

describe('protectRun', () => {
  it('hides everywhere a cell that one table of the run hides', () => {
    assert.equal(auditPublishedTables([force, unit]).length, 2); // T1 shown, so T2 = 16 − 7 − 6
    const { hide } = protectRun([force, unit]);
    // T1 hidden in the unit report too; then T1 = All − Rest there, so Rest (10 < All 16) goes.
    assert.deepEqual(
      hide.map((e) => e.cell.team),
      ['T1', 'Rest of organisation'],
    );
    const marked = {
      ...unit,
      rows: [
        ['T1', C],
        ['Rest of organisation', C],
        ['All', 16],
      ],
    };
    assert.deepEqual(auditPublishedTables([force, marked]), []);
  });

  it('hides one more cell of a relation that recovers a hidden cell across tables', () => {
    // Force: T1 + T2 + T3 = 20 − 9 = 11; a district table gives T1 + T2 = D1 = 5, so T3 = 6.
    const wide: AuditTable = {
      ...force,
      rows: [
        ['T1', C],
        ['T2', C],
        ['T3', C],
        ['T4', 9],
        ['All', 20],
      ],
    };
    const district: AuditTable = {
      name: 'district',
      columns: ['team', 'spells'],
      by: ['team'],
      countColumns: ['spells'],
      period: 'FY2024-25',
      hierarchy: { column: 'team', parent: { T1: 'D1', T2: 'D1' } },
      rows: [['D1', 5]],
    };
    const leaks = auditPublishedTables([wide, district]);
    assert.deepEqual(
      leaks.map((l) => [l.table, l.cell.team]),
      [['force', 'T3']],
    );
    const protection = protectRun([wide, district]);
    // T3 is pinned by the force's margin with D1: the smallest non-zero shown cell of the margin
    // that pins it (T4 = 9; All = 20) joins the hidden cells, and then nothing is recovered.
    assert.deepEqual(
      protection.hide.map((e) => e.cell),
      [{ team: 'T4' }],
    );
    const marked = { ...wide, rows: wide.rows.map((r) => (r[0] === 'T4' ? ['T4', C] : r)) };
    assert.deepEqual(auditPublishedTables([marked, district]), []);
  });

  it('returns nothing for a run that is already safe', () => {
    assert.deepEqual(protectRun([force]), { hide: [], rounds: 1 });
  });
});

describe('tablesTouch', () => {
  it('says whether a job holds a cell to hide', () => {
    const entry = {
      column: 'spells',
      cell: { team: 'T1' },
      period: 'FY2024-25',
      reason: 'ledger' as const,
    };
    assert.equal(tablesTouch([unit], [entry]), true);
    assert.equal(tablesTouch([unit], [{ ...entry, period: 'FY2023-24' }]), false);
  });
});

describe('ledgerFromEntries', () => {
  it('seeds a ledger so that publishTable hides the cell again', () => {
    const ledger = ledgerFromEntries([
      { column: 'spells', cell: { team: 'T1' }, period: 'FY2024-25', reason: 'secondary-margin' },
    ]);
    const t = aq.table({ team: ['T1', 'T2', 'T3'], spells: [6, 8, 7] });
    const published = publishTable(
      t,
      { by: ['team'], counts: ['spells'], period: 'FY2024-25' },
      {},
      ledger,
    );
    assert.deepEqual(published.table.array('spells_status'), ['suppressed', 'shown', 'shown']);
  });
});
