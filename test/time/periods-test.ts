import assert from 'node:assert/strict';
import fc from 'fast-check';
import { epochDay } from '../../src/time/dates.js';
import {
  financialYearLabel,
  isPooled,
  parsePeriod,
  periodOf,
  periodsBetween,
  periodSpan,
  type PeriodKind,
} from '../../src/time/periods.js';

// Epoch days worked by hand from 2024-01-01 = 19723 (see dates-test.ts):
// 2024-03-31 = 19813; 2024-04-01 = 19814; 2023-04-01 = 19814 − 366 (the year holds 29 Feb 2024) = 19448;
// 2024-10-01 = 19723 + 274 (Jan–Sep: 31+29+31+30+31+30+31+31+30) = 19997; 2024-12-31 = 19723 + 365 = 20088;
// 2025-01-01 = 20089; 2025-03-31 = 20089 + 31 + 28 + 30 = 20178.

describe('periodOf', () => {
  it('puts 1 April in the financial year it starts', () => {
    assert.deepEqual(periodOf(19814, 'financial_year'), {
      kind: 'financial_year',
      label: 'FY2024-25',
      start: 19814,
      end: 20178,
    });
  });
  it('puts 31 March in the financial year it ends', () => {
    assert.deepEqual(periodOf(19813, 'financial_year'), {
      kind: 'financial_year',
      label: 'FY2023-24',
      start: 19448,
      end: 19813,
    });
  });
  it('numbers financial quarters from the start of the year', () => {
    assert.deepEqual(periodOf(20088, 'financial_quarter'), {
      kind: 'financial_quarter',
      label: 'FY2024-25 Q3',
      start: 19997,
      end: 20088,
    });
    assert.equal(periodOf(20089, 'financial_quarter').label, 'FY2024-25 Q4');
  });
  it('labels calendar quarters, months and years', () => {
    assert.equal(periodOf(19814, 'quarter').label, '2024-Q2');
    assert.equal(periodOf(19814, 'month').label, '2024-04');
    assert.equal(periodOf(19814, 'year').label, '2024');
  });
  it('takes a configurable start month', () => {
    assert.equal(periodOf(19723, 'financial_year', { fyStartMonth: 1 }).label, 'FY2024');
    // 2024-06-30 = 19814 + 30 + 31 + 30 − 1 = 19904, still in the July-start year 2023-24.
    assert.equal(periodOf(19904, 'financial_year', { fyStartMonth: 7 }).label, 'FY2023-24');
    assert.equal(periodOf(19905, 'financial_year', { fyStartMonth: 7 }).label, 'FY2024-25');
  });
  it('rejects a start month outside 1–12', () => {
    assert.throws(
      () => periodOf(0, 'financial_year', { fyStartMonth: 13 }),
      /fyStartMonth must be a whole month number 1–12 \(4 = April\), got 13\./,
    );
  });
  it('rejects an unknown kind', () => {
    assert.throws(() => periodOf(0, 'week' as PeriodKind), /periodOf: unknown period kind "week"/);
  });
});

describe('parsePeriod', () => {
  it('reads financial years and their quarters', () => {
    assert.deepEqual(parsePeriod('FY2024-25'), periodOf(19814, 'financial_year'));
    const q4 = parsePeriod('FY2024-25 Q4');
    assert.deepEqual([q4.start, q4.end], [20089, 20178]);
  });
  it('reads calendar quarters, months and years', () => {
    // 2024-Q2: 2024-04-01 (19814) to 2024-06-30 (19904); 2024-02: 19754 to 19782.
    assert.deepEqual([parsePeriod('2024-Q2').start, parsePeriod('2024-Q2').end], [19814, 19904]);
    assert.deepEqual([parsePeriod('2024-02').start, parsePeriod('2024-02').end], [19754, 19782]);
    assert.deepEqual([parsePeriod('2024').start, parsePeriod('2024').end], [19723, 20088]);
  });
  it('rejects a financial-year label whose years do not follow', () => {
    assert.throws(
      () => parsePeriod('FY2024-26'),
      /parsePeriod: "FY2024-26" is not a financial year label for a year starting in month 4\. Write FY2024-25\./,
    );
  });
  it('rejects text that is no period label', () => {
    assert.throws(
      () => parsePeriod('Q2 2024'),
      /parsePeriod: "Q2 2024" is not a period label\. Use FY2024-25/,
    );
  });
  it('gives back the period of any day from its label', () => {
    const kinds: PeriodKind[] = ['financial_year', 'financial_quarter', 'quarter', 'month', 'year'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40000 }),
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 12 }),
        (day, kind, fyStartMonth) => {
          const period = periodOf(day, kind, { fyStartMonth });
          assert.ok(period.start <= day && day <= period.end);
          assert.deepEqual(parsePeriod(period.label, { fyStartMonth }), period);
        },
      ),
    );
  });
});

describe('periodsBetween', () => {
  it('lists every period overlapping the range', () => {
    const labels = periodsBetween(19814, 20178, 'financial_quarter').map((p) => p.label);
    assert.deepEqual(labels, ['FY2024-25 Q1', 'FY2024-25 Q2', 'FY2024-25 Q3', 'FY2024-25 Q4']);
    // 19800 = 2024-03-18 and 19850 = 2024-05-07: March, April and May.
    assert.deepEqual(
      periodsBetween(19800, 19850, 'month').map((p) => p.label),
      ['2024-03', '2024-04', '2024-05'],
    );
  });
  it('rejects a range that ends before it starts', () => {
    assert.throws(
      () => periodsBetween(10, 5, 'month'),
      /periodsBetween: "to" \(5\) is before "from" \(10\)\. Swap them\./,
    );
  });
});

describe('periodSpan', () => {
  it('spans the first period to the last, labelled as a range', () => {
    // 18353 = 2020-04-01 (19814 − 366 − 365 − 365 − 365: FY2023-24 holds 29 Feb 2024, FY2019-20 is not counted).
    const years = periodsBetween(18353, 20178, 'financial_year');
    assert.deepEqual(periodSpan(years), {
      kind: 'range',
      label: 'FY2020-21 to FY2024-25',
      start: 18353,
      end: 20178,
    });
  });
  it('names one period twice, as a trend of one year reads', () => {
    assert.equal(periodSpan([periodOf(19814, 'financial_year')]).label, 'FY2024-25 to FY2024-25');
  });
  it('rejects an empty list', () => {
    assert.throws(() => periodSpan([]), /periodSpan: periods must list at least one period/);
  });
});

describe('financialYearLabel', () => {
  it('labels the financial year of a day', () => {
    assert.equal(financialYearLabel(19813), 'FY2023-24');
  });
});

describe('parsePeriod: pooled periods', () => {
  it('pools a range of financial years from the start of the first to the end of the last', () => {
    const p = parsePeriod('FY2012-13..FY2013-14');
    // 1 April 2012 to 31 March 2014.
    assert.deepEqual(p, {
      kind: 'range',
      label: 'FY2012-13 to FY2013-14',
      start: epochDay(2012, 4, 1),
      end: epochDay(2014, 3, 31),
    });
    assert.deepEqual(parsePeriod(p.label), p, 'its label parses back to it');
  });

  it('pools a range of months, with a year that starts in another month', () => {
    const p = parsePeriod('2024-04..2025-03', { fyStartMonth: 7 });
    assert.equal(p.label, '2024-04 to 2025-03');
    assert.equal(p.start, epochDay(2024, 4, 1));
    assert.equal(p.end, epochDay(2025, 3, 31));
  });

  it('reads a range of one period as that period', () => {
    assert.deepEqual(parsePeriod('FY2024-25..FY2024-25'), parsePeriod('FY2024-25'));
  });

  it('says which end comes first when a range runs backwards', () => {
    assert.throws(
      () => parsePeriod('FY2024-25..FY2022-23'),
      /the range "FY2024-25..FY2022-23" ends \(FY2022-23\) before it starts \(FY2024-25\)\. Write the earlier period first\./,
    );
  });

  it('gives all the data as one period when the extent is known, and asks for it otherwise', () => {
    const extent = { start: epochDay(2009, 1, 1), end: epochDay(2014, 12, 31) };
    assert.deepEqual(parsePeriod('all', { extent }), {
      kind: 'all',
      label: 'all data (2009-01-01 to 2014-12-31)',
      ...extent,
    });
    assert.equal(parsePeriod('all data (2009-01-01 to 2014-12-31)', { extent }).kind, 'all');
    assert.throws(() => parsePeriod('all'), /"all" needs the extent of the data/);
  });

  it('marks ranges and all as pooled', () => {
    assert.equal(isPooled(parsePeriod('FY2022-23..FY2023-24')), true);
    assert.equal(isPooled(parsePeriod('FY2022-23')), false);
  });
});
