// A draft mapping for an export folder (wbk map). Steps: read a sample of every data file (encoding and
// delimiter detected by the readers) → choose each file's table by its column names → match columns by
// name and check them by their values (dates, numbers, vocabularies) → propose the units hierarchy from
// unit columns → group files of one shape under one glob. Every guess carries a "review" note.
import { basename } from 'node:path';
import { SCHEMA, type TableName } from '../../schema/tables.js';
import type { ColumnSpec } from '../../schema/types.js';
import { listFiles } from '../glob.js';
import { openRecords } from '../readers/index.js';
import { FILE_HINTS, SYNONYMS, nameScore, normaliseName } from './draft-columns.js';
import { proposeHierarchy } from './draft-units.js';
import {
  VALUE_KIND,
  guessDateFormat,
  guessNumbers,
  guessValueMap,
  type DateGuess,
} from './draft-values.js';
import { parseMapping } from './mapping.js';
import { pushTo } from '../../shared/collections.js';

/** Records read from each file to guess from. */
const SAMPLE = 20_000;
const DATA_FILE = /\.(csv|tsv|txt|xlsx|ndjson|jsonl|json)$/i;

/** A draft mapping (JSON-ready, valid) and what was read to make it. */
export interface DraftMapping {
  mapping: Record<string, unknown>;
  /** Per file: the table chosen (or null when skipped) and the rows sampled. */
  files: { file: string; table: TableName | null; sampled: number }[];
}

/**
 * A draft mapping for the export folder `dir`: each data file's table and column matches, value maps,
 * date formats, number formats and a units hierarchy, each guess explained in a `review` note (and
 * the mapping validated before it is returned). `today` (yyyy-mm-dd) dates recipes that need one.
 * @example const { mapping } = await draftMapping('exports/2025-q1')
 */
export async function draftMapping(
  dir: string,
  { today = new Date().toISOString().slice(0, 10) }: { today?: string } = {},
): Promise<DraftMapping> {
  const review: string[] = [
    `Drafted by wbk map from ${basename(dir)} on ${today}: every guess below has a "review" note. Check each, then run wbk check --data ${dir} --mapping <this file>.`,
  ];
  const drafts: { file: string; source: Record<string, unknown>; shape: string }[] = [];
  const files: DraftMapping['files'] = [];
  for (const file of (await listFiles(dir)).filter((f) => DATA_FILE.test(f))) {
    let profile: Profile;
    try {
      profile = await readProfile(`${dir}/${file}`);
    } catch (error) {
      review.push(`${file} could not be read (${(error as Error).message}); it is not mapped.`);
      files.push({ file, table: null, sampled: 0 });
      continue;
    }
    const choice = chooseTable(file, profile, today);
    files.push({ file, table: choice?.table ?? null, sampled: profile.rows.length });
    if (choice === undefined) {
      review.push(
        `${file}: no table of the model fits its columns (${profile.header.join(', ')}); it is not mapped.`,
      );
      continue;
    }
    const source = buildSource(file, profile, choice, today);
    drafts.push({ file, source, shape: `${choice.table}\u0000${profile.header.join('\u0001')}` });
  }
  const sources = groupFiles(drafts);
  if (sources.length === 0) {
    throw new Error(
      `no file in ${dir} could be matched to a table of the model. ${review.slice(1).join(' ')} Write the mapping by hand (docs/mappings.md).`,
    );
  }
  const mapping: Record<string, unknown> = {
    description: `Draft mapping for the exports in ${basename(dir)}, made by wbk map on ${today}.`,
    review,
    date_format: 'iso',
    sources,
  };
  const levels = sources.map((s) =>
    ((s.hierarchy as { levels: { level: string }[] } | undefined)?.levels ?? []).map(
      (l) => l.level,
    ),
  );
  const all = [...new Set(levels.flat())];
  if (new Set(levels.filter((l) => l.length > 0).map((l) => l.join('>'))).size > 1) {
    mapping.config = { unit_levels: all };
    review.push(
      `The files' unit columns give different hierarchies (${levels
        .filter((l) => l.length)
        .map((l) => l.join(' > '))
        .join(
          '; ',
        )}): config.unit_levels lists them all, so each file's units form a tree of their own under one top. Use the same level names where two files mean the same level.`,
    );
  }
  parseMapping(mapping, 'the draft mapping'); // a draft that does not validate is a bug here
  return { mapping, files };
}

/** Texts exports write for "no value"; read as empty when guessing, and listed in missing_values. */
const PLACEHOLDERS = new Set(['not stated', 'null', 'n/a', '#n/a', 'none', 'nil', '-', '--', '?']);

interface Profile {
  header: string[];
  /** Sampled rows, every value as trimmed text ('' when empty). */
  rows: string[][];
  details: { encoding?: string; delimiter?: string; sheet?: string };
}

async function readProfile(path: string): Promise<Profile> {
  const input = await openRecords(path);
  const rows: string[][] = [];
  for await (const record of input.records) {
    if (record.error !== undefined) continue;
    rows.push(input.header.map((_, i) => cellText(record.values[i])));
    if (rows.length >= SAMPLE) break;
  }
  return { header: input.header, rows, details: input.details };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

interface Match {
  column: string;
  header: string;
  at: number;
  why: string;
  valueMap?: ReturnType<typeof guessValueMap>;
  date?: DateGuess;
  recipe?: Record<string, unknown>;
}

interface Choice {
  table: TableName;
  matches: Match[];
}

/** The best table for a file: most (and most required) columns matched, plus a hint from its name. */
function chooseTable(file: string, profile: Profile, today: string): Choice | undefined {
  let best: (Choice & { score: number }) | undefined;
  for (const table of Object.keys(SYNONYMS) as TableName[]) {
    const matches = matchColumns(table, profile, today);
    const spec = SCHEMA[table].columns as Record<string, ColumnSpec>;
    const required = Object.keys(spec).filter((c) => spec[c].required);
    const found = new Set(matches.map((m) => m.column));
    const derivable = new Set(['period_start', 'indicator', 'worker_type', 'start_date']);
    const missing = required.filter((c) => !found.has(c) && !derivable.has(c));
    const keyed = table === 'units' ? found.has('unit_id') : found.has('person_id');
    if (!keyed && table !== 'unit_indicators') continue;
    if (table === 'unit_indicators' && !found.has('value') && !found.has('numerator')) continue;
    const score =
      matches.length +
      3 * required.filter((c) => found.has(c)).length -
      4 * missing.length +
      (FILE_HINTS[table]?.test(basename(file)) ? 4 : 0);
    if (best === undefined || score > best.score) best = { table, matches, score };
  }
  return best && best.score > 0 ? { table: best.table, matches: best.matches } : undefined;
}

/** Model columns of `table` matched to headers: by name, each checked against the column's values. */
function matchColumns(table: TableName, profile: Profile, today: string): Match[] {
  const spec = SCHEMA[table].columns as Record<string, ColumnSpec>;
  const candidates: (Match & { score: number })[] = [];
  profile.header.forEach((header, at) => {
    const values = profile.rows
      .map((r) => r[at])
      .filter((v) => v !== '' && !PLACEHOLDERS.has(v.toLowerCase()));
    for (const column of Object.keys(SYNONYMS[table] ?? {})) {
      let score = nameScore(table, column, header);
      const byName = score > 0;
      if (!byName && VALUE_KIND[column] === 'leaver_type') score = 1; // also sniffed by value
      if (score === 0) continue;
      const check = checkValues(column, spec[column], values, today);
      if (check === undefined) continue;
      const why = byName
        ? `matched by name ("${header}")${check.why ? `; ${check.why}` : ''}`
        : `matched by its values${check.why ? `: ${check.why}` : ''}`;
      candidates.push({ column, header, at, score, ...check, why });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.at - b.at);
  const usedColumns = new Set<string>();
  const usedHeaders = new Set<string>();
  const matches: Match[] = [];
  for (const c of candidates) {
    if (usedColumns.has(c.column) || usedHeaders.has(c.header)) continue;
    usedColumns.add(c.column);
    usedHeaders.add(c.header);
    matches.push(c);
  }
  return matches;
}

/** Whether `values` fit the model column, and what they tell (date format, value map, recipe). */
function checkValues(
  column: string,
  spec: ColumnSpec,
  values: readonly string[],
  today: string,
): (Omit<Match, 'column' | 'header' | 'at' | 'why'> & { why: string }) | undefined {
  if (values.length === 0) return { why: 'the column is empty in the sample' };
  if (column === 'birth_year') {
    const date = guessDateFormat(values);
    if (date) {
      return {
        why: `a date of birth (${date.format}); only its year is loaded${date.twoDigitYears ? ', two-digit years read as 19yy' : ''}`,
        recipe: { year_of: '', ...(date.twoDigitYears && { two_digit_century: 1900 }) },
      };
    }
    if (values.every((v) => /^\d{4}$/.test(v))) return { why: '' };
    if (values.every((v) => /^\d{2}$/.test(v) && Number(v) >= 14)) {
      const year = Number(today.slice(0, 4));
      return {
        why: `an age in years: birth year = ${year} − age (a year out for people whose birthday had not come; set "year" to the year the ages were taken)`,
        recipe: { year_minus: '', year },
      };
    }
    return undefined;
  }
  if (column === 'age_band') {
    if (values.every((v) => /^\d{1,2}$/.test(v))) return undefined; // an age, not a band
    return { why: '' };
  }
  if (spec.type === 'date') {
    const date = guessDateFormat(values);
    if (date) return { why: `dates, ${date.format} (${date.why})`, date };
    const years = values.filter((v) => /^(\d{1,2}\/)?\d{4}$/.test(v)).length;
    if (years < 0.9 * values.length) return undefined;
    return {
      why: 'only years (or months and years) are given: each date is the first day of its year; change "as" (e.g. to month_start) if the months matter',
      recipe: { from_column: '', as: 'year_start' },
    };
  }
  if (spec.type === 'number' || spec.type === 'integer') {
    if (column === 'service_years_at_leaving' && values.some((v) => /[a-z]/i.test(v))) {
      return { why: 'a band: its first whole number is read', recipe: { first_number: '' } };
    }
    const n = guessNumbers(values);
    return n ? { why: describeNumbers(n) } : undefined;
  }
  const kind = VALUE_KIND[column];
  if (kind !== undefined) {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const valueMap = guessValueMap(counts, kind);
    if (valueMap.coverage < 0.6) return undefined;
    return { why: '', valueMap };
  }
  return { why: '' };
}

function describeNumbers(n: ReturnType<typeof guessNumbers>): string {
  const parts = [
    n?.thousands && 'thousands separated by ","',
    n?.decimal && 'decimal comma',
    n?.suffix && '"%" after the number',
  ].filter(Boolean);
  return parts.length ? `numbers with ${parts.join(', ')}` : '';
}

/** The mapping source for one file from its table choice and matches. */
function buildSource(
  file: string,
  profile: Profile,
  { table, matches }: Choice,
  today: string,
): Record<string, unknown> {
  const source: Record<string, unknown> = { files: file, table };
  const note: Record<string, string> = {};
  const rename: Record<string, string> = {};
  const derive: Record<string, unknown> = {};
  const values: Record<string, Record<string, string>> = {};
  const constants: Record<string, string> = {};
  const stripSuffix: Record<string, string> = {};
  const { encoding, delimiter } = profile.details;
  if (encoding && encoding !== 'utf-8') {
    source.encoding = encoding;
    note.encoding = `${encoding}: detected from the bytes (not valid UTF-8)`;
  }
  if (delimiter && delimiter !== ',') {
    source.delimiter = delimiter === '\t' ? 'tab' : delimiter;
    note.delimiter = `"${source.delimiter}": the commonest separator in the header line`;
  }
  for (const m of matches) {
    if (m.recipe) {
      const recipe = Object.fromEntries(
        Object.entries(m.recipe).map(([k, v]) => [k, v === '' ? m.header : v]),
      );
      derive[m.column] = recipe;
      note[`derive.${m.column}`] = `from "${m.header}": ${m.why}`;
    } else {
      rename[m.header] = m.column;
      note[`rename.${m.header}`] = `${m.column}: ${m.why}`;
    }
    if (m.valueMap) {
      if (Object.keys(m.valueMap.map).length > 0) values[m.column] = m.valueMap.map;
      const shown = Object.entries(m.valueMap.map)
        .map(([k, v]) => `${k} → ${v || '(empty: still in post)'}`)
        .join(', ');
      note[`values.${m.column}`] =
        `${shown || 'values already in the model’s spelling'}${m.valueMap.unmapped.length ? `; not recognised (rows with them are rejected until mapped): ${m.valueMap.unmapped.slice(0, 10).join(', ')}` : ''}`;
    }
    const numbers = guessNumbers(profile.rows.map((r) => r[m.at]).filter((v) => v !== ''));
    const spec = (SCHEMA[table].columns as Record<string, ColumnSpec>)[m.column];
    if (numbers && (spec.type === 'number' || spec.type === 'integer') && !m.recipe) {
      if (numbers.thousands) source.thousands = ',';
      if (numbers.decimal) source.decimal = ',';
      if (numbers.suffix) stripSuffix[m.column] = '%';
    }
  }
  dateFormats(source, note, matches);
  const used = new Set(matches.map((m) => m.at));
  const placeholders = [
    ...new Set(
      profile.rows.flatMap((r) =>
        r.filter((v, i) => used.has(i) && PLACEHOLDERS.has(v.toLowerCase())),
      ),
    ),
  ];
  if (placeholders.length > 0) {
    source.missing_values = placeholders;
    note.missing_values = `read as empty: ${placeholders.map((p) => `"${p}"`).join(', ')} (found in the mapped columns)`;
  }
  const found = new Set(matches.map((m) => m.column));
  const taken = new Set(matches.map((m) => m.header));
  if ('unit_id' in SCHEMA[table].columns && !found.has('unit_id') && table !== 'units') {
    const proposal = proposeHierarchy(profile.header, profile.rows, taken);
    if (proposal && proposal.levels.length > 0) {
      source.hierarchy = { levels: proposal.levels };
      for (const c of proposal.columns) taken.add(c);
      note.hierarchy = [
        `units from ${proposal.levels.map((l) => `${l.level} (${l.id}${l.name ? `, named by ${l.name}` : ''})`).join(' > ')}, top first, in the file's column order; each row gets its lowest unit. Level names come from the column names: rename them if you like`,
        ...proposal.notes,
      ].join('. ');
    }
  }
  fillRequired(table, file, profile, found, taken, { derive, constants, note }, today);
  const leaver = matches.find((m) => m.column === 'leaver_type');
  if (table === 'people' && leaver) {
    const stated = profile.rows.filter((r) => r[leaver.at] !== '').length;
    if (stated >= 0.95 * profile.rows.length) {
      source.undated_leavers = 'warn';
      note.undated_leavers = `every row (${stated} of ${profile.rows.length} sampled) has a leaver type, so this looks like a leavers' file (an exit survey): a leaver without a start or end date loads with a warning instead of being rejected`;
    }
  }
  const unused = profile.header.filter((h) => !taken.has(h) && !isUsed(h, derive));
  if (Object.keys(rename).length) source.rename = rename;
  if (Object.keys(values).length) source.values = values;
  if (Object.keys(derive).length) source.derive = derive;
  if (Object.keys(constants).length) source.constants = constants;
  if (Object.keys(stripSuffix).length) source.strip_suffix = stripSuffix;
  if (unused.length) {
    source.drop = unused;
    note.drop = `not matched to the model, so not loaded: ${unused.join(', ')}. Map any you need; keep names, addresses and free text out.`;
  }
  source.review = note;
  return source;
}

function isUsed(header: string, derive: Record<string, unknown>): boolean {
  return JSON.stringify(Object.values(derive)).includes(JSON.stringify(header));
}

/** One date_format for the source when its date columns agree, else one per column. */
function dateFormats(
  source: Record<string, unknown>,
  note: Record<string, string>,
  matches: Match[],
) {
  const dated = matches.filter((m) => m.date);
  if (dated.length === 0) return;
  const decided = dated.filter((m) => !/assumed|both orders/.test(m.date!.why));
  const formats = new Set(decided.map((m) => m.date!.format));
  if (formats.size <= 1) {
    const format = decided[0]?.date!.format ?? dated[0].date!.format;
    source.date_format = format;
    note.date_format = `${format}: ${(decided[0] ?? dated[0]).date!.why} (column ${(decided[0] ?? dated[0]).header})`;
    return;
  }
  source.date_formats = Object.fromEntries(dated.map((m) => [m.column, m.date!.format]));
  note.date_formats = 'the date columns disagree on day or month first: each has its own format';
}

/** Required columns nothing matched: recipes or constants that usually fit, each marked for review. */
function fillRequired(
  table: TableName,
  file: string,
  profile: Profile,
  found: Set<string>,
  taken: Set<string>,
  out: {
    derive: Record<string, unknown>;
    constants: Record<string, string>;
    note: Record<string, string>;
  },
  today: string,
) {
  if (table === 'people') {
    if (!found.has('worker_type')) {
      out.constants.worker_type = 'staff';
      out.note['constants.worker_type'] =
        'no column says the kind of worker: every row is staff. Change it (or map a column) if officers are in the file';
    }
    if (!found.has('start_date')) {
      const tenure = profile.header.find((h) =>
        /^(yearsatcompany|yearsinservice|yearsofservice|tenureyears|tenure)$/.test(
          normaliseName(h),
        ),
      );
      if (tenure && !taken.has(tenure)) {
        taken.add(tenure);
        out.derive.start_date = { years_before: tenure, date: today };
        out.note['derive.start_date'] =
          `no start date: ${tenure} whole years before ${today}. Set "date" to the day the export was taken; start dates are approximate`;
      } else {
        out.note.start_date =
          'no column gives the start date, which people needs: map one, or every row is rejected';
      }
    }
  }
  if (table === 'unit_indicators') {
    if (!found.has('period_start')) {
      const month = /(\d{4}-\d{2})(?!\d)/.exec(file);
      if (month) {
        out.derive.period_start = { from_file_name: '(\\d{4}-\\d{2})', as: 'month_start' };
        out.note['derive.period_start'] =
          `the first day of the month in the file name (${month[1]}); periods are assumed monthly`;
      } else if (found.has('period_end')) {
        out.note.period_start =
          'no period start: give one (e.g. derive { "from_column": <the end column>, "as": "month_start" } for monthly figures)';
      }
    }
    if (!found.has('indicator')) {
      const value = profile.header.find((h) => nameScore('unit_indicators', 'value', h) > 0);
      const name = (value ?? 'value')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
      out.constants.indicator = name;
      out.note['constants.indicator'] =
        `one indicator per file, named from its value column: "${name}". Rename it with its unit (e.g. sickness_absence_rate_pct)`;
    }
  }
}

/** Files of the same table and header in one source, under a glob of their common name parts. */
function groupFiles(drafts: { file: string; source: Record<string, unknown>; shape: string }[]) {
  const groups = new Map<string, typeof drafts>();
  for (const d of drafts) pushTo(groups, d.shape, d);
  return [...groups.values()].map((group) => {
    const source = group[0].source;
    if (group.length > 1) {
      const names = group.map((d) => d.file);
      source.files = commonGlob(names);
      (source.review as Record<string, string>).files =
        `${names.length} files with the same columns: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
    }
    return source;
  });
}

/** A glob matching every name: their common start and end around one *. */
function commonGlob(names: string[]): string {
  let start = names[0];
  let end = names[0];
  for (const n of names) {
    while (!n.startsWith(start)) start = start.slice(0, -1);
    while (!n.endsWith(end)) end = end.slice(1);
  }
  if (start.length + end.length > Math.min(...names.map((n) => n.length))) end = '';
  // cut back to whole name parts: nhs_absence_2024-04.csv, nhs_absence_2025-01.csv → nhs_absence_*.csv
  start = start.replace(/[^/_.\- ]+$/, '');
  end = end.replace(/^[^/_.\- ]+/, '');
  return `${start}*${end}`.replace(/[{}]/g, '?');
}
