// An embedded, in-process DuckDB for the scale path: big row-level files stay on disk as views
// (CSV or Parquet, canonical columns, dates as epoch days) and only aggregates come back, as columns,
// into arquero tables. Steps: open → register a view per file → query → columns → arquero.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { SCHEMA, type TableName } from '../schema/tables.js';
import { DUCK_TYPES, dropName, registerTable } from './duckdb-register.js';

/** An open DuckDB connection with the kit's row-level files registered as views. */
export interface ScaleSession {
  /**
   * Registers `path` (CSV or Parquet with the canonical columns of `table`) as a view named `name`
   * (default: the table's name).
   */
  view(table: TableName, path: string, name?: string): Promise<void>;
  /** Copies an in-memory table (analysis-sized, e.g. people) into DuckDB as the table `name` (default `table`). */
  register(table: TableName, data: ColumnTable, name?: string): Promise<void>;
  /** Runs `sql` and returns its result as an arquero table (cast BIGINT and DECIMAL in the SQL). */
  query(sql: string): Promise<ColumnTable>;
  /** Runs a statement that returns nothing useful (CREATE, SET …). */
  exec(sql: string): Promise<void>;
  /** Closes DuckDB and deletes its spill folder. */
  close(): void;
}

/**
 * Opens an in-memory DuckDB instance (no server, no file) and returns a ScaleSession. `threads` caps
 * DuckDB's worker threads (default: DuckDB's choice, one per core); `memoryLimit` e.g. '8GB'. When a
 * query outgrows memory, DuckDB spills rows (personal data) to a private folder (mode 0700) made for
 * the session under the system's temporary folder and deleted on close, not to DuckDB's default
 * `.tmp` in the working directory.
 * @example const s = await openScaleSession(); await s.view('overtime', 'data/overtime.parquet');
 */
export async function openScaleSession(
  options: { threads?: number; memoryLimit?: string } = {},
): Promise<ScaleSession> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const spill = mkdtempSync(join(tmpdir(), 'wbk-duckdb-'));
  await connection.run(`SET temp_directory = ${sqlString(spill)}`);
  if (options.threads !== undefined) await connection.run(`SET threads = ${options.threads}`);
  if (options.memoryLimit !== undefined) {
    if (!/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(options.memoryLimit)) {
      throw new Error(
        `openScaleSession: memoryLimit must look like '8GB', got ${JSON.stringify(options.memoryLimit)}.`,
      );
    }
    await connection.run(`SET memory_limit = '${options.memoryLimit}'`);
  }
  await connection.run(WORKING_DAY_MACROS);
  return {
    view: (table, path, name = table) => createView(connection, table, path, name),
    register: (table, data, name = table) => registerTable(connection, table, data, name),
    query: (sql) => queryTable(connection, sql),
    exec: async (sql) => void (await connection.run(sql)),
    close: () => {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

/** SQL text of a quoted string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** SQL text of a quoted identifier. */
export function sqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Working days (Monday–Friday) before epoch day n: epoch day 0 was a Thursday, so the k days after a
// whole number of weeks hold [0, 1, 2, 2, 2, 3, 4][k] weekdays. wd(a, b) counts a..b inclusive.
const WORKING_DAY_MACROS = `
CREATE MACRO wd_before(n) AS (floor(n / 7) * 5 + [0, 1, 2, 2, 2, 3, 4][((n % 7) + 7) % 7 + 1]);
CREATE MACRO wd(a, b) AS (CASE WHEN b < a THEN 0 ELSE wd_before(b + 1) - wd_before(a) END);`;

async function createView(
  c: DuckDBConnection,
  table: TableName,
  path: string,
  name: string,
): Promise<void> {
  const kind = extname(path).toLowerCase();
  if (kind !== '.csv' && kind !== '.parquet') {
    throw new Error(
      `ScaleSession.view: ${path} is neither .csv nor .parquet. Convert it, or load it with loadDataset().`,
    );
  }
  const columns = Object.entries(SCHEMA[table].columns) as [string, { type: string }][];
  const source =
    kind === '.parquet'
      ? `read_parquet(${sqlString(path)})`
      : `read_csv(${sqlString(path)}, header = true, auto_detect = false, dateformat = '%Y-%m-%d', ` +
        `columns = {${(await csvHeader(c, path)).map((h) => `${sqlString(h)}: '${duckType(columns, h)}'`).join(', ')}})`;
  const found = new Map(
    (await queryTable(c, `DESCRIBE SELECT * FROM ${source}`)).objects().map((r) => {
      const row = r as Record<string, unknown>;
      return [String(row.column_name), String(row.column_type)];
    }),
  );
  const missing = columns.filter(([name]) => !found.has(name)).map(([name]) => name);
  const select = columns.map(([name, spec]) => {
    const q = sqlName(name);
    if (!found.has(name))
      return `NULL::${spec.type === 'date' ? 'INTEGER' : DUCK_TYPES[spec.type]} AS ${q}`;
    if (spec.type !== 'date') return `${q}::${DUCK_TYPES[spec.type]} AS ${q}`;
    return found.get(name) === 'DATE'
      ? `(${q} - DATE '1970-01-01')::INTEGER AS ${q}`
      : `${q}::INTEGER AS ${q}`;
  });
  const required = missing.filter(
    (m) => (SCHEMA[table].columns as Record<string, { required?: boolean }>)[m].required,
  );
  if (required.length > 0) {
    throw new Error(
      `ScaleSession.view: ${path} lacks the required ${table} column(s) ${required.join(', ')}. Found: ${[...found.keys()].join(', ')}. Rename them in the file, or load it through a mapping with loadDataset().`,
    );
  }
  await dropName(c, name);
  await c.run(`CREATE VIEW ${sqlName(name)} AS SELECT ${select.join(', ')} FROM ${source}`);
}

// The names of the header row, from DuckDB's sniffer: not a `LIMIT 1` read, which may return any
// row of a large file when the session does not preserve insertion order.
async function csvHeader(c: DuckDBConnection, path: string): Promise<string[]> {
  const reader = await c.runAndReadAll(
    `DESCRIBE SELECT * FROM read_csv(${sqlString(path)}, header = true, all_varchar = true)`,
  );
  return reader.getRowObjectsJS().map((r) => String(r.column_name).replace(/^\uFEFF/, ''));
}

function duckType(columns: [string, { type: string }][], name: string): string {
  const spec = columns.find(([n]) => n === name)?.[1];
  return spec === undefined ? 'VARCHAR' : DUCK_TYPES[spec.type];
}

async function queryTable(c: DuckDBConnection, sql: string): Promise<ColumnTable> {
  const reader = await c.runAndReadAll(sql);
  const names = reader.columnNames();
  const data = reader.getColumnsJS();
  const columns: Record<string, unknown[] | Float64Array> = {};
  names.forEach((name, j) => {
    // A result without rows has no column data at all: its columns are empty.
    const values = (data[j] ?? []) as unknown[];
    if (values.some((v) => typeof v === 'bigint')) {
      columns[name] = values.map((v) => (typeof v === 'bigint' ? Number(v) : v));
    } else if (values.length > 0 && values.every((v) => typeof v === 'number')) {
      columns[name] = Float64Array.from(values as number[]);
    } else columns[name] = values;
  });
  return aq.table(columns);
}
