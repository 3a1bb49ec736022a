// summarizeWellbeingByOvertimeBand on posting stretches (issue 14): a person who moved keeps one band
// for the employment, from all its hours and days, not one band per posting.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { derivePostingSpells } from '../../../src/transforms/matrix/posting-spells.js';
import { summarizeWellbeingByOvertimeBand } from '../../../src/transforms/overtime/wellbeing.js';

describe('summarizeWellbeingByOvertimeBand on posting stretches', () => {
  it('bands the whole employment: 100 h over 365 days at work is 8.3 h a month, not 16.6 and 0', () => {
    const people = aq.table({
      person_id: ['X'],
      worker_type: ['officer'],
      unit_id: ['U2'],
      high_risk_role: [null],
      fte: [1],
      start_date: [epochDay(2024, 4, 1)],
      end_date: [null],
      leaver_type: [null],
    });
    const postings = aq.table({
      person_id: ['X', 'X'],
      unit_id: ['U1', 'U2'],
      high_risk_role: [null, null],
      from_date: [epochDay(2024, 4, 1), epochDay(2024, 10, 1)],
      to_date: [epochDay(2024, 9, 30), null],
    });
    const stretches = derivePostingSpells(people, postings);
    assert.equal(stretches.numRows(), 2);
    const overtime = aq.table({ person_id: ['X'], date: [epochDay(2024, 5, 1)], hours: [100] });
    const sickness = aq.table({ person_id: [], start_date: [], end_date: [] });
    const t = summarizeWellbeingByOvertimeBand(stretches, overtime, sickness, {
      period: parsePeriod('FY2024-25'),
    });
    // 100 / 365 × 30.4375 = 8.34 h a month: the 5–10 h band, one person
    assert.deepEqual(t.array('overtime_band'), ['5–10 h']);
    assert.deepEqual(t.array('headcount'), [1]);
    assert.ok(Math.abs((t.get('headcount_avg', 0) as number) - 1) < 1e-12);
  });
});
