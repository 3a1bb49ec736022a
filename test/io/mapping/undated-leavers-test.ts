// A source that holds only leavers (an exit survey) may declare "undated_leavers": "warn": a leaver whose
// start or end date is unknown then loads with a warning instead of being rejected.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../../src/io/load-dataset.js';

const SURVEY = [
  'id,reason,start,end',
  '1,voluntary_resignation,2010-07-01,2013-07-01', // dated: loads
  '2,voluntary_resignation,2010-07-01,', // no end date
  '3,normal_retirement,,2013-07-01', // no start date
  '4,voluntary_resignation,,', // neither
  '5,,,', // not a leaver and no start date: rejected either way
  '',
].join('\n');

async function load(extra: object) {
  const dir = mkdtempSync(join(tmpdir(), 'wbk-undated-'));
  writeFileSync(join(dir, 'survey.csv'), SURVEY);
  return loadDataset(dir, {
    asOf: '2025-03-31',
    mapping: {
      date_format: 'iso',
      sources: [
        {
          files: 'survey.csv',
          table: 'people',
          rename: { id: 'person_id', reason: 'leaver_type', start: 'start_date', end: 'end_date' },
          constants: { worker_type: 'staff' },
          ...extra,
        },
      ],
    },
  });
}

describe('source undated_leavers', () => {
  it('rejects leavers without dates by default', async () => {
    const data = await load({});
    assert.deepEqual(data.tables.people.array('person_id'), ['1']);
    assert.deepEqual(data.rejects.select('line', 'column', 'rule').objects(), [
      { line: 3, column: 'end_date', rule: 'leaver_type_without_end_date' },
      { line: 4, column: 'start_date', rule: 'required' },
      { line: 5, column: 'start_date', rule: 'required' },
      { line: 6, column: 'start_date', rule: 'required' },
    ]);
  });

  it('with "warn", loads a leaver whose start or end date is unknown, one warning per missing date', async () => {
    const data = await load({ undated_leavers: 'warn' });
    // People keeps its contract (every row dated); the leavers of unknown date are kept beside it.
    assert.deepEqual(data.tables.people.array('person_id'), ['1']);
    assert.deepEqual(data.tables.undated_leavers!.array('person_id'), ['2', '3', '4']);
    assert.deepEqual(data.tables.undated_leavers!.array('end_date'), [null, 15887, null]); // 2013-07-01
    assert.deepEqual(data.rejects.select('line', 'column', 'rule').objects(), [
      { line: 6, column: 'start_date', rule: 'required' },
    ]);
    const undated = data.warnings.filter((d: { rule: string }) => d.rule === 'undated_leaver');
    assert.deepEqual(undated.select('line', 'column', 'rule').objects(), [
      { line: 3, column: 'end_date', rule: 'undated_leaver' },
      { line: 4, column: 'start_date', rule: 'undated_leaver' },
      { line: 5, column: 'start_date', rule: 'undated_leaver' },
      { line: 5, column: 'end_date', rule: 'undated_leaver' },
    ]);
    assert.match(
      undated.get('message', 0) as string,
      /voluntary_resignation with no end_date: loaded as a leaver of unknown date \(the mapping allows undated leavers\), into tables\.undated_leavers rather than people\. It counts in exit tables pooled over all the data, never in a period's figures or a headcount\./,
    );
    const [file] = data.files;
    assert.deepEqual(
      [file.rows_read, file.rows_loaded, file.rows_rejected, file.warnings],
      [5, 4, 1, 4],
    );
  });
});
