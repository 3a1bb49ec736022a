// Which engine runs the heavy row-level aggregations: the in-memory one (arquero tables, plain loops)
// or DuckDB over the files. Steps: check the inputs → total the bytes of the file inputs → compare
// with the threshold (auto) or obey the caller → bring the inputs into the form that engine reads.
import { statSync } from 'node:fs';
import type { ColumnTable } from 'arquero';
import type { TableName } from '../schema/tables.js';
import { isLoadEngine, SCAN_THRESHOLD_BYTES, type LoadEngine } from '../io/load-dataset.js';
import { openScaleSession, sqlName, type ScaleSession } from './duckdb-session.js';
import { isScaleData, prepareSession, type ScaleData, type ScaleInputs } from './scale-data.js';

export type { RowInput, ScaleInputs } from './scale-data.js';

/**
 * 'auto' picks DuckDB when the event files together exceed the threshold; the others force one engine
 * (the same choice as loadDataset's).
 */
export type ScaleEngine = LoadEngine;

export interface ScaleOptions {
  /** Default 'auto'. 'duckdb' needs the event inputs as file paths; 'memory' reads file inputs into tables. */
  engine?: ScaleEngine;
  /** Bytes of file inputs above which 'auto' picks DuckDB (default DEFAULT_DUCKDB_THRESHOLD_BYTES). */
  thresholdBytes?: number;
  /**
   * A session to reuse (its people_input, spells, and for each event <event>_input, <event>_rows and
   * <event>_spells are replaced); otherwise one is opened and closed per call. For one session per
   * run, pass a ScaleData (openScaleData) in place of the inputs instead.
   */
  session?: ScaleSession;
}

/**
 * 256 MiB of row-level files: about 17,000 people × 5 years of overtime claims in the demo layout —
 * the same threshold at which loadDataset hands the event files to DuckDB.
 */
export const DEFAULT_DUCKDB_THRESHOLD_BYTES = SCAN_THRESHOLD_BYTES;

/**
 * The engine that will run: 'memory' or 'duckdb'. With 'auto', DuckDB when every event input
 * (overtime, sickness) is a file and the files add up to more than `thresholdBytes`; memory otherwise.
 * @example chooseEngine({ people: 'p.csv', overtime: 'o.parquet' }) // 'duckdb' when over 256 MiB
 */
export function chooseEngine(
  inputs: ScaleInputs,
  { engine = 'auto', thresholdBytes = DEFAULT_DUCKDB_THRESHOLD_BYTES }: ScaleOptions = {},
  where = 'chooseEngine',
): 'memory' | 'duckdb' {
  if (!isLoadEngine(engine)) {
    throw new Error(
      `${where}: engine must be 'auto', 'memory' or 'duckdb', got ${JSON.stringify(engine)}.`,
    );
  }
  if (!(thresholdBytes >= 0)) {
    throw new Error(
      `${where}: thresholdBytes must be a number of bytes ≥ 0, got ${thresholdBytes}.`,
    );
  }
  const entries = Object.entries(inputs).filter(([k, v]) => v !== undefined && k !== 'people');
  const tables = entries.filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (engine === 'duckdb' && tables.length > 0) {
    throw new Error(
      `${where}: engine 'duckdb' reads files, but ${tables.join(', ')} ${tables.length > 1 ? 'are' : 'is'} an in-memory table. Pass the CSV or Parquet path instead, or use engine 'memory'.`,
    );
  }
  if (engine !== 'auto') return engine;
  if (tables.length > 0) return 'memory';
  return inputBytes(inputs) > thresholdBytes ? 'duckdb' : 'memory';
}

/**
 * Total size in bytes of the inputs given as file paths (tables count 0).
 * @example inputBytes({ people: 'data/people.csv', overtime: 'data/overtime.csv' })
 */
export function inputBytes(inputs: ScaleInputs): number {
  let total = 0;
  for (const [name, value] of Object.entries(inputs)) {
    if (typeof value !== 'string') continue;
    try {
      total += statSync(value).size;
    } catch {
      throw new Error(`${name}: cannot read the file ${value}. Check the path.`);
    }
  }
  return total;
}

/**
 * The inputs an aggregation of `event` rows reads: people and that event input only (so the other
 * is neither registered nor read); throws "<where>: inputs.<event> is missing." without it. A
 * ScaleData is returned as it is, once it is known to hold `event`.
 * @example inputs = eventInputs(inputs, 'sickness', 'summarizeSicknessByPeriod')
 */
export function eventInputs(
  inputs: ScaleInputs | ScaleData,
  event: 'overtime' | 'sickness',
  where: string,
): ScaleInputs | ScaleData {
  if (isScaleData(inputs)) {
    if (inputs.events[event]) return inputs;
    throw new Error(
      `${where}: inputs.${event} is missing: the ScaleData was opened without it. Pass it to openScaleData().`,
    );
  }
  if (inputs[event] === undefined) throw new Error(`${where}: inputs.${event} is missing.`);
  return { people: inputs.people, [event]: inputs[event] };
}

/**
 * The table of one aggregation: `sql` run on the tables of a ScaleData (openScaleData), or from the
 * engine chooseEngine picks — `sql` on a session reading the files (prepareSession, as views), or
 * `inMemory` on the inputs as arquero tables (inputTables). The SQL reads `spells`,
 * `overtime_spells` and `sickness_spells`.
 * @example await aggregate(inputs, options, where, () => overtimeSql(periods), (t) => overtimeInMemory(t, periods))
 */
export async function aggregate(
  inputs: ScaleInputs | ScaleData,
  options: ScaleOptions,
  where: string,
  sql: () => string,
  inMemory: (tables: Partial<Record<keyof ScaleInputs, ColumnTable>>) => ColumnTable,
): Promise<ColumnTable> {
  if (isScaleData(inputs)) {
    if (options.engine === 'memory' || options.session !== undefined) {
      throw new Error(
        `${where}: a ScaleData runs on its own DuckDB session: leave out engine 'memory' and session, or pass the inputs instead.`,
      );
    }
    if (inputs.closed) {
      throw new Error(`${where}: this ScaleData is closed. Open another with openScaleData().`);
    }
    return inputs.session.query(sql());
  }
  if (chooseEngine(inputs, options, where) === 'memory') {
    return inMemory(await inputTables(inputs, options));
  }
  const session = options.session ?? (await openScaleSession());
  try {
    await prepareSession(session, inputs, { materialise: false });
    return await session.query(sql());
  } finally {
    if (options.session === undefined) session.close();
  }
}

/**
 * Runs `work` with a session in which every file input is a view named after its table (people,
 * overtime, sickness); opens and closes a session unless `options.session` is given.
 */
export async function withViews<T>(
  inputs: ScaleInputs,
  options: ScaleOptions,
  work: (session: ScaleSession) => Promise<T>,
): Promise<T> {
  const session = options.session ?? (await openScaleSession());
  try {
    for (const [name, value] of Object.entries(inputs)) {
      if (typeof value === 'string') await session.view(name as TableName, value);
      else if (value !== undefined) await session.register(name as TableName, value);
    }
    return await work(session);
  } finally {
    if (options.session === undefined) session.close();
  }
}

/**
 * The inputs as arquero tables: files are read through DuckDB with the canonical column types
 * (dates as epoch days), so the memory engine sees what loadDataset would give for clean files.
 */
export async function inputTables(
  inputs: ScaleInputs,
  options: ScaleOptions,
): Promise<Partial<Record<keyof ScaleInputs, ColumnTable>>> {
  const out: Partial<Record<keyof ScaleInputs, ColumnTable>> = {};
  const files = Object.entries(inputs).filter(([, v]) => typeof v === 'string');
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined && typeof value !== 'string') out[name as keyof ScaleInputs] = value;
  }
  if (files.length === 0) return out;
  await withViews(Object.fromEntries(files) as unknown as ScaleInputs, options, async (s) => {
    for (const [name] of files) {
      out[name as keyof ScaleInputs] = await s.query(`SELECT * FROM ${sqlName(name)}`);
    }
  });
  return out;
}
