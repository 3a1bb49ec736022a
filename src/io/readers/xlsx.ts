// Stream the rows of one worksheet of an .xlsx workbook with the kit's own reader: the zip's central
// directory, node:zlib, and a streaming XML tokenizer (no xlsx package: it has known CVEs; exceljs's
// streaming reader failed under load). Steps: zip directory → workbook parts (sheets, 1904, date
// styles, shared strings) → the sheet's XML, row by row, each cell typed or the row rejected with why.
import {
  CellTrouble,
  cellValue,
  columnIndex,
  columnName,
  MAX_COLUMNS,
  type CellContext,
} from './xlsx-cells.js';
import {
  MAX_CELL_CHARS,
  readDateStyles,
  readSharedStrings,
  readWorkbookInfo,
} from './xlsx-parts.js';
import type { RawRecord, RecordSource } from './record-source.js';
import { readZipDirectory, unzipEntry, type ZipEntry } from './zip.js';
import { attribute, XmlTokenizer } from './xml-tokens.js';

/**
 * The header (first non-empty row) and the following rows of a worksheet (`sheet` by name, else the
 * first visible one: hidden sheets are read only when named); each record's `line` is its worksheet
 * row number. Cells keep their types: numbers, booleans, dates (as Date, in the workbook's 1900 or
 * 1904 date system) and text; a formula gives its saved result. A row with an Excel error cell
 * (#N/A …: rule xlsx_error_cell), a formula saved without its result (formula_without_value) or an
 * unreadable cell (xlsx_bad_cell) is a record with `error` naming the cell. Parts that would unzip
 * past the limits (zip.ts, SHARED_STRINGS_LIMITS) are refused with an error.
 * @example const { header, records } = await readXlsx('leavers.xlsx', { sheet: 'Leavers' })
 */
export async function readXlsx(
  path: string,
  { sheet }: { sheet?: string } = {},
): Promise<RecordSource> {
  const entries = await readZipDirectory(path);
  const info = await readWorkbookInfo(path, entries);
  const chosen = chooseSheet(path, info.sheets, sheet);
  const dateStyles = await readDateStyles(path, entries, info.styles);
  const { strings } = await readSharedStrings(path, entries, info.sharedStrings);
  const rows = sheetRows(path, entries, chosen.part!, {
    strings,
    dateStyles,
    date1904: info.date1904,
  });
  let header: string[] | undefined;
  let first: RawRecord[] = [];
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const at = next.value.findIndex((r) => r.error === undefined && !blank(r.values));
    if (at < 0) continue;
    header = next.value[at].values.map((v) => (v === null ? '' : cellText(v).trim()));
    first = next.value.slice(at + 1);
    break;
  }
  if (header === undefined) {
    throw new Error(
      `${path}: worksheet "${chosen.name}" has no rows. The first row must name the columns.`,
    );
  }
  const width = header.length;
  const pad = (batch: RawRecord[]) =>
    batch
      .filter((r) => r.error !== undefined || !blank(r.values))
      .map((r) => {
        while (r.values.length < width) r.values.push(null);
        return r;
      });
  async function* batches(): AsyncGenerator<RawRecord[]> {
    if (first.length > 0) yield pad(first);
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const batch = pad(next.value);
      if (batch.length > 0) yield batch;
    }
  }
  const batched = batches();
  async function* records(): AsyncGenerator<RawRecord> {
    for await (const batch of batched) for (const record of batch) yield record;
  }
  return { header, records: records(), batches: batched, details: { sheet: chosen.name } };
}

function chooseSheet(
  path: string,
  sheets: { name: string; state: string; part?: string }[],
  name?: string,
) {
  const list = sheets
    .map((s) => (s.state === 'visible' ? s.name : `${s.name} (hidden)`))
    .join(', ');
  if (name !== undefined) {
    const found = sheets.find((s) => s.name === name);
    if (found === undefined) {
      throw new Error(`${path}: no worksheet named "${name}". Worksheets: ${list}.`);
    }
    if (found.part === undefined) {
      throw new Error(`${path}: sheet "${name}" is a chart, not a worksheet. Worksheets: ${list}.`);
    }
    return found;
  }
  const found = sheets.find((s) => s.state === 'visible' && s.part !== undefined);
  if (found === undefined) {
    throw new Error(
      `${path}: the workbook has no visible worksheet (sheets: ${list}). Name the sheet to read with "sheet" in the mapping.`,
    );
  }
  return found;
}

/** The rows of the sheet XML in `part`, a batch per unzipped chunk; empty rows are included. */
async function* sheetRows(
  path: string,
  entries: Map<string, ZipEntry>,
  part: string,
  context: CellContext,
): AsyncGenerator<RawRecord[]> {
  let batch: RawRecord[] = [];
  let row: RawRecord | undefined;
  let rowNumber = 0;
  let column = -1;
  let cell = { ref: '', type: 'n', style: 0 };
  let capture: 'v' | 'f' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  let texts: Record<'v' | 'f' | 't', string[] | null> = { v: null, f: null, t: null };
  let length = 0;
  const tokenizer = new XmlTokenizer({
    open(name, attributes, selfClosing) {
      if (name === 'row') {
        const r = Number(attribute(attributes, 'r'));
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        row = { line: rowNumber, values: [] };
        column = -1;
        if (selfClosing) endRow();
      } else if (name === 'c' && row !== undefined) {
        const ref = attribute(attributes, 'r');
        const at = ref === undefined ? -1 : columnIndex(ref);
        column = at >= 0 ? at : column + 1;
        cell = {
          ref: ref ?? `${columnName(column)}${rowNumber}`,
          type: attribute(attributes, 't') ?? 'n',
          style: Number(attribute(attributes, 's') ?? 0),
        };
        texts = { v: null, f: null, t: null };
        length = 0;
        if (selfClosing) endCell();
      } else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (
        !selfClosing &&
        (name === 'v' || name === 'f' || (name === 't' && inInline && phonetic === 0))
      ) {
        capture = name;
        texts[name] ??= [];
      } else if (selfClosing && name === 'f') texts.f ??= [];
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') capture = undefined;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') endCell();
      else if (name === 'row') endRow();
    },
    text(text) {
      if (capture === undefined) return;
      length += text.length;
      if (length <= MAX_CELL_CHARS) texts[capture]!.push(text);
    },
  });
  function endCell() {
    if (row === undefined || row.error !== undefined) return;
    const out = cellValue(cell, texts, length, column, context);
    if (out instanceof CellTrouble) {
      Object.assign(row, { error: out.message, rule: out.rule, field: column, value: out.value });
      return;
    }
    if (column >= MAX_COLUMNS) return;
    while (row.values.length < column) row.values.push(null);
    row.values[column] = out;
  }
  function endRow() {
    if (row !== undefined) batch.push(row);
    row = undefined;
  }
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of unzipEntry(path, entries.get(part)!)) {
      tokenizer.push(decoder.decode(chunk, { stream: true }));
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
    }
    tokenizer.push(decoder.decode());
    tokenizer.end();
  } catch (error) {
    const message = (error as Error).message;
    throw message.startsWith(path) ? error : new Error(`${path}: ${part}: ${message}.`);
  }
  if (batch.length > 0) yield batch;
}

function blank(values: unknown[]): boolean {
  return values.every((v) => v === null || v === undefined);
}

function cellText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
