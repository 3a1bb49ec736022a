import assert from 'node:assert/strict';
import { isoWeekday } from '../../src/time/working-days.js';
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  dateParts,
  dateProblem,
  daysInMonth,
  epochDay,
  formatDate,
  parseDate,
  parseDateOrNaN,
  resolveAsOf,
  todayEpochDay,
} from '../../src/time/dates.js';

// Reference values by hand: 1970-01-01 → 2024-01-01 is 54 years × 365 + 13 leap days (1972…2020) = 19723.
// 2024-04-01 = 19723 + 31 (Jan) + 29 (Feb) + 31 (Mar) = 19814; 2024-02-29 = 19723 + 31 + 28 = 19782.
const JAN_1_2024 = 19723;
const APR_1_2024 = 19814;
const FEB_29_2024 = 19782;

describe('epochDay', () => {
  it('counts days since 1970-01-01', () => {
    assert.equal(epochDay(1970, 1, 1), 0);
    assert.equal(epochDay(2024, 1, 1), JAN_1_2024);
    assert.equal(epochDay(2024, 4, 1), APR_1_2024);
    // 1969-12-31 is the day before day 0.
    assert.equal(epochDay(1969, 12, 31), -1);
  });
  it('throws for a day that does not exist', () => {
    assert.throws(() => epochDay(2023, 2, 29), /epochDay: February 2023 has 28 days\./);
  });
});

describe('dateParts', () => {
  it('returns year, month and day of an epoch day', () => {
    assert.deepEqual(dateParts(FEB_29_2024), { year: 2024, month: 2, day: 29 });
  });
  it('rejects a fractional day', () => {
    assert.throws(
      () => dateParts(1.5),
      /dateParts: expected an epoch day \(a whole number of days since 1970-01-01\), got 1.5\./,
    );
  });
});

describe('formatDate', () => {
  it('writes ISO yyyy-mm-dd', () => {
    assert.equal(formatDate(APR_1_2024), '2024-04-01');
    assert.equal(formatDate(-1), '1969-12-31');
  });
});

describe('parseDate', () => {
  it('reads ISO dates by default', () => {
    assert.equal(parseDate('2024-04-01'), APR_1_2024);
  });
  it('reads dd/mm/yyyy with one- or two-digit day and month', () => {
    assert.equal(parseDate('29/02/2024', 'dd/mm/yyyy'), FEB_29_2024);
    assert.equal(parseDate('1/4/2024', 'dd/mm/yyyy'), APR_1_2024);
  });
  it('reads mm/dd/yyyy and dd.mm.yyyy', () => {
    assert.equal(parseDate('02/29/2024', 'mm/dd/yyyy'), FEB_29_2024);
    assert.equal(parseDate('01.04.2024', 'dd.mm.yyyy'), APR_1_2024);
  });
  it('ignores a time after the date', () => {
    assert.equal(parseDate('01/04/2024 00:00', 'dd/mm/yyyy'), APR_1_2024);
    assert.equal(parseDate('2024-04-01T13:45:00Z'), APR_1_2024);
  });
  it('rejects 31/02/2023 instead of rolling it into March', () => {
    assert.throws(
      () => parseDate('31/02/2023', 'dd/mm/yyyy'),
      /^Error: parseDate: "31\/02\/2023" is not a real date: February 2023 has 28 days\.$/,
    );
  });
  it('rejects text that does not match the format', () => {
    assert.throws(
      () => parseDate('01/04/24', 'dd/mm/yyyy'),
      /parseDate: "01\/04\/24" is not a date in the format dd\/mm\/yyyy\./,
    );
    assert.throws(() => parseDate('2024/04/01'), /is not a date in the format yyyy-mm-dd/);
  });
  it('rejects an unsupported format with the supported ones', () => {
    assert.throws(
      () => parseDate('2024', 'yyyy'),
      /date format "yyyy" is not supported\. Use "iso" or a pattern of dd, mm and yyyy/,
    );
  });
});

describe('parseDateOrNaN', () => {
  it('returns NaN for an impossible date', () => {
    assert.ok(Number.isNaN(parseDateOrNaN('2023-02-31')));
    assert.ok(Number.isNaN(parseDateOrNaN('2023-13-01')));
  });
});

describe('dateProblem', () => {
  it('names a month that does not exist', () => {
    assert.equal(
      dateProblem('2023-13-01'),
      '"2023-13-01" is not a real date: month 13 does not exist',
    );
  });
  it('is undefined for a valid date', () => {
    assert.equal(dateProblem('2024-02-29'), undefined);
  });
});

describe('daysInMonth', () => {
  it('knows leap years', () => {
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28); // divisible by 100, not by 400
    assert.equal(daysInMonth(2000, 2), 29);
  });
});

describe('todayEpochDay', () => {
  it('takes the UTC date of a moment', () => {
    assert.equal(todayEpochDay(new Date('2024-04-01T23:59:00Z')), APR_1_2024);
  });
});

describe('resolveAsOf', () => {
  it('parses ISO text and passes epoch days through', () => {
    assert.equal(resolveAsOf('2024-04-01'), APR_1_2024);
    assert.equal(resolveAsOf(APR_1_2024), APR_1_2024);
  });
  it('explains a bad as-of date', () => {
    assert.throws(
      () => resolveAsOf('31/03/2025'),
      /as-of date: "31\/03\/2025" is not a date in the format yyyy-mm-dd\. Write it as yyyy-mm-dd, e\.g\. 2025-03-31\./,
    );
  });
});

describe('MONTH_NAMES and WEEKDAY_NAMES', () => {
  it('name the month of dateParts and the ISO weekday', () => {
    assert.equal(MONTH_NAMES[dateParts(19814).month - 1], 'Apr'); // 2024-04-01
    assert.equal(WEEKDAY_NAMES[isoWeekday(19814) - 1], 'Mon');
    assert.equal(MONTH_NAMES.length, 12);
    assert.equal(WEEKDAY_NAMES.length, 7);
  });
});
