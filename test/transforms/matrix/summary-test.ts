import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { parsePeriod } from '../../../src/time/periods.js';
import { summarizeWellbeingMatrix } from '../../../src/transforms/matrix/summary.js';
import { isoDay as d, threeTeamForce } from '../../helpers/three-teams.js';

const { tree, tables } = threeTeamForce();

const overtimeOf = (cells: aq.ColumnTable) =>
  Object.fromEntries(
    (cells.objects() as { unit_id: string; indicator: string; numerator: number }[])
      .filter((c) => c.indicator === 'overtime_hours_per_fte')
      .map((c) => [c.unit_id, c.numerator]),
  );

describe('summarizeWellbeingMatrix', () => {
  const fy = parsePeriod('FY2023-24');
  const asOf = d('2024-03-31');

  it('sums the counts of each unit of record up to the levels asked for', () => {
    assert.deepEqual(
      overtimeOf(summarizeWellbeingMatrix(tables, tree, { periods: [fy], asOf, levels: ['team'] })),
      { F: 60, T1: 10, T2: 20, T3: 30 },
    );
    assert.deepEqual(
      overtimeOf(
        summarizeWellbeingMatrix(tables, tree, { periods: [fy], asOf, levels: ['district'] }),
      ),
      { F: 60, D1: 30, D2: 30 },
    );
  });

  it('counts again for other periods, worker types or tables, not the counts of an earlier call', () => {
    const options = { periods: [fy], asOf, levels: ['team'] };
    assert.equal(overtimeOf(summarizeWellbeingMatrix(tables, tree, options)).F, 60);
    const before = parsePeriod('FY2022-23');
    const earlier = { ...options, periods: [before], asOf: d('2023-03-31') };
    assert.equal(overtimeOf(summarizeWellbeingMatrix(tables, tree, earlier)).F, 0);
    const staff = { ...options, workerTypes: ['staff'] };
    assert.deepEqual(overtimeOf(summarizeWellbeingMatrix(tables, tree, staff)), {});
    const more = { ...tables, overtime: tables.overtime.derive({ hours: (r) => r.hours * 2 }) };
    assert.equal(overtimeOf(summarizeWellbeingMatrix(more, tree, options)).F, 120);
  });
});
