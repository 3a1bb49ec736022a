// A force of three teams for the matrix tests: F → D1 → T1, T2 and F → D2 → T3; one full-time officer
// per team (A1, A2, A3) in post from 2020, overtime of 10, 20 and 30 hours on 1 June 2023, no other
// events (empty tables with the schema's columns).
import * as aq from 'arquero';
import { emptyTable } from '../../src/schema/tables.js';
import { epochDay } from '../../src/time/dates.js';
import { unitTree } from '../../src/transforms/units/hierarchy.js';

/** The epoch day of an ISO date, e.g. isoDay('2024-03-31'). */
export const isoDay = (iso: string) =>
  epochDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/**
 * The three-team force's unit tree and tables, built afresh on each call (the matrix memoises by the
 * tables' identity).
 * @example const { tree, tables } = threeTeamForce(); tables.overtime.numRows() // 3
 */
export function threeTeamForce() {
  const tree = unitTree(
    aq.table({
      unit_id: ['F', 'D1', 'D2', 'T1', 'T2', 'T3'],
      parent_id: [null, 'F', 'F', 'D1', 'D1', 'D2'],
      name: ['Force', 'North', 'South', 'T one', 'T two', 'T three'],
      level: ['force', 'district', 'district', 'team', 'team', 'team'],
    }),
  );
  const tables = {
    people: aq.table({
      person_id: ['A1', 'A2', 'A3'],
      worker_type: ['officer', 'officer', 'officer'],
      unit_id: ['T1', 'T2', 'T3'],
      high_risk_role: [null, null, null],
      fte: [1, 1, 1],
      service_start_date: Array(3).fill(isoDay('2020-01-01')),
      start_date: Array(3).fill(isoDay('2020-01-01')),
      end_date: [null, null, null],
      leaver_type: [null, null, null],
    }),
    overtime: aq.table({
      person_id: ['A1', 'A2', 'A3'],
      date: Array(3).fill(isoDay('2023-06-01')),
      hours: [10, 20, 30],
      rest_day_worked: [false, false, false],
    }),
    postings: emptyTable('postings'),
    sickness: emptyTable('sickness'),
    oh_referrals: emptyTable('oh_referrals'),
    welfare_checks: emptyTable('welfare_checks'),
    unit_indicators: emptyTable('unit_indicators'),
    exit_interviews: emptyTable('exit_interviews'),
  };
  return { tree, tables };
}
