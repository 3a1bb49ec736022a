// Stream a delimited text file in batches of records, keeping the physical line each record starts on.
// Steps: detect encoding (byte scan) and delimiter (header line) → decode chunks → parse (CsvParser).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvParser } from './csv-parser.js';
import { chunkDecoder, detectEncoding, encodingName, type TextEncodingName } from './encoding.js';
import type { RawRecord, RecordSource } from './record-source.js';

export interface CsvOptions {
  /** 'utf-8', 'windows-1252' (also cp1252, latin1), 'utf-16le' or 'utf-16be'; detected when absent. */
  encoding?: string;
  /** ',', ';' or '\t' (also 'tab'); detected from the header line when absent. */
  delimiter?: string;
}

/**
 * The header and a stream of records of a CSV file; each record carries the physical line it starts on
 * (line 1 is the header). Quoted fields may hold delimiters and line breaks; empty lines are skipped.
 * An unbalanced quote or a record over 1 MiB is one record with `error` (rules unclosed_quote,
 * record_too_long), and reading goes on at the next line (CsvParser): no line is lost silently.
 * @example const { header, records } = await readCsv('people.csv'); for await (const r of records) r.line
 */
export async function readCsv(path: string, options: CsvOptions = {}): Promise<RecordSource> {
  const encoding: TextEncodingName =
    options.encoding !== undefined ? encodingName(options.encoding) : await detectEncoding(path);
  const sample = await readSample(path, encoding);
  const delimiter =
    options.delimiter !== undefined ? delimiterName(options.delimiter) : detectDelimiter(sample);
  const iterator = parseBatches(path, encoding, delimiter);
  let first: RawRecord[] = [];
  for (let next = await iterator.next(); ; next = await iterator.next()) {
    if (next.done) break;
    first = next.value;
    if (first.length > 0) break;
  }
  const head = first[0];
  if (head === undefined || head.error !== undefined) {
    throw new Error(
      `${path}: no header line found${head === undefined ? ' (the file is empty)' : `: ${head.error}`}. The first line must name the columns.`,
    );
  }
  const header = head.values.map((name) => String(name).trim());
  const rest = first.slice(1);
  async function* batches(): AsyncGenerator<RawRecord[]> {
    if (rest.length > 0) yield rest;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.length > 0) yield next.value;
    }
  }
  const batched = batches();
  async function* records(): AsyncGenerator<RawRecord> {
    for await (const batch of batched) for (const record of batch) yield record;
  }
  return { header, records: records(), batches: batched, details: { encoding, delimiter } };
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

async function* parseBatches(
  path: string,
  encoding: TextEncodingName,
  delimiter: string,
): AsyncGenerator<RawRecord[]> {
  const decode = chunkDecoder(encoding);
  const parser = new CsvParser(delimiter, { header: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = decode(chunk as Buffer);
    if (text !== '') yield parser.push(text);
  }
  const rest = decode();
  yield [...(rest === '' ? [] : parser.push(rest)), ...parser.end()];
}
