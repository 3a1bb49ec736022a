import assert from 'node:assert/strict';
import { exitReasonsSpec, summarizeExitReasons } from '../../../src/transforms/exits/reasons.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const leavers = () =>
  deriveExitLeavers(exitPeople(), exitInterviews(), {
    periods: parsePeriod('FY2024-25'),
    serviceBandEdges: [3, 7, 11],
  });

describe('summarizeExitReasons', () => {
  it('counts primary and any-mention among respondents', () => {
    // respondents P1 {workload*, wellbeing}, P2 {role_not_as_expected*, training}, P3 {retirement*},
    // P4 {workload*, management}, P8 {better_offer*, pay}: workload primary 2 of 5, mentioned 2 of 5.
    const t = summarizeExitReasons(leavers(), {
      reasons: ['workload', 'pay_and_benefits', 'health'],
    });
    tableEqual(t, {
      group: ['All', 'All', 'All'],
      reason: ['workload', 'pay_and_benefits', 'health'],
      respondents: [5, 5, 5],
      primary: [2, 0, 0],
      mentioned: [2, 1, 0],
      primary_pct: [40, 0, 0],
      mentioned_pct: [40, 20, 0],
    });
  });

  it('breaks down by service band in band order and leaves out bands without respondents', () => {
    const t = summarizeExitReasons(leavers(), { by: ['service_band'], reasons: ['workload'] });
    // <3: P2, P4 (workload 1 of 2); 3–7: P1, P8 (1 of 2); 11+: P3 (0 of 1); unknown: P6, not interviewed.
    tableEqual(t.select('service_band', 'respondents', 'mentioned'), {
      service_band: ['<3', '3–7', '11+', 'All'],
      respondents: [2, 2, 1, 5],
      mentioned: [1, 1, 0, 2],
    });
  });

  it('lists the vocabulary, then other cited reasons, by default', () => {
    const t = summarizeExitReasons(leavers());
    assert.equal(t.numRows(), 17);
    assert.equal(t.get('reason', 0), 'workload');
  });

  it('publishes through its spec', () => {
    const t = summarizeExitReasons(leavers(), { by: ['service_band'], reasons: ['workload'] });
    const published = publishTable(t, exitReasonsSpec(['service_band']), { mode: 'analyst' });
    assert.deepEqual(published.table.array('mentioned_pct'), [50, 50, 0, 40]);
  });
});
