// Where a figure comes from (issue 14): every published table says who is counted and the period in
// words, from its spec or the table's own period columns, and carries it to its display, export and
// charts.
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../src/privacy/publish.js';
import { dayInWords, periodInWords, scopeText } from '../../src/privacy/scope.js';
import { parsePeriod } from '../../src/time/periods.js';
import { epochDay } from '../../src/time/dates.js';
import { summarizeSickness, sicknessCellSpec } from '../../src/transforms/sickness/summary.js';
import { seasonalityCellSpec } from '../../src/transforms/sickness/seasonality.js';
import { exportTable } from '../../src/report/show.js';
import { barChart } from '../../src/charts/bar.js';

const FY = parsePeriod('FY2024-25');
const people = aq.table({
  person_id: ['A', 'B', 'C', 'D', 'E', 'F'],
  unit: ['T1', 'T1', 'T1', 'T2', 'T2', 'T2'],
  start_date: Array(6).fill(epochDay(2020, 1, 1)),
  end_date: Array(6).fill(null),
  fte: Array(6).fill(1),
});
const sickness = aq.table({
  person_id: ['A'],
  start_date: [epochDay(2024, 6, 3)],
  end_date: [epochDay(2024, 6, 7)],
});

describe('dayInWords', () => {
  it('writes a day as day, short month and year', () => {
    assert.equal(dayInWords(epochDay(2024, 4, 1)), '1 Apr 2024');
    assert.equal(dayInWords(epochDay(2025, 3, 31)), '31 Mar 2025');
  });
});

describe('periodInWords', () => {
  it('spans the earliest period_start to the latest period_end', () => {
    const t = aq.table({ period_start: [FY.start], period_end: [FY.end] });
    assert.equal(periodInWords(t), '1 Apr 2024 to 31 Mar 2025');
  });
  it('says when rows hold several periods', () => {
    const t = aq.table({
      period_start: [epochDay(2024, 4, 1), epochDay(2024, 5, 1)],
      period_end: [epochDay(2024, 4, 30), epochDay(2024, 5, 31)],
    });
    assert.equal(periodInWords(t), '1 Apr 2024 to 31 May 2024, each row for its own period');
  });
  it('gives the day of a status table', () => {
    assert.equal(periodInWords(aq.table({ as_of_date: [FY.end, FY.end] })), 'on 31 Mar 2025');
    assert.equal(
      periodInWords(aq.table({ as_of_date: [FY.end, FY.start - 1] })),
      'each row on its own day, from 31 Mar 2024 to 31 Mar 2025',
    );
  });
  it('falls back to the label, with its dates when it is a period, else null', () => {
    assert.equal(
      periodInWords(aq.table({ x: [1] }), 'FY2024-25'),
      'FY2024-25 (1 Apr 2024 to 31 Mar 2025)',
    );
    assert.equal(periodInWords(aq.table({ x: [1] }), 'the five years'), 'the five years');
    assert.equal(periodInWords(aq.table({ x: [1] })), null);
  });
});

describe('publishTable: who is counted and the period', () => {
  const table = summarizeSickness(people, sickness, { periods: [FY], by: ['unit'] });
  it('takes who from the spec builder and the period from the table', () => {
    const pt = publishTable(table, sicknessCellSpec(['unit']), { minGroupSize: 3 });
    assert.match(pt.who!, /each day of sickness counts in the group the person was posted to/);
    assert.equal(pt.when, '1 Apr 2024 to 31 Mar 2025');
    assert.equal(scopeText(pt), `Who is counted: ${pt.who}. Period: 1 Apr 2024 to 31 Mar 2025.`);
  });
  it('lets the caller say it in other words', () => {
    const spec = sicknessCellSpec(['unit'], {
      who: 'officers posted to a high-risk role on any day',
      when: 'the five financial years to 31 Mar 2025',
    });
    const pt = publishTable(table, spec, { minGroupSize: 3 });
    assert.equal(pt.who, 'officers posted to a high-risk role on any day');
    assert.equal(pt.when, 'the five financial years to 31 Mar 2025');
  });
  it('carries them into the export and the chart note', () => {
    const pt = publishTable(table, sicknessCellSpec(['unit']), { minGroupSize: 3 });
    const out = exportTable(pt, 'sickness');
    assert.equal(out.who, pt.who);
    assert.equal(out.when, '1 Apr 2024 to 31 Mar 2025');
    const chart = barChart(pt, {
      category: 'unit',
      value: 'lost_time_rate_pct',
      title: 'Lost time',
      description: 'Lost time.',
    });
    // T1's lost time is one person's sickness (A): its rate is hidden (issue 18), and the note says so
    const rates = pt.table.objects() as { unit: string; lost_time_rate_pct: number | null }[];
    assert.equal(rates.find((r) => r.unit === 'T1')!.lost_time_rate_pct, null);
    assert.equal(
      chart.description,
      `Lost time. Who is counted: ${pt.who}. Period: 1 Apr 2024 to 31 Mar 2025. ` +
        '1 value hidden to protect privacy ([c]).',
    );
  });
  it('says nothing when the spec and table do not tell', () => {
    const pt = publishTable(aq.table({ g: ['a'], n: [9] }), { by: ['g'], counts: ['n'] });
    assert.equal(pt.who, undefined);
    assert.equal(pt.when, undefined);
    assert.equal(scopeText(pt), '');
  });
});

describe('seasonalityCellSpec: the period', () => {
  it('states the window the spells started in when given from and to', () => {
    const spec = seasonalityCellSpec('month', { from: FY.start, to: FY.end, sum: [] });
    assert.equal(spec.when, 'spells starting from 1 Apr 2024 to 31 Mar 2025');
    assert.equal(seasonalityCellSpec('month').when, undefined);
  });
});
