// What a notebook section needs: which tables, columns and dated rows are missing, the note shown
// instead, and how the runner reads a notebook that had nothing to show.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { missingNeeds, skippedSectionHtml, STATUS_MIME } from '../../src/report/needs.js';
import { notApplicableText, notebookStatus } from '../../src/report/jupyter/run-notebook.js';
import { indexPageHtml } from '../../src/report/index-page.js';

const FY = { start: 100, end: 200, label: 'FY2024-25' };
const data = {
  tables: {
    people: aq.table({
      person_id: ['a', 'b'],
      service_start_date: [null, null],
      end_date: [150, null],
    }),
    overtime: aq.table({ person_id: [], date: [] }),
    sickness: aq.table({ person_id: ['a'], start_date: [50] }),
  },
} as never;

describe('missingNeeds', () => {
  it('names an empty table, a column without a value and a table with no row in the period', () => {
    assert.deepEqual(
      missingNeeds(data, FY, {
        tables: ['overtime', 'people'],
        columns: ['people.service_start_date', 'people.end_date', 'people.absent_column'],
        inPeriod: ['sickness.start_date', 'people.end_date'],
        shows: 'x',
      }),
      ['overtime', 'people.service_start_date', 'people.absent_column', 'sickness in FY2024-25'],
    );
  });

  it('is empty when the extract has what the section needs', () => {
    assert.deepEqual(
      missingNeeds(data, FY, { tables: ['people'], inPeriod: ['people.end_date'], shows: 'x' }),
      [],
    );
  });

  it('refuses a column reference without a table', () => {
    assert.throws(
      () => missingNeeds(data, FY, { columns: ['end_date'], shows: 'x' }),
      /table\.column/,
    );
  });
});

describe('skippedSectionHtml', () => {
  it('says what is missing, what the section would show and which mapping key feeds it', () => {
    const html = skippedSectionHtml('Overtime <by> unit', ['overtime', 'people.fte'], 'hours');
    assert.match(html, /Overtime &lt;by&gt; unit/);
    assert.match(html, /no overtime, people\.fte/);
    assert.match(html, /It would show hours/);
    assert.match(html, /"table": "overtime"/);
    assert.match(html, /the column <code>people\.fte<\/code>/);
  });
});

describe('a notebook with nothing to show', () => {
  it('is read back from its status output and shown as not applicable in index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbk-needs-'));
    const file = join(dir, '06-overtime.ipynb');
    const status = { applicable: false, missing: ['overtime', 'sickness'] };
    writeFileSync(
      file,
      JSON.stringify({ cells: [{ outputs: [{ data: { [STATUS_MIME]: status } }] }] }),
    );
    assert.deepEqual(notebookStatus(file), status);
    const run = {
      notebook: file,
      status: 'ok' as const,
      seconds: 1,
      files: [],
      cellsTotal: 3,
      notApplicable: status.missing,
    };
    assert.equal(notApplicableText(run), 'not applicable (needs overtime, sickness)');
    const html = indexPageHtml({
      title: 't',
      kitVersion: '0',
      startedAt: new Date(0),
      finishedAt: new Date(0),
      parameters: {},
      policy: {},
      inputs: [],
      notebooks: [{ run, title: '06-overtime', links: [] }],
    } as never);
    assert.match(html, /not applicable \(needs overtime, sickness\)/);
    assert.doesNotMatch(html, /FAILED|notebooks? failed/);
  });
});
