import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseJsonAs } from '../../src/shared/json.js';

const schema = z.strictObject({ a: z.number(), b: z.string().default('x') });
const names = { where: 'x.json', what: 'a valid x', help: 'See docs/x.md.' };

describe('parseJsonAs', () => {
  it('parses JSON text and fills in defaults', () => {
    assert.deepEqual(parseJsonAs('{"a": 1}', schema, names), { a: 1, b: 'x' });
  });
  it('takes an already parsed value', () => {
    assert.deepEqual(parseJsonAs({ a: 2, b: 'y' }, schema, names), { a: 2, b: 'y' });
  });
  it('says where the JSON does not parse', () => {
    assert.throws(
      () => parseJsonAs('{"a": ', schema, names),
      /^Error: x\.json: not valid JSON \(.*\)\. Fix the syntax and retry\.$/,
    );
  });
  it('lists every problem with its path, then where the format is documented', () => {
    assert.throws(
      () => parseJsonAs({ a: 'one', c: 1 }, schema, names),
      (error: Error) =>
        error.message.startsWith('x.json is not a valid x:\n') &&
        /→ at a/.test(error.message) &&
        /"c"/.test(error.message) &&
        error.message.endsWith('\nSee docs/x.md.'),
    );
  });
});
