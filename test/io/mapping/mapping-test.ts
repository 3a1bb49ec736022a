import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultMapping,
  parseMapping,
  readMapping,
  readMappingText,
} from '../../../src/io/mapping/mapping.js';
import { TABLE_NAMES } from '../../../src/schema/tables.js';

describe('parseMapping', () => {
  it('fills defaults: dd/mm/yyyy dates, "." decimals, no pseudonymisation', () => {
    const mapping = parseMapping({ sources: [{ files: 'staff*.csv', table: 'people' }] });
    assert.equal(mapping.date_format, 'dd/mm/yyyy');
    assert.equal(mapping.decimal, '.');
    assert.equal(mapping.pseudonymise, false);
    assert.deepEqual(mapping.sources[0].rename, {});
  });
  it('rejects an unknown table, listing the tables', () => {
    assert.throws(
      () => parseMapping({ sources: [{ files: 'x.csv', table: 'staff' }] }, 'my.json'),
      (error: Error) =>
        error.message.startsWith('my.json is not a valid mapping:') &&
        error.message.includes('must be one of units, people, postings') &&
        error.message.includes('sources[0].table') &&
        error.message.endsWith('See docs/mappings.md for the format.'),
    );
  });
  it('rejects a rename to a column the table lacks', () => {
    assert.throws(
      () =>
        parseMapping({
          sources: [{ files: 'x.csv', table: 'overtime', rename: { Hrs: 'overtime_hours' } }],
        }),
      /"overtime_hours" is not a column of overtime\. Columns: person_id, date, hours/,
    );
  });
  it('rejects unknown keys, so typos do not pass silently', () => {
    assert.throws(
      () => parseMapping({ sources: [{ files: 'x.csv', table: 'people', renames: {} }] }),
      /renames/,
    );
  });
  it('rejects text that is not JSON', () => {
    assert.throws(
      () => parseMapping('{ sources: ', 'm.json'),
      /^Error: m\.json: not valid JSON \(.*\)\. Fix the syntax and retry\.$/,
    );
  });
});

describe('readMapping', () => {
  it('reads and validates a file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wbk-map-')), 'm.json');
    writeFileSync(path, JSON.stringify({ sources: [{ files: '*.csv', table: 'units' }] }));
    assert.equal((await readMapping(path)).sources[0].table, 'units');
  });
  it('names a file it cannot read', async () => {
    await assert.rejects(
      readMapping('/nonexistent/m.json'),
      /cannot read mapping file \/nonexistent\/m\.json: .*Check the path\./,
    );
  });
});

describe('readMappingText', () => {
  it('reads the text of a mapping file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wbk-map-')), 'm.json');
    writeFileSync(path, '{"snapshot": {}}');
    assert.equal(await readMappingText(path), '{"snapshot": {}}');
  });
  it('says which file cannot be read', async () => {
    await assert.rejects(
      readMappingText('/nonexistent/m.json'),
      /^Error: cannot read mapping file \/nonexistent\/m\.json: .*Check the path\.$/,
    );
  });
});

describe('defaultMapping', () => {
  it('maps <table>.csv to each table with ISO dates', () => {
    const mapping = defaultMapping();
    assert.equal(mapping.date_format, 'iso');
    assert.deepEqual(
      mapping.sources.map((s) => s.table),
      TABLE_NAMES,
    ); // one per canonical table, person_measures included
    assert.equal(mapping.sources[9].files, 'person_measures.{csv,tsv,xlsx,json,ndjson,jsonl}');
    assert.equal(mapping.sources[1].files, 'people.{csv,tsv,xlsx,json,ndjson,jsonl}');
  });
});

describe('docs/mappings.md', () => {
  it('holds an example mapping that validates', () => {
    const doc = readFileSync(new URL('../../../docs/mappings.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(json !== undefined, 'no ```json block in docs/mappings.md');
    const mapping = parseMapping(json, 'docs/mappings.md');
    assert.deepEqual(
      mapping.sources.map((s) => s.table),
      ['people', 'overtime', 'exit_interviews'],
    );
  });
});
