// Independent figures for the example-mapping tests: DuckDB (its own CSV parser) run on the same files.
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The rows of one SQL query run by an in-memory DuckDB, as objects (BIGINT and DECIMAL cast in SQL to
 * INTEGER or DOUBLE, so values are plain numbers).
 * @example await duckdbRows(`SELECT count(*)::INTEGER AS n FROM read_csv('x.csv')`)
 */
export async function duckdbRows(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjects() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A path as a SQL string literal. */
export function sqlPath(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}
