// Runs the hand-written SQL peer (bench/peers/duckdb.sql) with @duckdb/node-api: fills in the folder
// and the window, runs every statement, writes the matrix. Run: npx tsx bench/peers/duckdb-runner.ts DIR OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchWindow, normaliseMatrix, printResult, type MatrixCell } from '../pipeline-spec.js';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: npx tsx bench/peers/duckdb-runner.ts DIR OUT.json');
  process.exit(2);
}
const w = benchWindow(dir);
const sql = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'duckdb.sql'), 'utf8')
  .replaceAll('{DIR}', resolve(dir).replaceAll("'", "''"))
  .replaceAll('{FROM}', String(w.from))
  .replaceAll('{TO}', String(w.to))
  .replaceAll('{AS_OF}', String(w.asOf));
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const statements = sql
  .split(/;\s*\n/)
  .map((s) => s.replace(/^(\s*--.*\n)+/g, '').trim())
  .filter((s) => s.length > 0);
let rows: MatrixCell[] = [];
for (const [i, statement] of statements.entries()) {
  const reader = await connection.runAndReadAll(statement);
  if (i === statements.length - 1) rows = reader.getRowObjectsJS() as unknown as MatrixCell[];
}
const seconds = (performance.now() - started) / 1000;
writeFileSync(out, JSON.stringify(normaliseMatrix(rows)));
printResult({ seconds });
