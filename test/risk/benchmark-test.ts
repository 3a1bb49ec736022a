import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { crossValidateLogistic } from '../../src/risk/skill.js';
import { loadSnapshot, parseSnapshotMapping, type Snapshot } from '../../src/risk/snapshot.js';
import { personFolds } from '../../src/risk/folds.js';
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
const pen = JSON.parse(
  readFileSync(new URL('../reference/risk/ibm-penalised.json', import.meta.url), 'utf8'),
) as {
  plain_calibration: number[];
  ridge_auc: number;
  ridge_brier: number;
  ridge_calibration: number[];
  ridge_final_lambda: number;
  ridge_final_estimate: number[];
};
const refFolds = readFileSync(
  new URL('../reference/risk/ibm-folds-k10-seed1.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

const MAPPING = parseSnapshotMapping(
  readFileSync(new URL('../../examples/mappings/ibm-hr-attrition.json', import.meta.url), 'utf8'),
);

describeRealData(
  'IBM HR attrition benchmark through the snapshot mapping (examples/mappings/ibm-hr-attrition.json)',
  'ibm-hr-attrition',
  (dir) => {
    let snapshot: Snapshot;
    let table: aq.ColumnTable;
    let cv: ReturnType<typeof crossValidateLogistic>;
    before(async () => {
      snapshot = await loadSnapshot(dir, MAPPING);
      table = snapshot.table;
      cv = crossValidateLogistic(table, {
        features: snapshot.features,
        outcome: 'left',
        person: 'person_id',
        folds: 10,
        seed: 1,
        groups: ['sex'],
        penalty: 'none',
      });
    });
    it('loads all 1,470 employees, none rejected, with the fairness groups beside the inputs', () => {
      // SOURCE.md: 1,470 data rows; Attrition = Yes in 237; Gender Female 588, Male 882.
      assert.deepEqual(snapshot.files, [
        {
          file: 'WA_Fn-UseC_-HR-Employee-Attrition.csv',
          rows_read: 1470,
          rows_loaded: 1470,
          rows_rejected: 0,
        },
      ]);
      assert.equal(snapshot.rejects.numRows(), 0);
      assert.deepEqual(snapshot.groups, ['sex', 'age_band']);
      assert.ok(
        !snapshot.features.some((f) => ['Gender', 'Age', 'MaritalStatus'].includes(f.column)),
      );
    });
    it('uses 10 folds of 147 employees each, seed 1, as recorded for R', () => {
      const folds = personFolds(table.array('person_id') as string[], 10, 1);
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
    it("gives R's calibration slope and intercept of the plain model: too extreme, flagged", () => {
      // test/reference/risk-penalised.R: glm(y ~ qlogis(p)) and glm(y ~ offset(qlogis(p))) on the
      // held-out predictions of glm refitted on the kit's folds.
      const [slope, slopeSe, intercept, interceptSe] = pen.plain_calibration;
      const c = cv.skill.calibration_fit;
      assert.ok(Math.abs(c.slope.estimate - slope) < 1e-8, `slope ${c.slope.estimate}`);
      assert.ok(Math.abs(c.slope.std_error - slopeSe) < 1e-8);
      assert.ok(Math.abs(c.intercept.estimate - intercept) < 1e-8);
      assert.ok(Math.abs(c.intercept.std_error - interceptSe) < 1e-8);
      assert.equal(c.flag, 'too extreme'); // 0.85 (0.73–0.96): the interval excludes 1
    });

    describe('penalised by default (237 leavers for 33 parameters)', function () {
      this.timeout(300_000);
      let auto: ReturnType<typeof crossValidateLogistic>;
      before(() => {
        auto = crossValidateLogistic(table, {
          features: snapshot.features,
          outcome: 'left',
          person: 'person_id',
          folds: 10,
          seed: 1,
        });
      });
      it('chooses ridge by the events-per-parameter rule, and says why', () => {
        assert.equal(auto.penalty.kind, 'ridge');
        assert.match(auto.penalty.reason, /237 events for 33 parameters \(7\.2 per parameter\)/);
        assert.deepEqual(
          auto.comparison.map((c) => [c.model, c.chosen]),
          [
            ['none', false],
            ['ridge', true],
          ],
        );
      });
      it("matches R's nested cross-validation of glmnet ridge on the same inner folds", () => {
        // Each outer fold's penalty, the pooled held-out AUC, Brier and recalibration, and the
        // model refitted on everyone (test/reference/risk-penalised.R, glmnet 4.1.6).
        const ridge = auto.comparison[1];
        assert.ok(Math.abs((ridge.auc as number) - pen.ridge_auc) < 1e-6, `auc ${ridge.auc}`);
        assert.ok(Math.abs(ridge.brier - pen.ridge_brier) < 1e-6);
        const [slope, , intercept] = pen.ridge_calibration;
        assert.ok(Math.abs(ridge.calibration.slope.estimate - slope) < 1e-5);
        assert.ok(Math.abs(ridge.calibration.intercept.estimate - intercept) < 1e-5);
        assert.ok(Math.abs((ridge.lambda as number) - pen.ridge_final_lambda) < 1e-12);
        auto.model.estimate.forEach((b, j) =>
          assert.ok(Math.abs(b - pen.ridge_final_estimate[j]) < 1e-6, auto.model.names[j]),
        );
      });
      it('brings the calibration slope back to 1 at the same discrimination', () => {
        const [plain, ridge] = auto.comparison;
        assert.equal(plain.calibration.flag, 'too extreme');
        assert.equal(ridge.calibration.flag, null); // 1.03 (0.89–1.17)
        assert.ok(Math.abs((plain.auc as number) - (ridge.auc as number)) < 0.002);
      });
    });
  },
);
