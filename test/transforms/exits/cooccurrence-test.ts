import assert from 'node:assert/strict';
import {
  exitReasonPairsSpec,
  summarizeExitReasonPairs,
} from '../../../src/transforms/exits/cooccurrence.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const leavers = () =>
  deriveExitLeavers(exitPeople(), exitInterviews(), { periods: parsePeriod('FY2024-25') });

describe('summarizeExitReasonPairs', () => {
  it('counts respondents citing both reasons of each pair, the diagonal included', () => {
    const t = summarizeExitReasonPairs(leavers(), {
      reasons: ['workload', 'wellbeing_and_stress', 'management_and_supervision'],
    });
    // 5 respondents; workload P1 P4, wellbeing P1, management P4.
    // lift(workload, wellbeing) = (1/5) / ((2/5)(1/5)) = 2.5; lift(wellbeing, management) = 0.
    tableEqual(
      t,
      {
        reason_a: [
          'workload',
          'workload',
          'workload',
          'wellbeing_and_stress',
          'wellbeing_and_stress',
          'management_and_supervision',
        ],
        reason_b: [
          'workload',
          'wellbeing_and_stress',
          'management_and_supervision',
          'wellbeing_and_stress',
          'management_and_supervision',
          'management_and_supervision',
        ],
        respondents: [5, 5, 5, 5, 5, 5],
        both: [2, 1, 1, 1, 0, 1],
        both_pct: [40, 20, 20, 20, 0, 20],
        lift: [2.5, 2.5, 2.5, 5, 0, 5],
      },
      1e-12,
    );
  });

  it('gives null lift when a reason is never cited', () => {
    const t = summarizeExitReasonPairs(leavers(), { reasons: ['workload', 'health'] });
    assert.deepEqual(t.array('lift'), [2.5, null, null]);
  });

  it('publishes both and both_pct, not lift', () => {
    const t = summarizeExitReasonPairs(leavers(), { reasons: ['workload'] });
    const published = publishTable(t, exitReasonPairsSpec(), { mode: 'analyst' });
    assert.deepEqual(published.columns, ['respondents', 'both', 'both_pct']);
  });
});
