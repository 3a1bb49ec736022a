import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectDelimiter, readCsv } from '../../../src/io/readers/csv.js';
import { duckdbCount } from '../duckdb-count.js';

const dir = mkdtempSync(join(tmpdir(), 'wbk-csv-'));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function all(path: string, options = {}) {
  const { header, records, details } = await readCsv(path, options);
  const rows = [];
  for await (const record of records) rows.push(record);
  return { header, rows, details };
}

describe('detectDelimiter', () => {
  it('picks the commonest of comma, semicolon and tab outside quotes in the first line', () => {
    assert.equal(detectDelimiter('a;b;c\n1;2;3'), ';');
    assert.equal(detectDelimiter('a\tb\tc'), '\t');
    assert.equal(detectDelimiter('"x;y;z",b\n'), ',');
    assert.equal(detectDelimiter('single'), ',');
  });
});

describe('readCsv', () => {
  it('reads semicolon and tab files without being told', async () => {
    const semi = await all(file('semi.csv', 'a;b\n1;2,5\n'));
    assert.deepEqual(semi.header, ['a', 'b']);
    assert.deepEqual(semi.rows[0].values, ['1', '2,5']);
    assert.equal(semi.details.delimiter, ';');
    const tab = await all(file('tab.csv', 'a\tb\n1\t2\n'));
    assert.deepEqual(tab.rows[0].values, ['1', '2']);
  });
  it('gives the physical line each record starts on, across quoted line breaks and blank lines', async () => {
    // Line 1 header; line 2 record; lines 3–5 one record with two embedded breaks; line 6 blank; line 7 record.
    const { rows } = await all(
      file('lines.csv', 'id,note\r\n1,a\r\n2,"x\r\ny\r\nz"\r\n\r\n3,c\r\n'),
    );
    assert.deepEqual(
      rows.map((r) => [r.line, r.values[0]]),
      [
        [2, '1'],
        [3, '2'],
        [7, '3'],
      ],
    );
    assert.equal(rows[1].values[1], 'x\r\ny\r\nz');
  });
  it('strips a UTF-8 byte-order mark from the first column name', async () => {
    const { header, details } = await all(
      file(
        'bom.csv',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('person_id,x\n1,é\n')]),
      ),
    );
    assert.equal(header[0], 'person_id');
    assert.equal(details.encoding, 'utf-8');
  });
  it('reads Windows-1252 text', async () => {
    // "café" with é as the single byte 0xE9, and € as 0x80.
    const bytes = Buffer.concat([
      Buffer.from('name,price\ncaf'),
      Buffer.from([0xe9]),
      Buffer.from(','),
      Buffer.from([0x80]),
      Buffer.from('5\n'),
    ]);
    const { rows, details } = await all(file('cp1252.csv', bytes));
    assert.equal(details.encoding, 'windows-1252');
    assert.deepEqual(rows[0].values, ['café', '€5']);
  });
  it('reads UTF-16 LE and BE files with a byte-order mark', async () => {
    // Excel's "Unicode text" export: UTF-16 LE with BOM, tab-separated.
    const text = 'name\tunit\nJosé\tNörth\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16(); // the same text with each 16-bit unit's bytes swapped
    for (const [name, bytes, encoding] of [
      ['le.csv', le, 'utf-16le'],
      ['be.csv', be, 'utf-16be'],
    ] as const) {
      const { header, rows, details } = await all(file(name, bytes));
      assert.equal(details.encoding, encoding);
      assert.equal(details.delimiter, '\t');
      assert.deepEqual(header, ['name', 'unit']);
      assert.deepEqual(rows, [{ line: 2, values: ['José', 'Nörth'] }]);
    }
  });
  it('gives an error record for the line of an unclosed quote and reads the lines after it', async () => {
    const { rows } = await all(file('unclosed.csv', 'a,b\n1,2\n3,"open\n4,5\n'));
    assert.deepEqual(rows[0], { line: 2, values: ['1', '2'] });
    assert.equal(rows[1].line, 3);
    assert.equal(rows[1].rule, 'unclosed_quote');
    assert.match(rows[1].error ?? '', /^CSV syntax error: .*quote/);
    assert.deepEqual(rows[2], { line: 4, values: ['4', '5'] });
  });
  it('throws for an empty file', async () => {
    await assert.rejects(
      readCsv(file('empty.csv', '')),
      /empty\.csv: no header line found \(the file is empty\)\. The first line must name the columns\./,
    );
  });
  it('keeps records whole when a quoted multi-line field crosses 64 KiB chunks, counting as DuckDB does', async () => {
    // 300 records; every 50th holds a 70 KiB quoted note with line breaks, commas and doubled quotes.
    const big = Array.from({ length: 1000 }, (_, i) => `line ${i}, with "quotes"`).join('\n'); // ≈ 25 KiB
    const lines = ['id,note,n'];
    const expectedStart: number[] = [];
    let line = 2;
    for (let i = 0; i < 300; i++) {
      const note = i % 50 === 7 ? `${big}\n${big}\n${big}` : `short ${i}`;
      expectedStart.push(line);
      lines.push(`${i},"${note.replace(/"/g, '""')}",${i * 2}`);
      line += note.split('\n').length;
    }
    const path = file('big.csv', lines.join('\n') + '\n');
    const { rows } = await all(path);
    assert.equal(rows.length, await duckdbCount(path));
    assert.equal(rows.length, 300);
    assert.deepEqual(
      rows.map((r) => r.line),
      expectedStart,
    );
    assert.equal(rows[57].values[1], `${big}\n${big}\n${big}`);
    assert.deepEqual(
      rows.map((r) => r.values[2]),
      rows.map((_, i) => String(i * 2)),
    );
  });
});
