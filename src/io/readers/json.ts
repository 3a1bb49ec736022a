// Read JSON (an array of objects) and NDJSON (one object per line) into header + records.
// NDJSON is streamed (two passes: the keys, then the rows); a JSON array is parsed whole, so prefer
// NDJSON or CSV for large extracts.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { RawRecord, RecordSource } from './record-source.js';

/**
 * Header (every key, in order of first appearance) and records of a JSON file holding an array of
 * objects; each record's `line` is its element number (1 = first).
 * @example const { header } = await readJson('people.json')
 */
export async function readJson(path: string): Promise<RecordSource> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(
      `${path}: not valid JSON (${(error as Error).message}). Check the file, or export NDJSON.`,
    );
  }
  if (!Array.isArray(data)) {
    throw new Error(
      `${path}: expected a JSON array of objects, one per row; found ${typeof data}.`,
    );
  }
  const header = keysOf(data);
  async function* records(): AsyncGenerator<RawRecord> {
    for (let i = 0; i < (data as unknown[]).length; i++)
      yield toRecord((data as unknown[])[i], header, i + 1);
  }
  return { header, records: records(), details: {} };
}

/**
 * Header and records of an NDJSON file (one JSON object per line; blank lines skipped);
 * each record's `line` is its physical line. A line that is not a JSON object becomes an error record.
 * @example const { records } = await readNdjson('overtime.ndjson')
 */
export async function readNdjson(path: string): Promise<RecordSource> {
  const seen = new Set<string>();
  for await (const { value } of lines(path)) {
    if (isObject(value)) for (const key of Object.keys(value)) seen.add(key);
  }
  const header = [...seen];
  async function* records(): AsyncGenerator<RawRecord> {
    for await (const { line, value, error } of lines(path)) {
      yield error !== undefined ? { line, values: [], error } : toRecord(value, header, line);
    }
  }
  return { header, records: records(), details: {} };
}

async function* lines(
  path: string,
): AsyncGenerator<{ line: number; value?: unknown; error?: string }> {
  const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of reader) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    try {
      yield { line, value: JSON.parse(trimmed) };
    } catch (error) {
      yield {
        line,
        error: `not valid JSON: ${(error as Error).message}. Correct this line of the file (one JSON object per line), then export again`,
      };
    }
  }
}

function keysOf(rows: unknown[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) if (isObject(row)) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function toRecord(value: unknown, header: string[], line: number): RawRecord {
  if (!isObject(value)) {
    return {
      line,
      values: [],
      error:
        'expected a JSON object (one row), found another JSON value. Give each row as {"column": value, …}',
    };
  }
  return { line, values: header.map((key) => value[key] ?? null) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
