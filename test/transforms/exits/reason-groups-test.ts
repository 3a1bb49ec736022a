import assert from 'node:assert/strict';
import {
  DEFAULT_EXIT_REASON_GROUPS,
  exitReasonGroupsSpec,
  parseExitReasonGroups,
  summarizeExitReasonGroups,
} from '../../../src/transforms/exits/reason-groups.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const leavers = () =>
  deriveExitLeavers(exitPeople(), exitInterviews(), { periods: parsePeriod('FY2024-25') });

describe('summarizeExitReasonGroups', () => {
  it('counts respondents citing any reason of each group', () => {
    // controllable: P1 (workload) P2 (role) P4 (workload) P8 (pay) = 4 of 5; P3 retirement is not.
    // dissatisfaction: P1 P2 P4 = 3 of 5 (pay and a better offer are not in it).
    tableEqual(summarizeExitReasonGroups(leavers()), {
      group: ['All', 'All'],
      reason_group: ['controllable', 'dissatisfaction'],
      respondents: [5, 5],
      citing: [4, 3],
      citing_pct: [80, 60],
    });
  });

  it('uses configured groups, by group', () => {
    const groups = parseExitReasonGroups(['push: workload, management_and_supervision']);
    const t = summarizeExitReasonGroups(leavers(), { by: ['sex'], groups });
    // female respondents P1 P4 both cite workload (2 of 2); male P2 P3 P8 none (0 of 3).
    tableEqual(t.select('sex', 'respondents', 'citing'), {
      sex: ['female', 'male', 'All'],
      respondents: [2, 3, 5],
      citing: [2, 0, 2],
    });
  });

  it('publishes through its spec', () => {
    const published = publishTable(summarizeExitReasonGroups(leavers()), exitReasonGroupsSpec(), {
      mode: 'analyst',
    });
    assert.deepEqual(published.table.array('citing_pct'), [80, 60]);
  });

  it('rejects an empty group', () => {
    assert.throws(
      () => summarizeExitReasonGroups(leavers(), { groups: { none: [] } }),
      /every reason group needs at least one reason/,
    );
  });
});

describe('parseExitReasonGroups', () => {
  it('reads "name: reason, reason" lines', () => {
    assert.deepEqual(parseExitReasonGroups(['a: workload, health', ' b :other']), {
      a: ['workload', 'health'],
      b: ['other'],
    });
  });

  it('rejects a line without a name', () => {
    assert.throws(
      () => parseExitReasonGroups(['workload, health']),
      /"workload, health" is not a reason group\. Write "name: reason, reason"/,
    );
  });

  it('rejects a reason outside the vocabulary', () => {
    assert.throws(
      () => parseExitReasonGroups(['a: wrokload'], ['workload']),
      /group "a" names wrokload, not in the exit-reason vocabulary \(workload\)/,
    );
  });

  it('keeps the default groups inside the kit vocabulary', () => {
    assert.ok(
      DEFAULT_EXIT_REASON_GROUPS.dissatisfaction.every((r) =>
        DEFAULT_EXIT_REASON_GROUPS.controllable.includes(r),
      ),
    );
  });
});
