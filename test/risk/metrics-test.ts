import assert from 'node:assert/strict';
import { aucScore, brierScore, calibrationByDecile, groupSkill } from '../../src/risk/metrics.js';

describe('aucScore', () => {
  it('is the share of leaver–stayer pairs where the leaver scores higher', () => {
    // leavers 0.35, 0.8; stayers 0.1, 0.4: pairs (0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1, 0.8>0.4) = 3/4
    assert.equal(aucScore([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  });
  it('counts a tied pair as one half (Mann–Whitney mid-ranks)', () => {
    // leaver 0.5 vs stayers 0.5 (tie, ½) and 0.2 (win, 1): (1 + ½) / 2 = 0.75
    assert.equal(aucScore([0.5, 0.5, 0.2], [1, 0, 0]), 0.75);
  });
  it('is null when there is no leaver or no stayer', () => {
    assert.equal(aucScore([0.1, 0.2], [0, 0]), null);
  });
  it('rejects outcomes other than 0 and 1', () => {
    assert.throws(
      () => aucScore([0.1, 0.2], [0, 2]),
      /aucScore: outcome 1 is 2; outcomes must be 0 or 1 \(drop rows whose outcome is unknown\)\./,
    );
  });
  it('rejects predictions and outcomes of different lengths', () => {
    assert.throws(() => aucScore([0.1], [0, 1]), /aucScore: 1 predictions for 2 outcomes/);
  });
});

describe('brierScore', () => {
  it('is the mean squared difference between prediction and outcome', () => {
    // ((0.2 − 0)² + (0.9 − 1)² + (0.5 − 1)²) / 3 = (0.04 + 0.01 + 0.25) / 3 = 0.1
    assert.ok(Math.abs(brierScore([0.2, 0.9, 0.5], [0, 1, 1]) - 0.1) < 1e-15);
  });
  it('rejects an empty set of rows', () => {
    assert.throws(() => brierScore([], []), /brierScore: no rows\. Score at least one row\./);
  });
});

describe('calibrationByDecile', () => {
  it('cuts rows sorted by prediction into equal bins with mean prediction and observed share', () => {
    // 4 rows in 2 bins: sorted 0.1 (y 0), 0.2 (y 1) | 0.6 (y 1), 0.8 (y 1)
    const bins = calibrationByDecile([0.8, 0.1, 0.6, 0.2], [1, 0, 1, 1], 2);
    assert.deepEqual(
      bins.map((b) => [b.decile, b.rows, b.events, +b.mean_predicted.toFixed(10), b.observed_rate]),
      [
        [1, 2, 1, 0.15, 0.5], // (0.1 + 0.2) / 2, 1 of 2
        [2, 2, 2, 0.7, 1], // (0.6 + 0.8) / 2, 2 of 2
      ],
    );
  });
});

describe('groupSkill', () => {
  // group a: 5 people; leavers p1, p2, ..., see below. group b: 2 people (too small).
  const persons = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'q1', 'q2'];
  const y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0];
  const p = [0.9, 0.8, 0.7, 0.6, 0.2, 0.5, 0.4, 0.3, 0.1, 0.05, 0.5, 0.5];
  const g = ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b'];
  it('reports skill for groups with enough people, leavers and stayers, and hides small groups whole', () => {
    const { groups } = groupSkill(p, y, persons, { g }, { minGroupSize: 5 });
    // group a: leavers 0.9, 0.8, 0.7, 0.6 beat all 5 stayers (20 pairs); 0.2 beats 0.1 and 0.05
    // only: 22 of 25 pairs → AUC 0.88
    assert.equal(groups[0].group, 'a');
    assert.equal(groups[0].people, 10);
    assert.ok(Math.abs((groups[0].auc as number) - 0.88) < 1e-12);
    assert.equal(groups[0].observed_rate, 0.5);
    assert.deepEqual(
      { ...groups[1] },
      {
        dimension: 'g',
        group: 'b',
        people: null,
        rows: null,
        events: null,
        auc: null,
        brier: null,
        mean_predicted: null,
        observed_rate: null,
        note: 'fewer than 5 people, leavers or stayers',
      },
    );
  });
  it('measures gaps as the largest minus the smallest reported value', () => {
    const two = groupSkill(
      p,
      y,
      persons,
      { g: g.map((_, i) => (i % 2 === 0 ? 'x' : 'y')) },
      { minGroupSize: 1 },
    );
    const [x, yy] = two.groups;
    assert.equal(two.gaps[0].groups_reported, 2);
    assert.ok(
      Math.abs((two.gaps[0].auc_gap as number) - Math.abs((x.auc as number) - (yy.auc as number))) <
        1e-15,
    );
  });
});
