import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from 'arquero';
import {
  countIssuesByRule,
  issuesTable,
  writeRejectsCsv,
  type LoadIssue,
} from '../../src/io/issues.js';
import { tableEqual } from '../helpers/table-equal.js';

const issue = (file: string, line: number | null, rule: string): LoadIssue => ({
  file,
  line,
  table: 'overtime',
  column: 'hours',
  value: '-1',
  rule,
  message: `m ${rule}`,
});

describe('issuesTable', () => {
  it('sorts by file then line, file-level issues first', () => {
    const t = issuesTable([
      issue('b.csv', 3, 'x'),
      issue('a.csv', 9, 'y'),
      issue('b.csv', null, 'z'),
      issue('a.csv', 2, 'y'),
    ]);
    tableEqual(t.select('file', 'line'), {
      file: ['a.csv', 'a.csv', 'b.csv', 'b.csv'],
      line: [2, 9, null, 3],
    });
  });
});

describe('countIssuesByRule', () => {
  it('counts by table and rule, commonest first', () => {
    const t = issuesTable([issue('a.csv', 1, 'x'), issue('a.csv', 2, 'y'), issue('a.csv', 3, 'y')]);
    tableEqual(countIssuesByRule(t), {
      table: ['overtime', 'overtime'],
      rule: ['y', 'x'],
      n: [2, 1],
    });
  });
});

describe('writeRejectsCsv', () => {
  it('writes a CSV with a header line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wbk-rej-')), 'rejects.csv');
    await writeRejectsCsv(issuesTable([issue('a.csv', 4, 'out_of_range')]), path);
    assert.equal(
      readFileSync(path, 'utf8'),
      'file,line,table,column,value,rule,message\na.csv,4,overtime,hours,-1,out_of_range,m out_of_range\n',
    );
  });
  it('names the columns a table lacks', async () => {
    await assert.rejects(
      writeRejectsCsv(table({ file: ['a'] }), '/tmp/never.csv'),
      /writeRejectsCsv: the table lacks column\(s\) line, table, column, value, rule, message\. Pass dataset\.rejects or dataset\.warnings\./,
    );
  });
});
