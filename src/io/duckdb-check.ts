// Validate big event files inside DuckDB: each CSV is read by DuckDB's parser with the columns' types,
// a SQL predicate passes the rows that are certainly valid (a strict subset of what the loader accepts,
// with nothing to warn about), and every other row goes back through the loader's own checks in JS,
// so rejects and warnings are the loader's, word for word. Steps: is the source plain enough → the
// typed read and the predicate, from the schema → a first pass counting (every core) → a second pass,
// only when some rows need JS, numbering rows in file order → their physical lines. When no values
// come back (wbk check of a file without a key), the first pass reads text and collects each column's
// distinct values instead, and the loader's parsers judge each once (judgeDistinct).
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { PERSON_TABLES, SCHEMA, type TableName } from '../schema/tables.js';
import type { ColumnSpec } from '../schema/types.js';
import { LONG_OVERTIME_HOURS, rowRuleColumns } from '../schema/validate-row.js';
import { allowedValues, type DatasetConfig } from '../schema/vocabularies.js';
import type { Mapping, MappingSource } from './mapping/mapping.js';
import { needsShaping } from './mapping/records.js';
import { plainCells } from './load-file.js';
import { CsvParser } from './readers/csv-parser.js';
import { CSV_LIMITS } from './readers/csv-quoted.js';
import type { RawRecord } from './readers/index.js';
import { ColumnBuilder, IntBuilder } from './column-builder.js';

/**
 * Tables whose row rules the predicate can express: the event tables about a person. postings (and
 * people, units, unit_indicators) have rules across columns (leavers, units) that only the loader
 * applies.
 */
export const SCAN_TABLES: readonly TableName[] = PERSON_TABLES.filter((t) => t !== 'postings');

/**
 * True when `file` of `source` can be scanned by DuckDB: a delimited text file of a table in
 * SCAN_TABLES, in UTF-8, whose columns are taken as they are or renamed (no derivations, constants,
 * value maps, defaults, suffixes, patterns, missing-value codes, thousands or decimal commas,
 * pseudonymisation, reshaping), with one date format for all its date columns. Other files are loaded
 * by the JS loader, which handles everything.
 * @example scannable('overtime.csv', source, mapping, false) // true for the demo layout
 */
export function scannable(
  file: string,
  source: MappingSource,
  mapping: Mapping,
  pseudonymised: boolean,
): boolean {
  const empty = (o: object) => Object.keys(o).length === 0;
  const table = source.table as TableName;
  return (
    ['.csv', '.tsv', '.txt'].includes(extname(file).toLowerCase()) &&
    SCAN_TABLES.includes(table) &&
    !pseudonymised &&
    !needsShaping(source) &&
    source.unpivot === undefined &&
    source.hierarchy === undefined &&
    (source.encoding === undefined || /^utf-?8$/i.test(source.encoding)) &&
    (source.decimal ?? mapping.decimal) === '.' &&
    source.thousands === undefined &&
    mapping.missing_values.length === 0 &&
    (source.missing_values ?? []).length === 0 &&
    [
      source.derive,
      source.constants,
      source.values,
      source.defaults,
      source.strip_suffix,
      source.patterns,
      source.date_formats,
    ].every(empty) &&
    strptimeFormat(source.date_format ?? mapping.date_format) !== undefined
  );
}

/** DuckDB's strptime format of a date format of the kit (dd, mm, yyyy and a separator). */
export function strptimeFormat(format: string): string | undefined {
  const key = format === 'iso' ? 'yyyy-mm-dd' : format.toLowerCase();
  const tokens = /^(yyyy|mm|dd)([/.-])(yyyy|mm|dd)\2(yyyy|mm|dd)$/.exec(key);
  if (!tokens || new Set([tokens[1], tokens[3], tokens[4]]).size !== 3) return undefined;
  const code = { yyyy: '%Y', mm: '%m', dd: '%d' } as Record<string, string>;
  return [tokens[1], tokens[3], tokens[4]].map((t) => code[t]).join(tokens[2]);
}

/** What the scan of one file needs to know. */
export interface ScanPlan {
  table: TableName;
  /** The file's header, as the loader reads it (trimmed). */
  header: string[];
  /** Each canonical column and the header position it is read from (-1: absent). */
  columns: { name: string; at: number }[];
  config: DatasetConfig;
  asOf: number;
  /** The date format of the source ('iso', 'dd/mm/yyyy', …). */
  dateFormat: string;
  delimiter: string;
  /** The file. */
  path: string;
  /** Its source and mapping (the loader's parsers judge the distinct values: judgeDistinct). */
  source: MappingSource;
  mapping: Mapping;
}

/**
 * The canonical columns of the source's table and, for each, the header position it is read from
 * (-1: absent), as planColumns maps them (rename, else the same name).
 */
export function columnSources(
  header: string[],
  source: MappingSource,
): { name: string; at: number }[] {
  const renamedFrom = new Map(Object.entries(source.rename).map(([from, to]) => [to, from]));
  return Object.keys(SCHEMA[source.table as TableName].columns).map((name) => {
    const from = renamedFrom.get(name);
    const at =
      from !== undefined ? header.indexOf(from) : name in source.rename ? -1 : header.indexOf(name);
    return { name, at };
  });
}

const q = (i: number) => `"c${i}"`;
const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Code points String.prototype.trim removes besides 0–32. */
const UNICODE_SPACES = [160, 5760, 8232, 8233, 8239, 8287, 12288, 65279];

/** SQL: the code point `c` is not one String.prototype.trim removes. */
const kept = (c: string) =>
  `(${c} > 32 AND ${c} NOT IN (${UNICODE_SPACES.join(', ')}) AND NOT ${c} BETWEEN 8192 AND 8202)`;

/** SQL: `v` holds no U+FFFD (the loader reads it as a decoding error). */
const noReplacement = (v: string) => `NOT contains(${v}, '\uFFFD')`;

/** Spellings of true and false that DuckDB reads as the enum; others go to the loader. */
const BOOLEAN_SPELLINGS = ['true', 'false', 'TRUE', 'FALSE', 'True', 'False'];

/** The values of an enum column's DuckDB ENUM, in code order. */
function enumValues(spec: ColumnSpec, config: DatasetConfig): string[] | undefined {
  const values =
    spec.type === 'boolean'
      ? BOOLEAN_SPELLINGS
      : spec.type === 'enum'
        ? allowedValues(spec, config)
        : undefined;
  return values === undefined ? undefined : [...new Set(values)];
}

/**
 * The DuckDB type each raw column is read as: DATE (with the source's format), an ENUM of the allowed
 * values, or VARCHAR (numbers and times too: DuckDB's casts take text the loader rejects, such as
 * 1_000 and 07:05:00.000, so those are checked in SQL). A cell DuckDB cannot cast rejects its line,
 * which then goes to the loader. `types` receives the CREATE TYPE statements.
 */
function rawTypes(plan: ScanPlan, types: string[]): string[] {
  const specs = SCHEMA[plan.table].columns as Record<string, ColumnSpec>;
  const out = plan.header.map(() => 'VARCHAR');
  for (const { name, at } of plan.columns) {
    if (at < 0) continue;
    const spec = specs[name];
    const values = enumValues(spec, plan.config);
    if (spec.type === 'date') out[at] = 'DATE';
    else if (values !== undefined) {
      const type = `wbk_enum_${plan.table}_${name}`;
      types.push(`CREATE TYPE IF NOT EXISTS "${type}" AS ENUM (${values.map(lit).join(', ')})`);
      out[at] = `"${type}"`;
    }
  }
  return out;
}

/**
 * For one canonical column read from raw column `v` (typed by rawTypes): the SQL of its value as the
 * loader stores it (dates as epoch days, times as minutes) and of "the cell is certainly valid".
 */
function cellSql(v: string, name: string, spec: ColumnSpec, plan: ScanPlan) {
  const range = (n: string) =>
    [
      `isfinite(${n})`,
      ...(spec.min === undefined ? [] : [`${n} ${spec.exclusiveMin ? '>' : '>='} ${spec.min}`]),
      ...(spec.max === undefined ? [] : [`${n} ${spec.exclusiveMax ? '<' : '<='} ${spec.max}`]),
    ].join(' AND ');
  const key = (SCHEMA[plan.table].key as readonly string[]).includes(name);
  switch (spec.type) {
    case 'string':
    case 'list': {
      // the start is checked so that a value of spaces is not taken as given; a key's end too, as
      // the loader compares keys trimmed
      const edges = key
        ? ` AND ${kept(`ascii(${v})`)} AND ${kept(`ascii(right(${v}, 1))`)}`
        : spec.required
          ? ` AND ${kept(`ascii(${v})`)}`
          : '';
      const items =
        spec.type === 'list' && allowedValues(spec, plan.config) !== undefined
          ? ` AND list_has_all([${allowedValues(spec, plan.config)!.map(lit).join(', ')}], string_split(${v}, ';'))`
          : '';
      return { value: `${v}`, ok: `${noReplacement(v)}${edges}${items}` };
    }
    case 'enum':
    case 'boolean':
      // the enum cast rejects other values; the check names the column so that DuckDB reads it
      // (a column no expression uses is never cast, and its bad values would pass)
      return {
        value: spec.type === 'boolean' ? `(lower(${v}::VARCHAR) = 'true')` : `${v}::VARCHAR`,
        ok: `enum_code(${v}) >= 0`,
      };
    case 'integer':
    case 'number': {
      const n = `TRY_CAST(${v} AS DOUBLE)`;
      const whole = spec.type === 'integer' ? ` AND ${n} = floor(${n})` : '';
      return { value: n, ok: `NOT contains(${v}, '_') AND ${range(n)}${whole}` };
    }
    case 'time': {
      const t = `TRY_CAST(${v} AS TIME)`;
      return {
        value: `(hour(${t}) * 60 + minute(${t}))::INTEGER`,
        ok: `length(${v}) = 5 AND ${v}[3] = ':' AND ${v}[5] BETWEEN '0' AND '9' AND ${t} IS NOT NULL`,
      };
    }
    case 'date': {
      const day = `(${v} - DATE '1970-01-01')::INTEGER`;
      const past = spec.futureAllowed ? '' : ` AND ${day} <= ${plan.asOf}`;
      return { value: day, ok: `${v} >= DATE '1000-01-01'${past}` };
    }
  }
}

/**
 * SQL of the typed rows of a file: per row `rn` (from `numbered`), the loader's value of each
 * canonical column as "t_<name>", and `ok` — true only for rows the loader would load without a
 * reject or a warning: every cell parsed, in range and clean (no U+FFFD, no leading space in a
 * required text, no surrounding space in a key); dates not after the as-of date (an end after it is a
 * planned end, which warns); ends not before starts; none of the row warnings (long overtime claims,
 * times that disagree with hours, return-to-work interviews before the absence).
 */
export function typedRowsSql(plan: ScanPlan, numbered: boolean, types: string[]): string {
  const raw = rawTypes(plan, types);
  const specs = SCHEMA[plan.table].columns as Record<string, ColumnSpec>;
  const used = new Set(plan.columns.map((c) => c.at));
  const checks: string[] = [];
  const values: string[] = [];
  plan.header.forEach((_, i) => {
    if (!used.has(i)) checks.push(`${q(i)} IS NULL OR ${noReplacement(q(i))}`);
  });
  for (const { name, at } of plan.columns) {
    const spec = specs[name];
    if (at < 0) {
      values.push(`NULL AS "t_${name}"`);
      if (spec.required) checks.push('false');
      continue;
    }
    const cell = cellSql(q(at), name, spec, plan);
    values.push(`${cell.value} AS "t_${name}"`);
    checks.push(`${q(at)} IS ${spec.required ? 'NOT NULL AND' : 'NULL OR'} (${cell.ok})`);
  }
  const t = (name: string) => `"t_${name}"`;
  const rules: string[] = [];
  if (plan.table === 'sickness') {
    rules.push(`${t('end_date')} IS NULL OR ${t('end_date')} >= ${t('start_date')}`);
    rules.push(
      `${t('rtw_interview_date')} IS NULL OR ${t('rtw_interview_date')} >= ${t('start_date')}`,
    );
  }
  if (plan.table === 'overtime') {
    rules.push(`${t('hours')} <= ${LONG_OVERTIME_HOURS}`);
    const gap = `(${t('end_time')} - ${t('start_time')} + 1440) % 1440`;
    rules.push(
      `${t('start_time')} IS NULL OR ${t('end_time')} IS NULL OR ` +
        `${t('hours')} * 60 <= (CASE WHEN ${gap} = 0 THEN 1440 ELSE ${gap} END) + 15`,
    );
  }
  const source = csvSource(plan, raw);
  const rn = numbered ? 'row_number() OVER ()' : '0';
  const typed =
    `SELECT ${rn} AS rn, ${plan.header.map((_, i) => q(i)).join(', ')}, ${values.join(', ')}, ` +
    `COALESCE(${checks.map((c) => `(${c})`).join(' AND ')}, false) AS cells_ok FROM ${source}`;
  const ok =
    rules.length === 0
      ? 'cells_ok'
      : `cells_ok AND COALESCE(${rules.map((r) => `(${r})`).join(' AND ')}, false)`;
  return `SELECT *, ${ok} AS ok FROM (${typed})`;
}

/**
 * SQL reading the file of `plan` with DuckDB's parser, raw column i as "c<i>" of type `types[i]`;
 * lines it cannot read (or cast) are set aside in wbk_rejects.
 */
function csvSource(plan: ScanPlan, types: string[]): string {
  const columns = plan.header.map((_, i) => `'c${i}': '${types[i].replaceAll("'", "''")}'`);
  const format = strptimeFormat(plan.dateFormat)!;
  return (
    `read_csv(${lit(plan.path)}, header = true, auto_detect = false, delim = ${lit(plan.delimiter)}, ` +
    `quote = '"', escape = '"', strict_mode = true, null_padding = false, ` +
    `dateformat = ${lit(format)}, max_line_size = ${CSV_LIMITS.maxRecordChars}, ` +
    `ignore_errors = true, store_rejects = true, rejects_table = 'wbk_rejects', ` +
    `rejects_scan = 'wbk_scans', columns = {${columns.join(', ')}})`
  );
}

/** What a scan found in one file. */
export interface ScanResult {
  /** Data records of the file: rows DuckDB read plus lines it rejected. */
  rows: number;
  /** Records for the loader, with their physical lines: rows not vouched for, rejected lines. */
  records: RawRecord[];
  /** The rows vouched for that came back (see scanFile): lines and loader's values of `keep`. */
  passed: { lines: IntBuilder; values: Record<string, ColumnBuilder> };
}

/**
 * What to bring back from a scan. A row is vouched for when it is certainly valid and, with `people`,
 * its person is among them; the rest come back as raw records, for the loader. With `keep`, the
 * vouched rows come back too, as the loader's values of those columns (the key columns for the checks
 * across rows, or every column to load the table): the predicate then vouches only for rows whose
 * cells DuckDB reads as the loader does (as written, for people too). Without `keep`, the vouched rows
 * are only counted, and each distinct value is judged once by the loader's own parsers and rules
 * (judgeDistinct); the file is read a second time, numbering rows in file order on one core, only
 * when some rows need the loader.
 */
export interface ScanWant {
  keep: string[];
  /** A DuckDB table of the accepted people's person_id: rows of other people go to the loader. */
  people?: string;
}

/**
 * Scans the file of `plan` as `want` says. Returns undefined when the file's records are not one
 * per line (a quoted line break, a blank line) or a line cannot be handed over as read (not UTF-8,
 * too long): the caller loads the file with JS then, which numbers such files' lines itself.
 */
export async function scanFile(
  connection: DuckDBConnection,
  plan: ScanPlan,
  want: ScanWant,
  started?: StartedScan,
): Promise<ScanResult | undefined> {
  const types: string[] = [];
  const onlyOthers = want.keep.length === 0;
  if (started !== undefined && (!onlyOthers || started.people !== (want.people !== undefined))) {
    throw new Error('scanFile: the pass started ahead does not fit what is wanted');
  }
  const { counting, pass } =
    started ?? startScan(connection, plan, onlyOthers && want.people !== undefined, onlyOthers);
  if (onlyOthers) {
    const judged = await judgeDistinct(connection, plan, want.people, counting, await pass);
    if (judged !== 'too many') return judged;
    await connection.run('DROP TABLE IF EXISTS wbk_rejects; DROP TABLE IF EXISTS wbk_scans');
  }
  const pick =
    want.people === undefined
      ? undefined
      : `"t_person_id" NOT IN (SELECT person_id FROM ${want.people})`;
  const vouched = pick === undefined ? 'ok' : `ok AND NOT COALESCE(${pick}, true)`;
  let n = 0;
  let rejected: Map<number, string> | undefined = new Map();
  if (onlyOthers) {
    const first = await run(
      connection,
      types,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE NOT (${vouched}))::INTEGER AS others ` +
        `FROM (${typedRowsSql(plan, false, types)})`,
    );
    const counts = first[0] as { n: number; others: number };
    n = counts.n;
    // the second pass re-reads the file: the lines it sets aside are the first pass's
    rejected = await rejectedLines(connection);
    if (rejected === undefined) return undefined;
    if (counts.others === 0) return finish(plan, n, rejected, [], emptyPassed(want.keep), counting);
  }
  // enum columns come back as their codes, text columns shared per distinct value: decoding
  // tens of millions of strings is most of the cost of bringing rows back into JS
  const specs = SCHEMA[plan.table].columns as Record<string, ColumnSpec>;
  const at = new Map(plan.columns.map((c) => [c.name, c.at]));
  const codes = want.keep.map((c) =>
    specs[c].type === 'enum' && at.get(c)! >= 0 ? enumValues(specs[c], plan.config) : undefined,
  );
  // times come back as minutes of the day and lists as text: the loader's values are HH:MM and arrays
  const kinds = want.keep.map((c) => specs[c].type);
  const fields = [
    ...want.keep.map((c, k) =>
      codes[k] !== undefined
        ? `CASE WHEN vouched THEN enum_code(${q(at.get(c)!)})::INTEGER END`
        : `CASE WHEN vouched THEN "t_${c}" END`,
    ),
    ...plan.header.map((_, i) => `CASE WHEN vouched THEN NULL ELSE ${q(i)}::VARCHAR END`),
  ];
  const result = await stream(
    connection,
    types,
    `SELECT rn::INTEGER AS rn, vouched, ${fields.join(', ')} FROM (SELECT *, ${vouched} AS vouched ` +
      `FROM (${typedRowsSql(plan, true, types)}))${onlyOthers ? ' WHERE NOT vouched' : ''}`,
  );
  const records: RawRecord[] = [];
  const passed = emptyPassed(want.keep);
  const keep = want.keep.map((c) => passed.values[c]);
  const width = plan.header.length;
  let previous = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const vectors = Array.from({ length: chunk.columnCount }, (_, i) => chunk!.getColumnVector(i));
    const [rns, flags] = vectors;
    for (let r = 0; r < chunk.rowCount; r++) {
      const rn = rns.getItem(r) as number;
      if (rn <= previous) throw new Error('DuckDB returned rows out of file order');
      previous = rn;
      if (!onlyOthers) n++;
      if (flags.getItem(r)) {
        passed.lines.push(rn);
        for (let k = 0; k < keep.length; k++) {
          let value = vectors[2 + k].getItem(r) as unknown;
          if (value !== null) {
            if (codes[k] !== undefined) value = codes[k]![value as number];
            else if (kinds[k] === 'time') value = CLOCK[value as number];
            else if (kinds[k] === 'list') value = (value as string).split(';');
          }
          keep[k].push(value);
        }
      } else {
        const values: unknown[] = new Array(width);
        for (let i = 0; i < width; i++) values[i] = vectors[2 + keep.length + i].getItem(r);
        records.push({ line: rn, values });
      }
    }
  }
  if (!onlyOthers) {
    rejected = await rejectedLines(connection);
    if (rejected === undefined) return undefined;
  }
  return finish(plan, n, rejected, records, passed, counting);
}

/**
 * Distinct values in all judged groups of a file above which the scan uses the predicate instead
 * (judging each in JS and holding them would cost more than it saves).
 */
const MAX_DISTINCT = 2_000_000;

/**
 * The columns of `table` the scan judges by their distinct values, in groups judged whole: the sets
 * of columns a row rule reads together (merged where they share a column), then each other column
 * alone — all but free text (string and list columns, checked row by row in SQL), though person_id
 * is judged when rows of unknown people are to be picked out.
 * @example judgedGroups('overtime', true) // [['hours', 'start_time', 'end_time'], ['person_id'], ['date'], …]
 */
export function judgedGroups(table: TableName, people: boolean): string[][] {
  const specs = SCHEMA[table].columns as Record<string, ColumnSpec>;
  const names = Object.keys(specs);
  let groups: string[][] = [];
  for (const set of rowRuleColumns(table)) {
    const joined = groups.filter((g) => g.some((c) => set.includes(c)));
    groups = [
      ...groups.filter((g) => !joined.includes(g)),
      [...new Set([...joined.flat(), ...set])],
    ];
  }
  const grouped = new Set(groups.flat());
  for (const name of names) {
    const text = specs[name].type === 'string' || specs[name].type === 'list';
    if (!grouped.has(name) && (!text || (people && name === 'person_id'))) groups.push([name]);
  }
  return groups.map((g) => names.filter((name) => g.includes(name)));
}

/**
 * A scan begun: the count of the file's lines and, for a file whose rows need not come back, its
 * distinct-values pass (distinctPass), both under way.
 */
export interface StartedScan {
  counting: Promise<number>;
  /** The pass (undefined when the scan brings rows back); it rejects when DuckDB fails. */
  pass: Promise<DistinctPass | undefined | 'too many'>;
  /** Whether the pass judges person_id, to look its people up when they are loaded. */
  people: boolean;
}

/**
 * Begins the scan of `plan` on `connection`: counts the file's lines and, with `distinct` (a scan
 * that brings no rows back), runs its distinct-values pass, which needs no people yet (`people`: judge
 * person_id, to be looked up among them once loaded). The pass leaves its tables on `connection`
 * (temporary tables: one connection per scan under way), where scanFile carries on with it. Started
 * ahead (scan-load's startScans), DuckDB reads the big files on its own threads while JS loads people.
 */
export function startScan(
  connection: DuckDBConnection,
  plan: ScanPlan,
  people: boolean,
  distinct = true,
): StartedScan {
  const counting = countLines(plan.path);
  const pass = connection
    .run('DROP TABLE IF EXISTS wbk_rejects; DROP TABLE IF EXISTS wbk_scans')
    .then(() => (distinct ? distinctPass(connection, plan, people) : undefined));
  // awaited later (or never, when the load stops first): not an unhandled rejection meanwhile
  counting.catch(() => undefined);
  pass.catch(() => undefined);
  return { counting, pass, people };
}

/** What the distinct-values pass of a file found (its values are in wbk_distinct). */
export interface DistinctPass {
  groups: string[][];
  /** The SQL reading the file as text, with the judged columns as "v_<name>". */
  read: string;
  /** The SQL of "the row's unjudged cells are certainly valid". */
  textOk: string;
  /** Lines DuckDB's parser set aside (rejectedLines). */
  rejected: Map<number, string>;
}

/**
 * The first pass of judgeDistinct: one pass of DuckDB's parser reads every cell as text, counts the
 * rows, checks free text row by row (as the predicate does) and collects the distinct values of each
 * judged group (judgedGroups, with person_id when `people`) into wbk_distinct. Undefined when a line
 * cannot be handed to the loader as read; 'too many' when the values are too many to judge.
 */
async function distinctPass(
  connection: DuckDBConnection,
  plan: ScanPlan,
  people: boolean,
): Promise<DistinctPass | undefined | 'too many'> {
  const specs = SCHEMA[plan.table].columns as Record<string, ColumnSpec>;
  const at = new Map(plan.columns.map((c) => [c.name, c.at]));
  const groups = judgedGroups(plan.table, people);
  const names = groups.flat();
  const v = (name: string) => `"v_${name}"`;
  const checks: string[] = [];
  const used = new Set(plan.columns.map((c) => c.at));
  plan.header.forEach((_, i) => {
    if (!used.has(i)) checks.push(`${q(i)} IS NULL OR ${noReplacement(q(i))}`);
  });
  for (const { name, at: i } of plan.columns.filter((c) => !names.includes(c.name))) {
    const spec = specs[name];
    if (i < 0) {
      if (spec.required) checks.push('false');
      continue;
    }
    const ok = cellSql(q(i), name, spec, plan).ok;
    checks.push(`${q(i)} IS ${spec.required ? 'NOT NULL AND' : 'NULL OR'} (${ok})`);
  }
  const textOk =
    checks.length === 0 ? 'true' : `COALESCE(${checks.map((c) => `(${c})`).join(' AND ')}, false)`;
  const values = names.map(
    (n) => `${at.get(n)! >= 0 ? q(at.get(n)!) : 'NULL::VARCHAR'} AS ${v(n)}`,
  );
  const read =
    `SELECT *${values.map((e) => `, ${e}`).join('')} ` +
    `FROM ${csvSource(
      plan,
      plan.header.map(() => 'VARCHAR'),
    )}`;
  const sets = groups.length > 0 ? groups.map((g) => `(${g.map(v).join(', ')})`) : ['()'];
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE wbk_distinct AS SELECT ` +
      `${names.length > 0 ? `GROUPING(${names.map(v).join(', ')})` : '0'}::INTEGER AS g, ` +
      `${names.map((n) => `${v(n)}, `).join('')}count(*)::BIGINT AS n, ` +
      `count(*) FILTER (WHERE NOT ${textOk})::BIGINT AS others ` +
      `FROM (${read}) GROUP BY GROUPING SETS (${sets.join(', ')})`,
  );
  const size = await connection.runAndReadAll('SELECT count(*)::INTEGER FROM wbk_distinct');
  if ((size.getRows()[0][0] as number) > MAX_DISTINCT) return 'too many';
  const rejected = await rejectedLines(connection);
  if (rejected === undefined) return undefined;
  return { groups, read, textOk, rejected };
}

/**
 * Scans a file without bringing rows back, after its distinct-values pass (distinctPass): each
 * distinct value is judged once by the loader's own parsers and row rules (plainCells), and, with
 * `people`, its person looked up among them. When every row passes, that is the scan; otherwise a
 * second pass brings back, numbered in file order, the rows with a failing text or a value judged
 * bad, for the loader. 'too many' when the distinct values are too many to judge (the caller uses the
 * predicate).
 */
async function judgeDistinct(
  connection: DuckDBConnection,
  plan: ScanPlan,
  people: string | undefined,
  counting: Promise<number>,
  pass: DistinctPass | undefined | 'too many',
): Promise<ScanResult | undefined | 'too many'> {
  if (pass === undefined || pass === 'too many') return pass;
  const { groups, read, textOk, rejected } = pass;
  const at = new Map(plan.columns.map((c) => [c.name, c.at]));
  const names = groups.flat();
  const v = (name: string) => `"v_${name}"`;
  // GROUPING(…) has a bit per judged column, set when the row's group does not hold it; every row
  // is counted once in each group, so the counts of the first group (or of the whole, when no
  // column is judged) add up to the file's
  const mask = (group: string[]) =>
    names.reduce((m, n, i) => (group.includes(n) ? m : m | (1 << (names.length - 1 - i))), 0);
  const known =
    people === undefined
      ? undefined
      : new Set(
          (await connection.runAndReadAll(`SELECT person_id FROM ${people}`)).getColumnsJS()[0],
        );
  const verdicts = groups.map((g) =>
    plainCells(
      plan.header,
      plan.source,
      plan.mapping,
      plan.config,
      plan.asOf,
      g.map((name) => ({ name, at: at.get(name)! })),
    ),
  );
  const masks = groups.map(mask);
  const distinct = await connection.runAndReadAll(
    `SELECT rowid::BIGINT AS id, g, ${names.map((n) => `${v(n)}, `).join('')}n::DOUBLE AS n, ` +
      `others::DOUBLE AS others FROM wbk_distinct`,
  );
  const columns = distinct.getColumnsJS();
  const [ids, gs] = columns;
  let n = 0;
  let others = 0;
  const bad: bigint[] = [];
  const badGroups = new Set<number>();
  const offset = new Map(names.map((name, i) => [name, 2 + i]));
  for (let r = 0; r < ids.length; r++) {
    const g = gs[r] as number;
    if (g === (masks[0] ?? 0)) {
      n += columns[2 + names.length][r] as number;
      others += columns[3 + names.length][r] as number;
    }
    if (groups.length === 0) continue;
    const k = masks.indexOf(g);
    const parsed = verdicts[k](groups[k].map((name) => columns[offset.get(name)!][r]));
    const plain =
      parsed !== undefined &&
      (known === undefined || !('person_id' in parsed) || known.has(parsed.person_id));
    if (!plain) {
      bad.push(ids[r] as bigint);
      badGroups.add(k);
    }
  }
  if (others === 0 && bad.length === 0)
    return finish(plan, n, rejected, [], emptyPassed([]), counting);
  await connection.run('CREATE OR REPLACE TEMP TABLE wbk_bad_ids (id BIGINT)');
  const appender = await connection.createAppender('wbk_bad_ids');
  for (const id of bad) {
    appender.appendBigInt(id);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  const filters = [`NOT ${textOk}`];
  for (const k of badGroups) {
    const key = `hash(${groups[k].map(v).join(', ')})`;
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE wbk_bad_${k} AS SELECT DISTINCT ${key} AS h FROM wbk_distinct ` +
        `WHERE g = ${masks[k]} AND rowid IN (SELECT id FROM wbk_bad_ids)`,
    );
    filters.push(`${key} IN (SELECT h FROM wbk_bad_${k})`);
  }
  const raw = plan.header.map((_, i) => `${q(i)}::VARCHAR`);
  const result = await connection.stream(
    `SELECT rn::INTEGER AS rn, ${raw.join(', ')} FROM (SELECT row_number() OVER () AS rn, * ` +
      `FROM (${read})) WHERE ${filters.map((f) => `(${f})`).join(' OR ')} ORDER BY rn`,
  );
  const records: RawRecord[] = [];
  const width = plan.header.length;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const vectors = Array.from({ length: chunk.columnCount }, (_, i) => chunk!.getColumnVector(i));
    for (let r = 0; r < chunk.rowCount; r++) {
      const cells: unknown[] = new Array(width);
      for (let i = 0; i < width; i++) cells[i] = vectors[1 + i].getItem(r);
      records.push({ line: vectors[0].getItem(r) as number, values: cells });
    }
  }
  return finish(plan, n, rejected, records, emptyPassed([]), counting);
}

function emptyPassed(keep: string[]): ScanResult['passed'] {
  return {
    lines: new IntBuilder(),
    values: Object.fromEntries(keep.map((c) => [c, new ColumnBuilder()])),
  };
}

/** HH:MM of each minute of the day, 0–1440: the loader's text of a time. */
const CLOCK = Array.from(
  { length: 1441 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);

/**
 * Checks that every line is accounted for (rows + set-aside lines + the header = the file's lines),
 * turns row numbers into physical lines and parses the set-aside lines for the loader.
 */
async function finish(
  plan: ScanPlan,
  n: number,
  rejected: Map<number, string>,
  records: RawRecord[],
  passed: ScanResult['passed'],
  counting: Promise<number>,
): Promise<ScanResult | undefined> {
  if ((await counting) !== n + rejected.size + 1) return undefined;
  const lineOf = lineNumbering(rejected);
  // rows come numbered in file order, vouched and not interleaved: number both in one walk
  let p = 0;
  let k = 0;
  const { lines } = passed;
  while (p < lines.length || k < records.length) {
    if (k >= records.length || (p < lines.length && lines.at(p) < records[k].line)) {
      lines.set(p, lineOf(lines.at(p)));
      p++;
    } else {
      records[k].line = lineOf(records[k].line);
      k++;
    }
  }
  for (const [line, text] of rejected) {
    const parser = new CsvParser(plan.delimiter);
    const [record] = [...parser.push(`${text}\n`), ...parser.end()];
    records.push({ ...record, line });
  }
  records.sort((a, b) => a.line - b.line);
  return { rows: n + rejected.size, records, passed };
}

async function stream(connection: DuckDBConnection, types: string[], sql: string) {
  for (const statement of types) await connection.run(statement);
  return connection.stream(sql);
}

async function run(
  connection: DuckDBConnection,
  types: string[],
  sql: string,
): Promise<Record<string, unknown>[]> {
  for (const statement of types) await connection.run(statement);
  const result = await connection.runAndReadAll(sql);
  return result.getRowObjectsJS() as Record<string, unknown>[];
}

/**
 * The lines DuckDB's parser rejected in the last scan (physical line → its text), or undefined when
 * one of them cannot be handed to the loader as it is (not UTF-8, over the line limit).
 */
async function rejectedLines(
  connection: DuckDBConnection,
): Promise<Map<number, string> | undefined> {
  const result = await connection.runAndReadAll(
    `SELECT DISTINCT line::INTEGER AS line, csv_line, error_type::VARCHAR AS error_type FROM wbk_rejects`,
  );
  const out = new Map<number, string>();
  for (const row of result.getRowObjectsJS() as {
    line: number;
    csv_line: string;
    error_type: string;
  }[]) {
    if (
      !['CAST', 'TOO MANY COLUMNS', 'MISSING COLUMNS', 'UNQUOTED VALUE'].includes(row.error_type)
    ) {
      return undefined;
    }
    out.set(row.line, row.csv_line);
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/**
 * Physical line of the rn-th row DuckDB kept (1-based), given the lines it set aside (sorted); call
 * it with rising rn.
 */
function lineNumbering(rejected: Map<number, string>): (rn: number) => number {
  const skipped = [...rejected.keys()];
  let k = 0;
  return (rn) => {
    while (k < skipped.length && skipped[k] <= rn + 1 + k) k++;
    return rn + 1 + k;
  };
}

/** Lines of a file: its newline bytes, plus one when the last line has none. */
export async function countLines(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    let lines = 0;
    let last = 10;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
      last = bytes[bytesRead - 1];
    }
    return last === 10 ? lines : lines + 1;
  } finally {
    await handle.close();
  }
}
