// An independent row count for CSV files: DuckDB's read_csv (its own parser), used to check rows_read.
import { DuckDBInstance } from '@duckdb/node-api';

/** Number of data records DuckDB reads from a CSV file with a header line. */
export async function duckdbCount(path: string, options = ''): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const escaped = path.replace(/'/g, "''");
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM read_csv('${escaped}', header = true, all_varchar = true${options})`,
    );
    return Number(reader.getRows()[0][0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
