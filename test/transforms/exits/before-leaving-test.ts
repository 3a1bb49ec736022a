import assert from 'node:assert/strict';
import * as aq from 'arquero';
import {
  beforeLeavingSpec,
  compareLeaversWithStayers,
} from '../../../src/transforms/exits/before-leaving.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parseDate } from '../../../src/time/dates.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (t: string | null) => (t === null ? null : parseDate(t));

// L1 resigns 2024-03-15: index month March 2024, window March 2023 – February 2024, band at 2024-03-01
// 4 y 2 m (<5). Stayers in post from 2023-03-01 to after March 2024 with <5 years: S1 (2 y 9 m), S5
// (2 y 2 m). S2 has 9 y (5+), S3 joined June 2023, S4 leaves in March 2024 (a transfer).
function tables() {
  const people = aq.table({
    person_id: ['L1', 'S1', 'S2', 'S3', 'S4', 'S5'],
    start_date: [
      '2020-01-01',
      '2021-06-01',
      '2015-01-01',
      '2023-06-01',
      '2019-01-01',
      '2022-01-01',
    ].map(d),
    service_start_date: [
      '2020-01-01',
      '2021-06-01',
      '2015-01-01',
      '2023-06-01',
      '2019-01-01',
      '2022-01-01',
    ].map(d),
    end_date: ['2024-03-15', null, null, null, '2024-03-20', null].map(d),
    leaver_type: ['voluntary_resignation', null, null, null, 'transfer_out', null],
  });
  const overtime = aq.table({
    person_id: ['L1', 'L1', 'L1', 'L1', 'S1', 'S1', 'S2', 'S4'],
    date: [
      '2023-05-10',
      '2024-02-28',
      '2024-03-02',
      '2023-02-15',
      '2023-03-01',
      '2024-03-05',
      '2023-06-01',
      '2023-06-01',
    ].map(d),
    hours: [10, 5, 7, 3, 4, 6, 100, 50],
  });
  const sickness = aq.table({
    person_id: ['L1', 'S1', 'S5'],
    start_date: ['2024-01-25', '2023-02-25', '2024-02-20'].map(d),
    end_date: ['2024-02-03', '2023-03-04', null].map(d),
  });
  const oh_referrals = aq.table({
    person_id: ['L1', 'S5', 'S5'],
    date: ['2023-08-01', '2023-04-01', '2024-04-01'].map(d),
  });
  return { people, overtime, sickness, oh_referrals };
}

describe('compareLeaversWithStayers', () => {
  const options = { serviceBandEdges: [5], dataFrom: d('2023-01-01')!, dataTo: d('2024-12-31')! };

  it('compares the 12 months before the month of leaving with same-band stayers over the same months', () => {
    // overtime: L1 10 + 5 = 15 (March 2024 and February 2023 are outside); S1 4, S5 0 → stayers 2.
    // sickness days: L1 25–31 Jan (7) + 1–3 Feb (3) = 10; S1 1–4 March 2023 = 4; S5 20–29 Feb 2024 = 10
    // (open spell, leap year) → stayers (4 + 10) / 2 = 7. OH referrals: L1 1; S1 0, S5 1 → stayers 0.5.
    tableEqual(compareLeaversWithStayers(tables(), options), {
      service_band: ['<5', '<5', 'All', 'All'],
      cohort: ['leavers', 'stayers', 'leavers', 'stayers'],
      people: [1, 2, 1, 2],
      overtime_hours_mean: [15, 2, 15, 2],
      sickness_days_mean: [10, 7, 10, 7],
      oh_referrals_mean: [1, 0.5, 1, 0.5],
    });
  });

  it('leaves out a leaver whose 12 months start before the recorded data', () => {
    const t = compareLeaversWithStayers(tables(), { ...options, dataFrom: d('2023-04-01')! });
    assert.equal(t.numRows(), 0);
  });

  it('weights stayers so that each leaver’s stayers count once', () => {
    // Add a second leaver L2 in the same month and band with no overtime: leavers mean (15 + 0) / 2;
    // stayers (S1, S5) now each weigh 2 / 2 = 1: mean still (4 + 0) / 2 = 2.
    const t0 = tables();
    const people = t0.people.concat(
      aq.table({
        person_id: ['L2'],
        start_date: [d('2021-01-01')],
        service_start_date: [d('2021-01-01')],
        end_date: [d('2024-03-31')],
        leaver_type: ['voluntary_resignation'],
      }),
    );
    const t = compareLeaversWithStayers({ ...t0, people }, options);
    assert.deepEqual(t.array('overtime_hours_mean').slice(0, 2), [7.5, 2]);
  });

  it('publishes the means with their number of people', () => {
    const published = publishTable(
      compareLeaversWithStayers(tables(), options),
      beforeLeavingSpec(),
      { mode: 'analyst' },
    );
    assert.deepEqual(published.columns, [
      'people',
      'overtime_hours_mean',
      'sickness_days_mean',
      'oh_referrals_mean',
    ]);
  });

  it('names the missing columns', () => {
    const t = tables();
    assert.throws(
      () => compareLeaversWithStayers({ ...t, people: t.people.select('person_id') }, options),
      /compareLeaversWithStayers: columns "start_date", "end_date", "leaver_type", "service_start_date" missing/,
    );
  });
});
