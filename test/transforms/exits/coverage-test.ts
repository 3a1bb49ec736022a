import assert from 'node:assert/strict';
import { exitCoverageSpec, summarizeExitCoverage } from '../../../src/transforms/exits/coverage.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const leavers = () =>
  deriveExitLeavers(exitPeople(), exitInterviews(), { periods: parsePeriod('FY2024-25') });

describe('summarizeExitCoverage', () => {
  it('counts leavers and interviewed leavers per leaver type, with an All row', () => {
    // resignations P1 P2 P4 P6 P8: 4 interviewed (not P6); retirement P3: 1 of 1; All 5 of 6.
    tableEqual(
      summarizeExitCoverage(leavers(), { by: ['leaver_type'] }),
      {
        leaver_type: ['normal_retirement', 'voluntary_resignation', 'All'],
        leavers: [1, 5, 6],
        interviewed: [1, 4, 5],
        coverage_pct: [100, 80, (100 * 5) / 6],
      },
      1e-9,
    );
  });

  it('crosses two groups with margins over each and both', () => {
    const t = summarizeExitCoverage(leavers(), { by: ['sex', 'unit_id'] });
    // female: P1 (U1, yes) P4 (U2, yes) P6 (U1, no); male: P2 (U1, yes) P3 (U2, yes) P8 (U2, yes)
    const row = (sex: string, unit: string) =>
      t
        .objects()
        .find(
          (r) => (r as { sex: string }).sex === sex && (r as { unit_id: string }).unit_id === unit,
        ) as { leavers: number; interviewed: number };
    assert.deepEqual([row('female', 'U1').leavers, row('female', 'U1').interviewed], [2, 1]);
    assert.deepEqual([row('All', 'U2').leavers, row('All', 'U2').interviewed], [3, 3]);
    assert.deepEqual([row('female', 'All').leavers, row('All', 'All').leavers], [3, 6]);
  });

  it('gives one row named group without groups', () => {
    tableEqual(
      summarizeExitCoverage(leavers()),
      { group: ['All'], leavers: [6], interviewed: [5], coverage_pct: [(100 * 5) / 6] },
      1e-9,
    );
  });

  it('publishes through its spec, hiding groups under the minimum', () => {
    const published = publishTable(
      summarizeExitCoverage(leavers(), { by: ['leaver_type'] }),
      exitCoverageSpec(['leaver_type']),
      { minGroupSize: 3, minCount: 3 },
    );
    // the retirement row has 1 leaver: hidden; its complement in the All group is the resignations row.
    assert.deepEqual(published.table.array('leavers'), [null, null, 6]);
  });

  it('names the missing column', () => {
    assert.throws(
      () => summarizeExitCoverage(exitPeople()),
      /summarizeExitCoverage: column "interviewed" missing/,
    );
  });
});
