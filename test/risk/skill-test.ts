import assert from 'node:assert/strict';
import type { RiskModel } from '../../src/risk/model.js';
import type { PenaltyChoice } from '../../src/risk/penalty.js';
import { compareModels, type SkillReport } from '../../src/risk/skill.js';

describe('compareModels', () => {
  it('gives each model’s skill, marks the chosen one and the λ of the penalised one', () => {
    const calibration = { intercept: 0, slope: 1 } as unknown as SkillReport['calibration_fit'];
    const skill = (auc: number) =>
      ({ auc, brier: 0.1, calibration_fit: calibration }) as unknown as SkillReport;
    const plain = {} as RiskModel;
    const ridge = { penalty: { lambda: 0.05 } } as unknown as RiskModel;
    const choice = { kind: 'ridge' } as PenaltyChoice;
    assert.deepEqual(
      compareModels(
        [
          { kind: 'none', model: plain, skill: skill(0.7) },
          { kind: 'ridge', model: ridge, skill: skill(0.72) },
        ],
        choice,
      ),
      [
        { model: 'none', chosen: false, auc: 0.7, brier: 0.1, calibration, lambda: null },
        { model: 'ridge', chosen: true, auc: 0.72, brier: 0.1, calibration, lambda: 0.05 },
      ],
    );
  });
});
