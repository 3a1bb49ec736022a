// One DuckDB session holding a dataset's row-level inputs for a whole run: each file is read once,
// into rows holding only the columns the aggregations read, and every scale aggregation queries them.
// Steps: open a session → people into the table `spells` (numbered) → each event file into the
// table `<event>_rows`, joined to spells by the view `<event>_spells` (or the join cached as
// Parquet) → aggregations → close.
import type { ColumnTable } from 'arquero';
import { openScaleSession, sqlName, sqlString, type ScaleSession } from './duckdb-session.js';
import { cachedParquet, fileIdentity, openCacheDir } from './scale-cache.js';
import { OPEN_END } from './spells.js';

/** A row-level input: an arquero table already in memory, or the path of a CSV or Parquet file. */
export type RowInput = ColumnTable | string;

/**
 * The inputs of the scale path. people (analysis-sized, it maps events to units) may be a table for
 * either engine (DuckDB gets a copy); the event inputs must be files for DuckDB.
 */
export interface ScaleInputs {
  people: RowInput;
  overtime?: RowInput;
  sickness?: RowInput;
}

/** A dataset's row-level inputs held in one DuckDB session; pass it to the summarize… functions. */
export interface ScaleData {
  readonly kind: 'scale-data';
  readonly session: ScaleSession;
  /** Which event inputs were given (an aggregation of a missing one throws). */
  readonly events: { overtime: boolean; sickness: boolean };
  /**
   * people as an arquero table: canonical columns (or only `columns`, cheaper to bring over from
   * DuckDB), dates as epoch days, in file order.
   * @example const people = await data.people(['unit_id', 'start_date', 'end_date', 'fte', 'leaver_type'])
   */
  people(columns?: readonly string[]): Promise<ColumnTable>;
  /** Closes the session and releases its memory (cached Parquet files stay). */
  close(): void;
  /** Whether close() was called. */
  readonly closed: boolean;
}

export interface ScaleDataOptions {
  /**
   * Folder for a Parquet cache of the joined inputs, created with mode 0700 (it holds personal
   * data). Without it, the event rows are held in DuckDB's memory for the session only.
   */
  cacheDir?: string;
  /** DuckDB worker threads (default one per core). */
  threads?: number;
  /** DuckDB memory limit, e.g. '8GB'. */
  memoryLimit?: string;
}

/**
 * Opens one DuckDB session for a run: reads each file input once (events into rows of the columns the
 * aggregations read), numbers the employment spells of people, and gives every overtime claim and
 * sickness spell the spell in post on its date (first day), in a view each aggregation joins as it
 * runs (cheaper than writing the joined rows out: the join costs a fraction of reading the file).
 * summarizeOvertimeByPeriod, summarizeSicknessByPeriod, summarizeRollingOvertime and
 * summarizeHeadcountAtDates then take it in place of the inputs and query those tables. With
 * `cacheDir`, the joined tables are written there as Parquet and reused by later runs on the same
 * files (same path, size, modification time, first and last MiB). Close it when done.
 * @example const data = await openScaleData({ people: 'p.csv', overtime: 'o.csv' }); try { await summarizeOvertimeByPeriod(data, { periods }) } finally { data.close() }
 */
export async function openScaleData(
  inputs: ScaleInputs,
  options: ScaleDataOptions = {},
): Promise<ScaleData> {
  const where = 'openScaleData';
  if (inputs?.people === undefined) throw new Error(`${where}: inputs.people is missing.`);
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined && typeof value !== 'string' && typeof value?.numRows !== 'function') {
      throw new Error(`${where}: inputs.${name} must be a file path or an arquero table.`);
    }
  }
  const cacheDir = options.cacheDir === undefined ? undefined : openCacheDir(options.cacheDir);
  const session = await openScaleSession(options);
  try {
    await prepareSession(session, inputs, { materialise: true, cacheDir });
  } catch (error) {
    session.close();
    throw error;
  }
  let closed = false;
  return {
    kind: 'scale-data',
    session,
    events: { overtime: inputs.overtime !== undefined, sickness: inputs.sickness !== undefined },
    people: (columns) => peopleTable(session, columns),
    close: () => {
      if (!closed) session.close();
      closed = true;
    },
    get closed() {
      return closed;
    },
  };
}

// people from the session's spells, in file order: every column but the spell number, or `columns`.
async function peopleTable(
  session: ScaleSession,
  columns: readonly string[] | undefined,
): Promise<ColumnTable> {
  if (columns === undefined)
    return session.query('SELECT * EXCLUDE (spell) FROM spells ORDER BY spell');
  const have = (
    (
      await session.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'spells' AND column_name <> 'spell' ORDER BY ordinal_position`,
      )
    ).array('column_name') as string[]
  ).slice();
  const missing = columns.filter((c) => !have.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `ScaleData.people: no column ${missing.join(', ')} in people. Its columns: ${have.join(', ')}.`,
    );
  }
  return session.query(`SELECT ${columns.map(sqlName).join(', ')} FROM spells ORDER BY spell`);
}

/** compensation_code in overtime_spells of each compensation the aggregations tell apart (else NULL). */
export const COMPENSATION_CODES = { paid: 1, toil: 2, unpaid: 3 } as const;

/** Whether `value` is a ScaleData (from openScaleData) rather than the inputs themselves. */
export function isScaleData(value: unknown): value is ScaleData {
  return (value as ScaleData | null)?.kind === 'scale-data';
}

/**
 * Registers `inputs` in `session` as the tables every DuckDB aggregation reads: `spells` (people
 * with a spell number), `overtime_spells` (spell, date, hours, compensation_code, rest_day_worked) and
 * `sickness_spells` (spell, start_date, end_date, working_days_lost, reason_category), each event row
 * joined to the spell in post on its date from `<event>_rows` (the event file's rows with only the
 * columns the join and the aggregations read). With `materialise`, each file is read once: `spells`
 * and `<event>_rows` are in-memory tables and `<event>_spells` views over them; with `cacheDir`,
 * Parquet files reused while the files are unchanged (the joins are cached when people is a file;
 * when people is an in-memory table, the event files are cached as read). Otherwise the rows and joins
 * are views, and each query reads the files.
 */
export async function prepareSession(
  session: ScaleSession,
  inputs: ScaleInputs,
  { materialise, cacheDir }: { materialise: boolean; cacheDir?: string },
): Promise<void> {
  const cache = materialise ? cacheDir : undefined;
  const identity = (value: ScaleInputs[keyof ScaleInputs]) =>
    typeof value === 'string' ? fileIdentity(value) : null;
  const peopleFile = identity(inputs.people);
  // Registers the input `table` as `<table>_input`; with people in memory, a cached copy of the file.
  const source = async (table: keyof ScaleInputs) => {
    const value = inputs[table]!;
    const name = `${table}_input`;
    if (typeof value !== 'string') return session.register(table, value, name);
    await session.view(table, value, name);
    if (cache === undefined || peopleFile !== null) return;
    const file = await cachedParquet(session, cache, table, [identity(value)!], `FROM ${name}`);
    await session.exec(`CREATE OR REPLACE VIEW ${name} AS FROM read_parquet(${sqlString(file)})`);
  };
  // Creates `name` as a view over a cached Parquet file of `select`, whose sources are the files of
  // the identities `from`; returns the file.
  const cached = async (name: string, select: string, from: string[]) => {
    await dropName(session, name);
    const file = await unordered(name, () => cachedParquet(session, cache!, name, from, select));
    await session.exec(`CREATE VIEW ${name} AS FROM read_parquet(${sqlString(file)})`);
    return file;
  };
  await source('people');
  // Numbered once (a table even for a one-off query, or a cached file), so that a spell keeps its
  // number in every query; the joins' cache key holds the numbering's file.
  await dropName(session, 'spells');
  const numbered = `SELECT (row_number() OVER () - 1)::INTEGER AS spell, * FROM people_input`;
  const spells =
    cache !== undefined && peopleFile !== null
      ? await cached('spells', numbered, [peopleFile])
      : (await session.exec(`CREATE TABLE spells AS ${numbered}`), null);
  for (const event of ['overtime', 'sickness'] as const) {
    if (inputs[event] === undefined) continue;
    await source(event);
    const rows = `${event}_rows`;
    const joined = `${event}_spells`;
    const file = identity(inputs[event]);
    await dropName(session, rows);
    // A file's rows are read once into a table (materialise), and the join is a view over them,
    // run by each aggregation: writing the joined rows out costs more than joining them again.
    // With the cache, the joins are cached instead (people and the event both files).
    if (materialise && file !== null && spells === null) {
      await unordered(rows, () => session.exec(`CREATE TABLE ${rows} AS ${ROWS_SQL[event]}`));
    } else await session.exec(`CREATE VIEW ${rows} AS ${ROWS_SQL[event]}`);
    if (file !== null && spells !== null) await cached(joined, JOIN_SQL[event], [file, spells]);
    else {
      await dropName(session, joined);
      await session.exec(`CREATE VIEW ${joined} AS ${JOIN_SQL[event]}`);
    }
  }
  // Row order inside an event's rows or a joined table does not matter (every aggregation groups),
  // and keeping it costs time and memory on tens of millions of rows: it is given up while one is
  // written. spells keeps
  // it, so that spells are numbered in file order.
  async function unordered<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (name === 'spells') return work();
    await session.exec('SET preserve_insertion_order = false');
    try {
      return await work();
    } finally {
      await session.exec('RESET preserve_insertion_order');
    }
  }
}

/**
 * The rows of each event input the join and the aggregations read, typed. Compensation is kept as a
 * one-byte code (COMPENSATION_CODES): on tens of millions of claims a text column costs more to store
 * than the rest of the row.
 */
const ROWS_SQL = {
  overtime: `SELECT person_id, date, hours,
  (CASE compensation WHEN 'paid' THEN 1 WHEN 'toil' THEN 2 WHEN 'unpaid' THEN 3 END)::UTINYINT
    AS compensation_code, rest_day_worked
FROM overtime_input`,
  sickness: `SELECT person_id, start_date, end_date, working_days_lost, reason_category
FROM sickness_input`,
};

/** Each event row joined to the employment spell of its person in post on its date (first day). */
const JOIN_SQL = {
  overtime: `SELECT s.spell, o.date, o.hours, o.compensation_code, o.rest_day_worked
FROM overtime_rows o JOIN spells s ON o.person_id = s.person_id AND o.date >= s.start_date
  AND o.date <= coalesce(s.end_date, ${OPEN_END})`,
  sickness: `SELECT s.spell, k.start_date, k.end_date, k.working_days_lost, k.reason_category
FROM sickness_rows k JOIN spells s ON k.person_id = s.person_id AND k.start_date >= s.start_date
  AND k.start_date <= coalesce(s.end_date, ${OPEN_END})`,
};

/** Drops the view or table `name` of the session, if there is one. */
async function dropName(session: ScaleSession, name: string): Promise<void> {
  const kind = (
    await session.query(
      `SELECT table_type FROM information_schema.tables WHERE table_name = ${sqlString(name)}`,
    )
  ).get('table_type', 0) as string | undefined;
  if (kind === 'VIEW') await session.exec(`DROP VIEW ${name}`);
  else if (kind !== undefined) await session.exec(`DROP TABLE ${name}`);
}
