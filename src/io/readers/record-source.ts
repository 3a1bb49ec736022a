// What every reader gives: a header and a stream of records, each with its position in the file.

/**
 * One input record: its values in header order and where it starts — the physical line for CSV and
 * NDJSON, the worksheet row for XLSX, the element number (1 = first) of the array for JSON.
 * `error` is set when the record cannot be loaded as read (a CSV syntax error, an Excel error cell):
 * a message saying what and how to fix it, with `rule` (default 'unreadable_record'), and `field`
 * (index of the column concerned) and `value` when one cell is to blame.
 */
export interface RawRecord {
  line: number;
  values: unknown[];
  error?: string;
  rule?: string;
  field?: number;
  value?: string;
}

/** An opened input: column names, the records, and facts about the file for the load summary. */
export interface RecordSource {
  header: string[];
  records: AsyncIterable<RawRecord>;
  /**
   * The same records in batches (one per read chunk), when the reader can give them so: much cheaper
   * to iterate than one await per record. Consume either `records` or `batches`, not both.
   */
  batches?: AsyncIterable<RawRecord[]>;
  details: { encoding?: string; delimiter?: string; sheet?: string };
}

export interface ReadOptions {
  /** CSV: 'utf-8', 'windows-1252', 'utf-16le' or 'utf-16be'; detected when absent. */
  encoding?: string;
  /** CSV: ',', ';', 'tab' or '|'; detected when absent. */
  delimiter?: string;
  /** XLSX: worksheet name; the first worksheet when absent. */
  sheet?: string;
}
