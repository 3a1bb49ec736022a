// Load a folder of exports into the canonical tables. Steps: resolve mapping, config, as-of and key →
// match files to sources → load each file (row rules) → cross-row rules → typed arquero tables + issues.
import { statSync } from 'node:fs';
import path from 'node:path';
import { table, type ColumnTable } from 'arquero';
import { SCHEMA, TABLE_NAMES, emptyTable, type TableName } from '../schema/tables.js';
import { checkDataset } from '../schema/validate-dataset.js';
import { resolveConfig, type DatasetConfig } from '../schema/vocabularies.js';
import { parseDate, resolveAsOf } from '../time/dates.js';
import { globToRegExp, scanFolder, type FolderNote } from './glob.js';
import { loadFile, newStage, type FileSummary, type Stage } from './load-file.js';
import { issuesTable, type LoadIssue } from './issues.js';
import { UnitRegistry } from './mapping/hierarchy.js';
import {
  defaultMapping,
  mappingUnitLevels,
  parseMapping,
  readMapping,
  type Mapping,
  type MappingInput,
} from './mapping/mapping.js';
import { makePseudonymiser, resolvePseudonymKey } from './mapping/pseudonymise.js';
import { needsShaping, shapeRecords } from './mapping/records.js';
import { openRecords, type RawRecord, type RecordSource } from './readers/index.js';
import { completeUnits } from './units.js';
import { scannable } from './duckdb-check.js';
import { endScans, loadScanned, scannedTable, startScans, type ScanFile } from './scan-load.js';

export type { FileSummary };

// Files that look like data: an unmatched one is reported. (.json and .txt are often notes or manifests.)
const DATA_EXTENSIONS = ['.csv', '.tsv', '.xlsx', '.ndjson', '.jsonl'];

export interface LoadOptions {
  /** A mapping (object, or the path of a JSON mapping file); without one, <table>.csv files load directly. */
  mapping?: MappingInput | string;
  /** Dates after this day are rejected: ISO text or epoch day; default today (UTC). */
  asOf?: string | number;
  /** Pseudonymisation key; when given, person ids are replaced by HMAC-SHA256 pseudonyms in every table. */
  pseudonymKey?: string;
  /** Overrides of the mapping's configuration (unit levels, extra vocabularies, FY start month). */
  config?: Partial<DatasetConfig>;
  /**
   * Who reads the big event files (overtime, sickness, OH referrals, welfare checks, exit interviews,
   * person measures). 'duckdb': those DuckDB can read as they are (plain CSV in UTF-8, columns taken
   * or renamed) are scanned by DuckDB, and only the rows it cannot vouch for pass through the JS
   * loader — the same rows loaded or rejected, the same messages, the same tables; 'memory': every
   * file through the JS loader; 'auto' (default): DuckDB when those files add up to more than
   * `thresholdBytes` (default SCAN_THRESHOLD_BYTES, 256 MiB). See docs/scale.md.
   */
  engine?: LoadEngine;
  thresholdBytes?: number;
}

/** Who reads the big event files: see LoadOptions.engine. */
export type LoadEngine = 'auto' | 'memory' | 'duckdb';

/**
 * True when `value` names a LoadEngine (what --engine and WBK_LOAD_ENGINE take).
 * @example isLoadEngine('duckdb') // true; isLoadEngine('batch') // false
 */
export function isLoadEngine(value: unknown): value is LoadEngine {
  return value === 'auto' || value === 'memory' || value === 'duckdb';
}

/** What a check of an extract found: a Dataset's account of every file and row, without the tables. */
export type ExtractCheck = Omit<Dataset, 'tables' | 'scanned'> & {
  /** Which engine read the event files ('memory' when none was scanned). */
  engine: 'memory' | 'duckdb';
  scanned: NonNullable<Dataset['scanned']>;
};

/** Everything a load produced: typed tables, what happened to each file, and every problem. */
export interface Dataset {
  /** One arquero table per canonical table (empty, typed, when no file fed it). */
  tables: Record<TableName, ColumnTable> & {
    /**
     * People-shaped rows of leavers whose start or end date is unknown (only from a source with
     * `undated_leavers: "warn"`, e.g. an exit survey; empty otherwise). They are kept out of people,
     * so that headcounts, spells and periods never see them; exit analyses pooled over all the data
     * take them (deriveExitLeavers' `undatedLeavers`).
     */
    undated_leavers?: ColumnTable;
  };
  files: FileSummary[];
  /** Quarantined rows: one row per problem (file, line, table, column, value, rule, message). */
  rejects: ColumnTable;
  /** Accepted-but-suspicious rows and file-level notes (line is null for the latter). */
  warnings: ColumnTable;
  config: DatasetConfig;
  /**
   * The unit level names from the top down, read from the units table (or the mapping's
   * `unit_levels`); one level when the extract has no units (its implicit top unit).
   */
  levels: string[];
  /** The as-of date, as an epoch day. */
  asOf: number;
  pseudonymised: boolean;
  /** Files DuckDB scanned, and how many of their rows it vouched for (0: loaded by JS after all). */
  scanned?: { file: string; rows: number; vouched: number }[];
}

/**
 * Loads every file of `dir` that the mapping names (or <table>.csv without one) into typed canonical tables.
 * Each record is loaded or rejected, so per file rows_read = rows_loaded + rows_rejected. Dates become
 * epoch days, ids stay strings, lists become arrays. Throws only when the load cannot start (bad
 * mapping, missing key, unreadable folder) or a file cannot be opened or mapped (its header).
 * @example const data = await loadDataset('data/demo', { asOf: '2025-03-31' }); data.tables.people.numRows()
 */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const { tables, engine: _engine, scanned, ...rest } = await loadExtract(dir, options, false);
  return {
    tables: tables as Dataset['tables'],
    ...rest,
    ...(scanned.length > 0 && { scanned }),
  };
}

/**
 * Checks every file of `dir` as loadDataset does — every record loaded or rejected with its reason,
 * the same counts, rejects and warnings — without keeping the tables. At scale (see
 * LoadOptions.engine) the big event files are scanned by DuckDB and only the rows it cannot vouch
 * for pass through the JS loader, so a national extract is checked in a bounded heap.
 * @example const check = await checkExtract('extract/', { engine: 'auto' }); check.rejects.numRows()
 */
export async function checkExtract(dir: string, options: LoadOptions = {}): Promise<ExtractCheck> {
  const { tables: _tables, ...rest } = await loadExtract(dir, options, true);
  return rest;
}

async function loadExtract(
  dir: string,
  options: LoadOptions,
  checkOnly: boolean,
): Promise<Omit<ExtractCheck, 'tables'> & { tables: Partial<Dataset['tables']> }> {
  const mapping =
    options.mapping === undefined
      ? defaultMapping()
      : typeof options.mapping === 'string'
        ? await readMapping(options.mapping)
        : parseMapping(options.mapping);
  const c = mapping.config;
  const levels = mappingUnitLevels(mapping);
  const config = resolveConfig({
    ...(levels && { unitLevels: levels }),
    ...(c.extra_high_risk_roles && { extraHighRiskRoles: c.extra_high_risk_roles }),
    ...(c.extra_exit_reasons && { extraExitReasons: c.extra_exit_reasons }),
    ...(c.fy_start_month && { fyStartMonth: c.fy_start_month }),
    ...(c.records_from && { recordsFrom: parseDate(c.records_from) }),
    ...options.config,
  });
  const asOf = resolveAsOf(options.asOf);
  let key = options.pseudonymKey;
  if (key === undefined && mapping.pseudonymise !== false) {
    key = resolvePseudonymKey(
      typeof mapping.pseudonymise === 'object' ? { keyFile: mapping.pseudonymise.key_file } : {},
    );
  }
  const pseudonymise = key === undefined ? undefined : makePseudonymiser(key);

  let all: string[];
  let notes: FolderNote[];
  try {
    ({ files: all, notes } = await scanFolder(dir));
  } catch (error) {
    throw new Error(
      `cannot read the data folder ${dir}: ${(error as Error).message}. Check --data.`,
    );
  }
  const matches = matchFiles(all, mapping);
  const files = matches.map((m) => m.file);
  if (mapping.units !== undefined) files.push(INLINE_UNITS);
  const units = new UnitRegistry();
  const fromColumns = matches.some((m) => m.source.hierarchy !== undefined);
  if (fromColumns) files.push(HIERARCHY_UNITS);
  const stages: Partial<Record<TableName, Stage>> = {};
  const rejects: LoadIssue[] = [];
  const warnings: LoadIssue[] = notes.map(({ path, rule, message }) => ({
    file: path,
    line: null,
    table: '',
    column: '',
    value: '',
    rule,
    message,
  }));
  for (const file of all.filter((f) => !files.includes(f))) {
    if (DATA_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext))) {
      warnings.push({
        file,
        line: null,
        table: '',
        column: '',
        value: '',
        rule: 'unmatched_file',
        message: `no mapping source matches ${file}, so it is not loaded. Add a source for it, or move it out of the folder.`,
      });
    }
  }
  const summaries: FileSummary[] = new Array(matches.length);
  const scanned = scanChoice(dir, matches, mapping, pseudonymise !== undefined, options);
  const scannedTables = new Set(scanned.map((m) => m.source.table as TableName));
  const loadMatch = async (
    { file, source, fileIndex }: ScanFile,
    records?: RecordSource,
  ): Promise<FileSummary> => {
    const name = source.table as TableName;
    const stage = (stages[name] ??= newStage(name, files));
    // a report-shaped source is opened here to be shaped; a file that cannot be opened is left to
    // loadFile, which reports it as one file-level reject
    const input =
      records ??
      (needsShaping(source)
        ? await openRecords(`${dir}/${file}`, {
            encoding: source.encoding,
            delimiter: source.delimiter,
            sheet: source.sheet,
          }).then(
            (opened) => shapeRecords(opened, source, file),
            () => undefined,
          )
        : undefined);
    const context = {
      dir,
      file,
      fileIndex,
      input,
      source,
      mapping,
      config,
      asOf,
      pseudonymise,
      stage,
      rejects,
      warnings,
      units,
    };
    return loadFile(context);
  };
  const mode = checkOnly ? ('check' as const) : ('load' as const);
  // DuckDB starts reading the big event files now, on its own threads, while JS loads the rest
  const session =
    scanned.length > 0
      ? startScans(
          scanned,
          { dir, mapping, config, asOf, mode },
          matches.some((m) => m.source.table === 'people'),
        )
      : undefined;
  session?.catch(() => undefined);
  try {
    return await loadRest();
  } finally {
    if (session !== undefined) await session.then(endScans, () => undefined);
  }

  // the rest of the load, with the scans under way
  async function loadRest(): Promise<
    Omit<ExtractCheck, 'tables'> & { tables: Partial<Dataset['tables']> }
  > {
    for (const [fileIndex, { file, source }] of matches.entries()) {
      if (scanned.some((m) => m.fileIndex === fileIndex)) continue;
      summaries[fileIndex] = await loadMatch({ fileIndex, file, source });
    }

    if (mapping.units !== undefined) {
      const stage = (stages.units ??= newStage('units', files));
      summaries.push(
        await loadFile({
          dir,
          file: INLINE_UNITS,
          fileIndex: files.length - 1,
          source: parseMapping({ sources: [{ files: INLINE_UNITS, table: 'units' }] }).sources[0],
          mapping,
          config,
          asOf,
          stage,
          input: inlineRecords(mapping.units),
          rejects,
          warnings,
        }),
      );
    }

    if (fromColumns) {
      const stage = (stages.units ??= newStage('units', files));
      const found = units.qualified();
      summaries.push(
        await loadFile({
          dir,
          file: HIERARCHY_UNITS,
          fileIndex: files.indexOf(HIERARCHY_UNITS),
          source: parseMapping({ sources: [{ files: HIERARCHY_UNITS, table: 'units' }] })
            .sources[0],
          mapping,
          config,
          asOf,
          stage,
          input: inlineRecords(found),
          rejects,
          warnings,
        }),
      );
      for (const { unit, message } of units.warnings) {
        warnings.push({
          file: HIERARCHY_UNITS,
          line: found.findIndex((u) => u.unit_id === unit.unit_id) + 1,
          table: 'units',
          column: 'name',
          value: unit.name ?? '',
          rule: 'unit_name_differs',
          message,
        });
        summaries[summaries.length - 1].warnings++;
      }
    }

    const checked = checkDataset(
      Object.fromEntries(
        Object.entries(stages).filter(([name]) => !scannedTables.has(name as TableName)),
      ),
    );
    if (
      !stages.people &&
      (scanned.length > 0 ||
        TABLE_NAMES.some((t) => t !== 'units' && t !== 'unit_indicators' && stages[t]))
    ) {
      warnings.push({
        file: '',
        line: null,
        table: 'people',
        column: 'person_id',
        value: '',
        rule: 'people_missing',
        message:
          'no people file was loaded, so person ids in other tables were not checked. Add people.csv (or a mapping source for people).',
      });
    }
    for (const [list, problems] of [
      [rejects, checked.rejects],
      [warnings, checked.warnings],
    ] as const) {
      for (const p of problems) {
        const stage = stages[p.table]!;
        // One summary per (file, source) match, in the same order as `files`.
        const summary = summaries[stage.fileIndex[p.row]];
        const file = files[stage.fileIndex[p.row]];
        list.push({
          file,
          line: stage.lines[p.row],
          table: p.table,
          column: p.column,
          value: p.value,
          rule: p.rule,
          message: p.message,
        });
        if (list === rejects) {
          summary.rows_loaded--;
          summary.rows_rejected++;
        } else summary.warnings++;
      }
    }
    const vouched = new Map<number, number>();
    const context = {
      dir,
      mapping,
      config,
      asOf,
      files,
      stages,
      summaries,
      rejects,
      vouched,
      mode,
    };
    const passed =
      session === undefined
        ? undefined
        : await loadScanned(scanned, { ...context, load: loadMatch }, await session);
    const tables = {} as Dataset['tables'];
    for (const name of TABLE_NAMES) {
      if (checkOnly && !['people', 'units'].includes(name)) continue;
      const stage = stages[name];
      tables[name] = scannedTables.has(name)
        ? scannedTable(name, stage, passed?.get(name) ?? [])
        : stage === undefined
          ? emptyTable(name)
          : stageToTable(name, stage);
    }
    [tables.people, tables.undated_leavers] = splitUndatedLeavers(tables.people);
    // Every extract gets one top unit and a level order, whatever it holds.
    const hierarchy = completeUnits(tables.units, tables.people, config.unitLevels);
    tables.units = hierarchy.units;
    for (const note of hierarchy.notes) {
      warnings.push({
        file: stages.units ? '' : '(none)',
        line: null,
        table: 'units',
        column: note.rule === 'inconsistent_levels' ? 'level' : 'parent_id',
        value: note.unit_id,
        rule: note.rule,
        message: note.message,
      });
    }
    return {
      tables,
      engine: scanned.length > 0 ? 'duckdb' : 'memory',
      scanned: scanned.map((m) => ({
        file: m.file,
        rows: summaries[m.fileIndex].rows_read,
        vouched: vouched.get(m.fileIndex) ?? 0,
      })),
      files: summaries,
      rejects: issuesTable(rejects),
      warnings: issuesTable(warnings),
      config,
      levels: hierarchy.levels,
      asOf,
      pseudonymised: pseudonymise !== undefined,
    };
  }
}

/** The name under which the mapping's own `units` appear in the load summary and rejects. */
export const INLINE_UNITS = 'mapping:units';

/** The name under which the units built from columns (a source's `hierarchy`) appear: line n = n-th unit. */
export const HIERARCHY_UNITS = 'mapping:hierarchy';

/** The mapping's `units` (or the units found from columns) as records: line n is the n-th unit. */
function inlineRecords(
  units: readonly {
    unit_id: string;
    parent_id?: string | null;
    name?: string | null;
    level: string;
  }[],
): RecordSource {
  const header = ['unit_id', 'parent_id', 'name', 'level'] as const;
  async function* records(): AsyncGenerator<RawRecord> {
    for (const [i, unit] of units.entries()) {
      yield { line: i + 1, values: header.map((h) => unit[h] ?? null) };
    }
  }
  return { header: [...header], records: records(), details: {} };
}

/**
 * Each file goes to the first source that matches it for each table: one file may feed several
 * tables (e.g. an exit survey feeding people and exit_interviews), never the same table twice.
 */
function matchFiles(all: string[], mapping: Mapping) {
  const matches: { file: string; source: Mapping['sources'][number] }[] = [];
  const taken = new Set<string>();
  for (const source of mapping.sources) {
    const pattern = globToRegExp(source.files);
    for (const file of all.filter(
      (f) => pattern.test(f) && !taken.has(`${source.table}\u0000${f}`),
    )) {
      taken.add(`${source.table}\u0000${file}`);
      matches.push({ file, source });
    }
  }
  return matches;
}

/** People rows with both dates, and the leavers whose start or end date is unknown. */
function splitUndatedLeavers(people: ColumnTable): [ColumnTable, ColumnTable] {
  const start = people.array('start_date') as ArrayLike<number | null>;
  const end = people.array('end_date') as ArrayLike<number | null>;
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const undated: number[] = [];
  for (let i = 0; i < people.numRows(); i++) {
    if (type[i] !== null && (start[i] === null || end[i] === null)) undated.push(i);
  }
  if (undated.length === 0) return [people, emptyTable('people')];
  const out = new Set(undated);
  const pick = (rows: number[]) =>
    table(
      Object.fromEntries(
        people.columnNames().map((c) => {
          const values = people.array(c) as ArrayLike<unknown>;
          return [c, rows.map((i) => values[i])];
        }),
      ),
    );
  const dated = [...Array(people.numRows()).keys()].filter((i) => !out.has(i));
  return [pick(dated), pick(undated)];
}

function stageToTable(name: TableName, stage: Stage): ColumnTable {
  const keep = stage.rejected.some(Boolean);
  const columns: Record<string, unknown[]> = {};
  for (const column of Object.keys(SCHEMA[name].columns)) {
    const values = stage.columns[column];
    columns[column] = keep ? values.filter((_, i) => !stage.rejected[i]) : values;
  }
  return table(columns);
}

/** 256 MiB of scannable event files: where 'auto' hands them to DuckDB (about 17,000 people). */
export const SCAN_THRESHOLD_BYTES = 256 * 1024 * 1024;

/** The matches checkExtract hands to DuckDB under `options.engine` (none with 'memory'). */
function scanChoice(
  dir: string,
  matches: { file: string; source: Mapping['sources'][number] }[],
  mapping: Mapping,
  pseudonymised: boolean,
  { engine = 'auto', thresholdBytes = SCAN_THRESHOLD_BYTES }: LoadOptions,
): ScanFile[] {
  if (!isLoadEngine(engine)) {
    throw new Error(`engine must be 'auto', 'memory' or 'duckdb', got ${JSON.stringify(engine)}.`);
  }
  if (engine === 'memory') return [];
  const candidates = matches
    .map(({ file, source }, fileIndex) => ({ file, source, fileIndex }))
    .filter(({ file, source }) => scannable(file, source, mapping, pseudonymised));
  if (engine === 'duckdb') return candidates;
  const bytes = candidates.reduce((sum, m) => sum + statSync(path.join(dir, m.file)).size, 0);
  return bytes > thresholdBytes ? candidates : [];
}
