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
import { ColumnBuilder, type IntBuilder } from './column-builder.js';
import { arrowTable } from './arrow-tables.js';
import type { ColumnTable } from 'arquero';

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
  lines: IntBuilder;
  values: Record<string, ColumnBuilder>;
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
 * A table without a key has only the person rule, which DuckDB already applied to the rows it
 * vouched for (their people are among the accepted ones): only the staged rows are checked.
 */
function acrossRows(table: TableName, passed: Passed[], context: ScanContext): void {
  const stage = context.stages[table];
  const keys = keyColumns(table);
  const people = context.stages.people;
  const sources: number[] = [];
  const at: number[] = [];
  eachInFileOrder(stage, keys.length > 0 ? passed : [], { rejected: true }, (source, row) => {
    sources.push(source);
    at.push(row);
  });
  const lineOf = (r: number) =>
    sources[r] < 0 ? stage!.lines[at[r]] : passed[sources[r]].lines.at(at[r]);
  const fileOf = (r: number) =>
    sources[r] < 0 ? stage!.fileIndex[at[r]] : passed[sources[r]].fileIndex;
  const columns = keys.length > 0 ? keys : ['person_id'];
  const data: StagedTable = {
    columns: Object.fromEntries(
      columns.map((c) => [
        c,
        sources.map((source, r) => valueAt(stage, passed, source, at[r], c) as CellValueOut),
      ]),
    ),
    rejected: sources.map(() => false),
    where: (row) => `${context.files[fileOf(row)]} line ${lineOf(row)}`,
  };
  for (const p of checkEventTable(table, data, people)) {
    const source = sources[p.row];
    const row = at[p.row];
    const fileIndex = fileOf(p.row);
    if (source < 0) stage!.rejected[row] = true;
    else passed[source].rejected[row] = 1;
    const summary = context.summaries[fileIndex];
    summary.rows_loaded--;
    summary.rows_rejected++;
    context.rejects.push({
      file: context.files[fileIndex],
      line: lineOf(p.row),
      table,
      column: p.column,
      value: p.value,
      rule: p.rule,
      message: p.message,
    });
  }
}

/**
 * The table of a scanned event table: the loader's rows (its stage) and the rows DuckDB vouched for,
 * less the rejected ones, in file and line order — what loadDataset would have built row by row —
 * with its columns in Arrow form (typed numbers, dictionary-encoded text: see column-builder.ts).
 */
export function scannedTable(
  table: TableName,
  stage: Stage | undefined,
  passed: Passed[],
): ColumnTable {
  const names = Object.keys(SCHEMA[table].columns);
  // the common case, one clean file DuckDB vouched for whole: its columns as they are
  if (
    passed.length === 1 &&
    (stage === undefined || stage.lines.length === 0) &&
    passed[0].rejected.every((r) => r === 0)
  ) {
    return arrowTable(names.map((c) => [c, passed[0].values[c].toArrow()]));
  }
  const out = names.map(() => new ColumnBuilder());
  eachInFileOrder(stage, passed, { rejected: false }, (source, row) => {
    for (let c = 0; c < names.length; c++)
      out[c].push(valueAt(stage, passed, source, row, names[c]));
  });
  return arrowTable(names.map((c, k) => [c, out[k].toArrow()]));
}

/**
 * Visits the rows of a scanned table, those the JS loader staged (source -1, row of the stage) and
 * those DuckDB vouched for (source k, row of passed[k]), in file and line order (as the loader would
 * have staged them); without `rejected`, only rows not rejected. Each file feeds a table once, and
 * both its staged rows and its vouched rows come in line order: the two are merged file by file.
 */
function eachInFileOrder(
  stage: Stage | undefined,
  passed: Passed[],
  { rejected }: { rejected: boolean },
  visit: (source: number, row: number) => void,
): void {
  const staged = new Map<number, number[]>();
  if (stage !== undefined) {
    for (let i = 0; i < stage.lines.length; i++)
      if (rejected || !stage.rejected[i]) pushTo(staged, stage.fileIndex[i], i);
  }
  const parts = new Map(passed.map((p, k) => [p.fileIndex, k]));
  const files = [...new Set([...staged.keys(), ...parts.keys()])].sort((a, b) => a - b);
  for (const file of files) {
    const rows = (staged.get(file) ?? []).sort((a, b) => stage!.lines[a] - stage!.lines[b]);
    const k = parts.get(file);
    const part = k === undefined ? undefined : passed[k];
    const n = part?.lines.length ?? 0;
    let s = 0;
    for (let v = 0; v < n; v++) {
      if (!rejected && part!.rejected[v] !== 0) continue;
      const line = part!.lines.at(v);
      while (s < rows.length && stage!.lines[rows[s]] < line) visit(-1, rows[s++]);
      visit(k!, v);
    }
    while (s < rows.length) visit(-1, rows[s++]);
  }
}

function valueAt(
  stage: Stage | undefined,
  passed: Passed[],
  source: number,
  row: number,
  column: string,
): unknown {
  return source < 0 ? stage!.columns[column][row] : passed[source].values[column].at(row);
}
