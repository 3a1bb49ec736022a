// Load one source file into the staged rows of its table: read each record, map it, parse and check each
// cell, apply the row rules; every record ends either staged or rejected (with each problem listed).
import { makeCellParser, CellProblem, type CellValueOut } from '../schema/parse-cell.js';
import { SCHEMA, type TableName } from '../schema/tables.js';
import type { StagedTable } from '../schema/validate-dataset.js';
import { plannedEnds, rowRules, rowWarnings, type ParsedRow } from '../schema/validate-row.js';
import { allowedValues, type DatasetConfig } from '../schema/vocabularies.js';
import { planColumns } from './mapping/apply.js';
import type { UnitRegistry } from './mapping/hierarchy.js';
import { undatedLeavers } from './mapping/undated-leavers.js';
import type { LoadIssue } from './issues.js';
import type { Mapping, MappingSource } from './mapping/mapping.js';
import { openRecords, type RawRecord, type RecordSource } from './readers/index.js';

/** Staged rows of one table plus, for each row, the file (index into the load's file list) and line. */
export interface Stage extends StagedTable {
  fileIndex: number[];
  lines: number[];
}

/**
 * What happened to one file; `rows_read` = `rows_loaded` + `rows_rejected` once the load is complete.
 * With `unpivot`, each record becomes one row per unpivoted column and these count rows (an unreadable
 * record counts once); `details.records` holds the records.
 */
export interface FileSummary {
  file: string;
  table: TableName;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  warnings: number;
  /**
   * How the file was read; `records` (with unpivot) is the records read before each became several
   * rows; skipped_rows, blank_rows and section_rows count lines a report-shaped source left out.
   */
  details: {
    encoding?: string;
    delimiter?: string;
    sheet?: string;
    records?: number;
    skipped_rows?: number;
    blank_rows?: number;
    section_rows?: number;
  };
}

export interface LoadFileContext {
  dir: string;
  file: string;
  fileIndex: number;
  source: MappingSource;
  mapping: Mapping;
  config: DatasetConfig;
  asOf: number;
  pseudonymise?: (id: string) => string;
  stage: Stage;
  /** Records already in memory (the mapping's own units); default: open `dir/file`. */
  input?: RecordSource;
  /** Where the units of sources with a hierarchy from columns are collected (one per load). */
  units?: UnitRegistry;
  rejects: LoadIssue[];
  warnings: LoadIssue[];
}

/**
 * Reads one file into `context.stage`, appending its rejects and warnings; returns its summary
 * (rows_loaded counts rows staged so far; cross-row rules may still reject some). A file that cannot
 * be read (or stops being readable part-way) gets one file-level reject, rule unreadable_file.
 * @example await loadFile({ dir, file: 'people.csv', ... })
 */
export async function loadFile(context: LoadFileContext): Promise<FileSummary> {
  const { file, source, mapping, config, stage } = context;
  const table = source.table as TableName;
  const spec = SCHEMA[table].columns as Record<string, import('../schema/types.js').ColumnSpec>;
  const issue = (
    line: number | null,
    column: string,
    value: string,
    rule: string,
    message: string,
  ) => ({
    file,
    line,
    table,
    column,
    value,
    rule,
    message,
  });
  const empty = (details: FileSummary['details'] = {}): FileSummary => ({
    file,
    table,
    rows_read: 0,
    rows_loaded: 0,
    rows_rejected: 0,
    warnings: 0,
    details,
  });
  let input: RecordSource;
  try {
    input =
      context.input ??
      (await openRecords(`${context.dir}/${file}`, {
        encoding: source.encoding,
        delimiter: source.delimiter,
        sheet: source.sheet,
      }));
  } catch (error) {
    // a file that cannot be read at all (not a workbook, a zip bomb, no header) is one file-level
    // reject: the rest of the extract still loads, and wbk check says what to do with this one
    context.rejects.push(issue(null, '', '', 'unreadable_file', withoutPath(error, context.dir)));
    return empty();
  }
  const plan = planColumns(
    input.header,
    source,
    mapping,
    context.pseudonymise,
    file,
    context.units,
  );
  for (const name of plan.unused) {
    context.warnings.push(
      issue(
        null,
        name,
        '',
        'unmapped_column',
        `column "${name}" is not in the model of ${table} and is not loaded. Map it with "rename", or list it in "drop" to silence this.`,
      ),
    );
  }
  for (const name of plan.absent.filter((c) => spec[c].required)) {
    context.warnings.push(
      issue(
        null,
        name,
        '',
        'missing_column',
        `${table} needs column ${name}, which ${file} does not have: every row will be rejected. Map it with "rename", "derive" or "constants".`,
      ),
    );
  }
  const names = Object.keys(spec);
  const undated = undatedLeavers(source, table);
  const parsers = cellParsers(names, source, mapping, config);
  const getters = names.map((name) => plan.getters[name]);
  const rules = rowRules(table, context.asOf);
  const warn = rowWarnings(table);
  const planned = plannedEnds(table, context.asOf);
  const summary = empty(input.details);
  const warningsBefore = context.warnings.length;
  // One row object for the whole file: every column is set before the rules read it, and neither the
  // rules nor the stage keep it (the stage copies the values). Saves an allocation per record.
  const row: ParsedRow = {};
  let records = 0;
  const columns = names.map((name) => stage.columns[name]);
  // the id of a rejected row is kept so that rows of other tables naming it can say which row to fix
  const idAt = names.indexOf(SCHEMA[table].key[0] ?? '');
  const batches = batchesOf(input);
  for (;;) {
    let next: IteratorResult<RawRecord[]>;
    try {
      next = await batches.next();
    } catch (error) {
      // e.g. a sheet that unzips past its declared size: what was read stays, the rest is reported
      context.rejects.push(
        issue(
          null,
          '',
          '',
          'unreadable_file',
          `reading stopped after ${records} record(s): ${withoutPath(error, context.dir)}`,
        ),
      );
      break;
    }
    if (next.done) break;
    for (const record of next.value) {
      records++;
      const checked = recordProblems(record, input.header);
      const rows =
        plan.expand !== undefined && checked.length === 0
          ? plan.expand(record.values)
          : [record.values];
      for (const values of rows) {
        summary.rows_read++;
        let problems = checked;
        if (problems.length === 0) {
          for (let c = 0; c < names.length; c++) {
            const raw = getters[c](values);
            const value = parsers[c](raw);
            if (value instanceof CellProblem) {
              if (problems === NO_PROBLEMS) problems = [];
              problems.push({
                rule: value.rule,
                column: names[c],
                value: raw == null ? '' : raw instanceof Date ? raw.toISOString() : String(raw),
                message: value.message,
              });
            } else row[names[c]] = value;
          }
          if (problems.length === 0) {
            problems = rules(row);
            if (undated !== undefined) {
              const reviewed = undated.review(row, problems);
              problems = reviewed.problems;
              if (problems.length === 0)
                for (const w of reviewed.warnings)
                  context.warnings.push(issue(record.line, w.column, w.value, w.rule, w.message));
            }
          }
        }
        if (problems.length > 0) {
          summary.rows_rejected++;
          if (idAt >= 0 && values.length > 0)
            rememberId(stage, parsers[idAt](getters[idAt](values)), file, record.line);
          for (const p of problems)
            context.rejects.push(issue(record.line, p.column, p.value, p.rule, p.message));
          continue;
        }
        for (const w of planned(row))
          context.warnings.push(issue(record.line, w.column, w.value, w.rule, w.message));
        for (const w of warn(row))
          context.warnings.push(issue(record.line, w.column, w.value, w.rule, w.message));
        for (let c = 0; c < names.length; c++) columns[c].push(row[names[c]] as CellValueOut);
        stage.rejected.push(false);
        stage.fileIndex.push(context.fileIndex);
        stage.lines.push(record.line);
        summary.rows_loaded++;
      }
    }
  }
  if (plan.expand !== undefined) summary.details = { ...summary.details, records };
  summary.warnings = context.warnings.length - warningsBefore;
  return summary;
}

/** The loader's parser of each of `names` (columns of the source's table), as loadFile reads them. */
function cellParsers(
  names: string[],
  source: MappingSource,
  mapping: Mapping,
  config: DatasetConfig,
): ((raw: unknown) => CellValueOut | CellProblem)[] {
  const table = source.table as TableName;
  const spec = SCHEMA[table].columns as Record<string, import('../schema/types.js').ColumnSpec>;
  const undated = undatedLeavers(source, table);
  return names.map((name) =>
    makeCellParser(
      name,
      undated?.optional.has(name) ? { ...spec[name], required: false } : spec[name],
      {
        allowed: allowedValues(spec[name], config),
        dateFormat: source.date_formats[name] ?? source.date_format ?? mapping.date_format,
        decimal: source.decimal ?? mapping.decimal,
      },
    ),
  );
}

/**
 * The loader's verdict on some cells of a row of a file of `source` with `header`: a function taking
 * the raw texts of `cells` (columns and their header positions, -1: absent; as read, in that order) and returning their parsed values when loadFile
 * would take them without a reject or a warning — no U+FFFD, every cell parsed and in range, and no
 * row rule, planned end or row warning that reads only these columns — else undefined. The other
 * cells of the row are not seen, so a rule across columns is judged only when all its columns are
 * among `cells` (see rowRuleColumns). Lets a big file's distinct values be judged once each.
 * @example plainCells(header, source, mapping, config, asOf, [{ name: 'hours', at: 2 }])(['1.5']) // { hours: 1.5 }
 */
export function plainCells(
  header: string[],
  source: MappingSource,
  mapping: Mapping,
  config: DatasetConfig,
  asOf: number,
  cells: { name: string; at: number }[],
): (raws: unknown[]) => ParsedRow | undefined {
  const table = source.table as TableName;
  const plan = planColumns(header, source, mapping, undefined, 'file');
  const columns = cells.map((c) => c.name);
  const positions = cells.map((c) => c.at);
  const parsers = cellParsers(columns, source, mapping, config);
  const getters = columns.map((name) => plan.getters[name]);
  const rules = rowRules(table, asOf);
  const warn = rowWarnings(table);
  const planned = plannedEnds(table, asOf);
  const values: unknown[] = new Array(header.length).fill(null);
  return (raws) => {
    values.fill(null);
    for (let c = 0; c < columns.length; c++) {
      const raw = raws[c];
      if (typeof raw === 'string' && raw.includes('\uFFFD')) return undefined;
      if (positions[c] >= 0) values[positions[c]] = raw;
    }
    const row: ParsedRow = {};
    for (let c = 0; c < columns.length; c++) {
      const value = parsers[c](getters[c](values));
      if (value instanceof CellProblem) return undefined;
      row[columns[c]] = value;
    }
    if (rules(row).length > 0 || warn(row).length > 0 || planned({ ...row }).length > 0)
      return undefined;
    return row;
  };
}

/**
 * An empty stage for `table`, whose `where` labels rows with `files[fileIndex]` and the line.
 * @example const stage = newStage('people', files)
 */
export function newStage(table: TableName, files: string[]): Stage {
  const columns: Record<string, CellValueOut[]> = {};
  for (const name of Object.keys(SCHEMA[table].columns)) columns[name] = [];
  const stage: Stage = {
    columns,
    rejected: [],
    fileIndex: [],
    lines: [],
    where: (row) => `${files[stage.fileIndex[row]]} line ${stage.lines[row]}`,
  };
  return stage;
}

function rememberId(stage: Stage, id: CellValueOut | CellProblem, file: string, line: number) {
  if (id === null || id instanceof CellProblem) return;
  stage.rejectedIds ??= new Map();
  if (!stage.rejectedIds.has(id)) stage.rejectedIds.set(id, `${file} line ${line}`);
}

/** An error's message with the data folder left out of the path (the file is named relative to it). */
function withoutPath(error: unknown, dir: string): string {
  const message = (error as Error).message;
  return message.startsWith(`${dir}/`) ? message.slice(dir.length + 1) : message;
}

/** True when no value holds U+FFFD and at least one is not blank: the common, well-formed record. */
function plainRecord(values: unknown[]): boolean {
  let blank = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') {
      if (v.includes('\uFFFD')) return false;
      if (blank && v.trim() !== '') blank = false;
    } else if (v !== null && v !== undefined) blank = false;
  }
  return !blank;
}

/** The records of `input` in batches: the reader's own batches, or single records wrapped. */
async function* batchesOf(input: RecordSource): AsyncGenerator<RawRecord[]> {
  if (input.batches !== undefined) {
    for await (const batch of input.batches) yield batch;
    return;
  }
  for await (const record of input.records) yield [record];
}

type RecordProblem = { rule: string; column: string; value: string; message: string };

/** The shared "no problem" answer (never pushed to: a problem replaces it with a new list). */
const NO_PROBLEMS: readonly RecordProblem[] = Object.freeze([]);

function recordProblems(record: RawRecord, header: string[]): RecordProblem[] {
  const { values, error } = record;
  const width = header.length;
  if (error === undefined && values.length === width && plainRecord(values)) {
    return NO_PROBLEMS as RecordProblem[];
  }
  const problems: RecordProblem[] = [];
  if (error !== undefined) {
    problems.push({
      rule: record.rule ?? 'unreadable_record',
      column: record.field === undefined ? '' : (header[record.field] ?? ''),
      value: record.value ?? '',
      message: `${error}.`,
    });
    return problems;
  }
  const garbled = values.findIndex((v) => typeof v === 'string' && v.includes('\uFFFD'));
  if (garbled >= 0) {
    problems.push({
      rule: 'invalid_encoding',
      column: header[garbled] ?? '',
      value: String(values[garbled]),
      message:
        'the text holds bytes that are not valid in the declared encoding (shown as �). The file is probably windows-1252: set "encoding": "windows-1252" in the mapping, or remove "encoding" to detect it.',
    });
    return problems;
  }
  const empty = (v: unknown) =>
    v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  if (values.every(empty)) {
    problems.push({
      rule: 'empty_row',
      column: '',
      value: '',
      message: 'the row has no values. Delete it from the file.',
    });
  } else if (values.length < width || values.slice(width).some((v) => !empty(v))) {
    problems.push({
      rule: 'field_count',
      column: '',
      value: String(values.length),
      message: `the row has ${values.length} fields but the header has ${width}. A value holding the delimiter or a line break must be quoted ("…"); correct the row.`,
    });
  }
  return problems;
}
