// Copies an analysis-sized arquero table (people) into the scale path's DuckDB, and the small SQL
// helpers views and tables share (column types, dropping a name whatever it is).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnTable } from 'arquero';
import { SCHEMA, type TableName } from '../schema/tables.js';

/** DuckDB column type of each schema column type (dates are handled apart: epoch-day INTEGER). */
export const DUCK_TYPES: Record<string, string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  list: 'VARCHAR',
  time: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

/** SQL text of a quoted string literal. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Drops the view or table called `name`, if there is one. */
export async function dropName(c: DuckDBConnection, name: string): Promise<void> {
  const kind = (
    await c.runAndReadAll(
      `SELECT table_type FROM information_schema.tables WHERE table_name = ${quote(name)}`,
    )
  ).getRowsJS()[0]?.[0];
  if (kind === 'VIEW') await c.run(`DROP VIEW ${quoteName(name)}`);
  else if (kind !== undefined) await c.run(`DROP TABLE ${quoteName(name)}`);
}

/** Copies `data` (columns of `table`) into DuckDB as the table `name` (list columns are left out). */
export async function registerTable(
  c: DuckDBConnection,
  table: TableName,
  data: ColumnTable,
  name: string = table,
): Promise<void> {
  const spec = SCHEMA[table].columns as Record<string, { type: string }>;
  const columns = data
    .columnNames()
    .filter((name) => spec[name] === undefined || spec[name].type !== 'list')
    .map((name) => {
      const type = spec[name]?.type ?? inferType(data.array(name) as ArrayLike<unknown>);
      const sqlType = type === 'date' ? 'INTEGER' : DUCK_TYPES[type];
      return { name, sqlType, values: data.array(name) as ArrayLike<unknown> };
    });
  await dropName(c, name);
  await c.run(
    `CREATE TABLE ${quoteName(name)} (${columns.map((k) => `${quoteName(k.name)} ${k.sqlType}`).join(', ')})`,
  );
  const appender = await c.createAppender(name);
  for (let i = 0; i < data.numRows(); i++) {
    for (const { sqlType, values } of columns) {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        appender.appendNull();
      } else if (sqlType === 'VARCHAR') appender.appendVarchar(String(v));
      else if (sqlType === 'INTEGER') appender.appendInteger(v as number);
      else if (sqlType === 'DOUBLE') appender.appendDouble(v as number);
      else appender.appendBoolean(v as boolean);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

function inferType(values: ArrayLike<unknown>): string {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    if (v !== null && v !== undefined) return 'string';
  }
  return 'string';
}
