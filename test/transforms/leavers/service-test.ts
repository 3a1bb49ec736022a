import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import {
  completedMonths,
  deriveServiceBand,
  serviceAtLeavingCard,
  serviceAtLeavingSpec,
  serviceBandLabels,
  summarizeServiceAtLeaving,
  summarizeShortServiceShare,
} from '../../../src/transforms/leavers/service.js';
import { parseServiceBands } from '../../../src/transforms/leavers/service-bands.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (iso: string) => epochDay(...(iso.split('-').map(Number) as [number, number, number]));

describe('completedMonths', () => {
  it('counts a month only once its day of the month is reached (as DATEDIF)', () => {
    assert.equal(completedMonths(d('2020-04-01'), d('2021-04-01')), 12);
    assert.equal(completedMonths(d('2020-04-01'), d('2021-03-31')), 11);
    assert.equal(completedMonths(d('2020-01-31'), d('2020-02-29')), 0); // 31 Jan → 29 Feb: not a month
  });
});

describe('serviceBandLabels', () => {
  it('labels JL6 bands by default and custom edges on request', () => {
    assert.deepEqual(serviceBandLabels(), [
      '<1',
      '1–2',
      '2–3',
      '3–4',
      '4–5',
      '5–10',
      '10–15',
      '15–20',
      '20–25',
      '25–30',
      '30+',
    ]);
    assert.deepEqual(serviceBandLabels([3, 7, 11]), ['<3', '3–7', '7–11', '11+']);
  });
  it('rejects edges that are not ascending', () => {
    assert.throws(
      () => serviceBandLabels([3, 3]),
      /edges \[3,3\] must be positive numbers of years in ascending order/,
    );
  });
});

// Service to the day after the last day: 2020-04-01 → last day 2021-03-31 is 12 months (one year).
const leavers = aq.table({
  service_start_date: [
    d('2020-04-01'),
    d('2020-04-01'),
    d('2015-06-15'),
    d('2015-06-15'),
    null,
    d('1980-01-01'),
  ],
  end_date: [
    d('2021-03-31'),
    d('2021-03-30'),
    d('2020-06-13'),
    d('2020-06-14'),
    d('2020-06-14'),
    d('2020-01-01'),
  ],
});

describe('parseServiceBands', () => {
  it('reads JL6, in any case and with spaces, as the Home Office edges', () => {
    assert.deepEqual(parseServiceBands(' jl6 '), [1, 2, 3, 4, 5, 10, 15, 20, 25, 30]);
  });
  it('reads years separated by commas', () => {
    assert.deepEqual(parseServiceBands('3, 7,11'), [3, 7, 11]);
    assert.deepEqual(parseServiceBands('0.5,2'), [0.5, 2]);
  });
  it('rejects a list that is not years in ascending order', () => {
    for (const text of ['3,x', '7,3', '3,7,', 'JL7']) {
      assert.throws(() => parseServiceBands(text), {
        message: `parseServiceBands: "${text}" is neither JL6 nor years in ascending order separated by commas. Set serviceBands to JL6 or e.g. 3,7,11.`,
      });
    }
  });
});

describe('deriveServiceBand', () => {
  it('bands completed years of service at the last day, unknown without a start', () => {
    // 12 months → 1–2; 11 → <1; 2015-06-15 to 2020-06-14: 59 months → 4–5; to 2020-06-15: 60 → 5–10; 480 → 30+.
    tableEqual(deriveServiceBand(leavers), {
      service_start_date: leavers.array('service_start_date') as unknown[],
      end_date: leavers.array('end_date') as unknown[],
      service_months: [12, 11, 59, 60, null, 480],
      service_band: ['1–2', '<1', '4–5', '5–10', 'unknown', '30+'],
      service_basis: [
        'service_start_date',
        'service_start_date',
        'service_start_date',
        'service_start_date',
        null,
        'service_start_date',
      ],
    });
  });
  it('counts from start_date when service_start_date is empty, and says so', () => {
    // Row 1 has both dates: service_start_date wins (2015-06-15 to the day after 2020-06-14: 60
    // months). Row 2 has start_date only (2018-06-15 → 2020-06-14: 24 months). Row 3 has neither.
    const t = aq.table({
      service_start_date: [d('2015-06-15'), null, null],
      start_date: [d('2018-06-15'), d('2018-06-15'), null],
      end_date: [d('2020-06-14'), d('2020-06-14'), d('2020-06-14')],
    });
    const out = deriveServiceBand(t, { edges: [3, 7, 11] });
    assert.deepEqual(out.array('service_months'), [60, 24, null]);
    assert.deepEqual(out.array('service_band'), ['3–7', '<3', 'unknown']);
    assert.deepEqual(out.array('service_basis'), ['service_start_date', 'start_date', null]);
  });
  it('uses the recorded years of service at leaving when the dates cannot give it', () => {
    // Row 1: dates give 24 months, the recorded 11 years is not used. Row 2: no service_start_date,
    // recorded 11 years (an exit survey's "11-20" band) comes before start_date. Row 3: an undated
    // leaver (no end_date, no start) with "Less than 1 year" recorded as 1 → 12 months.
    const t = aq.table({
      service_start_date: [d('2018-06-15'), null, null],
      start_date: [d('2018-06-15'), d('2019-07-01'), null],
      end_date: [d('2020-06-14'), d('2020-06-14'), null],
      service_years_at_leaving: [11, 11, 1],
    });
    const out = deriveServiceBand(t, { edges: [3, 7, 11] });
    assert.deepEqual(out.array('service_months'), [24, 132, 12]);
    assert.deepEqual(out.array('service_band'), ['<3', '11+', '<3']);
    assert.deepEqual(out.array('service_basis'), [
      'service_start_date',
      'service_years_at_leaving',
      'service_years_at_leaving',
    ]);
    // Service on a given day (people in post) never uses a figure recorded at leaving.
    const inPost = deriveServiceBand(t, { at: d('2020-06-14') });
    assert.deepEqual(inPost.array('service_basis'), ['service_start_date', 'start_date', null]);
  });
  it('measures service of people in post on a given day', () => {
    const t = deriveServiceBand(leavers.slice(0, 1), { at: d('2023-03-31'), edges: [3, 7, 11] });
    assert.deepEqual(t.array('service_band'), ['3–7']); // 2020-04-01 to 2023-04-01: 36 months
  });
});

// FY2023-24 leavers: four resignations (2, 4, 6 and 12 years), a retirement at 30, a transfer (excluded).
const people = aq.table({
  worker_type: ['officer', 'officer', 'staff', 'officer', 'officer', 'officer', 'staff'],
  service_start_date: [
    d('2021-06-01'),
    d('2019-06-01'),
    d('2017-06-01'),
    d('2011-06-01'),
    d('1993-06-01'),
    d('2022-06-01'),
    d('2022-01-01'),
  ],
  end_date: [
    d('2023-06-01'),
    d('2023-06-01'),
    d('2023-06-01'),
    d('2023-06-01'),
    d('2023-06-01'),
    d('2023-06-01'),
    null,
  ],
  leaver_type: [
    'voluntary_resignation',
    'voluntary_resignation',
    'voluntary_resignation',
    'voluntary_resignation',
    'normal_retirement',
    'transfer_out',
    null,
  ],
});
const fy = parsePeriod('FY2023-24');

describe('summarizeServiceAtLeaving', () => {
  it('counts leavers and resignations in each band, transfers excluded, every band listed', () => {
    // 2 years → <3; 4 and 6 → 3–7; 12 → 11+; retirement at 30 → 11+.
    tableEqual(summarizeServiceAtLeaving(people, { period: fy, edges: [3, 7, 11] }), {
      service_band: ['<3', '3–7', '7–11', '11+'],
      leavers: [1, 2, 0, 2],
      voluntary_resignations: [1, 2, 0, 1],
    });
  });
  it('has a CellSpec with the band as the last dimension', () => {
    assert.deepEqual(serviceAtLeavingSpec(['worker_type']).by, ['worker_type', 'service_band']);
  });
});

describe('serviceAtLeavingCard', () => {
  it("says from which column the service of the period's leavers was counted", () => {
    const t = people.assign({
      service_start_date: [
        null,
        null,
        ...(people.array('service_start_date') as number[]).slice(2),
      ],
      start_date: [d('2021-06-01'), d('2019-06-01'), null, null, null, null, null],
    });
    const card = serviceAtLeavingCard(t, { period: fy });
    // Leavers in FY2023-24 without transfers: rows 1–5; rows 1–2 from start_date, 3–5 from service_start_date.
    assert.match(
      card.notes!,
      /Service counted from service_start_date for 3 leavers and from start_date \(joining this organisation\) for 2\./,
    );
    assert.equal(card.id, 'service_at_leaving');
  });
});

describe('summarizeShortServiceShare', () => {
  it('gives a share when no one has a service_start_date but start_date is there', () => {
    // The extract without service_start_date: every leaver landed in "unknown" and the share
    // was null. Counted from start_date: officers 2, 4, 12 years → 2 of 3 under 5.
    const t = people
      .assign({ start_date: people.array('service_start_date') as number[] })
      .derive({ service_start_date: () => null });
    const out = summarizeShortServiceShare(t, { period: fy, by: ['worker_type'] });
    assert.deepEqual(out.array('voluntary_known_service'), [3, 1]);
    assert.deepEqual(out.array('voluntary_short_service'), [2, 0]);
  });
  it('gives the share of voluntary resignations under five years per group', () => {
    // officers: resignations at 2, 4 and 12 years → 2 of 3 under 5; staff: 6 years → 0 of 1.
    tableEqual(
      summarizeShortServiceShare(people, { period: fy, by: ['worker_type'] }),
      {
        worker_type: ['officer', 'staff'],
        voluntary_resignations: [3, 1],
        voluntary_known_service: [3, 1],
        voluntary_short_service: [2, 0],
        short_service_share_pct: [200 / 3, 0],
      },
      1e-12,
    );
  });
});
