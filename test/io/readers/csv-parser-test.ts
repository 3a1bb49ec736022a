import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvParser, type CsvParserOptions } from '../../../src/io/readers/csv-parser.js';
import type { RawRecord } from '../../../src/io/readers/index.js';

function parseChunks(
  chunks: string[],
  delimiter = ',',
  options: CsvParserOptions = {},
): RawRecord[] {
  const parser = new CsvParser(delimiter, options);
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
  it('rejects the line of a quote left open at the end of the file and reads the lines after it', () => {
    // Line 2 opens a quote that never closes: before, every later line vanished into it.
    const out = parseChunks(['a,b\n1,"open\n', '2,3\n']);
    assert.deepEqual(out[0], { line: 1, values: ['a', 'b'] });
    assert.deepEqual(
      out.map((r) => [r.line, r.rule ?? 'ok', r.values]),
      [
        [1, 'ok', ['a', 'b']],
        [2, 'unclosed_quote', []],
        [3, 'ok', ['2', '3']],
      ],
    );
    assert.equal(
      out[1].error,
      'CSV syntax error: a quoted field (field 2) opened on line 2 is not closed before the end of the file, so it is probably an unbalanced quote; line 2 was rejected and reading went on at line 3. Close the quote, or double a quote that is part of the text (""), then export again',
    );
    assert.equal(out[1].field, 1);
  });
  it('with a header, rejects only the line of a stray quote that a later quote would close', () => {
    // By hand: the quote before "Bob" would run to the quote before "Di" (line 5), giving a record
    // of 4 fields with text after a closing quote; instead line 3 alone is rejected and 4–6 read.
    const text = 'id,name,unit\n1,Ann,T1\n2,"Bob,T1\n3,Cy,T2\n4,"Di, Jr",T2\n5,Ed,T1\n';
    for (const chunks of [[text], text.match(/.{1,5}/gs)!]) {
      const out = parseChunks(chunks, ',', { header: true });
      assert.deepEqual(
        out.map((r) => [r.line, r.rule ?? 'ok', r.values]),
        [
          [1, 'ok', ['id', 'name', 'unit']],
          [2, 'ok', ['1', 'Ann', 'T1']],
          [3, 'unclosed_quote', []],
          [4, 'ok', ['3', 'Cy', 'T2']],
          [5, 'ok', ['4', 'Di, Jr', 'T2']],
          [6, 'ok', ['5', 'Ed', 'T1']],
        ],
      );
    }
  });
  it('with a header, keeps a quoted multi-line field whose record fits the header', () => {
    const out = parseChunks(['id,note\n1,"two\nlines"\n2,x\n'], ',', { header: true });
    assert.deepEqual(
      out.map((r) => [r.line, r.values]),
      [
        [1, ['id', 'note']],
        [2, ['1', 'two\nlines']],
        [4, ['2', 'x']],
      ],
    );
  });
  it('rejects a quoted field past the line limit and parses every line after its opening line', () => {
    // maxQuotedLines 3: the field opened on line 2 holds 4 line breaks; lines 3–7 are read one by one.
    const out = parseChunks(['a,b\n1,"x\ny\nz\nw\nv"\n2,3\n'], ',', { maxQuotedLines: 3 });
    assert.deepEqual(
      out.map((r) => [r.line, r.rule ?? 'ok', r.values]),
      [
        [1, 'ok', ['a', 'b']],
        [2, 'unclosed_quote', []],
        [3, 'ok', ['y']],
        [4, 'ok', ['z']],
        [5, 'ok', ['w']],
        [6, 'ok', ['v"']],
        [7, 'ok', ['2', '3']],
      ],
    );
    assert.match(out[1].error!, /is still open after 3 lines/);
  });
  it('rejects a line over the size limit and goes on at the next line, however it is cut', () => {
    const text = `a,b\r\n1,2\r\n${'x'.repeat(25)}\r\n3,"4"\r\n"${'y'.repeat(30)}"\r\n5,6\r\n`;
    for (const size of [1, 4, 7, 1000]) {
      const chunks = text.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      const out = parseChunks(chunks, ',', { maxRecordChars: 10 });
      assert.deepEqual(
        out.map((r) => [r.line, r.rule ?? 'ok', r.values]),
        [
          [1, 'ok', ['a', 'b']],
          [2, 'ok', ['1', '2']],
          [3, 'record_too_long', []],
          [4, 'ok', ['3', '4']],
          [5, 'record_too_long', []],
          [6, 'ok', ['5', '6']],
        ],
        `chunks of ${size}`,
      );
    }
  });
  it('skips a 560 MiB line without a V8 "Invalid string length" crash', () => {
    // V8 strings stop at 2^29 − 24 characters (≈ 512 Mi): holding this line whole would throw.
    const parser = new CsvParser(',');
    const out = parser.push('a,b\n');
    const mib = 'z'.repeat(1 << 20);
    for (let i = 0; i < 560; i++) out.push(...parser.push(mib));
    out.push(...parser.push('\n1,2\n'), ...parser.end());
    assert.deepEqual(
      out.map((r) => [r.line, r.rule ?? 'ok']),
      [
        [1, 'ok'],
        [2, 'record_too_long'],
        [3, 'ok'],
      ],
    );
  });
  it('reads a long line arriving in many small chunks without scanning it again per chunk', () => {
    // 16 MiB in 4 KiB chunks: scanning the line again per chunk would read ≈ 32 GB (minutes); once, ms.
    const parser = new CsvParser(',', { maxRecordChars: 1 << 25 });
    const chunk = 'q'.repeat(4096);
    const started = Date.now();
    const out = parser.push('a,b\n1,');
    for (let i = 0; i < 4096; i++) out.push(...parser.push(chunk));
    out.push(...parser.push('\n'), ...parser.end());
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(out.length, 2);
    assert.equal((out[1].values[1] as string).length, 1 << 24);
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
  it('with a header, gives the same records for well-quoted rows of the header width', () => {
    const field = fc.stringMatching(/^[ab,;"\n\r ]{0,6}$/);
    const rows = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(rows, fc.array(fc.nat(), { maxLength: 6 }), (body, cuts) => {
        const all = [['h1', 'h2', 'h3'], ...body];
        const quote = (v: string) => (/[,"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const text = all.map((r) => r.map(quote).join(',')).join('\n') + '\n';
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i, at) => text.slice(p, at[i + 1] ?? text.length));
        const out = parseChunks(chunks, ',', { header: true });
        assert.deepEqual(
          out.map((r) => r.values),
          all,
        );
      }),
      { numRuns: 1000 },
    );
  });
});
