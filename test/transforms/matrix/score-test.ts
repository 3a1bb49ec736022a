import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable, type PublishedTable } from '../../../src/privacy/index.js';
import { unitTree } from '../../../src/transforms/units/hierarchy.js';
import { wellbeingMatrixCellSpec } from '../../../src/transforms/matrix/rollup.js';
import {
  addContributions,
  groupCells,
  scoreWellbeingMatrix,
} from '../../../src/transforms/matrix/score.js';
import { summarizeMatrixTemperature } from '../../../src/transforms/matrix/temperature.js';

const tree = unitTree(
  aq.table({
    unit_id: ['F', 'U1', 'U2', 'U3', 'U4'],
    parent_id: [null, 'F', 'F', 'F', 'F'],
    name: ['Force', 'One', 'Two', 'Three', 'Four'],
    level: ['force', 'team', 'team', 'team', 'team'],
  }),
);
const units = ['F', 'U1', 'U2', 'U3', 'U4'];
// Lost time (per 100): 10, 20, 30, 60 days of 1,000 → 1, 2, 3, 6 %; force 120 / 4,000 = 3 %.
// Survey (higher is better): 300, 350, 250, 200 over respondents → 60, 70, 50, 40; force 55.
function cells(respondents: number[], period = 'P2') {
  const lost = [120, 10, 20, 30, 60];
  const score = [300, 350, 250, 200];
  const r = [respondents.reduce((a, b) => a + b, 0), ...respondents];
  const s = [score.reduce((a, b) => a + b, 0), ...score];
  return aq.table({
    unit_id: [...units, ...units],
    indicator: [
      ...units.map(() => 'lost_time_rate_pct'),
      ...units.map(() => 'survey_wellbeing_score'),
    ],
    period: units.flatMap(() => [period, period]),
    population: [80, 20, 20, 20, 20, ...r],
    numerator: [...lost, ...s],
    denominator: [4000, 1000, 1000, 1000, 1000, ...r],
    parent_id: [null, 'F', 'F', 'F', 'F', null, 'F', 'F', 'F', 'F'],
  });
}
const indicators = ['lost_time_rate_pct', 'survey_wellbeing_score'];
const publish = (t: aq.ColumnTable) => publishTable(t, wellbeingMatrixCellSpec(t));
const get = (t: aq.ColumnTable, unit: string, indicator: string, column: string) =>
  (t.objects() as Record<string, unknown>[]).find(
    (r) => r.unit_id === unit && r.indicator === indicator,
  )![column];

describe('scoreWellbeingMatrix', () => {
  const scored = scoreWellbeingMatrix(publish(cells([5, 5, 5, 5])), { tree, indicators });
  it('gives z against the force value over the SD of the units, signed so positive is worse', () => {
    // Lost time: mean 3, squares 4 + 1 + 0 + 9 = 14, SD √(14/3) = 2.16025; U4 (6 − 3) / 2.16025 = 1.38873.
    assert.ok(
      Math.abs(
        (get(scored, 'U4', 'lost_time_rate_pct', 'heat') as number) - 3 / Math.sqrt(14 / 3),
      ) < 1e-9,
    );
    assert.equal(get(scored, 'U4', 'lost_time_rate_pct', 'band'), 'amber');
    assert.equal(get(scored, 'U4', 'lost_time_rate_pct', 'value'), 6);
    // Survey: mean 55, squares 25 + 225 + 25 + 225 = 500, SD √(500/3) = 12.9099; U4 z = −15 / 12.9099, heat +1.16190.
    assert.ok(
      Math.abs(
        (get(scored, 'U4', 'survey_wellbeing_score', 'heat') as number) - 15 / Math.sqrt(500 / 3),
      ) < 1e-9,
    );
    assert.equal(get(scored, 'F', 'survey_wellbeing_score', 'band'), 'top');
  });
  it('gives contributions that add up to the weighted mean heat', () => {
    // U4: (1.38873 + 1.16190) / 2 = 1.27531 with equal weights; with weights 3 and 1: (3 × 1.38873 + 1.16190) / 4.
    const a = get(scored, 'U4', 'lost_time_rate_pct', 'contribution') as number;
    const b = get(scored, 'U4', 'survey_wellbeing_score', 'contribution') as number;
    assert.ok(Math.abs(a + b - (3 / Math.sqrt(14 / 3) + 15 / Math.sqrt(500 / 3)) / 2) < 1e-9);
    const weighted = scoreWellbeingMatrix(publish(cells([5, 5, 5, 5])), {
      tree,
      indicators,
      weights: { lost_time_rate_pct: 3 },
    });
    const c = get(weighted, 'U4', 'lost_time_rate_pct', 'contribution') as number;
    assert.ok(Math.abs(c - (3 * 3) / Math.sqrt(14 / 3) / 4) < 1e-9);
  });
  it('gives mid-rank percentiles of worseness', () => {
    const p = scoreWellbeingMatrix(publish(cells([5, 5, 5, 5])), {
      tree,
      indicators,
      normalise: 'percentile',
    });
    // Lost time 1, 2, 3, 6: U4 is worse than 3 of 4 → (3 + ½) / 4 = 87.5; survey: U2 best → 12.5.
    assert.equal(get(p, 'U4', 'lost_time_rate_pct', 'score'), 87.5);
    assert.equal(get(p, 'U2', 'survey_wellbeing_score', 'score'), 12.5);
    assert.equal(get(p, 'U4', 'lost_time_rate_pct', 'band'), 'amber');
  });
  it('leaves a hidden cell out of every score', () => {
    const hidden = scoreWellbeingMatrix(publish(cells([3, 6, 6, 6])), { tree, indicators });
    assert.equal(get(hidden, 'U1', 'survey_wellbeing_score', 'band'), 'suppressed');
    assert.equal(get(hidden, 'U1', 'survey_wellbeing_score', 'value'), null);
    // U1's temperature is its lost-time heat alone, (1 − 3) / 2.16025, at half the weight.
    const t = summarizeMatrixTemperature(hidden);
    const u1 = (t.objects() as Record<string, unknown>[]).find((r) => r.unit_id === 'U1')!;
    assert.ok(Math.abs((u1.temperature as number) + 2 / Math.sqrt(14 / 3)) < 1e-9);
    assert.equal(u1.weight_scored_pct, 50);
  });
  it('rejects a table that did not go through publishTable', () => {
    assert.throws(
      () =>
        scoreWellbeingMatrix({ table: cells([5, 5, 5, 5]) } as unknown as PublishedTable, { tree }),
      /expected a PublishedTable/,
    );
  });
});

describe('summarizeMatrixTemperature', () => {
  it('names units running hot with their drivers, and the change since the previous period', () => {
    const both = cells([5, 5, 5, 5], 'P1').concat(cells([5, 5, 5, 5], 'P2'));
    const scored = scoreWellbeingMatrix(publish(both), { tree, indicators });
    const t = summarizeMatrixTemperature(scored, { period: 'P2', hot: 1.2 });
    const rows = t.objects() as Record<string, unknown>[];
    // U4: 1.27531 ≥ 1.2 → hot; both indicators amber (z 1.39 and 1.16), lost time first.
    assert.deepEqual(
      rows.filter((r) => r.running_hot).map((r) => r.unit_id),
      ['U4'],
    );
    assert.equal(rows[1].drivers, 'Sickness lost time (z +1.4); Survey well-being (z +1.2)');
    assert.equal(rows[1].temperature_change, 0); // same values in both periods
    assert.equal(rows[1].trend, null); // no interval given: no trend is called
    assert.equal(rows[0].band, 'top');
  });
  it('names a missing period', () => {
    const scored = scoreWellbeingMatrix(publish(cells([5, 5, 5, 5])), { tree, indicators });
    assert.throws(
      () => summarizeMatrixTemperature(scored, { period: 'P9' }),
      /period "P9" is not in the scored matrix/,
    );
  });
});

describe('addContributions', () => {
  it('shares a unit’s temperature among its scored cells by weight', () => {
    const cell = (unit_id: string, heat: number | null, weight: number) => ({
      period: 'P',
      unit_id,
      heat,
      weight,
      contribution: null as number | null,
    });
    const cells = [cell('A', 2, 1), cell('A', -1, 3), cell('A', null, 1), cell('B', 4, 0)];
    addContributions(cells);
    // A: weights 1 + 3 = 4 over the cells with a heat: 1 × 2 / 4 = 0.5 and 3 × −1 / 4 = −0.75
    assert.deepEqual(
      cells.map((c) => c.contribution),
      [0.5, -0.75, null, null],
    );
  });
});

describe('groupCells', () => {
  it('groups cells by key, in the order they first appear', () => {
    const cells = [
      { p: 'x', n: 1 },
      { p: 'y', n: 2 },
      { p: 'x', n: 3 },
    ];
    assert.deepEqual(
      groupCells(cells, (c) => [c.p]).map((g) => g.map((c) => c.n)),
      [[1, 3], [2]],
    );
  });
});
