// UCI absenteeism through examples/mappings/uci-absenteeism.json: absence hours per record as
// person_measures, the year read from the row order (a declared month sequence from July 2007), reasons
// as categories. Figures from test/examples/reference/uci_absenteeism.py (Python csv module).
import assert from 'node:assert/strict';
import { loadDataset, type Dataset } from '../../src/io/load-dataset.js';
import { dateParts, epochDay } from '../../src/time/dates.js';
import { describeRealData } from '../helpers/real-data.js';

const MAPPING = 'examples/mappings/uci-absenteeism.json';

describeRealData('UCI absenteeism through its example mapping', 'uci-absenteeism', (dir) => {
  let data: Dataset;
  const rows = () => data.tables.person_measures.objects() as Record<string, unknown>[];
  before(async () => {
    data = await loadDataset(dir, { mapping: MAPPING, asOf: '2025-01-01' });
  });

  it('loads every record with a month and rejects the three with month 0, saying why', () => {
    // uci_absenteeism.py: 740 rows, 737 with a month 1–12.
    const [file] = data.files;
    assert.deepEqual([file.rows_read, file.rows_loaded, file.rows_rejected], [740, 737, 3]);
    assert.deepEqual([...new Set(data.rejects.array('rule') as string[])], ['invalid_period']);
    // Every employee column is used or dropped on purpose: the only warning is the absent people table.
    // (and the one top unit the kit adds to an extract without units)
    assert.deepEqual((data.warnings.array('rule') as string[]).sort(), [
      'implicit_top_unit',
      'people_missing',
    ]);
  });

  it('dates each record from the row order: July 2007 to July 2010, rows per year as the reference', () => {
    // uci_absenteeism.py: 2007 113, 2008 245, 2009 212, 2010 167.
    const years = new Map<number, number>();
    for (const r of rows()) {
      const y = dateParts(r.period_start as number).year;
      years.set(y, (years.get(y) ?? 0) + 1);
    }
    assert.deepEqual(
      [...years],
      [
        [2007, 113],
        [2008, 245],
        [2009, 212],
        [2010, 167],
      ],
    );
    const starts = rows().map((r) => r.period_start as number);
    assert.equal(Math.min(...starts), epochDay(2007, 7, 1));
    assert.equal(Math.max(...rows().map((r) => r.period_end as number)), epochDay(2010, 7, 31));
  });

  it('sums the hours absent, and those for mental and behavioural reasons, as the reference does', () => {
    // uci_absenteeism.py: 5,124 hours over the 737 records; reason 5 (ICD-10 chapter V) 19 hours; 36
    // employees, 34 of them in the records with a month (two appear only in the month-0 rows).
    const sum = (keep: (r: Record<string, unknown>) => boolean) =>
      rows()
        .filter(keep)
        .reduce((s, r) => s + (r.value as number), 0);
    assert.equal(
      sum(() => true),
      5124,
    );
    assert.equal(
      sum((r) => r.category === 'icd_05_mental_health'),
      19,
    );
    assert.equal(new Set(rows().map((r) => r.person_id)).size, 34);
  });
});
