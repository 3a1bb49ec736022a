// Read JSON (an array of objects) and NDJSON (one object per line) into header + records.
// NDJSON is streamed (two passes: the keys, then the rows; a line over 1 MiB is rejected, not held);
// a JSON array is parsed whole, so one over 64 MiB is refused with a hint to export NDJSON.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CSV_LIMITS } from './csv-parser.js';
import type { RawRecord, RecordSource } from './record-source.js';

/** The largest JSON array file read whole (64 MiB): parsed, it takes several times that in memory. */
export const MAX_JSON_BYTES = 1 << 26;

/**
 * Header (every key, in order of first appearance) and records of a JSON file holding an array of
 * objects; each record's `line` is its element number (1 = first). A file over `maxBytes` (default
 * MAX_JSON_BYTES) is refused, naming NDJSON, which is streamed whatever its size.
 * @example const { header } = await readJson('people.json')
 */
export async function readJson(
  path: string,
  { maxBytes = MAX_JSON_BYTES }: { maxBytes?: number } = {},
): Promise<RecordSource> {
  const { size } = await stat(path);
  if (size > maxBytes) {
    throw new Error(
      `${path}: a JSON file of ${size.toLocaleString('en-GB')} bytes is too large to read whole (limit ${maxBytes.toLocaleString('en-GB')}). Export NDJSON instead (one object per line, .ndjson or .jsonl), which is read as a stream, or CSV.`,
    );
  }
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
    for await (const { line, value, error, rule } of lines(path)) {
      yield error !== undefined
        ? { line, values: [], error, ...(rule && { rule }) }
        : toRecord(value, header, line);
    }
  }
  return { header, records: records(), details: {} };
}

async function* lines(
  path: string,
): AsyncGenerator<{ line: number; value?: unknown; error?: string; rule?: string }> {
  for await (const { line, text } of physicalLines(path, CSV_LIMITS.maxRecordChars)) {
    if (text === undefined) {
      yield {
        line,
        rule: 'record_too_long',
        error: `line ${line} is longer than ${CSV_LIMITS.maxRecordChars.toLocaleString('en-GB')} characters, so it was skipped and reading went on at the next line. One row of an HR export is never this long: check the export`,
      };
      continue;
    }
    const trimmed = text.trim();
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

/**
 * The lines of a UTF-8 file (BOM dropped, LF or CRLF), numbered from 1; a line longer than `max`
 * characters comes as `text: undefined` and is never held whole.
 */
async function* physicalLines(
  path: string,
  max: number,
): AsyncGenerator<{ line: number; text?: string }> {
  const decoder = new TextDecoder('utf-8');
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  let line = 1;
  const finish = () => {
    const text = tooLong ? undefined : parts.join('').replace(/\r$/, '');
    parts = [];
    length = 0;
    tooLong = false;
    return { line: line++, text };
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    let from = 0;
    for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', from)) {
      if (!tooLong) parts.push(text.slice(from, lf));
      length += lf - from;
      if (length > max) tooLong = true;
      yield finish();
      from = lf + 1;
    }
    length += text.length - from;
    if (length > max) {
      tooLong = true;
      parts = [];
    } else parts.push(text.slice(from));
  }
  parts.push(decoder.decode());
  if (tooLong || parts.join('') !== '') yield finish();
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
