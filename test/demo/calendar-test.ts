import assert from 'node:assert/strict';
import {
  addMonths,
  clockTime,
  epochDay,
  IsoDates,
  toIso,
  weekday,
  weekdaysBetween,
} from '../../src/demo/calendar.js';

describe('epochDay', () => {
  it('counts days since 1970-01-01', () => {
    assert.equal(epochDay(1970, 1, 1), 0);
    // 50 years × 365 + 12 leap days (1972…2016) = 18,262 to 2020-01-01; + 31 + 29 + 31 = 18,353.
    assert.equal(epochDay(2020, 4, 1), 18353);
  });
});

describe('toIso', () => {
  it('formats an epoch day as yyyy-mm-dd', () => {
    assert.equal(toIso(18353), '2020-04-01');
  });
});

describe('IsoDates', () => {
  it('formats days inside and outside its cached range alike', () => {
    const dates = new IsoDates(18353, 18360);
    assert.equal(dates.format(18354), '2020-04-02');
    assert.equal(dates.format(0), '1970-01-01');
  });
});

describe('weekday', () => {
  it('numbers days 0 Sunday … 6 Saturday (1970-01-01 was a Thursday)', () => {
    assert.equal(weekday(0), 4);
    assert.equal(weekday(epochDay(2024, 4, 1)), 1); // a Monday
    assert.equal(weekday(-1), 3);
  });
});

describe('weekdaysBetween', () => {
  it('counts Monday–Friday days with both ends included', () => {
    // Mon 1 April 2024 to Sun 14 April 2024: two working weeks.
    assert.equal(weekdaysBetween(epochDay(2024, 4, 1), epochDay(2024, 4, 14)), 10);
    // Sat 6 to Mon 8 April 2024: only the Monday.
    assert.equal(weekdaysBetween(epochDay(2024, 4, 6), epochDay(2024, 4, 8)), 1);
    assert.equal(weekdaysBetween(10, 9), 0);
  });
});

describe('addMonths', () => {
  it('clamps the day to the end of a shorter month', () => {
    assert.equal(toIso(addMonths(epochDay(2021, 1, 31), 1)), '2021-02-28');
    assert.equal(toIso(addMonths(epochDay(2020, 4, 1), 36)), '2023-04-01');
  });
});

describe('clockTime', () => {
  it('writes HH:MM and wraps past midnight', () => {
    assert.equal(clockTime(7 * 60 + 5), '07:05');
    assert.equal(clockTime(25 * 60), '01:00');
  });
});
