import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../../src/privacy/index.js';
import { epochDay } from '../../../src/time/dates.js';
import {
  listWelfareStatus,
  summarizeWelfareChecks,
  welfareChecksCellSpec,
} from '../../../src/transforms/welfare/checks.js';
import { resolveCadence, welfareStatus } from '../../../src/transforms/welfare/due.js';
import { deriveHighRiskStaff } from '../../../src/transforms/welfare/staff.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { addMonths } from '../../../src/time/months.js';

const d = epochDay;
const asOf = d(2025, 3, 31);

describe('addMonths', () => {
  it('clamps the day of the month (31 January + 1 month = 29 February 2024)', () => {
    assert.equal(addMonths(d(2024, 1, 31), 1), d(2024, 2, 29));
    assert.equal(addMonths(d(2024, 11, 15), 3), d(2025, 2, 15));
  });
});

describe('resolveCadence', () => {
  it('names the options out of range', () => {
    assert.throws(
      () => resolveCadence({ screeningMonths: 0, pausePointMonths: [1.5] }),
      /cadence options screeningMonths, pausePointMonths out of range/,
    );
  });
});

describe('welfareStatus', () => {
  const c = resolveCadence();
  it('counts a screening overdue from 12 months after the last one', () => {
    // In role since 1 January 2022: pause points 1 Apr 2022, 1 Jul 2022, 1 Jan 2023, 1 Jan 2025.
    // Last screening 10 March 2024 → due 10 March 2025 → 21 days late on 31 March.
    const s = welfareStatus(
      d(2022, 1, 1),
      asOf,
      [
        { date: d(2024, 3, 10), kind: 'psychological_screening' },
        { date: d(2022, 4, 5), kind: 'pause_point_review' },
        { date: d(2022, 6, 20), kind: 'pause_point_review' }, // 11 days early for 1 July: counts
        { date: d(2023, 1, 3), kind: 'pause_point_review' },
        { date: d(2024, 12, 10), kind: 'pause_point_review' }, // 22 days early for 1 Jan 2025: counts
      ],
      c,
    );
    assert.equal(s.screening_due_date, d(2025, 3, 10));
    assert.equal(s.screening_overdue_days, 21);
    assert.equal(s.pause_point_months, 36);
    assert.equal(s.pause_point_overdue_days, 0);
    assert.equal(s.pause_points_missed, 0);
    assert.equal(s.overdue_days, 21);
    assert.equal(s.days_since_last_check, asOf - d(2024, 12, 10)); // 111
  });
  it('counts the latest pause point overdue from its due date and earlier ones as missed', () => {
    // In role since 1 October 2024: 3 months → 1 January 2025, no review; screened 15 October 2024.
    const s = welfareStatus(
      d(2024, 10, 1),
      asOf,
      [{ date: d(2024, 10, 15), kind: 'psychological_screening' }],
      c,
    );
    assert.equal(s.pause_point_months, 3);
    assert.equal(s.pause_point_overdue_days, asOf - d(2025, 1, 1)); // 89 days
    assert.equal(s.pause_points_missed, 1);
    assert.equal(s.screening_overdue_days, 0);
    assert.equal(s.overdue_days, 89);
  });
  it('assumes a check when records began for someone in role before, and skips pause points before it', () => {
    // Records from 1 April 2020; in role since 2010; one meeting 11 May 2020, nothing since.
    const r = resolveCadence({ recordsFrom: d(2020, 4, 1), welfareMeetingMonths: 6 });
    const s = welfareStatus(
      d(2010, 6, 1),
      asOf,
      [{ date: d(2020, 5, 11), kind: 'welfare_meeting' }],
      r,
    );
    assert.equal(s.screening_due_date, d(2021, 4, 1));
    assert.equal(s.screening_overdue_days, asOf - d(2021, 4, 1)); // 1460 days: four years
    assert.equal(s.pause_point_months, null);
    assert.equal(s.meeting_overdue_days, asOf - d(2020, 11, 11));
    assert.equal(s.days_since_last_check, asOf - d(2020, 5, 11)); // 1785 days: 4.9 years
  });
});

describe('deriveHighRiskStaff', () => {
  const people = aq.table({
    person_id: ['A', 'B', 'C', 'D'],
    worker_type: ['officer', 'staff', 'officer', 'officer'],
    unit_id: ['T2', 'T9', 'T1', 'T1'],
    high_risk_role: ['firearms', 'control_room', null, 'firearms'],
    start_date: [d(2015, 1, 1), d(2019, 6, 1), d(2015, 1, 1), d(2015, 1, 1)],
    end_date: [null, null, null, d(2024, 1, 1)],
  });
  const postings = aq.table({
    person_id: ['A', 'A', 'A', 'C'],
    unit_id: ['T0', 'T1', 'T2', 'T1'],
    high_risk_role: [null, 'firearms', 'firearms', null],
    from_date: [d(2015, 1, 1), d(2018, 1, 1), d(2021, 3, 1), d(2015, 1, 1)],
    to_date: [d(2017, 12, 31), d(2021, 2, 28), null, null],
  });
  it('keeps people in a high-risk posting on the day, from the first unbroken posting in the category', () => {
    // A: firearms in T1 from 2018 then T2 from the next day → role since 1 January 2018.
    // B: no postings → people row (control_room since start). C: not high-risk. D: left in 2024.
    tableEqual(deriveHighRiskStaff(people, postings, { asOf }), {
      person_id: ['A', 'B'],
      worker_type: ['officer', 'staff'],
      unit_id: ['T2', 'T9'],
      high_risk_role: ['firearms', 'control_room'],
      role_start_date: [d(2018, 1, 1), d(2019, 6, 1)],
      role_source: ['postings', 'people'],
    });
  });
});

describe('summarizeWelfareChecks', () => {
  // Three people in T1 in role since 1 Jan 2024 (pause points 3, 6, 12 months: 1 Apr, 1 Jul 2024,
  // 1 Jan 2025); records from 1 Jan 2024.
  const staff = aq.table({
    person_id: ['P1', 'P2', 'P3'],
    unit: ['T1', 'T1', 'T1'],
    role_start_date: [d(2024, 1, 1), d(2024, 1, 1), d(2024, 1, 1)],
  });
  const checks = aq.table({
    person_id: ['P1', 'P1', 'P1', 'P1', 'P2'],
    date: [d(2024, 1, 10), d(2024, 4, 1), d(2024, 7, 1), d(2025, 1, 2), d(2024, 1, 1)],
    kind: [
      'psychological_screening',
      'pause_point_review',
      'pause_point_review',
      'pause_point_review',
      'psychological_screening',
    ],
  });
  it('counts people overdue and the longest delay per group', () => {
    // P1: screened 10 Jan 2024 → due 10 Jan 2025 → 80 days late; reviews all done.
    // P2: screened 1 Jan 2024 → 89 days late; no review for 1 Jan 2025 → 89 days late.
    // P3: nothing → screening due 31 Jan 2024 (30 days) → 425 days late; review 89 days late.
    const t = summarizeWelfareChecks(staff, checks, { asOf, by: ['unit'] });
    tableEqual(
      t.select(
        'unit',
        'high_risk_staff',
        'overdue',
        'screening_overdue',
        'pause_point_overdue',
        'never_screened',
        'overdue_over_1_year',
        'overdue_days_sum',
        'longest_overdue_months',
        'overdue_pct',
      ),
      {
        unit: ['T1'],
        high_risk_staff: [3],
        overdue: [3],
        screening_overdue: [3],
        pause_point_overdue: [2],
        never_screened: [1],
        overdue_over_1_year: [1],
        overdue_days_sum: [80 + 89 + 425],
        longest_overdue_months: [13], // 425 / 30.4375 = 13.96
        overdue_pct: [100],
      },
    );
  });
  it('publishes through welfareChecksCellSpec, hiding a group under 5', () => {
    const p = publishTable(
      summarizeWelfareChecks(staff, checks, { asOf, by: ['unit'] }),
      welfareChecksCellSpec(['unit']),
    );
    assert.equal(p.table.get('high_risk_staff_status', 0), 'suppressed');
    assert.equal(p.table.get('longest_overdue_months', 0), null);
  });
  it("never publishes the longest delays, one person's value, even in a large group (issue 18)", () => {
    // 6 high-risk staff in role since 1 Jan 2024, none screened; the longest delay is whoever
    // waited longest (here all six, 425 days): hidden in publish mode although 6 ≥ 5.
    const many = aq.table({
      person_id: ['A', 'B', 'C', 'D', 'E', 'F'],
      unit: ['T1', 'T1', 'T1', 'T1', 'T1', 'T1'],
      role_start_date: Array.from({ length: 6 }, () => d(2024, 1, 1)),
    });
    const summary = summarizeWelfareChecks(many, checks, { asOf, by: ['unit'] });
    const p = publishTable(summary, welfareChecksCellSpec(['unit']));
    assert.equal(p.table.get('high_risk_staff', 0), 6);
    assert.equal(p.table.get('overdue_pct', 0), 100);
    assert.equal(p.table.get('longest_overdue_months', 0), null);
    assert.equal(p.table.get('longest_without_check_months', 0), null);
    assert.equal(p.table.get('longest_overdue_months_status', 0), 'suppressed');
    const a = publishTable(summary, welfareChecksCellSpec(['unit']), { mode: 'analyst' });
    assert.equal(a.table.get('longest_overdue_months', 0), 13); // 425 / 30.4375 = 13.96
  });
});

describe('listWelfareStatus', () => {
  it('refuses outside analyst mode', () => {
    const staff = aq.table({ person_id: ['P'], role_start_date: [0] });
    const checks = aq.table({ person_id: [], date: [], kind: [] });
    assert.throws(
      // @ts-expect-error: the mode is the guard
      () => listWelfareStatus(staff, checks, { mode: 'publish', asOf }),
      /runs in analyst mode only/,
    );
  });
});
