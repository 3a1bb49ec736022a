// A person-level snapshot for the leaving-risk model: one row per person with an outcome flag (left or
// stayed) and features, as exports like IBM's HR attrition file have them (no dates, so no person-months).
// Steps: read the mapping's `snapshot` block → open every matching file → each record loaded or
// rejected (person, outcome, features checked; groups for fairness mapped or banded) → one table.
import { join } from 'node:path';
import { table as toTable, type ColumnTable } from 'arquero';
import { z } from 'zod';
import { globToRegExp, listFiles } from '../io/glob.js';
import { parseJsonAs } from '../shared/json.js';
import { readMappingText } from '../io/mapping/mapping.js';
import { issuesTable, type LoadIssue } from '../io/issues.js';
import { openRecords } from '../io/readers/index.js';
import type { RiskFeature } from './design.js';

const names = z.array(z.string().min(1));

const snapshotSchema = z.strictObject({
  files: z.string().min(1),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheet: z.string().optional(),
  decimal: z.enum(['.', ',']).default('.'),
  missing_values: names.default([]),
  person: z.string().min(1),
  outcome: z.strictObject({ column: z.string().min(1), left: names.min(1), stayed: names.min(1) }),
  features: z
    .array(
      z.strictObject({
        column: z.string().min(1),
        per: z.number().positive().optional(),
        reference: z.string().optional(),
        label: z.string().min(1),
      }),
    )
    .min(1),
  groups: z
    .array(
      z.strictObject({
        column: z.string().min(1),
        as: z.string().regex(/^[a-z0-9_]+$/, 'must be a snake_case name, e.g. sex'),
        values: z.record(z.string(), z.string()).optional(),
        bands: z.array(z.number()).min(1).optional(),
      }),
    )
    .default([]),
  drop: names.default([]),
  title: z.string().optional(),
  population: z.string().optional(),
  limits: names.default([]),
});

const fileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    comment: z.union([z.string(), names]).optional(),
    snapshot: snapshotSchema,
  })
  .superRefine((m, ctx) => {
    const s = m.snapshot;
    const featureColumns = s.features.map((f) => f.column);
    const clash = (what: string, columns: string[], path: (string | number)[]) => {
      for (const c of columns.filter((c) => featureColumns.includes(c))) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${c}" is ${what} and cannot also be a feature`,
        });
      }
    };
    clash('the person id', [s.person], ['snapshot', 'person']);
    clash('the outcome', [s.outcome.column], ['snapshot', 'outcome', 'column']);
    s.groups.forEach((g, i) =>
      clash(
        'a fairness group (a protected characteristic is never a model input)',
        [g.column],
        ['snapshot', 'groups', i, 'column'],
      ),
    );
    s.features.forEach((f, i) => {
      if (f.per !== undefined && f.reference !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['snapshot', 'features', i],
          message: 'give "per" for a numeric feature or "reference" for a category, not both',
        });
      }
    });
    s.groups.forEach((g, i) => {
      if (g.bands && g.bands.some((b, k) => k > 0 && b <= g.bands![k - 1])) {
        ctx.addIssue({
          code: 'custom',
          path: ['snapshot', 'groups', i, 'bands'],
          message: 'band edges must increase',
        });
      }
    });
  });

/** A validated snapshot mapping (see docs/leaving-risk.md). */
export type SnapshotMapping = z.infer<typeof fileSchema>;

/** One person per row: person_id, left (0/1), the features, and the fairness groups. */
export interface Snapshot {
  table: ColumnTable;
  /** The features as the risk model takes them (numbers per `per`, categories against `reference`). */
  features: RiskFeature[];
  /** Names of the fairness group columns in `table` (never model inputs). */
  groups: string[];
  /** Per file: records read, loaded and rejected (read = loaded + rejected). */
  files: { file: string; rows_read: number; rows_loaded: number; rows_rejected: number }[];
  /** One row per rejected record: file, line, column, value, rule and a message that says how to fix it. */
  rejects: ColumnTable;
  /** Accepted records with a group value that could not be mapped (the group is left empty). */
  warnings: ColumnTable;
  mapping: SnapshotMapping;
}

/**
 * Whether parsed JSON is a snapshot mapping (it has a `snapshot` block) rather than a table mapping.
 * @example isSnapshotMapping(JSON.parse(readFileSync('examples/mappings/ibm-hr-attrition.json', 'utf8')))
 */
export function isSnapshotMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'snapshot' in value;
}

/**
 * A validated snapshot mapping from its JSON text or parsed object; throws listing every problem with
 * its path (`where` names the file).
 * @example parseSnapshotMapping(readFileSync('examples/mappings/ibm-hr-attrition.json', 'utf8'))
 */
export function parseSnapshotMapping(input: unknown, where = 'mapping'): SnapshotMapping {
  return parseJsonAs(input, fileSchema, {
    where,
    what: 'a valid snapshot mapping',
    help: 'See docs/leaving-risk.md ("A person-level snapshot").',
  });
}

/**
 * Loads the files of `dir` that the snapshot mapping names into one row per person: person_id,
 * left (1 = an outcome value listed under `left`, 0 = under `stayed`), every feature column (numbers
 * parsed for features with `per`), and each group under its `as` name (values mapped, or numbers cut
 * into bands: edges [30, 40] give under_30, 30_39, 40_plus). A record is rejected, with file, line,
 * column, value and how to fix it, when its person id is empty or repeated, its outcome is neither
 * listed value, or a feature is empty or not a number; every record is loaded or rejected.
 * @example const s = await loadSnapshot('data/ibm', parseSnapshotMapping(json)); s.table.numRows()
 */
export async function loadSnapshot(dir: string, mapping: SnapshotMapping): Promise<Snapshot> {
  const s = mapping.snapshot;
  const pattern = globToRegExp(s.files);
  const matched = (await listFiles(dir)).filter((f) => pattern.test(f));
  if (matched.length === 0) {
    throw new Error(
      `loadSnapshot: no file in ${dir} matches "${s.files}". Check snapshot.files in the mapping.`,
    );
  }
  const out: Record<string, unknown[]> = Object.fromEntries(
    ['person_id', 'left', ...s.features.map((f) => f.column), ...s.groups.map((g) => g.as)].map(
      (c) => [c, []],
    ),
  );
  const rejects: LoadIssue[] = [];
  const warnings: LoadIssue[] = [];
  const files: Snapshot['files'] = [];
  const seen = new Set<string>();
  const missing = new Set(s.missing_values);
  for (const file of matched) {
    const source = await openRecords(join(dir, file), {
      encoding: s.encoding,
      delimiter: s.delimiter,
      sheet: s.sheet,
    });
    const header = source.header.map((h) => h.replace(/^\ufeff/, '').trim());
    const needed = [
      s.person,
      s.outcome.column,
      ...s.features.map((f) => f.column),
      ...s.groups.map((g) => g.column),
    ];
    const absent = needed.filter((c) => !header.includes(c));
    if (absent.length > 0) {
      throw new Error(
        `loadSnapshot: ${file} has no column(s) ${absent.map((c) => `"${c}"`).join(', ')}. Found: ${header.join(', ')}. Fix the column names in the snapshot mapping.`,
      );
    }
    const at = (name: string) => header.indexOf(name);
    let read = 0;
    let loaded = 0;
    for await (const record of source.records) {
      read += 1;
      const issue = (column: string, value: unknown, rule: string, message: string) =>
        rejects.push({
          file,
          line: record.line,
          table: 'snapshot',
          column,
          value: String(value ?? ''),
          rule,
          message,
        });
      if (record.error !== undefined) {
        issue('', '', 'unreadable', `${record.error} Fix the record in the export.`);
        continue;
      }
      const text = (column: string): string | null => {
        const v = record.values[at(column)];
        const t = v === null || v === undefined ? '' : String(v).trim();
        return t === '' || missing.has(t) ? null : t;
      };
      const person = text(s.person);
      const outcome = text(s.outcome.column);
      const problems: [string, unknown, string, string][] = [];
      if (person === null) {
        problems.push([s.person, '', 'required', 'The person id is empty: give every row its id.']);
      } else if (seen.has(person)) {
        problems.push([
          s.person,
          person,
          'duplicate',
          'This person already has a row: a snapshot has one row per person; remove the repeat.',
        ]);
      }
      const left =
        outcome !== null && s.outcome.left.includes(outcome)
          ? 1
          : outcome !== null && s.outcome.stayed.includes(outcome)
            ? 0
            : null;
      if (left === null) {
        problems.push([
          s.outcome.column,
          outcome,
          'not_allowed',
          `The outcome must be one of ${[...s.outcome.left, ...s.outcome.stayed].join(', ')} (left: ${s.outcome.left.join(', ')}); add the value to snapshot.outcome or fix the row.`,
        ]);
      }
      const values = s.features.map((f) => {
        const v = text(f.column);
        if (v === null) {
          problems.push([
            f.column,
            '',
            'required',
            'A feature is empty: fill it in the export, or drop the feature from the mapping.',
          ]);
          return null;
        }
        if (f.per === undefined) return v;
        const x = Number(s.decimal === ',' ? v.replace(',', '.') : v);
        if (!Number.isFinite(x)) {
          problems.push([
            f.column,
            v,
            'not_a_number',
            `"${v}" is not a number: fix the value, or give the feature a "reference" level to treat it as a category.`,
          ]);
          return null;
        }
        return x;
      });
      if (problems.length > 0) {
        for (const p of problems) issue(...p);
        continue;
      }
      seen.add(person!);
      loaded += 1;
      out.person_id.push(person);
      out.left.push(left);
      s.features.forEach((f, j) => out[f.column].push(values[j]));
      for (const g of s.groups) {
        const raw = text(g.column);
        const value = groupValue(g, raw);
        if (raw !== null && value === null) {
          warnings.push({
            file,
            line: record.line,
            table: 'snapshot',
            column: g.column,
            value: raw,
            rule: 'unmapped_group',
            message: `No group for "${raw}": list it under groups[].values (or use bands for numbers); the row is kept with an empty ${g.as}.`,
          });
        }
        out[g.as].push(value);
      }
    }
    files.push({ file, rows_read: read, rows_loaded: loaded, rows_rejected: read - loaded });
  }
  return {
    table: toTable(out),
    features: s.features.map((f) => ({ ...f })),
    groups: s.groups.map((g) => g.as),
    files,
    rejects: issuesTable(rejects),
    warnings: issuesTable(warnings),
    mapping,
  };
}

/**
 * Reads and validates a snapshot mapping file.
 * @example const m = await readSnapshotMapping('examples/mappings/ibm-hr-attrition.json')
 */
export async function readSnapshotMapping(path: string): Promise<SnapshotMapping> {
  return parseSnapshotMapping(await readMappingText(path), path);
}

type Group = SnapshotMapping['snapshot']['groups'][number];

function groupValue(g: Group, raw: string | null): string | null {
  if (raw === null) return null;
  if (g.bands) {
    const x = Number(raw);
    if (!Number.isFinite(x)) return null;
    const edges = g.bands;
    const whole = edges.every(Number.isInteger);
    const k = edges.filter((e) => x >= e).length;
    if (k === 0) return `under_${edges[0]}`;
    if (k === edges.length) return `${edges[k - 1]}_plus`;
    return whole ? `${edges[k - 1]}_${edges[k] - 1}` : `${edges[k - 1]}_to_under_${edges[k]}`;
  }
  if (g.values) return g.values[raw] ?? null;
  return raw;
}
