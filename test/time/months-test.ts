import assert from 'node:assert/strict';
import { epochDay, formatDate } from '../../src/time/dates.js';
import {
  addMonths,
  monthEnd,
  monthIndex,
  monthLabel,
  monthStart,
  parseMonthLabel,
} from '../../src/time/months.js';

describe('monthIndex', () => {
  it('numbers months as year × 12 + month − 1', () => {
    // 2024 × 12 + 3 = 24,291 for April 2024, on its first and last day alike.
    assert.equal(monthIndex(epochDay(2024, 4, 1)), 24291);
    assert.equal(monthIndex(epochDay(2024, 4, 30)), 24291);
    assert.equal(monthIndex(epochDay(2024, 5, 1)), 24292);
  });
});

describe('monthStart and monthEnd', () => {
  it('give the first and last day of a month, leap February included', () => {
    assert.equal(formatDate(monthStart(24291)), '2024-04-01');
    assert.equal(formatDate(monthEnd(24291)), '2024-04-30');
    assert.equal(formatDate(monthEnd(2024 * 12 + 1)), '2024-02-29');
    assert.equal(formatDate(monthEnd(2023 * 12 + 11)), '2023-12-31');
  });
});

describe('monthLabel and parseMonthLabel', () => {
  it('write and read yyyy-mm', () => {
    assert.equal(monthLabel(24291), '2024-04');
    assert.equal(parseMonthLabel('2024-04'), 24291);
    assert.equal(parseMonthLabel(monthLabel(2019 * 12 + 9)), 2019 * 12 + 9);
  });

  it('says what a month looks like when the text is not one', () => {
    assert.throws(
      () => parseMonthLabel('2024-13', 'buildPersonPeriods: options.to'),
      /^Error: buildPersonPeriods: options.to: "2024-13" is not a month; write yyyy-mm, e.g. 2021-04\.$/,
    );
  });
});

describe('addMonths', () => {
  it('clamps the day to the end of a shorter month', () => {
    assert.equal(formatDate(addMonths(epochDay(2021, 1, 31), 1)), '2021-02-28');
    assert.equal(formatDate(addMonths(epochDay(2024, 1, 31), 1)), '2024-02-29');
    assert.equal(formatDate(addMonths(epochDay(2020, 4, 1), 36)), '2023-04-01');
    assert.equal(formatDate(addMonths(epochDay(2024, 3, 31), -1)), '2024-02-29');
  });
});
