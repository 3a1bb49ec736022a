import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/io/load-dataset.js';
import { resolveConfig } from '../../../src/schema/vocabularies.js';
import { exitHeadlines } from '../../../src/report/metrics/exits.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const data = {
  // fte: the leaver section (whose counts the coverage repeats) computes rates from it.
  tables: { people: exitPeople().derive({ fte: () => 1 }), exit_interviews: exitInterviews() },
  config: resolveConfig(),
} as unknown as Dataset;
type Headlines = {
  exit_interview_coverage: {
    all_leavers: Record<string, unknown>;
    by_leaver_type: Record<string, unknown>[];
  };
  top_reasons_voluntary_resignations: { reasons: Record<string, unknown>[] };
  reason_groups_by_service_band: { rows: Record<string, unknown>[] };
  notes: string[];
};

describe('exitHeadlines', () => {
  const period = parsePeriod('FY2024-25');

  it('gives coverage, top reasons and reason groups by band (analyst mode, hand-checked)', () => {
    const h = exitHeadlines(data, {
      period,
      policy: { mode: 'analyst' },
      serviceBandEdges: [3, 7, 11],
    }) as Headlines;
    // leavers P1 P2 P3 P4 P6 P8, 5 interviewed (see exits-coverage-test).
    assert.deepEqual(h.exit_interview_coverage.all_leavers, {
      leaver_type: 'All',
      leavers: 6,
      interviewed: 5,
      coverage_pct: (5 / 6) * 100, // as publishTable computes it: (num / den) × per
    });
    // interviewed resignations P1 P2 P4 P8: workload cited by P1 and P4 (2 of 4), the most cited.
    assert.deepEqual(h.top_reasons_voluntary_resignations.reasons[0], {
      reason: 'workload',
      mentioned: 2,
      mentioned_pct: 50,
      primary: 2,
      primary_pct: 50,
    });
    // <3: P2 P4 both dissatisfied (2 of 2); 3–7: P1 yes, P8 no (1 of 2).
    const diss = h.reason_groups_by_service_band.rows.filter(
      (r) => r.reason_group === 'dissatisfaction',
    );
    assert.deepEqual(
      diss.map((r) => [r.service_band, r.respondents, r.citing]),
      [
        ['<3', 2, 2],
        ['3–7', 2, 1],
        ['All', 4, 3],
      ],
    );
  });

  it('hides small cells in publish mode and says so', () => {
    const h = exitHeadlines(data, { period }) as Headlines;
    // The 6 leavers repeat the leavers section's headline count, which its leaver-rate row hides (the
    // people in post on 1 April 2024 are under 5, so that row is hidden whole): withheld here too.
    assert.equal(h.exit_interview_coverage.all_leavers.leavers, null);
    assert.equal(
      h.exit_interview_coverage.by_leaver_type.find((r) => r.leaver_type === 'normal_retirement')!
        .leavers,
      null,
    );
    assert.match(h.notes[2], /values are null: hidden by disclosure control/);
    assert.doesNotThrow(() => JSON.stringify(h));
  });

  it('asks for a period', () => {
    assert.throws(
      () => exitHeadlines(data, { period: undefined as never }),
      /exitHeadlines: options\.period must be a Period/,
    );
  });
});
