// Which dates an extract covers: the first day records are complete (records_from or the earliest
// event), the last day, and the window in words. Dates by hand: 2024-01-01 = epoch day 19723.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { dataEnd, dataWindow, formatDataWindow, recordsStart } from '../../src/io/coverage.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { emptyTable, TABLE_NAMES, type TableName } from '../../src/schema/tables.js';
import { resolveConfig } from '../../src/schema/vocabularies.js';

const CANONICAL = fileURLToPath(new URL('../fixtures/io/canonical', import.meta.url));

/** A dataset of empty tables with the given ones filled in. */
function dataset(
  tables: Partial<Record<TableName, aq.ColumnTable>>,
  config: Parameters<typeof resolveConfig>[0] = {},
) {
  const all = Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t] ?? emptyTable(t)]));
  return {
    tables: all as Record<TableName, aq.ColumnTable>,
    config: resolveConfig(config),
    asOf: 20000,
  };
}

// People: one joined long before the extract (start 10000) and is in post; one left on day 19800.
// Overtime from day 19750: the extract's records begin before the first leaver.
const people = aq.table({
  person_id: ['a', 'b'],
  start_date: [10000, 15000],
  end_date: [null, 19800],
});
const overtime = aq.table({ person_id: ['a', 'a'], date: [19750, 19900], hours: [2, 3] });

describe('recordsStart', () => {
  it('takes the earliest event or end date across tables, never a start of employment', () => {
    const start = recordsStart(dataset({ people, overtime }));
    // overtime.date 19750 < people.end_date 19800; start_date 10000 is when someone joined, not a record.
    assert.deepEqual(start, {
      day: 19750,
      source: 'the earliest date in the extract, overtime.date',
    });
  });

  it("uses the mapping's records_from when set", () => {
    const start = recordsStart(dataset({ people, overtime }, { recordsFrom: 19723 }));
    assert.deepEqual(start, { day: 19723, source: 'records_from in the mapping' });
  });

  it('says what is missing when nothing is dated', () => {
    assert.throws(
      () => recordsStart(dataset({ people: people.filter(() => false) })),
      /recordsStart: the extract has no dated records .*Set config\.records_from in the mapping/,
    );
  });
});

describe('dataWindow', () => {
  it('gives the first and last day and says it in words', () => {
    const data = dataset({ people, overtime });
    const window = dataWindow(data);
    assert.deepEqual(window, {
      start: 19750,
      end: dataEnd(data),
      source: 'the earliest date in the extract, overtime.date',
    });
    // 19750 = 2024-01-28 (19723 + 27); 19900 = 2024-06-26 (19723 + 177: Jan 31 Feb 29 Mar 31 Apr 30 May 31 = 152, + 25).
    assert.equal(
      formatDataWindow(window),
      'from 2024-01-28 (the earliest date in the extract, overtime.date) to 2024-06-26',
    );
  });
});

describe('loadDataset records_from', () => {
  it('reads config.records_from (ISO date) into config.recordsFrom as an epoch day', async () => {
    const data = await loadDataset(CANONICAL, {
      asOf: '2025-03-31',
      mapping: {
        date_format: 'iso',
        config: { records_from: '2024-01-01' },
        sources: [{ files: 'people.csv', table: 'people' }],
      },
    });
    assert.equal(data.config.recordsFrom, 19723);
    assert.equal(recordsStart(data).day, 19723);
  });

  it('rejects a records_from that is not a yyyy-mm-dd date, naming the key', async () => {
    await assert.rejects(
      loadDataset(CANONICAL, {
        mapping: {
          config: { records_from: '01/04/2020' },
          sources: [{ files: 'people.csv', table: 'people' }],
        },
      }),
      /must be a real date written yyyy-mm-dd, e.g. 2020-04-01\n {2}→ at config\.records_from/,
    );
  });
});
