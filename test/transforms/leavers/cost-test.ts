import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import {
  DEFAULT_LEAVER_COST_MODEL,
  EARLY_LEAVER_COST,
  summarizeEarlyLeaverCost,
} from '../../../src/transforms/leavers/cost.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (iso: string) => epochDay(...(iso.split('-').map(Number) as [number, number, number]));

// FY2023-24: officer 1 leaves after 5 months; officer 2 after exactly 2 years (not early); officer 3 after
// 19 months; a staff member (not counted by default), a transfer (never counted), a leaver after the year.
const people = aq.table({
  worker_type: ['officer', 'officer', 'officer', 'staff', 'officer', 'officer'],
  service_start_date: [
    '2023-01-01',
    '2022-01-01',
    '2022-06-01',
    '2023-01-01',
    '2023-02-01',
    '2023-06-01',
  ].map(d),
  end_date: [
    '2023-06-30',
    '2023-12-31',
    '2023-12-31',
    '2023-06-30',
    '2023-07-01',
    '2024-04-01',
  ].map(d),
  leaver_type: [
    'voluntary_resignation',
    'voluntary_resignation',
    'dismissal',
    'voluntary_resignation',
    'transfer_out',
    'voluntary_resignation',
  ],
});

describe('summarizeEarlyLeaverCost', () => {
  it('prices officer leavers in their first and second year at £83,000 and £138,000', () => {
    tableEqual(summarizeEarlyLeaverCost(people, { period: parsePeriod('FY2023-24') }), {
      cost_band: ['under 1 year', '1 to 2 years'],
      early_leavers: [1, 1],
      cost_gbp: [83_000, 138_000],
    });
  });
  it('takes another cost model and every worker type', () => {
    const model = { bands: [{ underYears: 1, costGbp: 10, label: 'first year' }], source: 'test' };
    const t = summarizeEarlyLeaverCost(people, {
      period: parsePeriod('FY2023-24'),
      costModel: model,
      workerTypes: null,
    });
    // officer 1 and the staff member left in their first year: 2 × £10.
    tableEqual(t, { cost_band: ['first year'], early_leavers: [2], cost_gbp: [20] });
  });
  it('rejects a cost model whose bands are not ascending', () => {
    const model = {
      bands: [
        { underYears: 2, costGbp: 1, label: 'a' },
        { underYears: 1, costGbp: 1, label: 'b' },
      ],
      source: '',
    };
    assert.throws(
      () =>
        summarizeEarlyLeaverCost(people, { period: parsePeriod('FY2023-24'), costModel: model }),
      /summarizeEarlyLeaverCost: costModel\.bands must be a non-empty list/,
    );
  });
  it('cites the Police Uplift Programme estimate in its card', () => {
    assert.match(
      EARLY_LEAVER_COST.source ?? '',
      /Police Uplift Programme estimate cited by HMICFRS, PEEL 2021\/22/,
    );
    assert.equal(DEFAULT_LEAVER_COST_MODEL.bands[1].costGbp, 138_000);
  });
});
