import assert from 'node:assert/strict';
import { auditPublishedTables, type AuditTable } from '../../src/privacy/audit.js';
import { publishTable } from '../../src/privacy/publish.js';
import {
  ledgerFromEntries,
  protectRun,
  tablesTouch,
  type RunRound,
} from '../../src/privacy/run.js';
import * as aq from 'arquero';
import { forceByRole, unitByRole } from './support/role-reports.js';

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

describe('protectRun', () => {
  it('hides everywhere a cell that one table of the run hides', async () => {
    assert.equal(auditPublishedTables([force, unit]).length, 2); // T1 shown, so T2 = 16 − 7 − 6
    const { hide } = await protectRun([force, unit]);
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

  it('hides everywhere the same figure under another shape (a dimension at its total, the period as a column)', async () => {
    // The headline figures hide the 13 leavers of all types except transfers (a complement); notebook
    // 02 shows the same 13 in its row for all worker types. The tables describe whom they count in
    // other words and share no other shown figure, so no relation between them is confirmed; a reader
    // still matches the two by hand (the attacker test did), so the figure is hidden in both.
    const headline: AuditTable = {
      name: 'metrics/leavers.leavers_by_type',
      who: 'leavers',
      columns: ['period', 'leaver_type', 'leavers'],
      by: ['period', 'leaver_type'],
      countColumns: ['leavers'],
      period: 'FY2024-25',
      rows: [
        ['FY2024-25', 'voluntary_resignation', C],
        ['FY2024-25', 'all_except_transfers', C],
      ],
    };
    const byWorkerType: AuditTable = {
      name: '02/leavers-by-type',
      who: 'leavers by worker type',
      columns: ['worker_type', 'leaver_type', 'leavers'],
      by: ['worker_type', 'leaver_type'],
      countColumns: ['leavers'],
      total: 'All',
      period: 'FY2024-25',
      rows: [['All', 'all_except_transfers', 13]],
    };
    const { hide } = await protectRun([headline, byWorkerType]);
    // hidden under the shape of the table that showed it (what its notebook's ledger will match)
    assert.deepEqual(
      hide.find((e) => e.cell.worker_type === 'All'),
      {
        column: 'leavers',
        cell: { worker_type: 'All', leaver_type: 'all_except_transfers' },
        period: 'FY2024-25',
        reason: 'secondary-margin',
      },
    );
  });

  it('hides one more cell of a relation that recovers a hidden cell across tables', async () => {
    const leaks = auditPublishedTables([wide, district]);
    assert.deepEqual(
      leaks.map((l) => [l.table, l.cell.team]),
      [['force', 'T3']],
    );
    const protection = await protectRun([wide, district]);
    // T3 is pinned by the force's margin with D1: the smallest non-zero shown cell of the margin
    // that pins it (T4 = 9; All = 20) joins the hidden cells, and then nothing is recovered.
    assert.deepEqual(
      protection.hide.map((e) => e.cell),
      [{ team: 'T4' }],
    );
    const marked = { ...wide, rows: wide.rows.map((r) => (r[0] === 'T4' ? ['T4', C] : r)) };
    assert.deepEqual(auditPublishedTables([marked, district]), []);
  });

  it("hides a cell of a further relation when an elimination's own relations show nothing", async () => {
    // The force shows districts D1–D3 (80 people) and hides D4 and the total; D4's report hides
    // everything, but its rest of the organisation is the total minus D4 = 80. Every cell of the
    // relation naming D4's rest (its All row) is hidden: a shown district of the force must go.
    const districts: AuditTable = {
      ...force,
      name: 'force',
      columns: ['team', 'spells'],
      rows: [
        ['D1', 30],
        ['D2', 25],
        ['D3', 25],
        ['D4', C],
        ['All', C],
      ],
    };
    const d4: AuditTable = {
      ...unit,
      name: 'units/D4',
      rest: { label: 'Rest of organisation', unit: 'D4' },
      rows: [
        ['D4', C],
        ['Rest of organisation', C],
        ['All', C],
      ],
    };
    assert.equal(auditPublishedTables([districts, d4]).length, 1);
    const { hide } = await protectRun([districts, d4]);
    assert.equal(hide.length, 1);
    assert.ok(['D1', 'D2', 'D3'].includes(String(hide[0].cell.team)), JSON.stringify(hide));
    const marked = {
      ...districts,
      rows: districts.rows.map((r) => (r[0] === hide[0].cell.team ? [r[0], C] : r)),
    };
    assert.deepEqual(auditPublishedTables([marked, d4]), []);
  });

  it('hides more where a shown rate and its denominator pin a hidden count (the interval audit)', async () => {
    // No relation recovers X's leavers exactly, but 100 × leavers / 40 shown as 7.5 (1 dp) puts
    // them in [2.98, 3.02]: 3 people. Y's rate of 25.0 over 20 leaves 5 (not hidden: a count of 5).
    const rates: AuditTable = {
      name: 'leaver-rates',
      columns: ['unit', 'leavers', 'headcount', 'leaver_rate_pct'],
      by: ['unit'],
      countColumns: ['leavers', 'headcount'],
      rates: [
        {
          name: 'leaver_rate_pct',
          numerator: 'leavers',
          denominator: 'headcount',
          per: 100,
          decimals: 1,
        },
      ],
      rows: [
        ['X', C, 40, 7.5],
        ['Y', 5, 20, 25],
      ],
    };
    assert.deepEqual(auditPublishedTables([rates]), [], 'the exact audit finds nothing');
    const { hide } = await protectRun([rates], { threshold: 5 });
    // X's headcount goes (its rate with it): leavers ≥ 0 is then all that is known
    assert.deepEqual(
      hide.map((e) => [e.column, e.cell.unit]),
      [['headcount', 'X']],
    );
  });

  it('hides every copy of a figure the table repeats down a dimension (sameAcross), at once', async () => {
    // X's headcount, 31, on each characteristic's row, hidden on the ethnicity row only: the sex and
    // age rows give it back. Hidden on all three, the age row still gives it back (31 = 31 + 0 + 0:
    // worked by hand), so its recorded goes too; then nothing is pinned.
    const equality: AuditTable = {
      name: '01/equality',
      columns: ['unit', 'characteristic', 'people', 'recorded', 'not_stated', 'missing'],
      by: ['unit', 'characteristic'],
      countColumns: ['people', 'recorded', 'not_stated', 'missing'],
      period: 'FY2024-25',
      relations: [{ total: 'people', parts: ['recorded', 'not_stated', 'missing'] }],
      sameAcross: { people: ['characteristic'] },
      rows: [
        ['X', 'sex', 31, C, C, 0],
        ['X', 'ethnicity', C, 27, C, C],
        ['X', 'age', 31, 31, 0, 0],
      ],
    };
    const progress: RunRound[] = [];
    const { hide, rounds } = await protectRun([equality], { onRound: (r) => progress.push(r) });
    const hidden = hide.map((e) => `${e.column} ${e.cell.characteristic}`).sort();
    assert.deepEqual(hidden, ['people age', 'people sex', 'recorded age']);
    // the copies go before the first round (as any figure hidden in one of its places); round 1 hides
    // recorded of age, round 2 finds nothing
    assert.equal(rounds, 2);
    assert.deepEqual(
      progress.map(({ round, fixed, hidden }) => ({ round, fixed, hidden })),
      [
        { round: 1, fixed: 1, hidden: 3 },
        { round: 2, fixed: 0, hidden: 3 },
      ],
      'progress after each round: the two copies, then recorded of age',
    );
  });

  it('returns nothing for a run that is already safe', async () => {
    assert.deepEqual(await protectRun([force]), { hide: [], rounds: 1 });
  });
});

describe('protectRun and the same table in many reports', () => {
  // Force: T1 + T2 + T3 = 20 − 9 = 11 (T1..T3 hidden, T4 = 9); every one of 40 district reports
  // publishes the same district table D1 = T1 + T2 = 5, which gives T3 = 6 back. The copies are one
  // table to audit (else each pair of copies is related again, row by row): T4 is hidden, as for one
  // copy ('hides one more cell of a relation that recovers a hidden cell across tables').
  const copies: AuditTable[] = Array.from({ length: 40 }, (_, k) => ({
    ...district,
    name: `district report ${k + 1}`,
    rest: { label: 'Rest of organisation', unit: `U${k + 1}` },
  }));
  const within = (k: number): AuditTable => ({
    ...copies[k],
    rest: { label: 'Rest of organisation', unit: `U${k + 1}`, within: true },
  });

  it('hides for 40 identical copies what one copy needs', async () => {
    const protection = await protectRun([wide, ...copies]);
    assert.deepEqual(
      protection.hide.map((e) => e.cell),
      [{ team: 'T4' }],
    );
    // copies counting within their units meet the force only where shown groups confirm it
    assert.deepEqual((await protectRun([wide, ...copies.map((_, k) => within(k))])).hide, []);
    // and with one copy in the organisation's report among them, as that copy would
    const mixed = [wide, ...copies.map((_, k) => within(k)), copies[0]];
    assert.deepEqual(
      (await protectRun(mixed)).hide.map((e) => e.cell),
      [{ team: 'T4' }],
    );
  });

  it('relates a copy as any report holding it would', () => {
    // Alone, a copy within unit U1 meets the force only where shown groups confirm it (none here).
    assert.deepEqual(auditPublishedTables([wide, within(0)]), []);
    // A copy also in the organisation's report (''): D1 = T1 + T2 holds, and T3 = 6 follows.
    const both = { ...within(0), copiesIn: ['U1', ''] };
    assert.deepEqual(
      auditPublishedTables([wide, both]).map((l) => [l.table, l.cell.team]),
      [['force', 'T3']],
    );
  });
});

describe('protectRun and a force figure every unit report gives back', () => {
  // The force hides role R1's people (12). Every unit's report shows R1 in its unit beside the rest
  // of the organisation, with the whole hidden (the force's figure, the same ledger key): 6 + 6 in
  // U1, 5 + 7 in U2, 4 + 8 in U3 give the 12 back three times, through relations that share nothing
  // shown. Each report needs a complement of its own, and all three are found in the first round
  // (one per round took a round per report: 84 rounds per hidden figure for the demo force's teams).
  const force = forceByRole('force/risk_by_role');
  const unitReport = (k: number, team: number, r2: number) =>
    unitByRole(k, team, r2, { table: 'risk_by_role' });
  const units = [unitReport(1, 6, 10), unitReport(2, 5, 20), unitReport(3, 4, 15)];

  it('hides one cell of R1 in each unit report, all in one round', async () => {
    assert.deepEqual(
      auditPublishedTables([force, ...units])
        .map((l) => [l.table, l.cell.role])
        .sort(),
      [force, ...units].map((u) => [u.name, 'R1']).sort(),
    );
    const { hide, rounds } = await protectRun([force, ...units]);
    assert.equal(rounds, 2, 'one round of complements, one that finds nothing');
    // one R1 cell of each unit (its team's or its rest's), nothing of R2
    assert.deepEqual(hide.map((e) => e.cell.role).sort(), ['R1', 'R1', 'R1']);
    const units1 = hide.map((e) => {
      const unit = String(e.cell.unit);
      return unit.startsWith('Rest of organisation') ? unit.split('\u0000')[1] : unit;
    });
    assert.deepEqual(units1.sort(), ['U1', 'U2', 'U3']);
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

describe('protectRun on a whole run', () => {
  // A force of 48 teams in 8 districts; the force report publishes spells by team (with a total),
  // every district's report its own teams beside the rest of the organisation, each suppressed on
  // its own (independent complements), as a --per-unit run did before issue 18.
  const spells = Array.from({ length: 48 }, (_, i) => [0, 1, 2, 3, 4, 6, 8, 11, 15][(i * 7) % 9]);
  const people = spells.map((s, i) => s + 6 + ((i * 5) % 13));
  const teams = spells.map((_, i) => `T${i + 1}`);
  const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
  const spec = {
    by: ['team'],
    population: 'people',
    counts: ['spells'],
    total: 'All',
    period: 'FY',
  };
  const published = (name: string, rows: { team: string; people: number; spells: number }[]) => {
    const t = aq.from(rows);
    const p = publishTable(t, spec);
    const columns = ['team', 'people', 'spells'];
    return {
      name,
      columns,
      by: ['team'],
      countColumns: ['people', 'spells'],
      total: 'All',
      period: 'FY',
      rows: rows.map((_, r) =>
        columns.map((c) => {
          const v = p.table.get(c, r) as string | number | null;
          return c !== 'team' && v === null ? C : v;
        }),
      ),
    } as AuditTable;
  };
  const all = { team: 'All', people: sum(people), spells: sum(spells) };
  const force = published('force', [
    ...teams.map((team, i) => ({ team, people: people[i], spells: spells[i] })),
    all,
  ]);
  const districts = Array.from({ length: 8 }, (_, d) => {
    const mine = teams.map((_, i) => i).filter((i) => Math.floor(i / 6) === d);
    const rest = teams.map((_, i) => i).filter((i) => Math.floor(i / 6) !== d);
    return published(`district ${d + 1}`, [
      ...mine.map((i) => ({ team: teams[i], people: people[i], spells: spells[i] })),
      {
        team: 'Rest of organisation',
        people: sum(rest.map((i) => people[i])),
        spells: sum(rest.map((i) => spells[i])),
      },
      all,
    ]);
  });
  const run = [force, ...districts];

  it('hides what the run needs, in few rounds, and then the whole run audits clean', async () => {
    const started = Date.now();
    const { hide, rounds } = await protectRun(run);
    const took = Date.now() - started;
    const wanted = new Set(hide.map((e) => JSON.stringify([e.column, e.cell.team])));
    const marked = run.map((t) => ({
      ...t,
      rows: t.rows.map((r) =>
        r.map((v, j) => (j > 0 && wanted.has(JSON.stringify([t.columns[j], r[0]])) ? C : v)),
      ),
    }));
    // The audit over every table of the run at once (independent of the components) finds nothing.
    assert.deepEqual(auditPublishedTables(marked), []);
    assert.ok(hide.length > 0, 'independent complements must leak across reports');
    assert.ok(rounds <= 10, `${rounds} rounds`);
    assert.ok(took < 20_000, `${took} ms`);
  });
});

describe('protectRun with many separate leaks', () => {
  it('fixes leaks of tables that cannot relate in the same round (60 periods, one leak each)', async () => {
    // Per period: force T1..T3 hidden, T4 = 9, All = 20; a district table D1 = T1 + T2 = 5 pins
    // T3 = 20 − 9 − 5 = 6. One complement per period (T4 or All) closes it.
    const run: AuditTable[] = [];
    for (let k = 0; k < 60; k++) {
      const period = `P${k}`;
      run.push({
        name: `force ${period}`,
        columns: ['team', 'spells'],
        by: ['team'],
        countColumns: ['spells'],
        total: 'All',
        period,
        rows: [
          ['T1', C],
          ['T2', C],
          ['T3', C],
          ['T4', 9],
          ['All', 20],
        ],
      });
      run.push({
        name: `district ${period}`,
        columns: ['team', 'spells'],
        by: ['team'],
        countColumns: ['spells'],
        period,
        hierarchy: { column: 'team', parent: { T1: 'D1', T2: 'D1' } },
        rows: [['D1', 5]],
      });
    }
    const started = Date.now();
    const { hide, rounds } = await protectRun(run);
    assert.equal(hide.length, 60); // one per period
    assert.deepEqual([...new Set(hide.map((e) => e.period))].length, 60);
    assert.ok(rounds <= 3, `${rounds} rounds`);
    assert.ok(Date.now() - started < 10_000);
  });
});

describe('protectRun on a figure pinned only by combining relations', () => {
  // One row, relations declared between its columns: x = e + y, e = a + b, h = a + b + y. Hidden:
  // x, y, a, b; shown e = 22, h = 31. By hand: x − y = e and h − y = a + b = e give x = h = 31 and
  // y = h − e = 9, though no relation has a single unknown. The combination that pins x uses e once
  // as a part and once as a total: hiding e leaves x = h. Only hiding h frees both.
  const row: AuditTable = {
    name: 'chain',
    columns: ['unit', 'x', 'e', 'y', 'a', 'b', 'h'],
    by: ['unit'],
    countColumns: ['x', 'e', 'y', 'a', 'b', 'h'],
    relations: [
      { total: 'x', parts: ['e', 'y'] },
      { total: 'e', parts: ['a', 'b'] },
      { total: 'h', parts: ['a', 'b', 'y'] },
    ],
    rows: [['U1', C, 22, C, C, C, 31]],
  };

  it('names the shown cells whose hiding breaks each combination', () => {
    const leaks = auditPublishedTables([row]);
    const termsOf = (column: string) =>
      leaks
        .find((l) => l.column === column)!
        .terms!.map((t) => [t.column, Math.abs(t.coef)])
        .sort();
    assert.deepEqual(leaks.map((l) => [l.column, l.how]).sort(), [
      ['x', 'elimination'],
      ['y', 'elimination'],
    ]);
    assert.deepEqual(termsOf('x'), [['h', 1]]); // e: +1 and −1, cancelled
    assert.deepEqual(termsOf('y'), [
      ['e', 1],
      ['h', 1],
    ]);
  });

  it('still reports a cell pinned by a combination wider than combinationGroups, without its terms', async () => {
    // x needs all three relations, y two (y = h − e), and the layers around y hold two, then three:
    // with at most 2 combined neither gets terms, and both are still given back (31 and 9)
    const leaks = auditPublishedTables([row], { combinationGroups: 2 });
    assert.deepEqual(leaks.map((l) => [l.column, l.how, l.terms]).sort(), [
      ['x', 'elimination', undefined],
      ['y', 'elimination', undefined],
    ]);
    // protectRun then takes a complement from the relations naming them, and goes on until the audit
    // finds nothing
    const { hide } = await protectRun([row], { combinationGroups: 2 });
    const after = {
      ...row,
      rows: [row.rows[0].map((v, j) => (hide.some((e) => e.column === row.columns[j]) ? C : v))],
    };
    assert.ok(hide.length >= 1);
    assert.deepEqual(auditPublishedTables([after]), []);
  });

  it('hides a shown cell the combination cannot do without: h, one cell in one round', async () => {
    // (Before: e, the shown part of x's relation, then h in a second round — two cells.)
    const { hide, rounds } = await protectRun([row]);
    assert.deepEqual(
      hide.map((e) => e.column),
      ['h'],
    );
    assert.equal(rounds, 2);
  });
});

describe('protectRun on a narrow count whose own relations show nothing', () => {
  // One row, relations declared between its columns (a group's larger worker type `big`, its smaller
  // ones `s`, and `all`): big = rec_big + ns_big + m_big (60 = 40 + ? + ?), all = rec_all + ns_all +
  // m_all (100 = 78 + ? + ?), ns_all = ns_big + ns_s, m_all = m_big + m_s, s = rec_s + ns_s + m_s, and
  // ns_s in a relation of 12 (a column over other units) whose total and first part are hidden and
  // nine parts shown. By hand: ns_s + m_s = (100 − 78) − (60 − 40) = 2, so both lie in [0, 2]. The
  // relations naming ns_s (of 3, 4 and 12 cells) show nothing it could move with; one relation
  // further, big's and all's rows show 60, 40, 100 and 78, and hiding any of them frees ns_s + m_s.
  // The nine far figures free nothing (far and f1 are free already: far = ns_s + f1 + 45).
  const far = Array.from({ length: 10 }, (_, i) => `f${i + 1}`);
  const columns = ['big', 'rec_big', 'ns_big', 'm_big', 'all', 'rec_all', 'ns_all', 'm_all'];
  columns.push('s', 'rec_s', 'ns_s', 'm_s', 'far', ...far);
  const row: AuditTable = {
    name: 'group',
    columns: ['unit', ...columns],
    by: ['unit'],
    countColumns: columns,
    relations: [
      { total: 'big', parts: ['rec_big', 'ns_big', 'm_big'] },
      { total: 'all', parts: ['rec_all', 'ns_all', 'm_all'] },
      { total: 'ns_all', parts: ['ns_big', 'ns_s'] },
      { total: 'm_all', parts: ['m_big', 'm_s'] },
      { total: 's', parts: ['rec_s', 'ns_s', 'm_s'] },
      { total: 'far', parts: ['ns_s', ...far] },
    ],
    // ns_big 10, m_big 10, ns_all 11, m_all 11, s 30, rec_s 28, ns_s 1, m_s 1, far 51, f1 5
    rows: [['U1', 60, 40, C, C, 100, 78, C, C, C, C, C, C, C, C, ...far.slice(1).map(() => 5)]],
  };

  it('takes the complement from the nearest relation that shows something, not the far one', async () => {
    const { hide } = await protectRun([row], { threshold: 5 });
    const hidden = hide.map((e) => e.column).sort();
    assert.ok(hidden.length > 0, 'ns_s and m_s are narrow: something must be hidden');
    assert.deepEqual(
      hidden.filter((c) => !['big', 'rec_big', 'all', 'rec_all'].includes(c)),
      [],
      `hid ${hidden.join(', ')}`,
    );
  });
});
