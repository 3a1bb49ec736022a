import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvParser } from '../../../src/io/readers/csv-parser.js';
import type { RawRecord } from '../../../src/io/readers/index.js';

function parseChunks(chunks: string[], delimiter = ','): RawRecord[] {
  const parser = new CsvParser(delimiter);
  const out: RawRecord[] = [];
  for (const chunk of chunks) out.push(...parser.push(chunk));
  out.push(...parser.end());
  return out;
}

describe('CsvParser', () => {
  it('splits plain lines and counts physical lines, skipping empty ones', () => {
    // Lines: 1 "a,b"; 2 empty; 3 "1,2" (CRLF); 4 "3,4" (lone CR); 5 "5," with no final newline.
    assert.deepEqual(parseChunks(['a,b\n\n1,2\r\n3,4\r5,']), [
      { line: 1, values: ['a', 'b'] },
      { line: 3, values: ['1', '2'] },
      { line: 4, values: ['3', '4'] },
      { line: 5, values: ['5', ''] },
    ]);
  });
  it('keeps delimiters, doubled quotes and line breaks inside quotes', () => {
    assert.deepEqual(parseChunks(['x,"a,""b""\r\nc",y\nz,1,2\n']), [
      { line: 1, values: ['x', 'a,"b"\r\nc', 'y'] },
      { line: 3, values: ['z', '1', '2'] },
    ]);
  });
  it('keeps a quote inside an unquoted field, and text after a closing quote, as written', () => {
    assert.deepEqual(parseChunks(['5" pipe,"a"b\n']), [{ line: 1, values: ['5" pipe', 'ab'] }]);
  });
  it('gives one error record, at the line the record starts, for a quote left open', () => {
    const out = parseChunks(['a,b\n1,"open\n', '2,3\n']);
    assert.deepEqual(out[0], { line: 1, values: ['a', 'b'] });
    assert.equal(out.length, 2);
    assert.equal(out[1].line, 2);
    assert.equal(
      out[1].error,
      'CSV syntax error: a quoted field opened on line 2 is not closed: its closing quote is missing before the end of the file',
    );
  });
  it('rejects a delimiter that is a quote', () => {
    assert.throws(
      () => new CsvParser('"'),
      /CsvParser: the delimiter must be one character other than a quote or line break, got "\\""/,
    );
  });
  it('gives the same records however the text is cut into chunks', () => {
    const field = fc.stringMatching(/^[ab,;"\n\r ]{0,6}$/);
    const records = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        records,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, crlf, cuts) => {
          const eol = crlf ? '\r\n' : '\n';
          const quote = (v: string, only: boolean) =>
            /[,"\n\r]/.test(v) || (only && v === '') || /^\s*$/.test(v)
              ? `"${v.replace(/"/g, '""')}"`
              : v;
          const lines = rows.map((r) => r.map((v) => quote(v, r.length === 1)).join(','));
          const text = lines.join(eol) + eol;
          // Expected start lines: each record's breaks inside quotes (CRLF, LF and lone CR count once).
          const breaks = (v: string) => (v.match(/\r\n|\n|\r/g) ?? []).length;
          const starts: number[] = [];
          let line = 1;
          for (const r of rows) {
            starts.push(line);
            line += 1 + r.reduce((sum, v) => sum + breaks(v), 0);
          }
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((p, i, all) =>
            text.slice(p, all[i + 1] ?? text.length),
          );
          const out = parseChunks(chunks);
          assert.deepEqual(
            out.map((r) => r.values),
            rows,
          );
          assert.deepEqual(
            out.map((r) => r.line),
            starts,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
