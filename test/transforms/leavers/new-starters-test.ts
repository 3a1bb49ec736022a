import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { epochDay } from '../../../src/time/dates.js';
import { parsePeriod } from '../../../src/time/periods.js';
import {
  newStarterTurnoverSpec,
  summarizeNewStarterTurnover,
} from '../../../src/transforms/leavers/new-starters.js';
import { tableEqual } from '../../helpers/table-equal.js';

const d = (iso: string) => epochDay(...(iso.split('-').map(Number) as [number, number, number]));

// Starters in FY2022-23, data to 2023-06-30 (so first years ending by 2023-07-01 are followed):
// S1 stays; S2 leaves one day before the anniversary (11 months); S3 leaves on it (12 months);
// S4 transfers out (not counted); S5 and S6 joined 2022-08-01, not followed (S6's early exit is left out too);
// S7 joined before the period.
const people = aq.table({
  person_id: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'],
  start_date: [
    '2022-04-01',
    '2022-05-10',
    '2022-05-10',
    '2022-06-01',
    '2022-08-01',
    '2022-08-01',
    '2021-01-01',
  ].map(d),
  end_date: [null, d('2023-05-08'), d('2023-05-09'), d('2022-10-01'), null, d('2022-09-01'), null],
  leaver_type: [
    null,
    'voluntary_resignation',
    'voluntary_resignation',
    'transfer_out',
    null,
    'dismissal',
    null,
  ],
  group: Array(7).fill('all'),
});

describe('summarizeNewStarterTurnover', () => {
  it('counts leavers within a year among starters followed for a full year', () => {
    // starters 6 (S1–S6), followed 4 (S1–S4), early leavers 1 (S2) → 25%.
    tableEqual(
      summarizeNewStarterTurnover(people, {
        period: parsePeriod('FY2022-23'),
        dataEnd: d('2023-06-30'),
        by: ['group'],
      }),
      {
        group: ['all'],
        starters: [6],
        starters_followed: [4],
        early_leavers: [1],
        new_starter_turnover_pct: [25],
      },
    );
  });
  it('rejects a dataEnd that is not an epoch day', () => {
    assert.throws(
      () => summarizeNewStarterTurnover(people, { period: parsePeriod('FY2022-23'), dataEnd: 1.5 }),
      /summarizeNewStarterTurnover: dataEnd must be an epoch day \(integer\), got 1\.5/,
    );
  });
});

describe('newStarterTurnoverSpec', () => {
  it('divides early leavers by the starters followed', () => {
    assert.deepEqual(newStarterTurnoverSpec(['group']).rates?.[0], {
      name: 'new_starter_turnover_pct',
      numerator: 'early_leavers',
      denominator: 'starters_followed',
      per: 100,
    });
  });
});
