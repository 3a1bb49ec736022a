// The big event files of an extract, checked through DuckDB (wbk check at national scale): each file
// is scanned once (duckdb-check.ts); the rows DuckDB cannot vouch for go through loadFile as usual;
// the rules across rows run on the key columns alone. Steps: per file its header and plan, and the
// first pass of each file without a key started at once, while JS loads people (startScans) →
// accepted people into DuckDB → per file: the scan (or the JS loader when the scan declines) → the
// rules across rows per table.
import { extname } from 'node:path';
import { SCHEMA, type TableName } from '../schema/tables.js';
import { checkEventTable, type StagedTable } from '../schema/validate-dataset.js';
import type { CellValueOut } from '../schema/parse-cell.js';
import type { DatasetConfig } from '../schema/vocabularies.js';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  columnSources,
  scanFile,
  startScan,
  type ScanPlan,
  type StartedScan,
} from './duckdb-check.js';
import type { LoadIssue } from './issues.js';
import type { FileSummary, Stage } from './load-file.js';
import { planColumns } from './mapping/apply.js';
import type { Mapping, MappingSource } from './mapping/mapping.js';
import { readCsv } from './readers/csv.js';
import { pushTo } from '../shared/collections.js';
import type { RawRecord, RecordSource } from './readers/index.js';

/** A file left for the scan: its match (index into the load's file list) and source. */
export interface ScanFile {
  fileIndex: number;
  file: string;
  source: MappingSource;
}

export interface ScanContext {
  dir: string;
  mapping: Mapping;
  config: DatasetConfig;
  asOf: number;
  /** Every file of the load, by index (for "file line n" in messages). */
  files: string[];
  stages: Partial<Record<TableName, Stage>>;
  summaries: FileSummary[];
  rejects: LoadIssue[];
  /** Rows DuckDB vouched for, by file index (filled here). */
  vouched: Map<number, number>;
  /**
   * 'check': only account for the rows; 'load': also bring back every column of the rows DuckDB
   * vouched for, to build the tables (see scannedTable).
   */
  mode: 'check' | 'load';
  /** Loads one file with the JS loader: all of it, or only `input` (records of the file). */
  load(file: ScanFile, input?: RecordSource): Promise<FileSummary>;
}

/**
 * Rows of a scanned file that DuckDB vouched for: its file, their lines, their values column by column
 * (the key columns when checking, every column when loading) and which the rules across rows rejected.
 */
export interface Passed {
  fileIndex: number;
  lines: number[];
  values: Record<string, unknown[]>;
  rejected: Uint8Array;
}

/**
 * The DuckDB session of a load's scans: the plan of each scanned file (by file index; undefined: the
 * JS loader reads it) and the scans started ahead, each on its own connection.
 */
export interface ScanSession {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  plans: Map<number, ScanPlan | undefined>;
  ahead: Map<number, { connection: DuckDBConnection; scan: StartedScan }>;
}

/**
 * Opens the DuckDB session of `scanned` files and, when checking, starts at once the first pass of
 * each file whose rows need not come back (a table without a key: its distinct values, see
 * duckdb-check's startScan), one file after another on DuckDB's threads, while JS goes on loading
 * people and the other files. `people`: a people file is loaded (its ids are looked up after the
 * pass). Close the session with endScans.
 */
export async function startScans(
  scanned: ScanFile[],
  context: Pick<ScanContext, 'dir' | 'mapping' | 'config' | 'asOf' | 'mode'>,
  people: boolean,
): Promise<ScanSession> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const session: ScanSession = {
    instance,
    connection: await instance.connect(),
    plans: new Map(),
    ahead: new Map(),
  };
  let previous: Promise<unknown> = Promise.resolve();
  for (const match of scanned) {
    const plan = await planOf(match, context);
    session.plans.set(match.fileIndex, plan);
    const table = match.source.table as TableName;
    if (plan === undefined || context.mode !== 'check' || keyColumns(table).length > 0) continue;
    const connection = await instance.connect();
    // one pass at a time: each uses every core DuckDB has
    const scan = previous.then(() => startScan(connection, plan, people));
    const pass = scan.then((s) => s.pass);
    previous = pass.catch(() => undefined);
    session.ahead.set(match.fileIndex, {
      connection,
      scan: {
        counting: scan.then((s) => s.counting),
        pass,
        people,
      },
    });
  }
  return session;
}

/** Closes a scan session, once the passes started ahead are over. */
export async function endScans(session: ScanSession): Promise<void> {
  for (const { connection, scan } of session.ahead.values()) {
    await Promise.allSettled([scan.pass, scan.counting]);
    connection.closeSync();
  }
  session.connection.closeSync();
  session.instance.closeSync();
}

/**
 * Loads `scanned` files in the `session` (startScans): each through a DuckDB scan when it can be
 * (else with the JS loader), then the rules across rows of their tables, with people's accepted ids
 * (its rules already run). Fills `summaries` (rows_read = rows_loaded + rows_rejected per file, as the
 * JS loader does) and `rejects`.
 */
export async function loadScanned(
  scanned: ScanFile[],
  context: ScanContext,
  session: ScanSession,
): Promise<Map<TableName, Passed[]>> {
  const { connection } = session;
  const people = context.stages.people;
  if (people !== undefined) {
    await connection.run('CREATE TABLE wbk_people (person_id VARCHAR)');
    const appender = await connection.createAppender('wbk_people');
    const ids = people.columns.person_id;
    for (let i = 0; i < ids.length; i++) {
      if (people.rejected[i] || ids[i] === null) continue;
      appender.appendVarchar(String(ids[i]));
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }
  const passed = new Map<TableName, Passed[]>();
  // the files whose pass is under way last: the others are scanned meanwhile (when no file is read
  // as two tables, the order of files does not change what is found: issues are sorted by file)
  const ahead = (m: ScanFile) => session.ahead.has(m.fileIndex);
  const order =
    new Set(scanned.map((m) => m.file)).size === scanned.length
      ? [...scanned.filter((m) => !ahead(m)), ...scanned.filter(ahead)]
      : scanned;
  for (const match of order) {
    const table = match.source.table as TableName;
    const plan = session.plans.get(match.fileIndex);
    const keyed = keyColumns(table);
    const keep = context.mode === 'load' ? Object.keys(SCHEMA[table].columns) : keyed;
    // a keyed table's person ids are checked with its keys (acrossRows), others' in the scan
    const known = keyed.length > 0 || people === undefined ? undefined : 'wbk_people';
    const ahead = session.ahead.get(match.fileIndex);
    const result =
      plan === undefined
        ? undefined
        : ahead !== undefined
          ? await scanFile(ahead.connection, plan, { keep, people: known }, ahead.scan).catch(
              // a pass started ahead that failed (or judged without people): once more, from the start
              () => scanFile(connection, plan, { keep, people: known }).catch(() => undefined),
            )
          : await scanFile(connection, plan, { keep, people: known }).catch(() => undefined);
    if (result === undefined) {
      context.summaries[match.fileIndex] = await context.load(match);
      continue;
    }
    const summary = await context.load(match, {
      header: plan!.header,
      records: recordsOf(result.records),
      details: { encoding: 'utf-8', delimiter: plan!.delimiter },
    });
    const fast = result.rows - result.records.length;
    summary.rows_read += fast;
    summary.rows_loaded += fast;
    context.vouched.set(match.fileIndex, fast);
    context.summaries[match.fileIndex] = summary;
    if (keep.length > 0) {
      if (context.mode === 'load') loaderValues(table, result.passed.values);
      const rejected = new Uint8Array(result.passed.lines.length);
      pushTo(passed, table, { fileIndex: match.fileIndex, ...result.passed, rejected });
    }
  }
  for (const table of new Set(scanned.map((m) => m.source.table as TableName))) {
    acrossRows(table, passed.get(table) ?? [], context);
  }
  return passed;
}

/** Columns the rules across rows read for `table` (empty: only person ids, checked in DuckDB). */
function keyColumns(table: TableName): string[] {
  const key = [...SCHEMA[table].key] as string[];
  if (table === 'sickness') key.push('end_date');
  if (key.length > 0 && !key.includes('person_id')) key.push('person_id');
  return [...new Set(key)];
}

/** The scan plan of a file, or undefined when the JS loader should read it (header unreadable…). */
async function planOf(
  match: ScanFile,
  context: Pick<ScanContext, 'dir' | 'mapping' | 'config' | 'asOf'>,
): Promise<ScanPlan | undefined> {
  const path = `${context.dir}/${match.file}`;
  const declared =
    match.source.delimiter ?? (extname(match.file).toLowerCase() === '.tsv' ? 'tab' : undefined);
  try {
    const opened = await readCsv(path, { encoding: 'utf-8', delimiter: declared });
    await (opened.batches as AsyncGenerator<RawRecord[]> | undefined)?.return(undefined);
    const columns = columnSources(opened.header, match.source);
    const specs = SCHEMA[match.source.table as TableName].columns as Record<
      string,
      { required?: boolean }
    >;
    // a header the mapping does not fit throws here; the JS loader then says what is wrong
    planColumns(opened.header, match.source, context.mapping, undefined, match.file);
    if (columns.some((c) => c.at < 0 && specs[c.name].required)) return undefined;
    return {
      table: match.source.table as TableName,
      header: opened.header,
      columns,
      config: context.config,
      asOf: context.asOf,
      dateFormat: match.source.date_format ?? context.mapping.date_format,
      delimiter: opened.details.delimiter!,
      path,
      source: match.source,
      mapping: context.mapping,
    };
  } catch {
    return undefined;
  }
}

async function* recordsOf(records: RawRecord[]): AsyncGenerator<RawRecord> {
  for (const record of records) yield record;
}

/**
 * The rules across rows of one scanned table, on the rows the JS loader staged (whole rows) and the
 * rows that passed in DuckDB (key columns), in file and line order as the loader would stage them.
 */
function acrossRows(table: TableName, passed: Passed[], context: ScanContext): void {
  const stage = context.stages[table];
  const keys = keyColumns(table);
  const people = context.stages.people;
  const rows = inFileOrder(stage, passed, { rejected: true });
  const columns = keys.length > 0 ? keys : ['person_id'];
  const data: StagedTable = {
    columns: Object.fromEntries(
      columns.map((c) => [c, rows.map((r) => valueAt(stage, passed, r, c) as CellValueOut)]),
    ),
    rejected: rows.map(() => false),
    where: (row) => `${context.files[rows[row].fileIndex]} line ${rows[row].line}`,
  };
  for (const p of checkEventTable(table, data, people)) {
    const { fileIndex, line, source, row } = rows[p.row];
    if (source < 0) stage!.rejected[row] = true;
    else passed[source].rejected[row] = 1;
    const summary = context.summaries[fileIndex];
    summary.rows_loaded--;
    summary.rows_rejected++;
    context.rejects.push({
      file: context.files[fileIndex],
      line,
      table,
      column: p.column,
      value: p.value,
      rule: p.rule,
      message: p.message,
    });
  }
}

/** HH:MM of each minute of the day, 0–1440: the loader's text of a time. */
const CLOCK = Array.from(
  { length: 1441 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);

/**
 * Turns the values DuckDB gave for vouched rows into the loader's (in place): times from minutes to
 * HH:MM text, lists from text to arrays (scanFile already shares one string per distinct text).
 */
function loaderValues(table: TableName, values: Record<string, unknown[]>): void {
  const specs = SCHEMA[table].columns as Record<string, { type: string }>;
  for (const [name, column] of Object.entries(values)) {
    const type = specs[name].type;
    if (type === 'time') {
      for (let i = 0; i < column.length; i++)
        if (column[i] !== null) column[i] = CLOCK[column[i] as number];
    } else if (type === 'list') {
      for (let i = 0; i < column.length; i++)
        if (column[i] !== null) column[i] = (column[i] as string).split(';');
    }
  }
}

/**
 * The table of a scanned event table: the loader's rows (its stage) and the rows DuckDB vouched for,
 * less the rejected ones, in file and line order — what loadDataset would have built row by row.
 */
export function scannedColumns(
  table: TableName,
  stage: Stage | undefined,
  passed: Passed[],
): Record<string, unknown[]> {
  const names = Object.keys(SCHEMA[table].columns);
  // the common case, one clean file DuckDB vouched for whole: its columns as they are
  if (
    passed.length === 1 &&
    (stage === undefined || stage.lines.length === 0) &&
    passed[0].rejected.every((r) => r === 0)
  ) {
    return Object.fromEntries(names.map((c) => [c, passed[0].values[c]]));
  }
  const order = inFileOrder(stage, passed, { rejected: false });
  return Object.fromEntries(names.map((c) => [c, order.map((r) => valueAt(stage, passed, r, c))]));
}

/** Where a row of a scanned table is: the stage's row (source -1) or a row of passed[source]. */
interface RowAt {
  fileIndex: number;
  line: number;
  source: number;
  row: number;
}

/**
 * The rows of a scanned table, those the JS loader staged and those DuckDB vouched for, in file and
 * line order (as the loader would have staged them); without `rejected`, only rows not rejected.
 */
function inFileOrder(
  stage: Stage | undefined,
  passed: Passed[],
  { rejected }: { rejected: boolean },
): RowAt[] {
  const rows: RowAt[] = [];
  if (stage !== undefined) {
    for (let i = 0; i < stage.lines.length; i++)
      if (rejected || !stage.rejected[i])
        rows.push({ fileIndex: stage.fileIndex[i], line: stage.lines[i], source: -1, row: i });
  }
  passed.forEach((p, k) =>
    p.lines.forEach((line, i) => {
      if (rejected || p.rejected[i] === 0)
        rows.push({ fileIndex: p.fileIndex, line, source: k, row: i });
    }),
  );
  return rows.sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);
}

function valueAt(stage: Stage | undefined, passed: Passed[], r: RowAt, column: string): unknown {
  return r.source < 0 ? stage!.columns[column][r.row] : passed[r.source].values[column][r.row];
}
