// previousPeriod: the period a report compares with — the one before for a single period, the range of
// equal length just before for a range, none for 'all' (every day of the data has no "before").
import assert from 'node:assert/strict';
import { epochDay } from '../../src/time/dates.js';
import { parsePeriod, previousPeriod } from '../../src/time/periods.js';

describe('previousPeriod', () => {
  it('gives the financial year before a financial year', () => {
    const p = previousPeriod(parsePeriod('FY2024-25'));
    assert.equal(p?.label, 'FY2023-24');
    assert.equal(p?.start, epochDay(2023, 4, 1));
    assert.equal(p?.end, epochDay(2024, 3, 31));
  });
  it('gives the month before a month, across a year end', () => {
    assert.equal(previousPeriod(parsePeriod('2025-01'))?.label, '2024-12');
  });
  it('gives the range of equal length just before a range of financial years', () => {
    // FY2022-23..FY2023-24 = 2022-04-01..2024-03-31 (24 months) → 2020-04-01..2022-03-31
    const p = previousPeriod(parsePeriod('FY2022-23..FY2023-24'));
    assert.equal(p?.kind, 'range');
    assert.equal(p?.label, 'FY2020-21 to FY2021-22');
    assert.equal(p?.start, epochDay(2020, 4, 1));
    assert.equal(p?.end, epochDay(2022, 3, 31));
  });
  it('gives the range of equal length just before a range of months', () => {
    // 2024-04..2025-03 is 12 months → 2023-04..2024-03
    const p = previousPeriod(parsePeriod('2024-04..2025-03'));
    assert.equal(p?.label, '2023-04 to 2024-03');
    assert.equal(p?.start, epochDay(2023, 4, 1));
    assert.equal(p?.end, epochDay(2024, 3, 31));
  });
  it('has none for all the data', () => {
    const all = parsePeriod('all', {
      extent: { start: epochDay(2019, 1, 1), end: epochDay(2020, 6, 30) },
    });
    assert.equal(previousPeriod(all), null);
  });
});
