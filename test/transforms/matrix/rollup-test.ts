import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../../src/privacy/index.js';
import { epochDay } from '../../../src/time/dates.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { MATRIX_COUNT_COLUMNS } from '../../../src/transforms/matrix/indicators.js';
import {
  deriveMatrixCells,
  rollUpMatrix,
  wellbeingMatrixCellSpec,
} from '../../../src/transforms/matrix/rollup.js';
import { derivePostingSpells } from '../../../src/transforms/matrix/posting-spells.js';
import { matrixUnitInfo } from '../../../src/transforms/matrix/units.js';
import { tableEqual } from '../../helpers/table-equal.js';

// F > D1 > (T1, T2); F > D2 > T3. A person counted at D2 itself (not in a team).
const tree = unitTree(
  aq.table({
    unit_id: ['F', 'D1', 'D2', 'T1', 'T2', 'T3'],
    parent_id: [null, 'F', 'F', 'D1', 'D1', 'D2'],
    name: ['Force', 'North', 'South', 'Team 1', 'Team 2', 'Team 3'],
    level: ['force', 'district', 'district', 'team', 'team', 'team'],
  }),
);
const zero = Object.fromEntries(MATRIX_COUNT_COLUMNS.map((c) => [c, [0, 0, 0, 0]]));
const counts = aq.table({
  unit_id: ['T1', 'T2', 'T3', 'D2'],
  period: ['P', 'P', 'P', 'P'],
  headcount: [10, 20, 8, 2],
  ...zero,
  fte_days_lost: [10, 50, 4, 1],
  fte_days_available: [1000, 2000, 800, 200],
});

describe('rollUpMatrix', () => {
  it('sums counts up the tree and recomputes each rate from the sums', () => {
    const m = rollUpMatrix(counts, tree, {
      levels: ['district'],
      indicators: ['lost_time_rate_pct'],
    });
    // North = T1 + T2: 60 / 3000 = 2%; South = T3 + D2 = 5 / 1000 = 0.5%; force 65 / 4000 = 1.625%.
    // (The average of the teams' rates, (1 + 2.5 + 0.5) / 3 = 1.33%, would be wrong.)
    tableEqual(
      m.select(
        'unit_id',
        'unit_level',
        'parent_id',
        'headcount',
        'fte_days_lost',
        'lost_time_rate_pct',
      ),
      {
        unit_id: ['F', 'D1', 'D2'],
        unit_level: ['force', 'district', 'district'],
        parent_id: [null, 'F', 'F'],
        headcount: [40, 30, 10],
        fte_days_lost: [65, 60, 5],
        lost_time_rate_pct: [1.625, 2, 0.5],
      },
    );
  });
  it('gives counts recorded above a level their own row, so each parent is the sum of its children', () => {
    const m = rollUpMatrix(counts, tree, { levels: ['team'], indicators: ['lost_time_rate_pct'] });
    tableEqual(m.select('unit_id', 'unit_name', 'parent_id', 'fte_days_lost'), {
      unit_id: ['F', 'F:other-team', 'T1', 'T2', 'T3'],
      unit_name: ['Force', 'Force (not in a team)', 'Team 1', 'Team 2', 'Team 3'],
      parent_id: [null, 'F', 'F', 'F', 'F'],
      fte_days_lost: [65, 1, 10, 50, 4],
    });
  });
  it('names a row under a "not in a" row after its parent, as matrixUnitInfo does', () => {
    const outside = aq.table({ unit_id: ['X'], period: ['P'], headcount: [3], ...zero0(1) });
    const m = rollUpMatrix(outside, tree, { levels: ['district', 'team'] });
    const ids = ['F', 'F:other-district', 'F:other-district:other-team'];
    tableEqual(m.select('unit_id', 'unit_name', 'parent_id', 'headcount'), {
      unit_id: ids,
      unit_name: [
        'Force',
        'Force (not in a district)',
        'Force (not in a district) (not in a team)',
      ],
      parent_id: [null, 'F', 'F:other-district'],
      headcount: [3, 3, 3],
    });
    assert.deepEqual(
      ids.map((id) => matrixUnitInfo(tree, ids).get(id)!.name),
      m.array('unit_name'),
    );
  });
  it('names an unknown level', () => {
    assert.throws(() => rollUpMatrix(counts, tree, { levels: ['bcu'] }), /no unit is at level bcu/);
  });
});

function zero0(rows: number): Record<string, number[]> {
  return Object.fromEntries(MATRIX_COUNT_COLUMNS.map((c) => [c, Array<number>(rows).fill(0)]));
}

describe('deriveMatrixCells and wellbeingMatrixCellSpec', () => {
  it('publishes one cell per unit × indicator, parents and children together', () => {
    const m = rollUpMatrix(counts, tree, {
      levels: ['district', 'team'],
      indicators: ['lost_time_rate_pct'],
    });
    const cells = deriveMatrixCells(m, { indicators: ['lost_time_rate_pct'] });
    const spec = wellbeingMatrixCellSpec(cells);
    assert.deepEqual(spec.hierarchy?.parent, {
      D1: 'F',
      D2: 'F',
      'D2:other-team': 'D2',
      T1: 'D1',
      T2: 'D1',
      T3: 'D2',
    });
    const p = publishTable(cells, spec);
    // Primary: D2:other-team (2 people, 1 day lost) and T3's 4 days lost (a count under 5).
    // Room to move: beside the 1 only 4 more days are hidden in South's group (< 5), so South is
    // hidden; South alone hidden under the force → North too; North alone over its teams → the
    // smaller team, T1 (10 days against 50).
    const hidden = (p.table.objects() as { unit_id: string; ratio_status: string }[])
      .filter((r) => r.ratio_status === 'suppressed')
      .map((r) => r.unit_id);
    assert.deepEqual(hidden.sort(), ['D1', 'D2', 'D2:other-team', 'T1', 'T3']);
    assert.equal(p.table.get('ratio', 0), 65 / 4000);
  });
});

describe('derivePostingSpells', () => {
  it('cuts an employment spell at each change of posting, leaver type on the last stretch only', () => {
    const d = epochDay;
    const people = aq.table({
      person_id: ['A'],
      unit_id: ['T2'],
      start_date: [d(2020, 1, 1)],
      end_date: [d(2024, 6, 30)],
      leaver_type: ['voluntary_resignation'],
    });
    const postings = aq.table({
      person_id: ['A', 'A'],
      unit_id: ['T1', 'T2'],
      from_date: [d(2020, 1, 1), d(2022, 3, 1)],
      to_date: [d(2022, 2, 28), null],
    });
    tableEqual(derivePostingSpells(people, postings), {
      person_id: ['A', 'A'],
      unit_id: ['T1', 'T2'],
      start_date: [d(2020, 1, 1), d(2022, 3, 1)],
      end_date: [d(2022, 2, 28), d(2024, 6, 30)],
      leaver_type: [null, 'voluntary_resignation'],
      spell_start_date: [d(2020, 1, 1), d(2020, 1, 1)],
      spell_end_date: [d(2024, 6, 30), d(2024, 6, 30)],
    });
  });
});
