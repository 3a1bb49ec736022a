// The mapping file: how one organisation's exports become canonical tables. Written once, reused each
// quarter; validated with zod so that a typo is reported with its path, not discovered in the results.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SCHEMA, TABLE_NAMES, isTableName } from '../../schema/tables.js';
import { dateProblem } from '../../time/dates.js';

const names = z.array(z.string().min(1));

/** A derived column, computed from source columns (by their header names in the file). */
const derivation = z.union([
  z.strictObject({ copy: z.string().min(1) }),
  z.strictObject({ concat: names.min(1), separator: z.string().default('') }),
  z.strictObject({ first_of: names.min(1) }),
  z.strictObject({ year_minus: z.string().min(1), year: z.number().int() }),
  z.strictObject({
    divide: z.string().min(1),
    by: z.number().refine((n) => n !== 0, 'must not be 0'),
  }),
  z.strictObject({
    year_of: z.string().min(1),
    two_digit_century: z.union([z.literal(1900), z.literal(2000)]).optional(),
  }),
  z.strictObject({
    list_of: z.record(z.string(), z.string()),
    when: names.default(['true', 'yes', 'y', '1', 'x']),
  }),
]);

const source = z.strictObject({
  files: z.string().min(1),
  table: z.string().refine(isTableName, { message: `must be one of ${TABLE_NAMES.join(', ')}` }),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheet: z.string().optional(),
  date_format: z.string().optional(),
  date_formats: z.record(z.string(), z.string()).default({}),
  decimal: z.enum(['.', ',']).optional(),
  missing_values: names.optional(),
  rename: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  constants: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  derive: z.record(z.string(), derivation).default({}),
  drop: names.default([]),
  strip_suffix: z.record(z.string(), z.string().min(1)).default({}),
  unpivot: z
    .strictObject({
      columns: names.min(1),
      name_to: z.string().min(1),
      value_to: z.string().min(1),
    })
    .optional(),
  comment: z.union([z.string(), names]).optional(),
});

/** A unit written in the mapping itself, for exports that have no units file. */
const inlineUnit = z.strictObject({
  unit_id: z.string().min(1),
  parent_id: z.string().nullable().optional(),
  name: z.string().optional(),
  level: z.string().min(1),
});

const mappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    comment: z.union([z.string(), names]).optional(),
    date_format: z.string().default('dd/mm/yyyy'),
    decimal: z.enum(['.', ',']).default('.'),
    missing_values: names.default([]),
    pseudonymise: z
      .union([z.boolean(), z.strictObject({ key_file: z.string().min(1) })])
      .default(false),
    config: z
      .strictObject({
        unit_levels: names.min(1).optional(),
        extra_high_risk_roles: names.optional(),
        extra_exit_reasons: names.optional(),
        fy_start_month: z.number().int().min(1).max(12).optional(),
        records_from: z
          .string()
          .refine(
            (t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && dateProblem(t) === undefined,
            'must be a real date written yyyy-mm-dd, e.g. 2020-04-01',
          )
          .optional(),
      })
      .default({}),
    sources: z.array(source).min(1),
    units: z.array(inlineUnit).optional(),
  })
  .superRefine((mapping, ctx) => {
    mapping.sources.forEach((s, i) => {
      if (!isTableName(s.table)) return;
      const columns = Object.keys(SCHEMA[s.table as keyof typeof SCHEMA].columns);
      const check = (field: string, targets: string[]) => {
        for (const target of targets.filter((t) => !columns.includes(t))) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', i, field],
            message: `"${target}" is not a column of ${s.table}. Columns: ${columns.join(', ')}`,
          });
        }
      };
      check('rename', Object.values(s.rename));
      for (const field of [
        'values',
        'constants',
        'derive',
        'date_formats',
        'strip_suffix',
      ] as const) {
        check(field, Object.keys(s[field]));
      }
      if (s.unpivot) check('unpivot', [s.unpivot.name_to, s.unpivot.value_to]);
    });
  });

/** A validated mapping file, with defaults filled in (see docs/mappings.md). */
export type Mapping = z.infer<typeof mappingSchema>;
/** A mapping as written (before defaults are filled), e.g. an object literal passed to loadDataset. */
export type MappingInput = z.input<typeof mappingSchema>;
/** One entry of `sources`: which files feed which table, and how their columns map. */
export type MappingSource = Mapping['sources'][number];
/** A derived column's recipe. */
export type Derivation = z.infer<typeof derivation>;

/**
 * A validated mapping from its JSON text or parsed object; throws listing every problem with its path.
 * `where` names the file in messages.
 * @example parseMapping({ sources: [{ files: 'staff*.csv', table: 'people', rename: { 'Staff No': 'person_id' } }] })
 */
export function parseMapping(input: unknown, where = 'mapping'): Mapping {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new Error(
        `${where}: not valid JSON (${(error as Error).message}). Fix the syntax and retry.`,
      );
    }
  }
  const result = mappingSchema.safeParse(value);
  if (!result.success) {
    throw new Error(
      `${where} is not a valid mapping:\n${z.prettifyError(result.error)}\nSee docs/mappings.md for the format.`,
    );
  }
  return result.data;
}

/**
 * Reads and validates a mapping file (JSON).
 * @example const mapping = await readMapping('examples/mappings/my-force.json')
 */
export async function readMapping(path: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read mapping file ${path}: ${(error as Error).message}. Check the path.`,
    );
  }
  return parseMapping(text, path);
}

/**
 * The mapping used when none is given: each canonical table from <table>.csv (or .tsv, .xlsx, .json,
 * .ndjson) with canonical column names and ISO dates.
 * @example defaultMapping().sources[0] // { files: 'units.{csv,...}', table: 'units', ... }
 */
export function defaultMapping(): Mapping {
  return parseMapping({
    date_format: 'iso',
    sources: TABLE_NAMES.map((table) => ({
      files: `${table}.{csv,tsv,xlsx,json,ndjson,jsonl}`,
      table,
    })),
  });
}
