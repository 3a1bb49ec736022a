import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJson, readNdjson } from '../../../src/io/readers/json.js';
import type { RecordSource } from '../../../src/io/readers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wbk-json-'));

async function rows(source: RecordSource) {
  const out = [];
  for await (const record of source.records) out.push(record);
  return out;
}

describe('readJson', () => {
  it('takes every key of an array of objects as the header', async () => {
    const path = join(dir, 'a.json');
    writeFileSync(
      path,
      JSON.stringify([
        { id: '01', hours: 3 },
        { id: '02', end: '2024-01-01' },
      ]),
    );
    const source = await readJson(path);
    assert.deepEqual(source.header, ['id', 'hours', 'end']);
    assert.deepEqual(await rows(source), [
      { line: 1, values: ['01', 3, null] },
      { line: 2, values: ['02', null, '2024-01-01'] },
    ]);
  });
  it('rejects JSON that is not an array', async () => {
    const path = join(dir, 'b.json');
    writeFileSync(path, '{"id": 1}');
    await assert.rejects(
      readJson(path),
      /b\.json: expected a JSON array of objects, one per row; found object\./,
    );
  });
  it('refuses a JSON file over the size limit, pointing to NDJSON', async () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, JSON.stringify([{ id: '01' }, { id: '02' }])); // 25 bytes
    await assert.rejects(
      readJson(path, { maxBytes: 24 }),
      /big\.json: a JSON file of 25 bytes is too large to read whole \(limit 24\)\. Export NDJSON instead \(one object per line, \.ndjson or \.jsonl\), which is read as a stream, or CSV\./,
    );
    assert.equal((await readJson(path, { maxBytes: 25 })).header[0], 'id');
  });
});

describe('readNdjson', () => {
  it('streams one object per line, with blank lines skipped and bad lines as errors', async () => {
    const path = join(dir, 'c.ndjson');
    writeFileSync(path, '{"id":"01"}\n\n{"id":"02","x":true}\n{oops\n');
    const source = await readNdjson(path);
    assert.deepEqual(source.header, ['id', 'x']);
    const out = await rows(source);
    assert.deepEqual(out.slice(0, 2), [
      { line: 1, values: ['01', null] },
      { line: 3, values: ['02', true] },
    ]);
    assert.equal(out[2].line, 4);
    assert.match(out[2].error ?? '', /^not valid JSON: /);
  });
  it('rejects a line over 1 MiB without holding it, and reads the next (CRLF and BOM too)', async () => {
    const path = join(dir, 'd.ndjson');
    const huge = `{"id":"${'9'.repeat(3 << 20)}"}`; // 3 MiB on line 2
    writeFileSync(path, `\uFEFF{"id":"01"}\r\n${huge}\r\n{"id":"03"}\r\n`);
    const out = await rows(await readNdjson(path));
    assert.deepEqual(
      out.map((r) => [r.line, r.rule ?? 'ok', r.values]),
      [
        [1, 'ok', ['01']],
        [2, 'record_too_long', []],
        [3, 'ok', ['03']],
      ],
    );
  });
});
