import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import type { Period } from '../../../src/time/periods.js';
import {
  summarizeWorkingTime,
  workingTimeCellSpec,
} from '../../../src/transforms/overtime/working-time.js';
import { publishTable } from '../../../src/privacy/index.js';
import { tableEqual } from '../../helpers/table-equal.js';

// Reference period: 17 weeks = 119 days ending Sunday 28 April 2024, i.e. Monday 1 January to
// 28 April 2024 (31 + 29 + 31 + 28 = 119 days). Week w (1–17) starts on 1 January + 7(w − 1).
const first = epochDay(2024, 1, 1);
const period: Period = {
  kind: 'month',
  label: 'ref',
  start: epochDay(2024, 4, 1),
  end: epochDay(2024, 4, 28),
};
const people = aq.table({
  person_id: ['W', 'V'],
  unit: ['T', 'T'],
  start_date: [0, 0],
  end_date: [null, null],
  fte: [1, 0.5],
  contracted_hours_per_week: [40, null],
});
// W: 10 h of overtime on the Tuesday of every week except week 5, and 16 h in week 17.
const weeks = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const overtime = aq.table({
  person_id: [...weeks.map(() => 'W'), 'W'],
  date: [...weeks.map((w) => first + 7 * (w - 1) + 1), first + 7 * 16 + 1],
  hours: [...weeks.map(() => 10), 16],
});
// W is off sick Wednesday to Thursday of week 5 (31 Jan – 1 Feb): week 5 is excluded.
const sickness = aq.table({ person_id: ['W'], start_date: [first + 30], end_date: [first + 31] });

describe('summarizeWorkingTime', () => {
  it('averages contracted plus overtime hours over 17 weeks, leaving out a week off sick', () => {
    // W: 16 counted weeks: (40 × 16 + 10 × 15 + 16) / 16 = 806 / 16 = 50.375 > 48.
    // V: no contracted hours, so 0.5 FTE × 40 = 20 h in all 17 weeks → 20.
    const t = summarizeWorkingTime(people, overtime, { periods: [period], by: ['unit'], sickness });
    tableEqual(
      t.select(
        'people_assessed',
        'people_over_limit',
        'weekly_hours_sum',
        'share_over_limit_pct',
        'avg_weekly_hours',
      ),
      {
        people_assessed: [2],
        people_over_limit: [1],
        weekly_hours_sum: [50.375 + 20],
        share_over_limit_pct: [50],
        avg_weekly_hours: [70.375 / 2],
      },
    );
  });
  it('keeps the sick week when no sickness is given: (40 × 17 + 166) / 17', () => {
    const t = summarizeWorkingTime(people, overtime, { periods: [period], by: ['unit'] });
    assert.equal(t.get('weekly_hours_sum', 0), (40 * 17 + 166) / 17 + 20);
  });
  it('leaves out weeks not fully in post, and people with none', () => {
    // V joins on Tuesday 23 April: week 17 (22–28 April) is not a full week in post, so V is not assessed.
    const late = people.derive({
      start_date: aq.escape((r: { person_id: string }) =>
        r.person_id === 'V' ? epochDay(2024, 4, 23) : 0,
      ),
    });
    const t = summarizeWorkingTime(late, overtime, { periods: [period], by: ['unit'], sickness });
    assert.equal(t.get('people_assessed', 0), 1);
  });
  it('publishes with its CellSpec', () => {
    const t = summarizeWorkingTime(people, overtime, { periods: [period], by: ['unit'], sickness });
    const p = publishTable(t, workingTimeCellSpec(['unit']), { mode: 'analyst' });
    assert.deepEqual(p.table.array('share_over_limit_pct'), [50]);
  });
  it('says what is wrong with weeks', () => {
    assert.throws(
      () => summarizeWorkingTime(people, overtime, { periods: [period], weeks: 0 }),
      /summarizeWorkingTime: weeks must be a whole number ≥ 1, got 0\./,
    );
  });
});
