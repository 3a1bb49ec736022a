// The helpers openReport's context gives notebooks (issue 15), on the canonical fixture extract:
// units Demo Force (F) > North District (D1) > Public Protection (P1) > Child Abuse Team (T1).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { setDisplayHook, type DisplayBundle } from '../../src/display/bundle.js';
import { noteHtml } from '../../src/display/note.js';
import { openReport, type ReportContext } from '../../src/report/context.js';

const CANONICAL = fileURLToPath(new URL('../fixtures/io/canonical', import.meta.url));

const open = (period: string, unit: string | null = null): Promise<ReportContext> =>
  openReport('Test', { dataDir: CANONICAL, period, unit, asOf: '2024-12-31' });

const labels = (periods: { label: string }[]) => periods.map((p) => p.label);

describe('openReport: the helpers notebooks share', () => {
  let force: ReportContext;
  let unit: ReportContext;
  before(async () => {
    force = await open('FY2022-23');
    unit = await open('FY2022-23', 'P1');
  });

  describe('fy', () => {
    it("carries the extract's financial-year start (April by default)", () => {
      assert.deepEqual(force.fy, { fyStartMonth: 4 });
    });
  });

  describe('unitName and nameOf', () => {
    it("names the report's unit, and no unit for the whole organisation", () => {
      assert.equal(unit.unitName, 'Public Protection');
      assert.equal(force.unitName, null);
    });
    it('names a unit from the units table, or gives its id when the table does not name it', () => {
      assert.equal(force.nameOf('T1'), 'Child Abuse Team');
      assert.equal(force.nameOf('X9'), 'X9');
    });
  });

  describe('inScope', () => {
    it("keeps the unit's own subtree in a unit report", () => {
      assert.deepEqual(
        ['F', 'D1', 'P1', 'T1', 'X9'].map((id) => unit.inScope(id)),
        [false, false, true, true, false],
      );
    });
    it('keeps every unit in a report for the whole organisation', () => {
      assert.deepEqual(
        ['F', 'T1', 'X9'].map((id) => force.inScope(id)),
        [true, true, true],
      );
    });
    it('never keeps a row without a unit', () => {
      assert.equal(force.inScope(null), false);
      assert.equal(unit.inScope(null), false);
    });
  });

  describe('teamLevel', () => {
    it('is the lowest level unless a level is chosen', () => {
      assert.equal(force.teamLevel(), 'team');
      assert.equal(force.teamLevel(null), 'team');
      assert.equal(force.teamLevel('district'), 'district');
    });
    it('rejects a level the units table does not have', () => {
      assert.throws(() => force.teamLevel('squad'), {
        message:
          'teamLevel "squad" is not a unit level. Levels: force, district, department, team.',
      });
    });
  });

  describe('financialYears', () => {
    it('lists the financial years from a day to the end of the period', () => {
      // 2021-01-01 lies in FY2020-21; the period FY2022-23 ends on 2023-03-31.
      const jan2021 = Date.UTC(2021, 0, 1) / 86_400_000;
      assert.deepEqual(labels(force.financialYears(jan2021)), [
        'FY2020-21',
        'FY2021-22',
        'FY2022-23',
      ]);
      assert.deepEqual(labels(force.financialYears(jan2021, jan2021)), ['FY2020-21']);
    });
  });

  describe('trendYears', () => {
    it('lists the years of `years` × 365 days to the end of the period', () => {
      // 2021-04-01 to 2023-03-31 is 730 days (no 29 February): two years exactly, not three.
      assert.deepEqual(labels(force.trendYears(2)), ['FY2021-22', 'FY2022-23']);
      assert.deepEqual(labels(force.trendYears(1)), ['FY2022-23']);
    });
    it('lists every year of a longer pooled period with wholePeriod', async () => {
      const range = await open('FY2018-19..FY2022-23');
      assert.deepEqual(labels(range.trendYears(2)), ['FY2021-22', 'FY2022-23']);
      assert.deepEqual(labels(range.trendYears(2, { wholePeriod: true })), [
        'FY2018-19',
        'FY2019-20',
        'FY2020-21',
        'FY2021-22',
        'FY2022-23',
      ]);
      // A period shorter than the trend gets the trend's years.
      assert.deepEqual(labels(force.trendYears(2, { wholePeriod: true })), [
        'FY2021-22',
        'FY2022-23',
      ]);
    });
  });

  describe('note', () => {
    it('shows the text escaped in a note box, with the text as plain text', () => {
      const shown: DisplayBundle[] = [];
      setDisplayHook((bundle) => shown.push(bundle));
      try {
        force.note('Left out: R&D <unreliable>.');
      } finally {
        setDisplayHook(null);
      }
      assert.deepEqual(shown, [
        {
          'text/html': noteHtml('Left out: R&D <unreliable>.'),
          'text/plain': 'Left out: R&D <unreliable>.',
        },
      ]);
      assert.match(String(shown[0]['text/html']), /Left out: R&amp;D &lt;unreliable&gt;\.<\/p>$/);
    });
  });
});
