import assert from 'node:assert/strict';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

describe('deriveExitLeavers', () => {
  const fy = parsePeriod('FY2024-25');

  it('keeps the spells that ended in the period and labels them with it', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews(), { periods: fy });
    // P5 (Dec 2023), P8's first spell (Dec 2019) and P7 (in post) are out.
    assert.deepEqual(leavers.array('person_id'), ['P1', 'P2', 'P3', 'P4', 'P6', 'P8']);
    assert.deepEqual([...new Set(leavers.array('period'))], ['FY2024-25']);
  });

  it('labels every leaver with its financial year when no period is given', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews());
    assert.equal(leavers.numRows(), 8);
    assert.deepEqual(leavers.array('period').slice(4, 8), [
      'FY2023-24',
      'FY2024-25',
      'FY2019-20',
      'FY2024-25',
    ]);
  });

  it('matches an interview to the same person’s spell whose end is nearest the interview date', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews());
    const p8 = leavers.objects().filter((r) => (r as { person_id: string }).person_id === 'P8') as {
      primary_reason: string;
      interview_row: number;
    }[];
    // 2019-12-20 is 11 days from the first spell's end; 2024-10-05 is 5 days from the second's.
    assert.deepEqual(
      p8.map((r) => [r.primary_reason, r.interview_row]),
      [
        ['relocation', 5],
        ['better_offer', 4],
      ],
    );
  });

  it('flags interviewed leavers and lists each reason once, primary first', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews(), { periods: fy });
    assert.deepEqual(leavers.array('interviewed'), [true, true, true, true, false, true]);
    assert.deepEqual(leavers.array('reasons')[0], ['workload', 'wellbeing_and_stress']);
    assert.deepEqual(leavers.array('reasons')[4], []);
  });

  it('bands completed service at leaving, from start_date without a service start', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews(), {
      periods: fy,
      serviceBandEdges: [3, 7, 11],
    });
    // P1 52 m, P2 10 m, P3 364 m, P4 28 m, P8 45 m (2021-01-01 → 2024-10-01); P6 has no
    // service_start_date, so from start_date: 2015-01-01 → 2025-02-02 is 121 m.
    assert.deepEqual(leavers.array('service_months'), [52, 10, 364, 28, 121, 45]);
    assert.deepEqual(leavers.array('service_band'), ['3–7', '<3', '11+', '<3', '7–11', '3–7']);
  });

  it('keeps only the leaver types asked for', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews(), {
      periods: fy,
      leaverTypes: ['normal_retirement'],
    });
    assert.deepEqual(leavers.array('person_id'), ['P3']);
  });

  it('never copies the comments', () => {
    const leavers = deriveExitLeavers(exitPeople(), exitInterviews());
    assert.ok(!leavers.columnNames().includes('comments'));
  });

  it('names the missing columns', () => {
    assert.throws(
      () => deriveExitLeavers(exitPeople().select('person_id', 'end_date'), exitInterviews()),
      /deriveExitLeavers: columns "leaver_type", "service_start_date" missing\. Found: person_id, end_date\./,
    );
  });
});
