// Bridges between arquero tables and danfojs DataFrames, for analysts who prefer danfo's API.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of a danfojs DataFrame the bridge uses. */
export interface DanfoFrame {
  columns: string[];
  values: unknown[][];
}

interface DanfoModule {
  DataFrame: new (data: Record<string, unknown[]>, options?: { columns?: string[] }) => DanfoFrame;
}

/** danfojs-node, loaded on first use (it pulls in TensorFlow.js, which takes a few seconds). */
export function loadDanfo(): DanfoModule {
  return require('danfojs-node') as DanfoModule;
}

/**
 * A danfojs DataFrame with the table's columns in order. Dates stay epoch-day numbers.
 * @example const df = toDanfo(people); df.head().print()
 */
export function toDanfo(table: ColumnTable): DanfoFrame {
  const { DataFrame } = loadDanfo();
  const data: Record<string, unknown[]> = {};
  for (const name of table.columnNames())
    data[name] = Array.from(table.array(name) as ArrayLike<unknown>);
  return new DataFrame(data, { columns: table.columnNames() });
}

/**
 * An arquero table from a danfojs DataFrame (columns and row values as danfo holds them).
 * @example const back = fromDanfo(df.query(df['fte'].gt(0.5)))
 */
export function fromDanfo(frame: DanfoFrame): ColumnTable {
  const columns: Record<string, unknown[]> = {};
  frame.columns.forEach((name, j) => {
    columns[name] = frame.values.map((row) => row[j]);
  });
  return aq.table(columns);
}
