import assert from 'node:assert/strict';
import {
  plannedEnds,
  rowRules,
  rowWarnings,
  type ParsedRow,
} from '../../src/schema/validate-row.js';

// Epoch days: 19814 = 2024-04-01, 19813 = 2024-03-31, 20178 = 2025-03-31 (see test/time/dates-test.ts).
const AS_OF = 20178;

function person(overrides: ParsedRow = {}): ParsedRow {
  return {
    person_id: '001',
    worker_type: 'officer',
    rank_or_grade: null,
    unit_id: null,
    role: null,
    high_risk_role: null,
    fte: 1,
    contracted_hours_per_week: 40,
    service_start_date: null,
    start_date: 19814,
    end_date: null,
    leaver_type: null,
    entry_route: null,
    sex: null,
    ethnicity_group: null,
    disability: null,
    birth_year: null,
    age_band: null,
    ...overrides,
  };
}

describe('rowRules', () => {
  const people = rowRules('people', AS_OF);
  it('accepts a consistent row', () => {
    assert.deepEqual(people(person()), []);
  });
  it('rejects a date after the as-of date', () => {
    assert.deepEqual(people(person({ start_date: AS_OF + 1 })), [
      {
        rule: 'date_after_as_of',
        column: 'start_date',
        value: '2025-04-01',
        message:
          'start_date 2025-04-01 is after the as-of date 2025-03-31. Correct the date, or load with a later --as-of date.',
      },
    ]);
  });
  it('allows period_end after the as-of date', () => {
    const row = {
      unit_id: 'T1',
      period_start: 19814,
      period_end: AS_OF + 5,
      indicator: 'x',
      numerator: null,
      denominator: null,
      value: 3,
    };
    assert.deepEqual(rowRules('unit_indicators', AS_OF)(row), []);
  });
  it('rejects an end before the start', () => {
    const [p] = people(person({ end_date: 19813, leaver_type: 'death' }));
    assert.equal(p.rule, 'end_before_start');
    assert.equal(
      p.message,
      'end_date 2024-03-31 is before start_date 2024-04-01. Correct one of the two dates (are day and month swapped?).',
    );
  });
  it('rejects a service start after the start in this organisation', () => {
    const [p] = people(person({ service_start_date: 19815 }));
    assert.equal(p.rule, 'end_before_start');
    assert.equal(p.column, 'start_date');
  });
  it('rejects an end date without a leaver type', () => {
    assert.deepEqual(people(person({ end_date: 19900 })), [
      {
        rule: 'end_date_without_leaver_type',
        column: 'leaver_type',
        value: '',
        message:
          'end_date is set (2024-06-26) but leaver_type is empty. Give the leaver type (use "other" when unknown), or clear end_date if the person is still in post.',
      },
    ]);
  });
  it('rejects a leaver type without an end date', () => {
    const [p] = people(person({ leaver_type: 'dismissal' }));
    assert.equal(p.rule, 'leaver_type_without_end_date');
    assert.equal(
      p.message,
      'leaver_type is "dismissal" but end_date is empty. Give the last day of service, or clear leaver_type if the person is still in post.',
    );
  });
  it('rejects an indicator with neither value nor numerator and denominator', () => {
    const row = {
      unit_id: 'T1',
      period_start: 19814,
      period_end: 19900,
      indicator: 'x',
      numerator: 4,
      denominator: null,
      value: null,
    };
    const [p] = rowRules('unit_indicators', AS_OF)(row);
    assert.equal(p.rule, 'indicator_without_value');
    assert.equal(
      p.message,
      'value is empty and numerator and denominator are not both given. Give the value, or both numerator and denominator.',
    );
  });
  it('rejects a unit that is its own parent', () => {
    const [p] = rowRules(
      'units',
      AS_OF,
    )({ unit_id: 'T1', parent_id: 'T1', name: null, level: 'team' });
    assert.equal(
      p.message,
      'unit T1 names itself as its parent. Give the unit above it, or leave parent_id empty for the top unit.',
    );
  });
});

describe('plannedEnds', () => {
  it('reads a leaving date after the as-of date as notice given: in post, leaver type set aside', () => {
    // 20209 = 2025-05-01 = 20178 (2025-03-31) + 31.
    const row = person({ end_date: 20209, leaver_type: 'voluntary_resignation' });
    assert.deepEqual(rowRules('people', AS_OF)(row), []);
    assert.deepEqual(plannedEnds('people', AS_OF)(row), [
      {
        rule: 'planned_end_date',
        column: 'end_date',
        value: '2025-05-01',
        message:
          'end_date 2025-05-01 is after the as-of date 2025-03-31, so the row is loaded as still in post on the as-of date (notice given): not a leaver yet (leaver_type "voluntary_resignation" set aside). Nothing to fix: an extract with a later as-of date will count it as it ends.',
      },
    ]);
    assert.equal(row.end_date, null);
    assert.equal(row.leaver_type, null);
  });
  it('reads a fit note running on as an open spell, and a fixed-term posting as current', () => {
    const spell: ParsedRow = { person_id: '1', start_date: 20170, end_date: 20200 };
    assert.deepEqual(rowRules('sickness', AS_OF)(spell), []);
    assert.match(
      plannedEnds('sickness', AS_OF)(spell)[0].message,
      /a spell still open on the as-of date/,
    );
    assert.equal(spell.end_date, null);
    const posting: ParsedRow = { person_id: '1', unit_id: 'T1', from_date: 20000, to_date: 20300 };
    assert.deepEqual(rowRules('postings', AS_OF)(posting), []);
    assert.equal(plannedEnds('postings', AS_OF)(posting)[0].rule, 'planned_end_date');
    assert.equal(posting.to_date, null);
  });
  it('leaves an end on or before the as-of date, and other tables, as they are', () => {
    const row = person({ end_date: AS_OF, leaver_type: 'death' });
    assert.deepEqual(plannedEnds('people', AS_OF)(row), []);
    assert.equal(row.end_date, AS_OF);
    assert.deepEqual(plannedEnds('overtime', AS_OF)({ date: AS_OF + 1 }), []);
  });
  it('still rejects a start after the as-of date', () => {
    const rules = rowRules(
      'people',
      AS_OF,
    )(person({ start_date: AS_OF + 1, end_date: AS_OF + 9, leaver_type: 'other' }));
    assert.deepEqual(
      rules.map((p) => p.rule),
      ['date_after_as_of'],
    );
  });
});

describe('rowWarnings', () => {
  const overtime = rowWarnings('overtime');
  const claim = (
    hours: number,
    start: string | null = null,
    end: string | null = null,
  ): ParsedRow => ({
    person_id: '001',
    date: 19814,
    hours,
    compensation: 'paid',
    reason: null,
    rest_day_worked: null,
    start_time: start,
    end_time: end,
  });
  it('warns about more than 16 hours of overtime in one claim', () => {
    assert.deepEqual(overtime(claim(16)), []);
    const [w] = overtime(claim(16.5));
    assert.equal(w.rule, 'long_overtime_day');
    assert.equal(
      w.message,
      '16.5 hours of overtime in one claim (over 16). Accepted; check it is not two days in one claim.',
    );
  });
  it('warns when the hours exceed the span of the times', () => {
    assert.deepEqual(overtime(claim(8, '22:00', '06:00')), []); // 22:00 → 06:00 spans 8 h
    const [w] = overtime(claim(4, '09:00', '11:00'));
    assert.equal(w.rule, 'times_disagree_with_hours');
    assert.equal(
      w.message,
      '4 hours claimed but 09:00–11:00 spans 2 hours. Check the hours or the times.',
    );
  });
  it('warns about a return-to-work interview before the absence', () => {
    const row = {
      person_id: '001',
      start_date: 19814,
      end_date: 19820,
      working_days_lost: 5,
      reason_category: null,
      work_related: null,
      rtw_interview_date: 19800,
    };
    const [w] = rowWarnings('sickness')(row);
    assert.equal(
      w.message,
      'rtw_interview_date 2024-03-18 is before the absence began (2024-04-01). Check the date.',
    );
  });
  it('warns about an age under 16 at the start date', () => {
    const [w] = rowWarnings('people')(person({ birth_year: 2010 })); // 2024 − 2010 = 14
    assert.equal(
      w.message,
      'birth_year 2010 makes the person about 14 at start_date. Check the year.',
    );
  });
});
