// wbk map on real exports it was not written for: the draft must load with few or no rejects, and each
// guess must be right where the answer is known (the hand-written mappings in examples/mappings, and
// counts taken with Python's csv module from the same files, quoted below).
import assert from 'node:assert/strict';
import { loadDataset, type Dataset } from '../../../src/io/load-dataset.js';
import { draftMapping } from '../../../src/io/mapping/draft.js';
import { describeRealData } from '../../helpers/real-data.js';

type Source = Record<string, Record<string, unknown> | string>;
const count = (data: Dataset, column: string, value: unknown) =>
  (data.tables.people.array(column) as unknown[]).filter((v) => v === value).length;

async function draftAndLoad(dir: string): Promise<{ sources: Source[]; data: Dataset }> {
  const { mapping } = await draftMapping(dir, { today: '2025-01-01' });
  const data = await loadDataset(dir, { mapping: mapping as never, asOf: '2025-03-31' });
  return { sources: mapping.sources as Source[], data };
}

describeRealData('wbk map on the Huebner HR roster', 'huebner-hr-dataset', (dir) => {
  let sources: Source[];
  let data: Dataset;
  before(async () => ({ sources, data } = await draftAndLoad(dir)));

  it('loads every row of the draft, none rejected', () => {
    assert.deepEqual(
      data.files.map((f) => [f.file, f.rows_read, f.rows_rejected]),
      [
        ['HRDataset_v14.csv', 311, 0],
        ['mapping:hierarchy', 6, 0],
      ],
    );
  });

  it('guesses ids, US dates, sex and leavers as the hand mapping has them', () => {
    const [people] = sources;
    const rename = people.rename as Record<string, string>;
    assert.equal(rename.EmpID, 'person_id');
    assert.equal(rename.DateofHire, 'start_date');
    assert.equal(rename.DateofTermination, 'end_date');
    assert.equal(people.date_format, 'mm/dd/yyyy');
    // Python csv: Sex "F" 176, "M " 135; EmploymentStatus Active 207, Voluntarily Terminated 88,
    // Terminated for Cause 16 (the hand mapping splits the 88 into 84 resignations and 4 retirements
    // by TermReason, which a draft cannot know).
    assert.deepEqual([count(data, 'sex', 'female'), count(data, 'sex', 'male')], [176, 135]);
    assert.deepEqual(
      [
        count(data, 'leaver_type', null),
        count(data, 'leaver_type', 'voluntary_resignation'),
        count(data, 'leaver_type', 'dismissal'),
      ],
      [207, 88, 16],
    );
    // Department: DeptID is its code (two rows pair them differently: the review says so).
    assert.deepEqual(people.hierarchy, {
      levels: [{ level: 'department', id: 'DeptID', name: 'Department', unique: true }],
    });
    assert.match(
      (people.review as Record<string, string>).hierarchy,
      /2 row\(s\) pair them differently/,
    );
  });
});

describeRealData('wbk map on IBM HR attrition', 'ibm-hr-attrition', (dir) => {
  let sources: Source[];
  let data: Dataset;
  before(async () => ({ sources, data } = await draftAndLoad(dir)));

  it('loads all 1,470 employees with ids, sex and departments right', () => {
    assert.deepEqual(
      data.files.map((f) => [f.file, f.rows_read, f.rows_rejected]),
      [
        ['WA_Fn-UseC_-HR-Employee-Attrition.csv', 1470, 0],
        ['mapping:hierarchy', 3, 0],
      ],
    );
    const [people] = sources;
    assert.equal((people.rename as Record<string, string>).EmployeeNumber, 'person_id');
    // Python csv: Gender Male 882, Female 588; Department R&D 961, Sales 446, Human Resources 63.
    assert.deepEqual([count(data, 'sex', 'male'), count(data, 'sex', 'female')], [882, 588]);
    assert.equal(count(data, 'unit_id', 'department:Sales'), 446);
    // No start date in the export: approximated from YearsAtCompany, and the review says so.
    assert.match(
      (people.review as Record<string, string>)['derive.start_date'],
      /YearsAtCompany whole years before 2025-01-01/,
    );
  });
});

describeRealData('wbk map on NHS sickness absence', 'nhs-sickness-absence', (dir) => {
  let sources: Source[];
  let data: Dataset;
  before(async () => ({ sources, data } = await draftAndLoad(dir)));

  it('reads the twelve monthly files as one source and loads every row', () => {
    assert.equal(sources.length, 1);
    assert.equal(sources[0].files, 'nhs_sickness_absence_*.csv');
    const files = data.files.filter((f) => f.table === 'unit_indicators');
    assert.equal(files.length, 12);
    assert.equal(
      files.reduce((n, f) => n + f.rows_loaded, 0),
      3394, // 285 × 6 + 283 + 281 + 280 × 4 (SOURCE.md)
    );
    assert.equal(data.rejects.numRows(), 0);
  });

  it('matches the columns as the hand mapping does, with day-first dates and months from file names', () => {
    const [s] = sources;
    assert.deepEqual(s.rename, {
      DATE: 'period_end',
      FTE_DAYS_LOST: 'numerator',
      FTE_DAYS_AVAILABLE: 'denominator',
      SICKNESS_ABSENCE_RATE_PERCENT: 'value',
    });
    assert.equal(s.date_format, 'dd/mm/yyyy');
    assert.deepEqual((s.derive as Record<string, unknown>).period_start, {
      from_file_name: '(\\d{4}-\\d{2})',
      as: 'month_start',
    });
    // Units: region > ICS > organisation from the code and name columns; Python csv over the twelve
    // files: 8 regions, 43 ICS codes, 286 organisations (and the one top unit the kit adds above
    // several regions).
    const levels = (data.tables.units.array('level') as string[])
      .slice(1)
      .reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
    assert.deepEqual(
      [...levels],
      [
        ['nhse_region', 8],
        ['ics', 43],
        ['org', 286],
      ],
    );
  });
});
