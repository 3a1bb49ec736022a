// Stream the rows of one worksheet of an .xlsx workbook with exceljs's streaming reader (no xlsx package:
// it has known CVEs). Cells keep their types: numbers, booleans, dates (as Date) and text.
import ExcelJS from 'exceljs';
import type { RawRecord, RecordSource } from './record-source.js';

/**
 * The header (first non-empty row) and the following rows of a worksheet (`sheet` by name, else the first);
 * each record's `line` is its worksheet row number. Formula cells give their cached result.
 * @example const { header, records } = await readXlsx('leavers.xlsx', { sheet: 'Leavers' })
 */
export async function readXlsx(
  path: string,
  { sheet }: { sheet?: string } = {},
): Promise<RecordSource> {
  const iterator = worksheetRows(path, sheet);
  const first = await iterator.next();
  if (first.done) {
    throw new Error(
      `${path}: ${sheet === undefined ? 'the first worksheet' : `worksheet "${sheet}"`} has no rows. The first row must name the columns.`,
    );
  }
  const header = first.value.values.map((name) => (name === null ? '' : String(name).trim()));
  // exceljs ends a row at its last non-empty cell: pad to the header so empty trailing cells count as empty.
  async function* records() {
    for await (const { line, values } of { [Symbol.asyncIterator]: () => iterator }) {
      while (values.length < header.length) values.push(null);
      yield { line, values };
    }
  }
  return {
    header,
    records: records(),
    details: { sheet: first.value.sheet },
  };
}

async function* worksheetRows(
  path: string,
  sheet: string | undefined,
): AsyncGenerator<RawRecord & { sheet: string }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  const seen: string[] = [];
  for await (const worksheet of workbook) {
    const name = String((worksheet as unknown as { name: string }).name);
    seen.push(name);
    if (sheet !== undefined && name !== sheet) {
      for await (const _row of worksheet) void _row;
      continue;
    }
    for await (const row of worksheet) {
      const values = Array.from((row.values as unknown[]).slice(1), cellValue);
      if (values.every((v) => v === null)) continue;
      yield { line: row.number, values, sheet: name };
    }
    return;
  }
  throw new Error(`${path}: no worksheet named "${sheet}". Worksheets: ${seen.join(', ')}.`);
}

function cellValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  const cell = value as {
    richText?: { text: string }[];
    result?: unknown;
    text?: string;
    error?: string;
  };
  if (cell.richText) return cell.richText.map((part) => part.text).join('');
  if ('result' in cell) return cellValue(cell.result);
  if (cell.text !== undefined) return cell.text;
  if (cell.error !== undefined) return cell.error;
  return String(value);
}
