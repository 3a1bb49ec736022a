import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../src/privacy/index.js';
import { chartDescription, chartRows, markHidden } from '../../src/charts/chart-data.js';

// Team B has 3 people: its rate is hidden in publish mode.
const published = publishTable(
  aq.table({ unit: ['A', 'B'], headcount: [20, 3], spells: [10, 2] }),
  {
    by: ['unit'],
    population: 'headcount',
    counts: ['spells'],
    rates: [{ name: 'rate', numerator: 'spells', denominator: 'headcount', per: 100 }],
  },
);
const rows = chartRows(published, 'test');

describe('chartDescription', () => {
  it('puts the caller’s description before the note on hidden values', () => {
    assert.equal(
      chartDescription('Spells per 100 people.', rows, 'rate'),
      'Spells per 100 people. 1 value hidden to protect privacy ([c]).',
    );
  });
  it('is the note alone without a description', () => {
    assert.equal(
      chartDescription(undefined, rows, 'rate'),
      '1 value hidden to protect privacy ([c]).',
    );
  });
});

describe('markHidden', () => {
  it('marks the rows whose measure is hidden with [c] and drops the list of hidden measures', () => {
    const values = markHidden(rows, 'rate');
    assert.deepEqual(
      values.map((r) => [r.unit, r.rate === null, r.hidden]),
      [
        ['A', false, ''],
        ['B', true, '[c]'],
      ],
    );
    assert.ok(values.every((r) => !('suppressed' in r)));
  });
});
