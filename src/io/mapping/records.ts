// Shape a file's records before they are mapped, for exports that are reports rather than tables:
// name the columns of a file without a header row, skip page furniture (titles, blank rows) and carry a
// section header (a month above its rows) down to the rows below it. Nothing is dropped silently: each
// skipped line is counted in the file's details, and a row whose section is unknown is rejected.
import type { RawRecord, RecordSource } from '../readers/index.js';
import type { MappingSource } from './mapping.js';
import { MappingProblem } from './problem.js';

/** What the load summary says about the lines that were not data rows. */
export interface ShapedDetails {
  /** Rows matched by `skip_rows` (titles, page headers). */
  skipped_rows?: number;
  /** Rows with no value at all, skipped with `skip_blank_rows`. */
  blank_rows?: number;
  /** Section header rows (their value is carried to the rows below). */
  section_rows?: number;
}

/**
 * Whether `source` reshapes its records (columns, skip_rows, skip_blank_rows or sections).
 * @example needsShaping(source) // false for an ordinary table with a header row
 */
export function needsShaping(source: MappingSource): boolean {
  return (
    source.columns !== undefined ||
    Object.keys(source.skip_rows).length > 0 ||
    source.skip_blank_rows ||
    source.sections !== undefined
  );
}

/**
 * `input` as `source` shapes it: the header replaced by `columns` (the first line is then data), rows
 * matched by `skip_rows` or blank (with `skip_blank_rows`) left out and counted, and with `sections`
 * each section header row left out and its value added to the rows below as the column `sections.to`
 * — or a MappingProblem (rule missing_section_header) when no header came before the row, or when
 * `sections.ascending`'s numbers fall back within a section (a block whose header is missing).
 * @example shapeRecords(await openRecords('ot.csv'), source, 'ot.csv')
 */
export function shapeRecords(
  input: RecordSource,
  source: MappingSource,
  file: string,
): RecordSource & { details: ShapedDetails } {
  const header = source.columns ?? input.header;
  const index = (name: string, why: string) => {
    const at = header.indexOf(name);
    if (at === -1) {
      throw new Error(
        `${file}: ${why} names column "${name}", which the file does not have. Columns: ${header.join(', ')}. Correct the mapping.`,
      );
    }
    return at;
  };
  const skips = Object.entries(source.skip_rows).map(
    ([name, pattern]) => [index(name, 'skip_rows'), new RegExp(pattern)] as const,
  );
  const sections = source.sections;
  const section =
    sections === undefined
      ? undefined
      : {
          at: index(sections.column, 'sections.column'),
          match: new RegExp(sections.match),
          order:
            sections.ascending === undefined ? -1 : index(sections.ascending, 'sections.ascending'),
        };
  if (sections !== undefined && header.includes(sections.to)) {
    throw new Error(
      `${file}: sections.to "${sections.to}" is already a column of the file. Choose another name.`,
    );
  }
  const details: RecordSource['details'] & ShapedDetails = { ...input.details };
  const count = (key: keyof ShapedDetails) => (details[key] = (details[key] ?? 0) + 1);
  let current: string | null = null;
  let currentLine = 0;
  let last = -Infinity;
  let lost: string | null = null;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  const shape = (record: RawRecord): RawRecord | undefined => {
    if (record.error !== undefined) return record;
    const values = record.values;
    if (source.skip_blank_rows && values.every((v) => text(v) === '')) {
      count('blank_rows');
      return undefined;
    }
    if (skips.some(([at, pattern]) => pattern.test(text(values[at])))) {
      count('skipped_rows');
      return undefined;
    }
    if (section === undefined) return record;
    const head = section.match.exec(text(values[section.at]));
    if (head !== null) {
      count('section_rows');
      const value = head[1] ?? head[0];
      if (value !== current) last = -Infinity;
      [current, currentLine, lost] = [value, record.line, null];
      return undefined;
    }
    if (section.order >= 0 && lost === null) {
      const n = Number(text(values[section.order]));
      if (text(values[section.order]) !== '' && Number.isFinite(n)) {
        if (n < last) {
          lost = `${sections!.ascending} ${text(values[section.order])} comes after ${last} under the ${sections!.column} "${current}" (line ${currentLine}): the numbers start again at line ${record.line}, so a block whose own header line is missing begins there, and its ${sections!.to} is unknown. Add the header line above it in the file; rows up to the next header are rejected.`;
        } else last = n;
      }
    }
    const unknown =
      lost ??
      (current === null
        ? `no ${sections!.column} header line (matching ${sections!.match}) comes before this row, so its ${sections!.to} is unknown. Add the header line above it in the file.`
        : null);
    const carried =
      unknown === null
        ? current
        : new MappingProblem('missing_section_header', unknown, text(values[section.at]));
    return { line: record.line, values: [...values, carried] };
  };
  const first: RawRecord[] =
    source.columns === undefined ? [] : [{ line: 1, values: [...input.header] }];
  async function* batches(): AsyncGenerator<RawRecord[]> {
    const shaped = (batch: RawRecord[]) =>
      batch.map(shape).filter((r): r is RawRecord => r !== undefined);
    if (first.length > 0) yield shaped(first);
    const from =
      input.batches ??
      (async function* () {
        for await (const r of input.records) yield [r];
      })();
    for await (const batch of from) yield shaped(batch);
  }
  const batched = batches();
  async function* records(): AsyncGenerator<RawRecord> {
    for await (const batch of batched) for (const r of batch) yield r;
  }
  return {
    header: sections === undefined ? header : [...header, sections.to],
    records: records(),
    batches: batched,
    details,
  };
}
