import assert from 'node:assert/strict';
import { CellProblem, makeCellParser } from '../../src/schema/parse-cell.js';
import { EXIT_INTERVIEWS, OVERTIME, PEOPLE, SICKNESS } from '../../src/schema/tables.js';
import { WORKER_TYPES } from '../../src/schema/vocabularies.js';

function problem(result: unknown): CellProblem {
  assert.ok(result instanceof CellProblem, `expected a problem, got ${JSON.stringify(result)}`);
  return result;
}

describe('makeCellParser', () => {
  const personId = makeCellParser('person_id', PEOPLE.columns.person_id);
  const fte = makeCellParser('fte', PEOPLE.columns.fte);
  const start = makeCellParser('start_date', PEOPLE.columns.start_date, {
    dateFormat: 'dd/mm/yyyy',
  });

  it('keeps identifiers as text with their leading zeros', () => {
    assert.equal(personId(' 000123 '), '000123');
  });
  it('reads an empty optional cell as null', () => {
    assert.equal(fte(''), null);
    assert.equal(fte(undefined), null);
  });
  it('rejects an empty required cell, saying how to fill it', () => {
    const p = problem(personId('  '));
    assert.equal(p.rule, 'required');
    assert.equal(
      p.message,
      'person_id is required but empty. Fill it in the source, or map the column that holds it (or a constant) in the mapping file.',
    );
  });
  it('reads numbers, and decimal commas when asked', () => {
    assert.equal(fte('0.8'), 0.8);
    assert.equal(makeCellParser('fte', PEOPLE.columns.fte, { decimal: ',' })('0,8'), 0.8);
  });
  it('rejects text that is not a number', () => {
    const p = problem(fte('0,8'));
    assert.equal(p.rule, 'type');
    assert.equal(
      p.message,
      'fte must be a number, got "0,8". Correct the value (use . for decimals; set "decimal": "," in the mapping for 0,5), or leave it empty if unknown.',
    );
  });
  it('rejects a fraction in a whole-number column', () => {
    const p = problem(makeCellParser('birth_year', PEOPLE.columns.birth_year)('1985.5'));
    assert.equal(p.message, 'birth_year must be a whole number, got "1985.5". Correct the value.');
  });
  it('rejects fte outside (0, 1.5]', () => {
    assert.equal(fte('1.5'), 1.5);
    const p = problem(fte('0'));
    assert.equal(p.rule, 'out_of_range');
    assert.equal(
      p.message,
      'fte 0 is outside the allowed range (0, 1.5]. Correct the value in the source, or leave it empty if unknown.',
    );
    assert.equal(problem(fte('1.51')).rule, 'out_of_range');
  });
  it('rejects overtime hours outside (0, 24]', () => {
    const hours = makeCellParser('hours', OVERTIME.columns.hours);
    assert.equal(hours('24'), 24);
    assert.equal(problem(hours('-3')).rule, 'out_of_range');
    assert.equal(problem(hours('24.5')).rule, 'out_of_range');
  });
  it('reads dates in the given format and ISO, as epoch days', () => {
    assert.equal(start('01/04/2024'), 19814); // see test/time/dates-test.ts
    assert.equal(start('2024-04-01'), 19814);
  });
  it('rejects an impossible date with the format to use', () => {
    const p = problem(start('31/02/2023'));
    assert.equal(p.rule, 'invalid_date');
    assert.equal(
      p.message,
      'start_date: "31/02/2023" is not a real date: February 2023 has 28 days. Correct the date in the source (expected dd/mm/yyyy or yyyy-mm-dd), or set "date_formats" for this column in the mapping file.',
    );
  });
  it('takes spreadsheet dates by their UTC calendar day', () => {
    assert.equal(start(new Date(Date.UTC(2024, 3, 1))), 19814);
  });
  it('rejects a value outside an enum, listing the allowed ones', () => {
    const worker = makeCellParser('worker_type', PEOPLE.columns.worker_type, {
      allowed: WORKER_TYPES,
    });
    assert.equal(worker('staff'), 'staff');
    const p = problem(worker('Constable'));
    assert.equal(p.rule, 'allowed_values');
    assert.equal(
      p.message,
      'worker_type "Constable" is not an allowed value. Allowed: officer, staff, pcso, special, volunteer. Map it to one of these with "values" in the mapping file, or correct the source.',
    );
  });
  it('splits lists on ";" and checks each item', () => {
    const reasons = makeCellParser('other_reasons', EXIT_INTERVIEWS.columns.other_reasons, {
      allowed: ['workload', 'health'],
    });
    assert.deepEqual(reasons('workload; health'), ['workload', 'health']);
    assert.equal(reasons(' ; '), null);
    assert.equal(
      problem(reasons('workload;pay')).message.startsWith(
        'other_reasons item "pay" is not an allowed value.',
      ),
      true,
    );
  });
  it('reads true and false, and names how to map other spellings', () => {
    const flag = makeCellParser('work_related', SICKNESS.columns.work_related);
    assert.equal(flag('TRUE'), true);
    assert.equal(flag(false), false);
    assert.equal(
      problem(flag('Y')).message,
      'work_related must be true or false, got "Y". Map other spellings (Y/N, yes/no) with "values" in the mapping file.',
    );
  });
  it('reads times as HH:MM and rejects others', () => {
    const time = makeCellParser('start_time', OVERTIME.columns.start_time);
    assert.equal(time('7:05'), '07:05');
    assert.equal(
      problem(time('25:00')).message,
      'start_time must be a time written HH:MM (24-hour clock), got "25:00". Correct it or leave it empty.',
    );
  });
});
