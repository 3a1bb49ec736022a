import assert from 'node:assert/strict';
import {
  AuditCache,
  auditLeakText,
  auditPublishedTables,
  auditRelations,
  type AuditTable,
} from '../../src/privacy/audit.js';
import { forceByRole, unitByRole } from './support/role-reports.js';

const C = '[c]';

/** A table of leavers: dimension columns `by`, then the leavers column. */
function leavers(name: string, by: string[], rows: (string | number)[][], extra = {}): AuditTable {
  return { name, columns: [...by, 'leavers'], by, countColumns: ['leavers'], rows, ...extra };
}

describe('auditPublishedTables', () => {
  it('finds a leaver type hidden alone in one table whose total another table shows', () => {
    // Hidden dismissal = 22 − 12 − 7 = 3.
    const types = leavers(
      'by-type',
      ['leaver_type'],
      [
        ['resignation', 12],
        ['retirement', 7],
        ['dismissal', C],
      ],
    );
    const total = leavers('headline', [], [[22]]);
    const leaks = auditPublishedTables([types, total]);
    assert.equal(leaks.length, 1);
    assert.deepEqual(
      { ...leaks[0], relation: undefined, cells: undefined },
      {
        table: 'by-type',
        tableIndex: 0,
        column: 'leavers',
        row: 2,
        cell: { leaver_type: 'dismissal' },
        via: ['headline', 'by-type'],
        how: 'subtraction',
        relation: undefined,
        verified: false, // the only group is the leaking one: nothing confirms the relation
        cells: undefined,
      },
    );
    assert.match(leaks[0].relation, /^headline \(the only row\) = sum of 3 rows of by-type/);
    // The cells of the relation: the headline's one row, then the three leaver types.
    assert.deepEqual(
      leaks[0].cells.map((c) => [c.tableIndex, c.row]),
      [
        [1, 0],
        [0, 0],
        [0, 1],
        [0, 2],
      ],
    );
  });

  it('finds nothing when the group hides two cells', () => {
    // dismissal + retirement = 22 − 12 = 10: neither is pinned.
    const types = leavers(
      'by-type',
      ['leaver_type'],
      [
        ['resignation', 12],
        ['retirement', C],
        ['dismissal', C],
      ],
    );
    assert.deepEqual(auditPublishedTables([types, leavers('headline', [], [[22]])]), []);
  });

  it("groups the finer table to the coarser table's dimensions, reading All rows as sums", () => {
    const fine = leavers(
      'by-unit-type',
      ['unit', 'leaver_type'],
      [
        ['A', 'resignation', 10],
        ['A', 'retirement', 6],
        ['A', 'dismissal', C], // 19 − 10 − 6 = 3
        ['B', 'resignation', 8],
        ['B', 'retirement', C], // B hides two: 17 − 8 = 9 between them
        ['B', 'dismissal', C],
        ['C', 'resignation', 5],
        ['C', 'retirement', 5],
        ['C', 'dismissal', 0],
      ],
    );
    const coarse = leavers(
      'by-unit',
      ['unit'],
      [
        ['A', 19],
        ['B', 17],
        ['C', 10], // 5 + 5 + 0: confirms the relation
        ['All', 46], // 19 + 17 + 10
      ],
      { total: 'All' },
    );
    const leaks = auditPublishedTables([fine, coarse]);
    assert.deepEqual(
      leaks.map((l) => [l.table, l.cell, l.verified]),
      [['by-unit-type', { unit: 'A', leaver_type: 'dismissal' }, true]],
    );
  });

  it('ignores a relation that fully shown groups contradict (the tables count different people)', () => {
    // by-unit counts another population: unit C shows 12, but 5 + 5 + 0 = 10 in by-unit-type.
    const fine = leavers(
      'by-unit-type',
      ['unit', 'leaver_type'],
      [
        ['A', 'resignation', 10],
        ['A', 'retirement', 6],
        ['A', 'dismissal', C],
        ['C', 'resignation', 5],
        ['C', 'retirement', 5],
        ['C', 'dismissal', 0],
      ],
    );
    const other = leavers(
      'by-unit',
      ['unit'],
      [
        ['A', 19],
        ['C', 12],
      ],
    );
    assert.deepEqual(auditPublishedTables([fine, other]), []);
  });

  it('ignores a relation that would need a hidden count below zero (the tables count different people)', () => {
    // A 300-person run: people in post in the month scored (218 in all) and employment spells followed
    // by district (77 + 83 + 71 shown, East hidden) share the column "people" and the period, but
    // 218 − 77 − 83 − 71 = −13: the spells are not the people in post, and East is not recoverable.
    const people = (name: string, by: string[], rows: (string | number)[][]): AuditTable => ({
      name,
      columns: [...by, 'people'],
      by,
      countColumns: ['people'],
      rows,
    });
    const spells = people(
      'log-rank',
      ['group'],
      [
        ['East District', C],
        ['North District', 77],
        ['South District', 83],
        ['West District', 71],
      ],
    );
    const inPost = people(
      'risk-by-team',
      ['team'],
      [
        ['East Response Team A', C],
        ['East Response Team B', C],
        ['All', 218],
      ],
    );
    assert.deepEqual(auditPublishedTables([spells, inPost]).map(auditLeakText), []);
  });

  it('relates tables that say they count different people only through relations shown groups confirm', () => {
    const people = (who: string, by: string[], rows: (string | number)[][]): AuditTable => ({
      name: who,
      columns: [...by, 'people'],
      by,
      countColumns: ['people'],
      rows,
      who,
    });
    const spells = people(
      'employment spells followed',
      ['group'],
      [
        ['East District', C],
        ['North District', 50],
        ['South District', 60],
        ['West District', 40],
      ],
    );
    const inPost = (who: string) =>
      people(
        who,
        ['team'],
        [
          ['East Response Team A', C],
          ['East Response Team B', C],
          ['All', 218],
        ],
      );
    // Nothing confirms "218 = East + 150" and the tables say whom they count: not the same people.
    assert.deepEqual(auditPublishedTables([spells, inPost('people in post')]), []);
    // The same words: the same people, and East = 68 follows.
    const leaks = auditPublishedTables([spells, inPost('employment spells followed')]);
    assert.deepEqual(
      leaks.map((l) => [l.table, l.row, l.how]),
      [['employment spells followed', 0, 'subtraction']],
    );
  });

  it("reads a unit report's table of the unit's people only as that unit's, not the organisation's", () => {
    // North's report counts North's leavers by type (All hidden: 3); the force's headline total is 40.
    // Read as the same figure, 40 = resignation + retirement would pin North's hidden cells.
    const north = leavers(
      'north-by-type',
      ['leaver_type'],
      [
        ['resignation', C],
        ['retirement', C],
        ['All', C],
      ],
      { rest: { label: 'Rest of organisation', unit: 'N', within: true } },
    );
    const headline = leavers('force', [], [[40]]);
    assert.deepEqual(auditPublishedTables([north, headline]).map(auditLeakText), []);
    // without the mark the two tables relate: All = 40, and nothing else changes
    const unmarked = { ...north, rest: undefined };
    assert.equal(auditPublishedTables([unmarked, headline]).length, 1);
  });

  it('recovers cells in turn: a cell one table gives back opens a group in another', () => {
    const fine = leavers(
      'by-unit-type',
      ['unit', 'leaver_type'],
      [
        ['A', 'resignation', C], // shown as 4 in by-unit-type-2
        ['A', 'retirement', 6],
        ['A', 'dismissal', C], // then 13 − 4 − 6 = 3
      ],
    );
    const same = leavers('by-unit-type-2', ['unit', 'leaver_type'], [['A', 'resignation', 4]]);
    const units = leavers('by-unit', ['unit'], [['A', 13]]);
    const leaks = auditPublishedTables([fine, same, units]);
    assert.deepEqual(
      leaks.map((l) => [l.table, l.cell.leaver_type, l.how]),
      [
        ['by-unit-type', 'resignation', 'subtraction'],
        ['by-unit-type', 'dismissal', 'subtraction'],
      ],
    );
  });

  it('pins cells that only several relations together give back (elimination)', () => {
    // A + B = 17 − 10 = 7, B + C = 15 − 5 = 10, A + C = 9, and each team is the same cell in every
    // table: A = (7 − 10 + 9) / 2 = 3, B = 4, C = 6. No single relation has one unknown.
    const t1 = leavers(
      't1',
      ['team'],
      [
        ['A', C],
        ['B', C],
        ['D', 10],
        ['All', 17],
      ],
      { total: 'All' },
    );
    const t2 = leavers(
      't2',
      ['team'],
      [
        ['B', C],
        ['C', C],
        ['E', 5],
        ['All', 15],
      ],
      { total: 'All' },
    );
    const t3 = leavers(
      't3',
      ['team'],
      [
        ['A', C],
        ['C', C],
        ['All', 9],
      ],
      { total: 'All' },
    );
    const leaks = auditPublishedTables([t1, t2, t3]);
    assert.deepEqual(leaks.map((l) => `${l.table}:${l.cell.team}:${l.how}`).sort(), [
      't1:A:elimination',
      't1:B:elimination',
      't2:B:elimination',
      't2:C:elimination',
      't3:A:elimination',
      't3:C:elimination',
    ]);
    // Without t3 the system has A + B = 7 and B + C = 10 only: nothing is pinned.
    assert.deepEqual(auditPublishedTables([t1, t2]), []);
  });

  it('reports no hidden cell the figures pin to 0: zeros are shown (an empty group identifies nobody)', () => {
    // By subtraction: resignations = 13 − 13 = 0 (no leak); retirements = 13 − 9 = 4 (a leak).
    const zero: AuditTable = {
      name: 'zero',
      columns: ['leaver_type', 'leavers'],
      countColumns: ['leavers'],
      rows: [
        ['resignation', C],
        ['dismissal', 13],
        ['All', 13],
      ],
    };
    assert.deepEqual(auditPublishedTables([zero]), []);
    const four = { ...zero, rows: [...zero.rows.slice(0, 1), ['dismissal', 9], ['All', 13]] };
    assert.deepEqual(
      auditPublishedTables([four]).map((l) => [l.row, l.how]),
      [[0, 'subtraction']],
    );
    // By elimination: s = a + b = 2, t = b + c = 2, u = a + c = 0 give a = 0, b = 2, c = 0 (worked
    // by hand: a − c = s − t = 0 and a + c = 0): only b is a leak.
    const cycle: AuditTable = {
      name: 'cycle',
      columns: ['unit', 'a', 'b', 'c', 's', 't', 'u'],
      by: ['unit'],
      countColumns: ['a', 'b', 'c', 's', 't', 'u'],
      relations: [
        { total: 's', parts: ['a', 'b'] },
        { total: 't', parts: ['b', 'c'] },
        { total: 'u', parts: ['a', 'c'] },
      ],
      rows: [['X', C, C, C, 2, 2, 0]],
    };
    assert.deepEqual(
      auditPublishedTables([cycle]).map((l) => [l.column, l.how]),
      [['b', 'elimination']],
    );
  });

  it('reads a figure the table repeats down a dimension (sameAcross) as one figure', () => {
    // Unit X's headcount, 31, on each characteristic's row. The ethnicity row hides it, but the sex
    // row shows it: people = 31, and then not_stated = 31 − 27 − 0 = 4 (worked by hand). Today's
    // reports hid such copies one row at a time (the independent attacker recovered them).
    const equality: AuditTable = {
      name: 'equality',
      columns: ['unit', 'characteristic', 'people', 'recorded', 'not_stated', 'missing'],
      by: ['unit', 'characteristic'],
      countColumns: ['people', 'recorded', 'not_stated', 'missing'],
      relations: [{ total: 'people', parts: ['recorded', 'not_stated', 'missing'] }],
      sameAcross: { people: ['characteristic'] },
      rows: [
        ['X', 'sex', 31, C, C, 0],
        ['X', 'ethnicity', C, 27, C, 0],
      ],
    };
    const leaks = auditPublishedTables([equality]).map((l) => [l.row, l.column]);
    assert.deepEqual(leaks, [
      [1, 'people'],
      [1, 'not_stated'],
    ]);
    // without the declaration the two rows are two figures, and nothing is given back
    const { sameAcross: _declared, ...undeclared } = equality;
    assert.deepEqual(auditPublishedTables([undeclared]), []);
    // hidden in both rows, the copies are one unknown: sex gives people − recorded = not_stated,
    // ethnicity people − 27 = not_stated', and nothing pins any of them
    const both = { ...equality, rows: [['X', 'sex', C, C, C, 0], equality.rows[1]] };
    assert.deepEqual(auditPublishedTables([both]), []);
  });

  it('reads a missing hierarchy dimension as its root when the shown groups say so', () => {
    const hierarchy = {
      column: 'leaver_type',
      parent: { resignation: 'all_except_transfers', retirement: 'all_except_transfers' },
    };
    const types = leavers(
      'by-type',
      ['worker_type', 'leaver_type'],
      [
        ['officer', 'all_except_transfers', C], // = 21 in rates
        ['officer', 'resignation', C],
        ['officer', 'retirement', C],
        ['officer', 'transfer_out', C],
        ['staff', 'all_except_transfers', 10],
        ['staff', 'resignation', 6],
        ['staff', 'retirement', 4],
        ['staff', 'transfer_out', 2],
      ],
      { hierarchy },
    );
    // Rates count leavers without transfers: staff 10 = the root row (10), not 10 + 2 = 12.
    const rates = leavers(
      'rates',
      ['worker_type'],
      [
        ['officer', 21],
        ['staff', 10],
      ],
    );
    const leaks = auditPublishedTables([types, rates]);
    assert.deepEqual(
      leaks.map((l) => [l.cell, l.verified]),
      [[{ worker_type: 'officer', leaver_type: 'all_except_transfers' }, true]],
    );
    assert.match(leaks[0].relation, /\[leaver_type: all_except_transfers\]/);
  });

  it('treats an All row as a total even when the table did not declare one', () => {
    // B = 13 − 10 = 3: the table was published without total: 'All', so nothing protected it.
    const t = leavers(
      'undeclared',
      ['team'],
      [
        ['A', 10],
        ['B', C],
        ['All', 13],
      ],
    );
    const leaks = auditPublishedTables([t]);
    assert.deepEqual(
      leaks.map((l) => [l.table, l.cell, l.via]),
      [['undeclared', { team: 'B' }, ['undeclared']]],
    );
  });

  it('reads a table about one period as having that period, so it meets tables by period', () => {
    // A = 15 − 4 − 8 = 3, with the FY2024-25 row of the trend table.
    const teams = leavers(
      'teams',
      ['team'],
      [
        ['A', C],
        ['B', 4],
        ['C', 8],
      ],
    );
    const trend = leavers(
      'trend',
      ['period'],
      [
        ['FY2023-24', 20],
        ['FY2024-25', 15],
      ],
    );
    assert.deepEqual(auditPublishedTables([teams, trend]), []);
    const leaks = auditPublishedTables([{ ...teams, period: 'FY2024-25' }, trend]);
    assert.deepEqual(
      leaks.map((l) => l.cell),
      [{ team: 'A', period: 'FY2024-25' }],
    );
  });

  it('audits count columns only, and takes the dimensions to be the columns before them', () => {
    // The rate is hidden in one row beside a shown total rate: rates are not additive, no leak.
    const t: AuditTable = {
      name: 'rates',
      columns: ['team', 'headcount', 'rate_pct'],
      countColumns: ['headcount'],
      rows: [
        ['A', 10, C],
        ['B', 12, 20],
        ['All', 22, 9.1],
      ],
    };
    assert.deepEqual(auditPublishedTables([t]), []);
    const hidden = {
      ...t,
      rows: [
        ['A', C, C],
        ['B', 12, 20],
        ['All', 22, 9.1],
      ],
    };
    assert.deepEqual(
      auditPublishedTables([hidden]).map((l) => [l.column, l.cell]),
      [['headcount', { team: 'A' }]], // 22 − 12 = 10
    );
  });

  it('throws naming the table when a declared column is missing', () => {
    assert.throws(
      () =>
        auditPublishedTables([
          { name: 'x', columns: ['team', 'n'], by: ['unit'], countColumns: ['n'], rows: [] },
        ]),
      {
        message:
          'auditPublishedTables: table 0 ("x"): column "unit" not in its columns (team, n). Pass the table as exported.',
      },
    );
  });
});

describe("auditPublishedTables on unit reports' rest of the organisation", () => {
  // Districts D1 = 10, D2 = 20, D3 = 30 people; the force report hides them all and the total. Each
  // district's report hides its own district and the total but shows its rest of the organisation:
  // 50, 40, 30. The rests add up to twice the total (each district is in two of them), so the total is
  // 60 and each district the total minus its rest. Found on a 300-person demo run (issue 18).
  const force: AuditTable = {
    name: 'force',
    columns: ['unit', 'people'],
    by: ['unit'],
    countColumns: ['people'],
    total: 'All',
    rows: [
      ['D1', C],
      ['D2', C],
      ['D3', C],
      ['All', C],
    ],
  };
  const report = (unit: string, rest: number): AuditTable => ({
    name: `units/${unit}`,
    columns: ['unit', 'people'],
    by: ['unit'],
    countColumns: ['people'],
    total: 'All',
    rest: { label: 'Rest of organisation', unit },
    rows: [
      [unit, C],
      ['Rest of organisation', rest],
      ['All', C],
    ],
  });
  const run = [force, report('D1', 50), report('D2', 40), report('D3', 30)];

  it("reads each report's rest as its own figure, and finds the total and every district", () => {
    const leaks = auditPublishedTables(run);
    const found = new Set(leaks.map((l) => `${l.table}: ${String(l.cell.unit)}`));
    for (const unit of ['D1', 'D2', 'D3', 'All']) assert.ok(found.has(`force: ${unit}`), unit);
  });

  it('finds nothing when one report hides its rest too', () => {
    const safer = [...run];
    safer[3] = {
      ...report('D3', 30),
      rows: [
        ['D3', C],
        ['Rest of organisation', C],
        ['All', C],
      ],
    };
    assert.deepEqual(auditPublishedTables(safer).map(auditLeakText), []);
  });
});

describe('auditRelations on a figure every unit report repeats', () => {
  // The force hides R1's people (12); each of four unit reports shows R1 in its unit and the rest of the
  // organisation, and the whole force's R1 hidden: five copies of one hidden figure. Relating every
  // copy to every other copy (and each report's unit + rest to every other report's copy of the whole)
  // grows with the square of the reports: 84 team reports of the demo force gave 1.07 million
  // relations for notebook 01, and the run protection ran out of a 12 GB heap.
  const force = forceByRole();
  const unitReport = (k: number, team: number, r2: number, whole: number | string = C) =>
    unitByRole(k, team, r2, { whole });
  const run: AuditTable[] = [
    force,
    unitReport(1, 6, 10),
    unitReport(2, 5, 20),
    unitReport(3, 4, 15),
    unitReport(4, 3, 5),
  ];

  it('relates the hidden copies of a figure through one of them, and two unit reports not at all', () => {
    const { relations } = auditRelations(run);
    const across = relations.filter((r) => r.coarse !== r.fine);
    // by hand: the 5 hidden copies of R1's whole, each linked to the first (the force's): 4; within
    // each unit report, R1's whole = unit + rest: 4 (R2's are shown: nothing to relate)
    assert.equal(across.length, 4);
    for (const r of across) {
      assert.equal(r.cells.length, 2, r.text);
      assert.equal(r.coarse, 0, `the first copy, the force's, stands for the others: ${r.text}`);
    }
    assert.equal(relations.length - across.length, 4);
    // every copy is still given back (each report's unit + rest, then the copies)
    assert.deepEqual(
      auditPublishedTables(run)
        .map((l) => l.table)
        .sort(),
      run.map((t) => t.name).sort(),
    );
  });

  it('relates a copy shown in one report to the hidden copies, which it gives back', () => {
    const shown = [...run.slice(0, 4), unitReport(4, 3, 5, 12)];
    const { relations } = auditRelations(shown);
    const fromU4 = relations.filter(
      (r) => r.coarse !== r.fine && r.cells.some((c) => c.table === 4),
    );
    assert.ok(fromU4.length > 0, 'the shown copy is related to a hidden one');
    const leaks = auditPublishedTables(shown).filter((l) =>
      l.cells.some((c) => c.tableIndex === 4),
    );
    assert.ok(leaks.length > 0, "a hidden copy is given back through U4's shown copy");
  });

  it('keeps in its cache only the relations of the tables it last audited', () => {
    const cache = new AuditCache();
    auditPublishedTables(run, { cache });
    const pairs = cache.relations.size;
    const changed = run.map((t, i) => (i === 4 ? unitReport(4, 3, 5, 12) : t));
    auditPublishedTables(changed, { cache });
    auditPublishedTables(run, { cache });
    assert.equal(cache.relations.size, pairs);
    assert.equal(cache.ids.size, run.length);
  });
});

describe('auditLeakText', () => {
  it('names the table, column, cell, how and the relation', () => {
    const [leak] = auditPublishedTables([
      leavers(
        'undeclared',
        ['team'],
        [
          ['A', 10],
          ['B', C],
          ['All', 13],
        ],
      ),
    ]);
    assert.equal(
      auditLeakText(leak),
      'undeclared: hidden leavers (team=B) recoverable by subtraction (relation not confirmed by shown groups): ' +
        'undeclared (team=All) = sum of 2 rows of undeclared',
    );
  });
});
