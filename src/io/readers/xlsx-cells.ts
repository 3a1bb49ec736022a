// One worksheet cell to a JS value: text, number, boolean or Date by the cell's type and style, or the
// reason it cannot be loaded (an Excel error, a formula without its saved result, a broken reference).
import { MAX_CELL_CHARS } from './xlsx-parts.js';

/** What a cell needs from the workbook: the shared strings, which styles are dates, the date system. */
export interface CellContext {
  strings: (string | null)[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** Excel's last column is XFD (16,384); a cell beyond it is not a real workbook's. */
export const MAX_COLUMNS = 16_384;

/** Why a cell cannot be loaded: the rule, a message naming the cell and its fix, and the value. */
export class CellTrouble {
  constructor(
    readonly rule: string,
    readonly message: string,
    readonly value: string,
  ) {}
}

/**
 * The value of one cell (`texts`: its <v>, <f> and inline <t> text; `length`: their characters), or a
 * CellTrouble: rule xlsx_error_cell, formula_without_value, xlsx_bad_cell or record_too_long.
 * @example cellValue({ ref: 'A2', type: 'n', style: 0 }, { v: ['3'], f: null, t: null }, 1, 0, context) // 3
 */
export function cellValue(
  cell: { ref: string; type: string; style: number },
  texts: Record<'v' | 'f' | 't', string[] | null>,
  length: number,
  column: number,
  context: CellContext,
): unknown {
  const { ref, type } = cell;
  const joined = texts.v === null ? null : texts.v.join('');
  const v = joined === '' ? null : joined; // <v></v> holds no value (and is not shared string 0)
  const formula = texts.f === null ? null : texts.f.join('').slice(0, 100);
  const bad = (why: string, value = v ?? '') =>
    new CellTrouble(
      'xlsx_bad_cell',
      `cell ${ref} ${why}. Correct the cell in the workbook (or save it again from Excel or LibreOffice), then export again`,
      value,
    );
  if (column >= MAX_COLUMNS) return bad(`lies beyond Excel's last column (XFD)`, '');
  if (length > MAX_CELL_CHARS) {
    return new CellTrouble(
      'record_too_long',
      `cell ${ref} holds more than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters (Excel's own limit is 32,767), so its row is not read. Check the export`,
      '',
    );
  }
  if (type === 'e') {
    return new CellTrouble(
      'xlsx_error_cell',
      `cell ${ref} holds the Excel error ${v ?? '#VALUE!'}${formula === null ? '' : ` (from =${formula})`}, not a value. Correct the formula or the data it uses (or clear the cell) in the workbook, then export again`,
      v ?? '',
    );
  }
  if (type === 'inlineStr') return texts.t === null ? null : texts.t.join('');
  if (v === null) {
    if (formula === null) return null;
    return new CellTrouble(
      'formula_without_value',
      `cell ${ref} holds the formula =${formula} but no saved result: the program that wrote the workbook did not calculate it. Open the workbook in Excel or LibreOffice and save it (which calculates it), or export CSV`,
      `=${formula}`,
    );
  }
  switch (type) {
    case 's': {
      const text = context.strings[Number(v)];
      if (text === undefined)
        return bad(`refers to shared string ${v}, which the workbook does not have`);
      if (text === null) {
        return new CellTrouble(
          'record_too_long',
          `cell ${ref} holds more than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters (Excel's own limit is 32,767), so its row is not read. Check the export`,
          '',
        );
      }
      return text;
    }
    case 'str':
      return v;
    case 'b':
      return v === '1' || v === 'true';
    case 'd': {
      const date = new Date(v);
      return Number.isNaN(date.getTime())
        ? bad(`holds the date "${v}", which is not a date`)
        : date;
    }
    default: {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) return bad(`holds "${v}" as a number`);
      return context.dateStyles[cell.style] ? serialDate(n, context.date1904) : n;
    }
  }
}

/**
 * The UTC date of an Excel serial number. 1900 system: 1 = 1900-01-01, and Excel counts a 29 February
 * 1900 that never was (serial 60), so from 61 on the days count from 1899-12-30. 1904 system: 0 =
 * 1904-01-01. The fraction is the time of day.
 */
function serialDate(serial: number, date1904: boolean): Date {
  const epoch = date1904
    ? Date.UTC(1904, 0, 1)
    : serial < 60
      ? Date.UTC(1899, 11, 31)
      : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/** The zero-based column of a cell reference (A1 → 0, AB7 → 27), or -1 when it has no letters. */
export function columnIndex(ref: string): number {
  let index = 0;
  let k = 0;
  for (; k < ref.length; k++) {
    const c = ref.charCodeAt(k) | 32; // lower case
    if (c < 97 || c > 122) break;
    index = index * 26 + (c - 96);
    if (index > MAX_COLUMNS) return MAX_COLUMNS;
  }
  return k === 0 ? -1 : index - 1;
}

/** The letters of a zero-based column (0 → A, 27 → AB). */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
