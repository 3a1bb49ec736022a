// Figures shared between notebooks agree (issue 14, "two answers to one question"): sickness by
// high-risk role group in 05 and 07, overtime hours per unit in 06 and the well-being matrix, and the
// headcount of high-risk roles — each day counted where and as what the person was posted that day.
// Hand-checked on a four-person force built here, then equal on the demo force.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { generateDemoForce } from '../../src/demo/generate.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { parsePeriod, periodsBetween, type Period } from '../../src/time/periods.js';
import { epochDay } from '../../src/time/dates.js';
import {
  deriveUnitAtLevel,
  unitTree,
  type UnitTree,
} from '../../src/transforms/units/hierarchy.js';
import { derivePostingSpells } from '../../src/transforms/matrix/posting-spells.js';
import { summarizeSickness } from '../../src/transforms/sickness/summary.js';
import { summarizeOvertime } from '../../src/transforms/overtime/summary.js';
import { summarizeMatrixCounts } from '../../src/transforms/matrix/counts.js';
import { rollUpMatrix } from '../../src/transforms/matrix/rollup.js';

const d = (iso: string) =>
  epochDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const empty = (cols: string[]) => aq.table(Object.fromEntries(cols.map((c) => [c, []])));
const RECORDED = ['officer', 'staff', 'pcso'];

type Tables = Parameters<typeof summarizeMatrixCounts>[0] & { units: ColumnTable };

// The notebooks' pipelines, cell for cell (05 cells 2 and 8, 06 cells 2 and 4, 07 cells 12 and 13).
const roleGroup = (t: ColumnTable) =>
  t.derive({
    role_group: (r: { high_risk_role: string | null }) =>
      r.high_risk_role === null ? 'other roles' : 'high-risk roles',
  });
function notebook05RoleGroups(tables: Tables, window: Period, asOf: number): ColumnTable {
  const recorded = derivePostingSpells(
    tables.people.filter(
      aq.escape((r: { worker_type: string }) => RECORDED.includes(r.worker_type)),
    ),
    tables.postings,
  ).filter((r: { unit_id: string | null }) => r.unit_id !== null);
  return summarizeSickness(roleGroup(recorded), tables.sickness, {
    asOf,
    longTermDays: 28,
    periods: [window],
    by: ['role_group'],
  });
}
function notebook07RoleGroups(tables: Tables, window: Period, asOf: number): ColumnTable {
  const recorded = tables.people.filter(
    (r: { worker_type: string }) =>
      r.worker_type === 'officer' || r.worker_type === 'staff' || r.worker_type === 'pcso',
  );
  const stretches = roleGroup(derivePostingSpells(recorded, tables.postings));
  return summarizeSickness(stretches, tables.sickness, {
    periods: [window],
    by: ['role_group'],
    asOf,
  });
}
function notebook06Overtime(tables: Tables, tree: UnitTree, level: string, period: Period) {
  const recorded = derivePostingSpells(
    tables.people.filter(
      aq.escape((r: { worker_type: string }) => RECORDED.includes(r.worker_type)),
    ),
    tables.postings,
  ).filter((r: { unit_id: string | null }) => r.unit_id !== null);
  const byLevel = deriveUnitAtLevel(recorded, tree, { level, as: 'unit' }).filter(
    (r: { unit: string | null }) => r.unit !== null,
  );
  return summarizeOvertime(byLevel, tables.overtime, { periods: [period], by: ['unit'] });
}
function matrixOvertime(
  tables: Tables,
  tree: UnitTree,
  level: string,
  period: Period,
  asOf: number,
) {
  const counts = summarizeMatrixCounts(tables, { periods: [period], asOf });
  return rollUpMatrix(counts, tree, { levels: [level] }).filter(
    aq.escape((r: { unit_level: string }) => r.unit_level === level),
  );
}
const byKey = (t: ColumnTable, key: string) =>
  new Map((t.objects() as Record<string, unknown>[]).map((r) => [String(r[key]), r]));

// F → D1 → T1 and F → D2 → T2. P1 moves from a firearms post in T1 to T2 on 1 Oct 2024 (people
// says T2, not high-risk: the last posting); P4 goes T2 → T1 firearms (Jul–Nov 2024) → T2; P2 (T1
// firearms) and P3 (T2, half-time) have no postings, so their people row is the posting throughout.
const units = aq.table({
  unit_id: ['F', 'D1', 'D2', 'T1', 'T2'],
  parent_id: [null, 'F', 'F', 'D1', 'D2'],
  name: ['Force', 'North', 'South', 'T one', 'T two'],
  level: ['force', 'district', 'district', 'team', 'team'],
});
const fixture: Tables = {
  units,
  people: aq.table({
    person_id: ['P1', 'P2', 'P3', 'P4'],
    worker_type: ['officer', 'officer', 'staff', 'officer'],
    unit_id: ['T2', 'T1', 'T2', 'T2'],
    high_risk_role: [null, 'firearms', null, null],
    fte: [1, 1, 0.5, 1],
    service_start_date: Array(4).fill(d('2018-01-01')),
    start_date: Array(4).fill(d('2018-01-01')),
    end_date: [null, null, null, null],
    leaver_type: [null, null, null, null],
  }),
  postings: aq.table({
    person_id: ['P1', 'P1', 'P4', 'P4', 'P4'],
    unit_id: ['T1', 'T2', 'T2', 'T1', 'T2'],
    role: ['AFO', 'PC', 'PC', 'AFO', 'PC'],
    high_risk_role: ['firearms', null, null, 'firearms', null],
    from_date: [
      d('2018-01-01'),
      d('2024-10-01'),
      d('2018-01-01'),
      d('2024-07-01'),
      d('2024-12-01'),
    ],
    to_date: [d('2024-09-30'), null, d('2024-06-30'), d('2024-11-30'), null],
  }),
  // Mon 23 Sep – Fri 4 Oct 2024: 6 working days in the firearms post, 4 after the move.
  sickness: aq.table({
    person_id: ['P1', 'P2', 'P3', 'P3', 'P4'],
    start_date: [
      d('2024-09-23'),
      d('2024-06-03'),
      d('2024-11-04'),
      d('2025-01-06'),
      d('2024-08-05'),
    ],
    end_date: [d('2024-10-04'), d('2024-06-07'), d('2024-11-08'), d('2025-01-10'), d('2024-08-09')],
    working_days_lost: [10, 5, 5, 5, 5],
    reason_category: [
      'mental_health',
      'musculoskeletal',
      'mental_health',
      'musculoskeletal',
      'mental_health',
    ],
  }),
  overtime: aq.table({
    person_id: ['P1', 'P1', 'P2', 'P4', 'P4'],
    date: [d('2024-09-10'), d('2024-10-10'), d('2024-05-01'), d('2024-08-01'), d('2024-12-15')],
    hours: [8, 4, 6, 3, 2],
    rest_day_worked: [false, false, false, false, false],
  }),
  oh_referrals: empty(['person_id', 'date']),
  welfare_checks: empty(['person_id', 'date', 'kind']),
  unit_indicators: empty(['unit_id', 'period_start', 'period_end', 'indicator', 'value']),
  exit_interviews: empty([
    'person_id',
    'interview_date',
    'primary_reason',
    'other_reasons',
    'would_recommend',
    'would_return',
  ]),
} as unknown as Tables;
const FY = parsePeriod('FY2024-25');

describe('figures shared between notebooks, on a four-person force', () => {
  it('05 and 07 give the same sickness by role group, each day where the person was posted', () => {
    const expected = {
      // P1 6 days (mental health) + P2 5 + P4 5 (mental health); P4 counted once
      'high-risk roles': { headcount: 3, spells: 3, fte_days_lost: 16, mh: 11, share: 68.75 },
      // P1 4 days after the move (mental health) + P3 2 × 5 days at 0.5 FTE; P4 counted once
      'other roles': { headcount: 3, spells: 2, fte_days_lost: 9, mh: 6.5, share: (100 * 6.5) / 9 },
    };
    for (const table of [
      notebook05RoleGroups(fixture, FY, FY.end),
      notebook07RoleGroups(fixture, FY, FY.end),
    ]) {
      const rows = byKey(table, 'role_group');
      for (const [group, e] of Object.entries(expected)) {
        const r = rows.get(group)!;
        assert.equal(r.headcount, e.headcount, `${group} headcount`);
        assert.equal(r.spells, e.spells, `${group} spells`);
        assert.ok(Math.abs((r.fte_days_lost as number) - e.fte_days_lost) < 1e-9, `${group} days`);
        assert.ok(Math.abs((r.mental_health_fte_days_lost as number) - e.mh) < 1e-9, group);
        assert.ok(Math.abs((r.mental_health_share_pct as number) - e.share) < 1e-9, group);
      }
    }
  });

  it('counts a person posted to a high-risk role on any day of the period once, however often they moved', () => {
    const stretches = roleGroup(derivePostingSpells(fixture.people, fixture.postings));
    assert.equal(stretches.filter((r: { person_id: string }) => r.person_id === 'P4').numRows(), 3);
    const t = byKey(
      summarizeSickness(stretches, fixture.sickness, { periods: [FY], by: ['role_group'] }),
      'role_group',
    );
    assert.equal(t.get('high-risk roles')!.headcount, 3); // P1, P2, P4
    assert.equal(t.get('other roles')!.headcount, 3); // P1, P3, P4 (two stretches)
    // average headcount is person-time: P1 183 + P2 365 + P4 153 days of 365
    assert.ok(Math.abs((t.get('high-risk roles')!.headcount_avg as number) - 701 / 365) < 1e-12);
  });

  it('06 and the matrix give the same overtime hours per FTE by district', () => {
    const nb = byKey(notebook06Overtime(fixture, unitTree(units), 'district', FY), 'unit');
    const mx = byKey(matrixOvertime(fixture, unitTree(units), 'district', FY, FY.end), 'unit_id');
    // D1: P1 8 h (Sep) + P2 6 h + P4 3 h (Aug); FTE: P2 all year, P1 183 days, P4 153 days of 365.
    // D2: P1 4 h (Oct) + P4 2 h (Dec); FTE: P1 182 days, P4 91 + 121 days, P3 0.5 all year.
    const expected: Record<string, [number, number]> = {
      D1: [17, 1 + 336 / 365],
      D2: [6, 394 / 365 + 0.5],
    };
    for (const [unit, [hours, fte]] of Object.entries(expected)) {
      assert.equal(nb.get(unit)!.overtime_hours, hours, unit);
      assert.equal(mx.get(unit)!.overtime_hours, hours, unit);
      assert.ok(Math.abs((nb.get(unit)!.fte_avg as number) - fte) < 1e-12, unit);
      assert.ok(Math.abs((mx.get(unit)!.fte_avg as number) - fte) < 1e-12, unit);
      assert.ok(Math.abs((nb.get(unit)!.hours_per_fte as number) - hours / fte) < 1e-12, unit);
      assert.ok(
        Math.abs((mx.get(unit)!.overtime_hours_per_fte as number) - hours / fte) < 1e-12,
        unit,
      );
    }
  });
});

describe('figures shared between notebooks, on the demo force', function () {
  this.timeout(600_000);
  let tables: Tables;
  let asOf: number;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-demo-figures-'));
    await generateDemoForce({ outDir: dir });
    const data = await loadDataset(dir);
    tables = data.tables as unknown as Tables;
    asOf = Math.min(data.asOf, FY.end);
  });

  it('gives 05 and 07 the same sickness by role group over five years', () => {
    const years = periodsBetween(FY.end - 1825, FY.end, 'financial_year');
    const window: Period = {
      kind: 'year',
      label: `${years[0].label} to ${years[years.length - 1].label}`,
      start: years[0].start,
      end: years[years.length - 1].end,
    };
    const a = notebook05RoleGroups(tables, window, asOf).objects();
    const b = notebook07RoleGroups(tables, window, asOf).objects();
    assert.equal(a.length, 2);
    assert.deepEqual(a, b);
  });

  it('gives 06 and the matrix the same overtime hours and FTE by district', () => {
    const tree = unitTree(tables.units);
    const nb = byKey(notebook06Overtime(tables, tree, 'district', FY), 'unit');
    const mx = byKey(matrixOvertime(tables, tree, 'district', FY, asOf), 'unit_id');
    assert.ok(nb.size >= 2);
    for (const [unit, r] of nb) {
      assert.ok(
        Math.abs((r.overtime_hours as number) - (mx.get(unit)!.overtime_hours as number)) < 1e-6,
        unit,
      );
      assert.ok(Math.abs((r.fte_avg as number) - (mx.get(unit)!.fte_avg as number)) < 1e-9, unit);
    }
  });
});

describe('notebooks 05 and 06 count each day where the person was posted', () => {
  for (const file of ['05-sickness.ipynb', '06-overtime-and-working-time.ipynb']) {
    it(`${file} builds its population from posting stretches, as 07 and the matrix do`, () => {
      const text = readFileSync(join('notebooks', file), 'utf8');
      assert.match(text, /const recorded = derivePostingSpells\(tables\.people/);
      assert.match(text, /asOf: Math\.min\(report\.data\.asOf, report\.period\.end\)/);
    });
  }
});
