// Hand-checked outputs of publishTable beyond the suppression pattern: rounding, rates, means,
// free text, analyst mode, dropped columns.
import assert from 'node:assert/strict';
import { table } from 'arquero';
import { publishTable, type CellSpec } from '../../src/privacy/index.js';
import { tableEqual } from '../helpers/table-equal.js';

const teams: CellSpec = { by: ['team'], population: 'headcount' };

describe('publishTable (rounding, rates, means, free text, modes)', () => {
  it('rounds shown counts to the base and recomputes rates from unrounded values (ONS 10-5 style)', () => {
    const t = table({ team: ['A', 'B', 'C'], headcount: [37, 52, 8], leavers: [12, 7, 0] });
    const spec: CellSpec = {
      ...teams,
      counts: ['leavers'],
      rates: [
        { name: 'leaver_rate_pct', numerator: 'leavers', denominator: 'headcount', per: 100 },
      ],
    };
    const policy = { minGroupSize: 10, minCount: 10, roundTo: 5 };
    const p = publishTable(t, spec, policy);
    // C: 8 people < 10 → row hidden. B: 7 leavers < 10 → hidden, and its rate with it.
    // 37 → 35, 52 → 50, 12 → 10 (nearest 5). A's rate from unrounded: 12 / 37 × 100 = 32.4324…,
    // published to 1 dp (a percentage): 32.4.
    tableEqual(
      p.table,
      {
        team: ['A', 'B', 'C'],
        headcount: [35, 50, null],
        leavers: [10, null, null],
        leaver_rate_pct: [32.4, null, null],
        headcount_status: ['rounded', 'rounded', 'suppressed'],
        leavers_status: ['rounded', 'suppressed', 'suppressed'],
        leaver_rate_pct_status: ['shown', 'suppressed', 'suppressed'],
      },
      1e-9,
    );
    // suppress-with-count: the rate uses the published figures, 10 / 35 × 100 = 28.5714… → 28.6
    const q = publishTable(t, spec, { ...policy, rates: 'suppress-with-count' });
    assert.equal(q.table.get('leaver_rate_pct', 0), 28.6);
    assert.equal(q.log.roundTo, 5);
  });

  it('rounds halves up', () => {
    const t = table({ team: ['A', 'B', 'C'], headcount: [15, 25, 14] });
    const p = publishTable(t, teams, { roundTo: 10 });
    // 15 → 20, 25 → 30 (halves up), 14 → 10
    assert.deepEqual(p.table.array('headcount'), [20, 30, 10]);
  });

  it('hides rates with small denominators or numerators and leaves a rate over zero empty', () => {
    const t = table({
      team: ['A', 'B', 'C', 'D'],
      headcount: [4, 6, 40, 0],
      leavers: [1, 3, 0, 0],
    });
    const p = publishTable(t, {
      ...teams,
      counts: ['leavers'],
      rates: [{ name: 'leaver_rate', numerator: 'leavers', denominator: 'headcount' }],
    });
    // A: 4 people → row hidden. B: 3 leavers < 5 → count and rate hidden, headcount 6 shown.
    // C: 0 / 40 = 0 shown. D: 0 people is shown (identifies nobody); 0 / 0 has no rate → empty.
    tableEqual(p.table, {
      team: ['A', 'B', 'C', 'D'],
      headcount: [null, 6, 40, 0],
      leavers: [null, null, 0, 0],
      leaver_rate: [null, null, 0, null],
      headcount_status: ['suppressed', 'shown', 'shown', 'shown'],
      leavers_status: ['suppressed', 'suppressed', 'shown', 'shown'],
      leaver_rate_status: ['suppressed', 'suppressed', 'shown', 'empty'],
    });
    assert.deepEqual(
      p.log.entries.filter((e) => e.column === 'leaver_rate').map((e) => e.reason),
      ['primary-population', 'primary-count'],
    );
  });

  it('applies the free-text threshold of 10 to groups and counts', () => {
    const t = table({
      theme: ['pay', 'workload', 'culture'],
      respondents: [8, 3, 25],
      mentions: [8, 2, 6],
    });
    const p = publishTable(t, {
      by: ['theme'],
      population: 'respondents',
      counts: ['mentions'],
      freeText: true,
    });
    // pay: 8 people ≥ 5 but < 10 → free-text. workload: 3 < 5 → primary-population. culture: 6 mentions < 10 → free-text.
    assert.deepEqual(p.table.array('respondents'), [null, null, 25]);
    assert.deepEqual(p.table.array('mentions'), [null, null, null]);
    assert.deepEqual(
      p.log.entries.map((e) => `${e.cell.theme}/${e.column}/${e.reason}`),
      [
        'pay/respondents/free-text',
        'workload/respondents/primary-population',
        'pay/mentions/free-text',
        'workload/mentions/primary-population',
        'culture/mentions/free-text',
      ],
    );
  });

  it('hides a mean with its group size and keeps the mean otherwise', () => {
    const t = table({ team: ['A', 'B'], headcount: [4, 9], mean_tenure_months: [30.5, 42.25] });
    const p = publishTable(t, {
      ...teams,
      means: [{ name: 'mean_tenure_months', n: 'headcount' }],
    });
    assert.deepEqual(p.table.array('mean_tenure_months'), [null, 42.25]);
  });

  it('shows everything in analyst mode and marks it not for circulation', () => {
    const t = table({ team: ['A', 'B', 'All'], headcount: [3, 12, 15] });
    const p = publishTable(t, { ...teams, total: 'All' }, { mode: 'analyst', roundTo: 5 });
    assert.deepEqual(p.table.array('headcount'), [3, 12, 15]);
    assert.equal(p.notForCirculation, true);
    assert.equal(p.log.hiddenCells, 0);
  });

  it('drops columns the spec does not declare and lists them in the log', () => {
    const t = table({ team: ['A'], headcount: [9], sickness_days: [31] });
    const p = publishTable(t, teams);
    assert.deepEqual(p.table.columnNames(), ['team', 'headcount', 'headcount_status']);
    assert.deepEqual(p.log.droppedColumns, ['sickness_days']);
  });
});
