import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { IBM_FEATURES, prepareIbmAttrition } from '../../src/risk/benchmark.js';
import { crossValidateLogistic, personFolds } from '../../src/risk/skill.js';
import { describeRealData } from '../helpers/real-data.js';

const ref = JSON.parse(
  readFileSync(new URL('../reference/risk/ibm-cv.json', import.meta.url), 'utf8'),
) as {
  names: string[];
  estimate: number[];
  cluster_se: number[];
  cv_auc: number;
  cv_brier: number;
  fold_auc: number[];
};
const refFolds = readFileSync(
  new URL('../reference/risk/ibm-folds-k10-seed1.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

describeRealData(
  'IBM HR attrition benchmark (crossValidateLogistic)',
  'ibm-hr-attrition',
  (dir) => {
    const raw = aq.fromCSV(
      readFileSync(join(dir, 'WA_Fn-UseC_-HR-Employee-Attrition.csv'), 'utf8'),
      {
        autoType: false,
      },
    );
    const table = prepareIbmAttrition(raw);
    const cv = crossValidateLogistic(table, {
      features: IBM_FEATURES,
      outcome: 'left',
      person: 'employee_id',
      folds: 10,
      seed: 1,
      groups: ['sex'],
    });
    it('uses 10 folds of 147 employees each, seed 1, as recorded for R', () => {
      const folds = personFolds(table.array('employee_id') as string[], 10, 1);
      assert.deepEqual(folds, refFolds);
      assert.deepEqual(
        [...Array(10).keys()].map((k) => folds.filter((f) => f === k).length),
        Array(10).fill(147), // 1,470 employees / 10
      );
    });
    it('reaches the published discrimination of logistic regression (AUC 0.78–0.88)', () => {
      assert.equal(cv.skill.rows, 1470);
      assert.equal(cv.skill.events, 237); // Attrition = Yes in 237 of 1,470 rows (SOURCE.md, Kaggle)
      assert.ok((cv.skill.auc as number) > 0.78 && (cv.skill.auc as number) < 0.88);
    });
    it("matches R's glm refitted on the same folds: pooled AUC, Brier and each fold's AUC", () => {
      assert.ok(Math.abs((cv.skill.auc as number) - ref.cv_auc) < 1e-9);
      assert.ok(Math.abs(cv.skill.brier - ref.cv_brier) < 1e-9);
      cv.fold_auc.forEach((a, k) => assert.ok(Math.abs((a as number) - ref.fold_auc[k]) < 1e-9));
    });
    it("matches R's full-data coefficients and employee-clustered standard errors", () => {
      assert.deepEqual(cv.model.names, ref.names);
      cv.model.estimate.forEach((b, j) =>
        assert.ok(Math.abs(b - ref.estimate[j]) < 1e-6, ref.names[j]),
      );
      cv.model.coefficients.forEach((c, j) =>
        assert.ok(Math.abs(c.std_error - ref.cluster_se[j]) < 1e-6, ref.names[j]),
      );
    });
    it('reports skill by sex (never an input) with the gap between the groups', () => {
      assert.deepEqual(
        cv.skill.groups.map((g) => [g.group, g.people]),
        [
          ['female', 588],
          ['male', 882],
        ],
      );
      assert.equal(cv.skill.gaps[0].groups_reported, 2);
    });
  },
);

describe('prepareIbmAttrition', () => {
  it('names the missing columns', () => {
    assert.throws(
      () => prepareIbmAttrition(aq.table({ Age: [30] })),
      /prepareIbmAttrition: column\(s\) OverTime, BusinessTravel/,
    );
  });
});
