import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { testExitReasonChange } from '../../../src/transforms/exits/trend.js';

// 20 respondents in each of three years citing workload 2, 5 and 8 times.
const summary = aq.table({
  period: ['FY2022-23', 'FY2023-24', 'FY2024-25', 'FY2022-23'],
  reason: ['workload', 'workload', 'workload', 'pay_and_benefits'],
  respondents: [20, 20, 20, 20],
  mentioned: [2, 5, 8, 3],
  primary: [1, 1, 1, 1],
});

describe('testExitReasonChange', () => {
  it('matches the hand-computed chi-square and Cochran–Armitage statistics', () => {
    const r = testExitReasonChange(summary, { reason: 'workload' });
    // p = 15/60 = 0.25; expected 5 per year; X² = (9 + 0 + 9) / (20 × 0.25 × 0.75) = 18 / 3.75 = 4.8, df 2,
    // P(χ²₂ > 4.8) = exp(−2.4) = 0.0907180. Trend: T = 0(−3) + 1(0) + 2(3) = 6;
    // Var = 0.1875 × (100 − 60² / 60) = 7.5; Z = 6 / √7.5 = 2.190890; R: prop.trend.test(c(2,5,8), c(20,20,20))
    // gives X-squared = 4.8 (= Z²), p-value = 0.02846.
    assert.deepEqual(r.groups, ['FY2022-23', 'FY2023-24', 'FY2024-25']);
    assert.ok(Math.abs(r.chiSquare - 4.8) < 1e-12);
    assert.equal(r.df, 2);
    assert.ok(Math.abs(r.pValue - Math.exp(-2.4)) < 1e-9);
    assert.ok(Math.abs(r.trendZ - 6 / Math.sqrt(7.5)) < 1e-12);
    assert.ok(Math.abs(r.trendPValue - 0.02846) < 5e-6);
  });

  it('reverses the sign of the trend when the order is reversed', () => {
    const r = testExitReasonChange(summary, {
      reason: 'workload',
      order: ['FY2024-25', 'FY2023-24', 'FY2022-23'],
    });
    assert.ok(Math.abs(r.trendZ + 6 / Math.sqrt(7.5)) < 1e-12);
  });

  it('refuses a single period', () => {
    assert.throws(
      () => testExitReasonChange(summary, { reason: 'pay_and_benefits' }),
      /only 1 period with respondents; a change needs at least 2/,
    );
  });

  it('refuses a reason without variation', () => {
    const none = summary.derive({ mentioned: () => 0 });
    assert.throws(
      () => testExitReasonChange(none, { reason: 'workload' }),
      /"workload" is cited by no respondent in these periods/,
    );
  });

  it('names an unknown reason', () => {
    assert.throws(
      () => testExitReasonChange(summary, { reason: 'wrokload' }),
      /reason "wrokload" is not in the summary\. Reasons: workload, pay_and_benefits\./,
    );
  });
});
