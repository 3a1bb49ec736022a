import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { isPublishedTable, publishTable, selectPublishedRows } from '../../src/privacy/index.js';

describe('selectPublishedRows', () => {
  const published = publishTable(aq.table({ unit: ['A', 'B', 'All'], headcount: [3, 20, 23] }), {
    by: ['unit'],
    population: 'headcount',
    counts: ['headcount'],
    total: 'All',
  });

  it('keeps the chosen rows, still published, with hidden cells still hidden', () => {
    const kept = selectPublishedRows(published, (row) => row.unit !== 'All');
    assert.ok(isPublishedTable(kept));
    assert.deepEqual(kept.table.array('unit'), ['A', 'B']);
    // A (3 people) is under 5, so hidden; B is then hidden too, or A = 23 − B.
    assert.deepEqual(kept.table.array('headcount_status'), ['suppressed', 'suppressed']);
    assert.deepEqual(kept.table.array('headcount'), [null, null]);
  });

  it('refuses a table that was not published', () => {
    assert.throws(
      () => selectPublishedRows(aq.table({ a: [1] }) as never, () => true),
      /selectPublishedRows: expected a PublishedTable/,
    );
  });
});
