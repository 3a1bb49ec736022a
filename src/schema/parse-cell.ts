// Turn one raw cell (text from CSV, or a JSON/XLSX value) into a typed value, or say why it cannot be.
import { dateProblem, parseDateOrNaN, type DateFormat } from '../time/dates.js';
import { minutesOfDay } from '../time/clock.js';
import type { ColumnSpec } from './types.js';

/** Why a cell was rejected: a rule id (for counting) and a message that says how to fix it. */
export class CellProblem {
  constructor(
    readonly rule: string,
    readonly message: string,
  ) {}
}

export interface CellParserOptions {
  /** Allowed values (enum, list items); undefined = any. */
  allowed?: readonly string[];
  /** Format of date text; ISO yyyy-mm-dd is always accepted as well. Default 'iso'. */
  dateFormat?: DateFormat;
  /** Decimal separator of numbers in text; default '.'. */
  decimal?: '.' | ',';
}

/** A parsed value: null for missing, or the column type's JS value. */
export type CellValueOut = string | number | boolean | string[] | null;

/**
 * A function that parses raw cells of one column: returns the typed value (null when empty) or a CellProblem.
 * Text is trimmed; an empty text is missing. Required columns reject missing values (rule "required").
 * @example makeCellParser('fte', PEOPLE.columns.fte)('0.8') // 0.8
 */
export function makeCellParser(
  name: string,
  spec: ColumnSpec,
  { allowed, dateFormat = 'iso', decimal = '.' }: CellParserOptions = {},
): (raw: unknown) => CellValueOut | CellProblem {
  const typed = typedParser(name, spec, allowed, dateFormat, decimal);
  const range = rangeCheck(name, spec);
  const parse = (raw: unknown): CellValueOut | CellProblem => {
    if (raw instanceof CellProblem) return raw; // the mapping could not produce the cell
    let value: unknown = raw;
    if (typeof value === 'string') {
      value = value.trim();
      if (value === '') value = null;
    }
    if (value === null || value === undefined) {
      if (!spec.required) return null;
      return new CellProblem(
        'required',
        `${name} is required but empty. Fill it in the source, or map the column that holds it (or a constant) in the mapping file.`,
      );
    }
    const out = typed(value);
    if (range !== undefined && typeof out === 'number') return range(out);
    return out;
  };
  // Dates, times, numbers and codes repeat a great deal in an extract: parse each text once. (Strings
  // and lists are not cached: a string is its own result, and a list must not be shared by rows.)
  if (spec.type === 'string' || spec.type === 'list') return parse;
  const cache = new Map<string, CellValueOut | CellProblem>();
  return (raw) => {
    if (typeof raw !== 'string') return parse(raw);
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const out = parse(raw);
    if (cache.size < CACHE_LIMIT) cache.set(raw, out);
    return out;
  };
}

/** Distinct texts remembered per column parser (about 14 years of distinct days, many times over). */
const CACHE_LIMIT = 100_000;

function typedParser(
  name: string,
  spec: ColumnSpec,
  allowed: readonly string[] | undefined,
  dateFormat: DateFormat,
  decimal: '.' | ',',
): (value: unknown) => CellValueOut | CellProblem {
  const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  const allowedSet = allowed === undefined ? undefined : new Set(allowed);
  const notAllowed = (v: string, what = name) =>
    new CellProblem(
      'allowed_values',
      `${what} "${v}" is not an allowed value. Allowed: ${allowed?.join(', ')}. Map it to one of these with "values" in the mapping file, or correct the source.`,
    );
  switch (spec.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : shown(v));
    case 'enum':
      return (v) => {
        const text = typeof v === 'string' ? v : shown(v);
        return allowedSet === undefined || allowedSet.has(text) ? text : notAllowed(text);
      };
    case 'list':
      return (v) => {
        const items = (Array.isArray(v) ? v.map(shown) : shown(v).split(';'))
          .map((item) => item.trim())
          .filter((item) => item !== '');
        if (items.length === 0) return null;
        const bad = allowedSet === undefined ? undefined : items.find((i) => !allowedSet.has(i));
        return bad === undefined ? items : notAllowed(bad, `${name} item`);
      };
    case 'integer':
    case 'number':
      return (v) => {
        const n = typeof v === 'number' ? v : parseNumber(shown(v), decimal);
        if (!Number.isFinite(n)) {
          return new CellProblem(
            'type',
            `${name} must be a number, got "${shown(v)}". Correct the value${decimal === '.' ? ' (use . for decimals; set "decimal": "," in the mapping for 0,5)' : ''}, or leave it empty if unknown.`,
          );
        }
        if (spec.type === 'integer' && !Number.isInteger(n)) {
          return new CellProblem(
            'type',
            `${name} must be a whole number, got "${shown(v)}". Correct the value.`,
          );
        }
        return n;
      };
    case 'boolean':
      return (v) => {
        if (typeof v === 'boolean') return v;
        const text = shown(v).toLowerCase();
        if (text === 'true') return true;
        if (text === 'false') return false;
        return new CellProblem(
          'type',
          `${name} must be true or false, got "${shown(v)}". Map other spellings (Y/N, yes/no) with "values" in the mapping file.`,
        );
      };
    case 'time':
      return (v) => {
        const minutes = minutesOfDay(shown(v));
        if (Number.isNaN(minutes)) {
          return new CellProblem(
            'type',
            `${name} must be a time written HH:MM (24-hour clock), got "${shown(v)}". Correct it or leave it empty.`,
          );
        }
        return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      };
    case 'date':
      return (v) => {
        if (v instanceof Date) {
          const day = Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) / 86_400_000;
          return Number.isNaN(day)
            ? invalidDate(name, 'an invalid spreadsheet date', dateFormat)
            : day;
        }
        const text = shown(v);
        const day = /^\d{4}-/.test(text)
          ? parseDateOrNaN(text, 'iso')
          : parseDateOrNaN(text, dateFormat);
        if (!Number.isNaN(day)) return day;
        const format = /^\d{4}-/.test(text) ? 'iso' : dateFormat;
        return invalidDate(name, dateProblem(text, format) ?? text, dateFormat);
      };
  }
}

function invalidDate(name: string, problem: string, format: DateFormat): CellProblem {
  const shown = format === 'iso' ? 'yyyy-mm-dd' : `${format} or yyyy-mm-dd`;
  return new CellProblem(
    'invalid_date',
    `${name}: ${problem}. Correct the date in the source (expected ${shown}), or set "date_formats" for this column in the mapping file.`,
  );
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string, decimal: '.' | ','): number {
  const normal = decimal === ',' ? text.replace(',', '.') : text;
  return NUMBER.test(normal) ? Number(normal) : NaN;
}

function rangeCheck(
  name: string,
  spec: ColumnSpec,
): ((n: number) => number | CellProblem) | undefined {
  const { min, max, exclusiveMin = false, exclusiveMax = false } = spec;
  if (min === undefined && max === undefined) return undefined;
  const interval = `${exclusiveMin ? '(' : '['}${min ?? '-∞'}, ${max ?? '∞'}${exclusiveMax ? ')' : ']'}`;
  return (n) => {
    const low = min !== undefined && (exclusiveMin ? n <= min : n < min);
    const high = max !== undefined && (exclusiveMax ? n >= max : n > max);
    if (!low && !high) return n;
    return new CellProblem(
      'out_of_range',
      `${name} ${n} is outside the allowed range ${interval}. Correct the value in the source, or leave it empty if unknown.`,
    );
  };
}
