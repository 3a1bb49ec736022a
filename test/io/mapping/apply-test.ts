import assert from 'node:assert/strict';
import { planColumns } from '../../../src/io/mapping/apply.js';
import { parseMapping } from '../../../src/io/mapping/mapping.js';

function plan(source: object, header: string[], pseudonymise?: (id: string) => string) {
  const mapping = parseMapping({
    missing_values: ['NULL'],
    sources: [{ files: 'x.csv', ...source }],
  });
  return planColumns(header, mapping.sources[0], mapping, pseudonymise, 'x.csv');
}

function apply(p: ReturnType<typeof planColumns>, values: unknown[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p.getters).map(([name, get]) => [name, get(values)]));
}

describe('planColumns', () => {
  it('renames, maps values, sets constants and treats missing markers as empty', () => {
    const p = plan(
      {
        table: 'people',
        rename: { 'Staff No': 'person_id', 'Leaving Reason': 'leaver_type', Left: 'end_date' },
        values: { leaver_type: { Resigned: 'voluntary_resignation', '*': 'other' } },
        constants: { worker_type: 'staff' },
        drop: ['Name'],
      },
      ['Staff No', 'Name', 'Leaving Reason', 'Left', 'start_date', 'Shoe size'],
    );
    const row = apply(p, ['007', 'A. Person', 'Resigned', 'NULL', '01/02/2020', '9']);
    assert.equal(row.person_id, '007');
    assert.equal(row.leaver_type, 'voluntary_resignation');
    assert.equal(row.worker_type, 'staff');
    assert.equal(row.end_date, null);
    assert.equal(row.start_date, '01/02/2020');
    assert.equal(apply(p, ['8', '', 'Moved abroad', '', '', ''])['leaver_type'], 'other');
    assert.deepEqual(p.unused, ['Shoe size']);
    assert.ok(p.absent.includes('sex') && !p.absent.includes('worker_type'));
  });
  it('derives columns: copy, concat, first_of, year_minus, divide, list_of', () => {
    const p = plan(
      {
        table: 'exit_interviews',
        derive: {
          person_id: { concat: ['Force', 'Id'], separator: '-' },
          interview_date: { first_of: ['Survey date', 'Leave date'] },
          primary_reason: { copy: 'Main' },
          other_reasons: { list_of: { 'Q Pay': 'pay_and_benefits', 'Q Load': 'workload' } },
          would_recommend: { divide: 'Score10', by: 2 },
        },
      },
      ['Force', 'Id', 'Survey date', 'Leave date', 'Main', 'Q Pay', 'Q Load', 'Score10'],
    );
    const row = apply(p, ['K', '12', '', '2024-01-02', 'workload', 'Yes', 'No', '8']);
    assert.deepEqual(
      [
        row.person_id,
        row.interview_date,
        row.primary_reason,
        row.other_reasons,
        row.would_recommend,
      ],
      ['K-12', '2024-01-02', 'workload', 'pay_and_benefits', 4],
    );
    const age = plan(
      { table: 'people', derive: { birth_year: { year_minus: 'Age', year: 2020 } } },
      ['Age'],
    );
    assert.equal(apply(age, ['35']).birth_year, 1985); // 2020 − 35
    assert.equal(apply(age, ['n/a']).birth_year, 'n/a'); // passed on for validation to reject
  });
  it('pseudonymises person_id after the value map', () => {
    const p = plan({ table: 'overtime' }, ['person_id'], (id) => `p(${id})`);
    assert.equal(apply(p, [' 01 ']).person_id, 'p(01)');
    assert.equal(apply(p, ['']).person_id, '');
  });
  it('names a source column the file lacks', () => {
    assert.throws(
      () => plan({ table: 'overtime', rename: { Hrs: 'hours' } }, ['person_id', 'Hours']),
      /x\.csv: rename names column "Hrs", which the file does not have\. Columns: person_id, Hours\. Correct the mapping\./,
    );
  });
  it('rejects a header that repeats a column name', () => {
    assert.throws(
      () => plan({ table: 'overtime' }, ['person_id', 'hours', 'hours']),
      /x\.csv: the header names column "hours" twice \(columns 2 and 3\)\. Rename one in the file\./,
    );
  });
});
