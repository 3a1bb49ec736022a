// Compile one mapping source against one file's header into a plan: for each canonical column, a function
// from the raw record's values to the raw canonical value (before type parsing).
// Order per cell: take (rename | derive | constant | same name) → missing values → value map → pseudonym.
import { SCHEMA, type TableName } from '../../schema/tables.js';
import { UnitRegistry, unitGetter } from './hierarchy.js';
import type { Derivation, Mapping, MappingSource } from './mapping.js';
import { periodText } from './period-text.js';
import { MappingProblem, problemIn } from './problem.js';

/** How to build each canonical column of one file's rows, and what the file lacks or has in excess. */
export interface ColumnPlan {
  getters: Record<string, (values: unknown[]) => unknown>;
  /** Canonical columns no source column feeds (their cells are empty). */
  absent: string[];
  /** File columns that nothing uses and the mapping does not drop (never loaded). */
  unused: string[];
  /**
   * With `unpivot`: the rows one record becomes, one per unpivoted column (values of the record
   * followed by that column's name and value), which the getters read. Undefined: one row per record.
   */
  expand?: (values: unknown[]) => unknown[][];
}

/**
 * The column plan for a file with `header`, mapped by `source` (with `mapping`'s defaults).
 * Throws when the header repeats a name, or a rename or derivation names a column the file lacks.
 * @example planColumns(['Staff No', 'Grade'], source, mapping, undefined).getters.person_id(['007', 'B'])
 */
export function planColumns(
  header: string[],
  source: MappingSource,
  mapping: Mapping,
  pseudonymise: ((id: string) => string) | undefined,
  file = 'file',
  units: UnitRegistry = new UnitRegistry(),
): ColumnPlan {
  const unpivot = source.unpivot;
  const index = headerIndex(unpivot ? [...header, UNPIVOT_NAME, UNPIVOT_VALUE] : header, file);
  const used = new Set<string>();
  const column = (name: string, why: string): number => {
    const at = index.get(name);
    if (at === undefined) {
      throw new Error(
        `${file}: ${why} names column "${name}", which the file does not have. Columns: ${header.join(', ')}. Correct the mapping.`,
      );
    }
    used.add(name);
    return at;
  };
  const rename = unpivot
    ? { ...source.rename, [UNPIVOT_NAME]: unpivot.name_to, [UNPIVOT_VALUE]: unpivot.value_to }
    : source.rename;
  const renamedFrom = new Map(Object.entries(rename).map(([from, to]) => [to, from]));
  const spread = unpivot?.columns.map((name) => [name, column(name, 'unpivot')] as const);
  const missing = new Set([...mapping.missing_values, ...(source.missing_values ?? [])]);
  const getters: Record<string, (values: unknown[]) => unknown> = {};
  const absent: string[] = [];
  for (const name of Object.keys(SCHEMA[source.table as TableName].columns)) {
    let get: ((values: unknown[]) => unknown) | undefined;
    if (name === 'unit_id' && source.hierarchy)
      get = unitGetter(source.hierarchy, units, (c) => column(c, 'hierarchy'), file);
    else if (name in source.derive)
      get = derive(source.derive[name], (c) => column(c, `derive.${name}`), {
        file,
        target: name,
        dateFormat: source.date_format ?? mapping.date_format,
        missing,
      });
    else if (name in source.constants) {
      const constant = source.constants[name];
      get = () => constant;
    } else if (renamedFrom.has(name)) {
      const at = column(renamedFrom.get(name)!, `rename`);
      get = (values) => values[at];
    } else if (index.has(name) && !(name in rename)) {
      const at = column(name, 'the model');
      get = (values) => values[at];
    }
    if (get === undefined) {
      absent.push(name);
      getters[name] = () => null;
      continue;
    }
    const type = (SCHEMA[source.table as TableName].columns as Record<string, { type: string }>)[
      name
    ].type;
    getters[name] = checkPattern(
      name,
      withDefault(
        finish(
          groupedNumber(
            stripSuffix(get, source.strip_suffix[name]),
            type === 'number' || type === 'integer' ? source.thousands : undefined,
            source.decimal ?? mapping.decimal,
          ),
          missing,
          source.values[name],
          name === 'person_id' ? pseudonymise : undefined,
        ),
        source.defaults[name],
      ),
      source.patterns[name],
    );
  }
  const dropped = new Set(source.drop);
  const unused = header.filter((name) => !used.has(name) && !dropped.has(name) && name !== '');
  const expand =
    spread === undefined
      ? undefined
      : (values: unknown[]) => spread.map(([name, at]) => [...values, name, values[at]]);
  return { getters, absent, unused: unused.filter((n) => !n.startsWith('\u27e8')), expand };
}

/** Header names of the two virtual columns an unpivot adds (never in a real export). */
const UNPIVOT_NAME = '\u27e8column name\u27e9';
const UNPIVOT_VALUE = '\u27e8column value\u27e9';

function stripSuffix(
  get: (values: unknown[]) => unknown,
  suffix: string | undefined,
): (values: unknown[]) => unknown {
  if (suffix === undefined) return get;
  return (values) => {
    const value = get(values);
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : value;
  };
}

/** An empty cell (after missing values) replaced by the mapping's default for the column. */
function withDefault(
  get: (values: unknown[]) => unknown,
  fallback: string | number | boolean | undefined,
): (values: unknown[]) => unknown {
  if (fallback === undefined) return get;
  return (values) => {
    const value = get(values);
    const empty =
      value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    return empty ? fallback : value;
  };
}

/** A number written with a thousands separator (1,234,567.8) without it; anything else unchanged. */
function groupedNumber(
  get: (values: unknown[]) => unknown,
  thousands: string | undefined,
  decimal: string,
): (values: unknown[]) => unknown {
  if (thousands === undefined) return get;
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const grouped = new RegExp(`^[+-]?\\d{1,3}(?:${esc(thousands)}\\d{3})+(?:${esc(decimal)}\\d+)?$`);
  return (values) => {
    const value = get(values);
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return grouped.test(text) ? text.split(thousands).join('') : value;
  };
}

/** The value must match `pattern` (after the value map); otherwise a MappingProblem (rule pattern). */
function checkPattern(
  name: string,
  get: (values: unknown[]) => unknown,
  pattern: string | undefined,
): (values: unknown[]) => unknown {
  if (pattern === undefined) return get;
  const regex = new RegExp(pattern);
  return (values) => {
    const value = get(values);
    if (value === null || value === undefined || value instanceof MappingProblem) return value;
    const text = String(value).trim();
    if (text === '' || regex.test(text)) return value;
    return new MappingProblem(
      'pattern',
      `${name} "${text}" does not match ${pattern}, the pattern the mapping requires. Correct the source, or map this value to a valid one with "values".`,
      text,
    );
  };
}

function finish(
  get: (values: unknown[]) => unknown,
  missing: Set<string>,
  valueMap: Record<string, string> | undefined,
  pseudonymise: ((id: string) => string) | undefined,
): (values: unknown[]) => unknown {
  // nothing to do to the value: hand back the getter (the cell parser trims text itself)
  if (missing.size === 0 && valueMap === undefined && pseudonymise === undefined) return get;
  const map = valueMap === undefined ? undefined : new Map(Object.entries(valueMap));
  const fallback = map?.get('*');
  return (values) => {
    let value = get(values);
    if (value instanceof MappingProblem) return value;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (missing.has(trimmed)) value = null;
      else if (map !== undefined && trimmed !== '') value = map.get(trimmed) ?? fallback ?? trimmed;
    } else if (map !== undefined && value !== null && value !== undefined) {
      value = map.get(String(value)) ?? fallback ?? value;
    }
    if (pseudonymise !== undefined && value !== null && value !== undefined) {
      const id = String(value).trim();
      if (id !== '') value = pseudonymise(id);
    }
    return value;
  };
}

interface DeriveContext {
  file: string;
  target: string;
  dateFormat: string;
  /** Texts that mean "empty" (the mapping's missing_values): read as empty by period recipes. */
  missing: ReadonlySet<string>;
}

function derive(
  recipe: Derivation,
  column: (name: string) => number,
  where: DeriveContext,
): (values: unknown[]) => unknown {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  if ('from_file_name' in recipe) return fromFileName(recipe, column, where);
  if ('from_column' in recipe) {
    const names =
      typeof recipe.from_column === 'string' ? [recipe.from_column] : recipe.from_column;
    const at = names.map(column);
    const origin = `column${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
    const format = recipe.format ?? where.dateFormat;
    return (values) => {
      const parts = at.map((i) => values[i]);
      const problem = problemIn(parts);
      if (problem) return problem;
      const joined = parts
        .map(text)
        .filter((p) => p !== '' && !where.missing.has(p))
        .join(' ');
      if (joined === '') return null;
      return periodText(joined, recipe.as, format, origin);
    };
  }
  if ('copy' in recipe) {
    const at = column(recipe.copy);
    return (values) => values[at];
  }
  if ('concat' in recipe) {
    const at = recipe.concat.map(column);
    return (values) => {
      const parts = at.map((i) => text(values[i]));
      return parts.every((p) => p === '') ? null : parts.join(recipe.separator);
    };
  }
  if ('first_of' in recipe) {
    const at = recipe.first_of.map(column);
    return (values) => at.map((i) => values[i]).find((v) => text(v) !== '') ?? null;
  }
  if ('year_minus' in recipe) {
    const at = column(recipe.year_minus);
    return (values) => numberOp(values[at], (n) => recipe.year - n);
  }
  if ('divide' in recipe) {
    const at = column(recipe.divide);
    return (values) => numberOp(values[at], (n) => n / recipe.by);
  }
  if ('month_sequence' in recipe) return monthSequence(recipe, column);
  if ('years_before' in recipe) {
    const at = column(recipe.years_before);
    const [y, m, d] = recipe.date.split('-').map(Number);
    return (values) => {
      const t = text(values[at]);
      if (t === '') return null;
      const n = Number(t);
      if (!Number.isInteger(n) || n < 0) return values[at];
      const day = m === 2 && d === 29 ? 28 : d; // 29 February falls back to the 28th in other years
      return `${y - n}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
  }
  if ('first_number' in recipe) {
    const at = column(recipe.first_number);
    return (values) => {
      const t = text(values[at]);
      if (t === '') return null;
      const m = /\d+(?:\.\d+)?/.exec(t);
      return m ? Number(m[0]) : values[at];
    };
  }
  if ('year_of' in recipe) {
    const at = column(recipe.year_of);
    return (values) => yearOf(values[at], recipe.two_digit_century);
  }
  const flags = Object.entries(recipe.list_of).map(([name, item]) => [column(name), item] as const);
  const yes = new Set(recipe.when.map((w) => w.toLowerCase()));
  return (values) => {
    const items = flags
      .filter(([i]) => yes.has(text(values[i]).toLowerCase()))
      .map(([, item]) => item);
    return items.length === 0 ? null : items.join(';');
  };
}

/**
 * `month_sequence`: rows in time order carry a month number only; the year starts at `first` and
 * passes each time the month falls below the previous row's. Anything but 1–12 is rejected and skipped.
 */
function monthSequence(
  recipe: Extract<Derivation, { month_sequence: string }>,
  column: (name: string) => number,
): (values: unknown[]) => unknown {
  const at = column(recipe.month_sequence);
  let year = Number(recipe.first.slice(0, 4));
  let previous = Number(recipe.first.slice(5, 7));
  return (values) => {
    const text = values[at] === null || values[at] === undefined ? '' : String(values[at]).trim();
    if (text === '') return null;
    const month = Number(text);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      return new MappingProblem(
        'invalid_period',
        `${recipe.month_sequence} "${text}" is not a month number 1–12, so the row's month is unknown (and it does not move the sequence on). Correct the source.`,
        text,
      );
    }
    if (month < previous) year++;
    previous = month;
    return periodText(
      `${year}-${String(month).padStart(2, '0')}`,
      recipe.as,
      'iso',
      'the month sequence',
    );
  };
}

/** `from_file_name`: the pattern's groups (or whole match) in the file's path, plus any `with` columns. */
function fromFileName(
  recipe: Extract<Derivation, { from_file_name: string }>,
  column: (name: string) => number,
  { file, target, dateFormat, missing }: DeriveContext,
): (values: unknown[]) => unknown {
  const match = new RegExp(recipe.from_file_name).exec(file);
  if (match === null) {
    throw new Error(
      `${file}: derive.${target} takes "${recipe.from_file_name}" from the file name, which does not match it. Rename the file, or correct the pattern (or the source's "files").`,
    );
  }
  const taken = match.length > 1 ? match.slice(1).filter((g) => g !== undefined) : [match[0]];
  const withNames =
    recipe.with === undefined ? [] : typeof recipe.with === 'string' ? [recipe.with] : recipe.with;
  const at = withNames.map(column);
  const origin =
    withNames.length > 0 ? `the file name and ${withNames.join(', ')}` : 'the file name';
  return (values) => {
    const parts = at.map((i) => values[i]);
    const problem = problemIn(parts);
    if (problem) return problem;
    const joined = [...taken, ...parts.map((v) => (v == null ? '' : String(v).trim()))]
      .filter((p) => p !== '' && !missing.has(p))
      .join(' ');
    return periodText(joined, recipe.as, dateFormat, origin);
  };
}

/**
 * The year of a date cell: a spreadsheet date's year, or the four-digit number in the text; a date whose
 * year has two digits (09/19/88) gets `century` added when given. Anything else passes through, so that
 * validation reports it.
 */
function yearOf(value: unknown, century: number | undefined): unknown {
  if (value instanceof Date) return value.getUTCFullYear();
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const text = String(value).trim();
  const four = /(?:^|\D)(\d{4})(?:\D|$)/.exec(text);
  if (four) return Number(four[1]);
  const two = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2})$/.exec(text);
  return two && century !== undefined ? century + Number(two[1]) : value;
}

/** Applies `op` to a numeric cell; text that is not a number passes through so validation reports it. */
function numberOp(value: unknown, op: (n: number) => number): unknown {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? op(n) : value;
}

function headerIndex(header: string[], file: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (name !== '' && index.has(name)) {
      throw new Error(
        `${file}: the header names column "${name}" twice (columns ${index.get(name)! + 1} and ${i + 1}). Rename one in the file.`,
      );
    }
    index.set(name, i);
  });
  return index;
}
