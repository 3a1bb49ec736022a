import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { wellbeingMatrixComparisonChart } from '../../../src/charts/matrix-compare.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { wellbeingMatrixCellSpec } from '../../../src/transforms/matrix/rollup.js';
import {
  REST_UNIT_ID,
  scopeUnitTree,
  summarizeUnitMatrix,
} from '../../../src/transforms/matrix/scope.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { isoDay as d, threeTeamForce } from '../../helpers/three-teams.js';

const { tree, tables } = threeTeamForce();

describe('scopeUnitTree', () => {
  it('hangs the unit and the rest of the organisation from the top, everything else from the rest', () => {
    const scoped = scopeUnitTree(tree, 'D1');
    assert.deepEqual(Object.fromEntries(scoped.parent), {
      F: null,
      [REST_UNIT_ID]: 'F',
      D1: 'F',
      D2: REST_UNIT_ID,
      T1: 'D1',
      T2: 'D1',
      T3: REST_UNIT_ID,
    });
    assert.equal(scoped.level.get(REST_UNIT_ID), 'district');
    assert.equal(scoped.level.get('D2'), 'outside district');
    assert.equal(scoped.name.get(REST_UNIT_ID), 'Rest of organisation');
  });
  it('rejects the top unit and unknown units', () => {
    assert.throws(
      () => scopeUnitTree(tree, 'F'),
      /scopeUnitTree: "F" is not a unit below the top of the tree\. Give a unit_id of the units table other than the top unit \(F\)\./,
    );
    assert.throws(() => scopeUnitTree(tree, 'X'), /"X" is not a unit below the top/);
  });
});

describe('summarizeUnitMatrix', () => {
  it('gives the whole organisation, the unit and the rest as one additive group', () => {
    const cells = summarizeUnitMatrix(tables, tree, 'D1', {
      periods: [parsePeriod('FY2023-24')],
      asOf: d('2024-03-31'),
      indicators: ['overtime_hours_per_fte'],
    });
    // hours: whole 10 + 20 + 30 = 60 over 3 FTE; North (T1, T2) 30 over 2; the rest (T3) 30 over 1
    tableEqual(cells.select('unit_id', 'unit_name', 'parent_id', 'numerator', 'denominator'), {
      unit_id: ['F', 'D1', REST_UNIT_ID],
      unit_name: ['Force', 'North', 'Rest of organisation'],
      parent_id: [null, 'F', 'F'],
      numerator: [60, 30, 30],
      denominator: [3, 2, 1],
    });
  });
});

describe('wellbeingMatrixComparisonChart', () => {
  it('places the unit and the rest at their % difference from the whole, worse to the right', () => {
    const cells = aq.table({
      unit_id: ['F', 'D1', REST_UNIT_ID, 'F', 'D1', REST_UNIT_ID],
      indicator: [
        ...Array(3).fill('overtime_hours_per_fte'),
        ...Array(3).fill('survey_wellbeing_score'),
      ],
      period: Array(6).fill('P'),
      population: [60, 20, 40, 60, 20, 40],
      numerator: [600, 300, 300, 3000, 1080, 1920],
      denominator: [60, 20, 40, 50, 20, 30],
      parent_id: [null, 'F', 'F', null, 'F', 'F'],
    });
    const scoped = scopeUnitTree(tree, 'D1');
    const spec = wellbeingMatrixComparisonChart(
      publishTable(cells, wellbeingMatrixCellSpec(cells)),
      {
        tree: scoped,
        indicators: ['overtime_hours_per_fte', 'survey_wellbeing_score'],
      },
    ) as { data: { values: Record<string, unknown>[] } };
    // overtime per FTE: whole 600 / 60 = 10, North 300 / 20 = 15 (+50 %), rest 300 / 40 = 7.5 (−25 %).
    // survey (higher is better): whole 3000 / 50 = 60, North 1080 / 20 = 54 (10 % lower: +10 worse),
    // rest 1920 / 30 = 64 (4 / 60 = 6.67 % higher: −6.67).
    assert.deepEqual(
      spec.data.values.map((v) => [v.indicator, v.unit, v.worse_than_whole_pct]),
      [
        ['Overtime hours', 'North', 50],
        ['Overtime hours', 'Rest of organisation', -25],
        ['Survey well-being', 'North', 10],
        ['Survey well-being', 'Rest of organisation', -6.67],
      ],
    );
  });
});
