// Stream a delimited text file record by record with csv-parse, keeping the physical line each record
// starts on. Steps: detect encoding (byte scan) and delimiter (header line) → decode chunks → parse.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { chunkDecoder, detectEncoding, encodingName, type TextEncodingName } from './encoding.js';
import type { RawRecord, RecordSource } from './records.js';

export interface CsvOptions {
  /** 'utf-8' or 'windows-1252' (also cp1252, latin1); detected from the bytes when absent. */
  encoding?: string;
  /** ',', ';' or '\t' (also 'tab'); detected from the header line when absent. */
  delimiter?: string;
}

/**
 * The header and a stream of records of a CSV file; each record carries the physical line it starts on
 * (line 1 is the header). Quoted fields may hold delimiters and line breaks; empty lines are skipped.
 * A syntax error (an unclosed quote) ends the stream with one record whose `error` says where.
 * @example const { header, records } = await readCsv('people.csv'); for await (const r of records) r.line
 */
export async function readCsv(path: string, options: CsvOptions = {}): Promise<RecordSource> {
  const encoding: TextEncodingName =
    options.encoding !== undefined ? encodingName(options.encoding) : await detectEncoding(path);
  const sample = await readSample(path, encoding);
  const delimiter =
    options.delimiter !== undefined ? delimiterName(options.delimiter) : detectDelimiter(sample);
  const iterator = parseRecords(path, encoding, delimiter);
  const first = await iterator.next();
  if (first.done || first.value.error !== undefined) {
    throw new Error(
      `${path}: no header line found${first.done ? ' (the file is empty)' : `: ${first.value.error}`}. The first line must name the columns.`,
    );
  }
  const header = first.value.values.map((name) => String(name).trim());
  return {
    header,
    records: { [Symbol.asyncIterator]: () => iterator },
    details: { encoding, delimiter },
  };
}

/**
 * The delimiter of a CSV sample: whichever of comma, semicolon and tab occurs most often outside quotes
 * in the first line (comma when none occurs).
 * @example detectDelimiter('a;b;c\n1;2;3') // ';'
 */
export function detectDelimiter(sample: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of sample) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

function delimiterName(declared: string): string {
  const value = declared === 'tab' || declared === '\\t' ? '\t' : declared;
  if (![',', ';', '\t', '|'].includes(value)) {
    throw new Error(`delimiter "${declared}" is not supported. Use ",", ";", "tab" or "|".`);
  }
  return value;
}

async function readSample(path: string, encoding: TextEncodingName): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return chunkDecoder(encoding)(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function* decodedChunks(path: string, encoding: TextEncodingName): AsyncGenerator<string> {
  const decode = chunkDecoder(encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const text = decode(chunk as Buffer);
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

async function* parseRecords(
  path: string,
  encoding: TextEncodingName,
  delimiter: string,
): AsyncGenerator<RawRecord> {
  const parser = Readable.from(decodedChunks(path, encoding)).pipe(
    parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let end = 0;
  let emptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { empty_lines: number };
    }>) {
      const start = end + 1 + (info.empty_lines - emptyLines);
      emptyLines = info.empty_lines;
      end = start;
      for (const field of record) {
        for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) end++;
      }
      yield { line: start, values: record };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield { line: end + 1, values: [], error: `CSV syntax error: ${message}` };
  }
}
