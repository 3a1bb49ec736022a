import assert from 'node:assert/strict';
import { auditPublishedTables } from '../../../src/privacy/audit.js';
import { metricsAuditTables } from '../../../src/report/metrics/audit.js';

/** A `wbk metrics --json` object with the leaver section only (exit section absent). */
function metrics(voluntaryInRate: number | null) {
  return {
    leavers: {
      period: 'FY2024-25',
      // 20 = 7 + 9 + 4; resignations and end of contract hidden (4 < 5, 7 its complement).
      leavers_by_type: {
        voluntary_resignation: null,
        normal_retirement: 9,
        end_of_contract: null,
        transfer_out: 0,
        all_except_transfers: 20,
      },
      headcount_start: 281,
      leavers: 20,
      voluntary_resignations: voluntaryInRate,
      transfers_out: 0,
      service_bands: [
        { service_band: '<5', leavers: 11, voluntary_resignations: null },
        { service_band: '5+', leavers: 9, voluntary_resignations: null },
        { service_band: 'All', leavers: 20, voluntary_resignations: null },
      ],
      three_year: { sex: { groups: [] } },
    },
  };
}

describe('metricsAuditTables', () => {
  it('gives the leaver section as tables of counts, hidden values as [c]', () => {
    const tables = metricsAuditTables(metrics(null));
    assert.deepEqual(
      tables.map((t) => t.name),
      [
        'leavers.leavers_by_type',
        'leavers.leaver_rate.all_except_transfers',
        'leavers.service_bands.all_except_transfers',
        'leavers.leaver_rate.voluntary_resignation',
        'leavers.service_bands.voluntary_resignation',
        'leavers.leaver_rate.transfer_out',
        'leavers.headcount_start',
      ],
    );
    assert.deepEqual(tables[4], {
      name: 'leavers.service_bands.voluntary_resignation',
      columns: ['service_band', 'leavers'],
      by: ['service_band'],
      countColumns: ['leavers'],
      period: 'FY2024-25',
      total: 'All',
      slice: { leaver_type: 'voluntary_resignation' },
      rows: [
        ['<5', '[c]'],
        ['5+', '[c]'],
        ['All', '[c]'],
      ],
    });
  });

  it('lets the audit find a count hidden in one section and shown under another name', () => {
    assert.deepEqual(auditPublishedTables(metricsAuditTables(metrics(null))), []);
    // The leaver-rate row shows voluntary_resignations = 7: the hidden type row is that figure, and
    // then end_of_contract = 20 − 7 − 9 = 4.
    const leaks = auditPublishedTables(metricsAuditTables(metrics(7)));
    assert.deepEqual(
      leaks.map((l) => [l.table, l.cell.leaver_type, l.cell.service_band ?? null]),
      [
        ['leavers.leavers_by_type', 'voluntary_resignation', null],
        ['leavers.service_bands.voluntary_resignation', 'voluntary_resignation', 'All'],
        ['leavers.leavers_by_type', 'end_of_contract', null],
      ],
    );
  });

  it('rejects something that is not the metrics object', () => {
    assert.throws(() => metricsAuditTables(null as never), {
      message: 'metricsAuditTables: expected the object printed by `wbk metrics --json`.',
    });
  });
});
