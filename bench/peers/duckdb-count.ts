// The peer of `wbk check`: a bare DuckDB read_csv count of every CSV of a folder (its own parser, no
// types, no checks). Run: npx tsx bench/peers/duckdb-count.ts DIR
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { printResult } from '../pipeline-spec.js';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npx tsx bench/peers/duckdb-count.ts DIR');
  process.exit(2);
}
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
let rows = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
  const path = join(resolve(dir), file).replaceAll("'", "''");
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM read_csv('${path}')`,
  );
  rows += reader.getRows()[0][0] as number;
}
printResult({ seconds: (performance.now() - started) / 1000, rows });
