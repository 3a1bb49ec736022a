// The person-month model validated plain and penalised on the same rows, on a small generated force
// (600 people, the demo generator's default seed: 25 leavers for 20 parameters in the training year,
// where the penalised fit once failed to converge). Leavers are counted by hand from the person-months.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoForce } from '../../src/demo/generate.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { fitRiskModel } from '../../src/risk/output.js';
import { validateRiskModel } from '../../src/risk/validate.js';
import {
  buildPersonPeriods,
  type PersonPeriods,
} from '../../src/transforms/person-period/build.js';

describe('the person-month risk model on a 600-person force', function () {
  this.timeout(300_000);
  let pp: PersonPeriods;
  before(async function () {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-validate-'));
    await generateDemoForce({ people: 600, outDir: dir });
    pp = buildPersonPeriods(await loadDataset(dir, { asOf: '2025-03-31' }), { horizonMonths: 12 });
  });

  describe('validateRiskModel', function () {
    this.timeout(300_000);

    it('penalises by the rule, counting leavers as people, and compares both models', () => {
      const v = validateRiskModel(pp, { model: 'logistic', scheme: 'out-of-time' });
      // Training months 2021-04 … 2022-03 (see test/cli/risk-test.ts): leavers are the distinct people
      // with a positive month among them.
      const y = pp.table.array('resigned_within_horizon') as ArrayLike<number | null>;
      const month = pp.table.array('month') as ArrayLike<string>;
      const person = pp.table.array('person_id') as ArrayLike<string>;
      const leavers = new Set<string>();
      for (let i = 0; i < y.length; i++) {
        if (y[i] === 1 && month[i] >= '2021-04' && month[i] <= '2022-03') leavers.add(person[i]);
      }
      assert.equal(v.penalty.events, leavers.size);
      assert.equal(v.penalty.parameters, v.fitted.names.length);
      assert.equal(v.penalty.kind, leavers.size / v.fitted.names.length < 20 ? 'ridge' : 'none');
      assert.deepEqual(
        v.comparison.map((c) => c.model),
        ['none', 'ridge'],
      );
      const reported = v.comparison.find((c) => c.chosen)!;
      assert.equal(reported.auc, v.test.auc);
      assert.deepEqual(reported.calibration, v.test.calibration_fit);
      // Person-months repeat people: the recalibration intervals are clustered by person.
      assert.equal(v.test.calibration_fit.clustered, true);
    });

    it('fits only the plain model when asked for no penalty', () => {
      const v = validateRiskModel(pp, { penalty: 'none' });
      assert.equal(v.penalty.kind, 'none');
      assert.equal(v.comparison.length, 1);
      assert.equal(v.fitted.penalty, undefined);
    });

    it('leaves the Cox model unpenalised', () => {
      const v = validateRiskModel(pp, { model: 'cox' });
      assert.equal(v.penalty.kind, 'none');
      assert.match(v.penalty.reason, /Cox model is fitted unpenalised/);
    });
  });

  describe('fitRiskModel', function () {
    this.timeout(300_000);
    it('fits ridge on request: risks pulled towards the mean, ratios without intervals', () => {
      const plain = fitRiskModel(pp);
      const ridge = fitRiskModel(pp, { penalty: 'ridge' });
      assert.equal(plain.model.penalty, undefined);
      assert.equal(ridge.model.penalty?.kind, 'ridge');
      assert.ok(ridge.model.coefficients.every((c) => Number.isNaN(c.ratio_low)));
      const spread = (f: typeof plain) => {
        const logit = Array.from(f.scored.array('risk') as ArrayLike<number>, (p) =>
          Math.log(p / (1 - p)),
        );
        const mean = logit.reduce((a, b) => a + b, 0) / logit.length;
        return logit.reduce((a, b) => a + (b - mean) ** 2, 0);
      };
      assert.ok(spread(ridge) < spread(plain));
    });
  });
});
