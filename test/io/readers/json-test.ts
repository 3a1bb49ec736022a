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
});
