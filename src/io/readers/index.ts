// One interface over every input format: open a file by its extension as a RecordSource.
import { extname } from 'node:path';
import { readCsv } from './csv.js';
import { readJson, readNdjson } from './json.js';
import type { ReadOptions, RecordSource } from './record-source.js';
import { readXlsx } from './xlsx.js';

export type { RawRecord, ReadOptions, RecordSource } from './record-source.js';

/** File extensions the loaders read. */
export const READABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.json', '.ndjson', '.jsonl'];

/**
 * Opens a CSV/TSV, XLSX, JSON (an array of objects) or NDJSON file by its extension.
 * @example const { header, records } = await openRecords('data/overtime.csv')
 */
export async function openRecords(path: string, options: ReadOptions = {}): Promise<RecordSource> {
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.csv':
    case '.txt':
      return readCsv(path, options);
    case '.tsv':
      return readCsv(path, { delimiter: 'tab', ...options });
    case '.xlsx':
      return readXlsx(path, options);
    case '.json':
      return readJson(path);
    case '.ndjson':
    case '.jsonl':
      return readNdjson(path);
    default:
      throw new Error(
        `${path}: cannot read files ending "${ext}". Save it as one of ${READABLE_EXTENSIONS.join(', ')}.`,
      );
  }
}
