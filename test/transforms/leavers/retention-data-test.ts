import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  deriveRetentionData,
  retentionUnavailableReason,
} from '../../../src/transforms/leavers/retention-data.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Window days 100–200. A joined before it and stays; B joins and resigns in it; C left before it
// (dropped); D joins after the data end (dropped); E joins and is dismissed on day 100; F's end date
// lies after the data end, so F is still in post on day 200.
const people = aq.table({
  person_id: ['A', 'B', 'C', 'D', 'E', 'F'],
  start_date: [50, 120, 10, 210, 100, 20],
  end_date: [null, 150, 90, null, 100, 250],
  leaver_type: [null, 'voluntary_resignation', 'dismissal', null, 'dismissal', 'normal_retirement'],
});

describe('deriveRetentionData', () => {
  it('gives tenure on entering the window and at exit or data end, in days served', () => {
    const t = deriveRetentionData(people, { windowStart: 100, dataEnd: 200, unit: 'months' });
    const m = 365.25 / 12;
    // A: entry 100 − 50 = 50 days; time 200 − 50 + 1 = 151. B: 0, 150 − 120 + 1 = 31. E: 0, 1. F: 80, 181.
    tableEqual(
      t.select('person_id', 'tenure_entry_months', 'tenure_months', 'left', 'exit_cause'),
      {
        person_id: ['A', 'B', 'E', 'F'],
        tenure_entry_months: [50 / m, 0, 0, 80 / m],
        tenure_months: [151 / m, 31 / m, 1 / m, 181 / m],
        left: [0, 1, 1, 0],
        exit_cause: [null, 'voluntary_resignation', 'dismissal', null],
      },
      1e-12,
    );
  });

  it('follows people from the window start given, not from the first exit', () => {
    // Records complete from day 60, though the first exit (C) is on day 90: C (start 10, left day 90,
    // time 81) enters at 60 − 10 = 50 days; A (start 50) enters at 10 days, not at 90 − 50 = 40.
    const t = deriveRetentionData(people, { windowStart: 60, dataEnd: 200 });
    assert.deepEqual(t.array('person_id'), ['A', 'B', 'C', 'E', 'F']);
    assert.equal(t.get('tenure_entry_years', 0), 10 / 365.25);
    assert.equal(t.get('tenure_entry_years', 2), 50 / 365.25);
    assert.equal(t.get('intake_fy', 0), 'FY1969-70'); // day 50 is 1970-02-20
  });

  it('asks for the window start rather than guessing it from the first exit', () => {
    assert.throws(
      () => deriveRetentionData(people, { dataEnd: 200 } as never),
      /deriveRetentionData: windowStart is missing\. Pass the first day the extract's records are complete: \{ windowStart: recordsStart\(data\)\.day \}/,
    );
  });

  it('rejects a window start after the data end', () => {
    assert.throws(
      () => deriveRetentionData(people, { windowStart: 300, dataEnd: 200 }),
      /deriveRetentionData: windowStart 300 must be an epoch day on or before dataEnd 200/,
    );
  });
});

describe('retentionUnavailableReason', () => {
  it('explains that a leavers-only extract cannot give retention curves', () => {
    assert.match(
      retentionUnavailableReason(
        people.filter((d: { end_date: number | null }) => d.end_date !== null),
      ) ?? '',
      /leavers only/,
    );
    assert.equal(retentionUnavailableReason(people), null);
  });
});
