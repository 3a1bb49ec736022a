// The months of person-period rows when tables are missing or start late: no table is required, the
// records start at the later of the window start and each monthly table's first record, and too little
// history is an InsufficientDataError naming what is short (worked by hand below).
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { InsufficientDataError } from '../../../src/shared/errors.js';
import { epochDay } from '../../../src/time/dates.js';
import {
  buildPersonPeriods,
  checkRiskHistory,
  personPeriodWindow,
  riskHistoryMonths,
} from '../../../src/transforms/person-period/build.js';

const d = (iso: string) =>
  epochDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const empty = (cols: string[]) => aq.table(Object.fromEntries(cols.map((c) => [c, []])));

// P1 left 2021-03-15 (resigned), P2 left 2022-06-30, P3 is in post. No overtime, sickness, referrals or
// welfare checks. The extract's last date is 2022-06-30 (P2's leaving date); its records start with
// the earliest leaving date, 2021-03-15: March 2021 to June 2022 is 16 months.
const base = {
  people: aq.table({
    person_id: ['P1', 'P2', 'P3'],
    worker_type: ['officer', 'staff', 'officer'],
    unit_id: ['U1', 'U1', 'U2'],
    high_risk_role: [null, null, null],
    fte: [1, 1, 1],
    service_start_date: [null, null, null],
    start_date: [d('2019-01-10'), d('2019-01-10'), d('2019-02-01')],
    end_date: [d('2021-03-15'), d('2022-06-30'), null],
    leaver_type: ['voluntary_resignation', 'retirement', null],
  }),
  postings: empty(['person_id', 'unit_id', 'role', 'high_risk_role', 'from_date', 'to_date']),
  overtime: empty(['person_id', 'date', 'hours', 'rest_day_worked']),
  sickness: empty(['person_id', 'start_date', 'end_date', 'reason_category']),
  oh_referrals: empty(['person_id', 'date']),
  welfare_checks: empty(['person_id', 'date', 'kind']),
  units: aq.table({
    unit_id: ['F', 'U1', 'U2'],
    parent_id: [null, 'F', 'F'],
    level: ['org', 'x', 'x'],
  }),
  unit_indicators: empty(['unit_id', 'period_start', 'period_end', 'indicator', 'value']),
  exit_interviews: empty([
    'person_id',
    'interview_date',
    'primary_reason',
    'other_reasons',
    'would_recommend',
    'would_return',
  ]),
};
type Data = Parameters<typeof buildPersonPeriods>[0];
const noOvertime = { tables: base, asOf: d('2025-01-01'), config: {} } as unknown as Data;
// Overtime from 2021-09-05: its first record is later than the records' start, so it sets the start
// (September 2021 to June 2022: 10 months).
const lateOvertime = {
  ...noOvertime,
  tables: {
    ...base,
    overtime: aq.table({
      person_id: ['P3', 'P3'],
      date: [d('2021-09-05'), d('2022-06-01')],
      hours: [3, 4],
      rest_day_worked: [false, false],
    }),
  },
} as unknown as Data;

describe('person-period months without overtime', () => {
  it('starts 12 months after the first leaving date when no monthly table is present', () => {
    const pp = buildPersonPeriods(noOvertime, { horizonMonths: 12 });
    assert.equal(pp.from, '2022-03');
    assert.equal(pp.to, '2022-06');
    // P2 in post at the ends of March, April and May (left on 30 June); P3 in all four months
    assert.equal(pp.table.numRows(), 7);
    assert.deepEqual(pp.table.array('overtime_hours_12m'), Array(7).fill(0));
  });
  it("starts 12 months after the mapping's records_from when it is set", () => {
    const set = { ...noOvertime, config: { recordsFrom: d('2020-01-01') } } as unknown as Data;
    assert.equal(buildPersonPeriods(set).from, '2021-01');
  });
  it('takes the later first record of a monthly table present, and names it when short', () => {
    const w = personPeriodWindow(lateOvertime, { from: '2022-06' });
    assert.equal(w.source, 'overtime');
    assert.throws(
      () => buildPersonPeriods(lateOvertime),
      (e: unknown) =>
        e instanceof InsufficientDataError &&
        e.message.includes(
          'needs 13 months of records per person (12 months that the features look back on, then a month to model); the extract has 10 months of overtime (2021-09 to 2022-06)',
        ),
    );
  });
});

describe('checkRiskHistory', () => {
  it('needs 12 + 2 × horizon + 13 months out of time, 12 + horizon + 1 for cross-validation', () => {
    assert.equal(riskHistoryMonths(12, 'out-of-time'), 49);
    assert.equal(riskHistoryMonths(6, 'out-of-time'), 37);
    assert.equal(riskHistoryMonths(12, 'cv'), 25);
  });
  it('says what is short: 16 months of records where out-of-time validation needs 49', () => {
    assert.throws(
      () => checkRiskHistory(noOvertime, { horizonMonths: 12, scheme: 'out-of-time' }),
      (e: unknown) =>
        e instanceof InsufficientDataError &&
        /^needs 49 months of records per person \(.*\); the extract has 16 months of records \(2021-03 to 2022-06, from the earliest people\.end_date\)\. Validate by cross-validation/.test(
          e.message,
        ),
    );
  });
  it('passes when the history is long enough', () => {
    const long = { ...noOvertime, config: { recordsFrom: d('2018-01-01') } } as unknown as Data;
    // 2018-01 to 2022-06 = 54 months ≥ 49
    assert.equal(
      checkRiskHistory(long, { horizonMonths: 12, scheme: 'out-of-time' }).recordsFrom % 12,
      0,
    );
  });
});
