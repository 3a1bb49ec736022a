// The mapping file: how one organisation's exports become canonical tables. Written once, reused each
// quarter; validated with zod so that a typo is reported with its path, not discovered in the results.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SCHEMA, TABLE_NAMES, isTableName } from '../../schema/tables.js';
import { dateProblem } from '../../time/dates.js';
import { parseJsonAs } from '../../shared/json.js';
import { hierarchyLevels, hierarchySchema } from './hierarchy.js';
import { PERIOD_AS, type PeriodAs } from './period-text.js';

const names = z.array(z.string().min(1));
const pattern = z
  .string()
  .min(1)
  .refine(
    (text) => {
      try {
        new RegExp(text);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression (JavaScript syntax; escape \\ as \\\\ in JSON)' },
  );
const periodAs = z.enum(PERIOD_AS as [PeriodAs, ...PeriodAs[]]).default('text');

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
  z.strictObject({ first_number: z.string().min(1) }),
  z.strictObject({
    years_before: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written yyyy-mm-dd'),
  }),
  z.strictObject({
    month_sequence: z.string().min(1),
    first: z.string().regex(/^\d{4}-\d{2}$/, 'the first month, written yyyy-mm'),
    as: periodAs,
  }),
  z.strictObject({
    from_file_name: pattern,
    with: z.union([z.string().min(1), names]).optional(),
    as: periodAs,
  }),
  z.strictObject({
    from_column: z.union([z.string().min(1), names.min(1)]),
    as: periodAs,
    format: z.string().optional(),
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
  defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
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
  hierarchy: hierarchySchema.optional(),
  columns: names.min(1).optional(),
  skip_rows: z.record(z.string(), pattern).default({}),
  skip_blank_rows: z.boolean().default(false),
  sections: z
    .strictObject({
      column: z.string().min(1),
      match: pattern,
      to: z.string().min(1),
      ascending: z.string().min(1).optional(),
    })
    .optional(),
  patterns: z.record(z.string(), pattern).default({}),
  thousands: z.enum([',', '.', ' ', "'"]).optional(),
  undated_leavers: z.enum(['reject', 'warn']).default('reject'),
  comment: z.union([z.string(), names]).optional(),
  /** Notes of `wbk map` on each guess (key: the mapping path guessed, e.g. "rename.EmpID"). */
  review: z.record(z.string(), z.string()).optional(),
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
    /** Notes of `wbk map` about the draft as a whole. */
    review: names.optional(),
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
        'patterns',
        'defaults',
      ] as const) {
        check(field, Object.keys(s[field]));
      }
      if (s.unpivot) check('unpivot', [s.unpivot.name_to, s.unpivot.value_to]);
      if (s.hierarchy) checkHierarchy(s, i, mapping.config.unit_levels, ctx);
      if (s.thousands !== undefined && s.thousands === (s.decimal ?? mapping.decimal)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'thousands'],
          message: `the thousands separator "${s.thousands}" is also the decimal separator. Set "decimal" or "thousands" to the other.`,
        });
      }
    });
    const lists = mapping.sources
      .filter((s) => s.hierarchy)
      .map((s) => hierarchyLevels(s.hierarchy!));
    if (
      mapping.config.unit_levels === undefined &&
      lists.some((l) => l.join('>') !== lists[0].join('>'))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['config', 'unit_levels'],
        message: `the sources' hierarchies name different levels (${lists.map((l) => l.join(' > ')).join('; ')}). List every level, top first, in config.unit_levels.`,
      });
    }
  });

function checkHierarchy(
  s: z.infer<typeof source>,
  i: number,
  configured: string[] | undefined,
  ctx: z.RefinementCtx,
): void {
  const path = ['sources', i, 'hierarchy'];
  if (!isTableName(s.table)) return;
  if (!('unit_id' in SCHEMA[s.table as keyof typeof SCHEMA].columns)) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${s.table} has no unit_id, so a hierarchy cannot place its rows. Use it on people, postings or unit_indicators.`,
    });
    return;
  }
  for (const [key, targets] of [
    ['rename', Object.values(s.rename)],
    ['derive', Object.keys(s.derive)],
    ['constants', Object.keys(s.constants)],
  ] as const) {
    if (targets.includes('unit_id')) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `the hierarchy sets unit_id: remove unit_id from ${key}.`,
      });
    }
  }
  const levels = hierarchyLevels(s.hierarchy!);
  const repeated = levels.find((l, k) => levels.indexOf(l) !== k);
  if (repeated !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `level "${repeated}" appears twice; give each level its own name.`,
    });
  }
  for (const level of levels.filter((l) => configured && !configured.includes(l))) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `level "${level}" is not in config.unit_levels (${configured!.join(', ')}). Add it there, or remove config.unit_levels to take the levels from the hierarchy.`,
    });
  }
}

/** A validated mapping file, with defaults filled in (see docs/mappings.md). */
export type Mapping = z.infer<typeof mappingSchema>;
/** A mapping as written (before defaults are filled), e.g. an object literal passed to loadDataset. */
export type MappingInput = z.input<typeof mappingSchema>;
/** One entry of `sources`: which files feed which table, and how their columns map. */
export type MappingSource = Mapping['sources'][number];
/** A derived column's recipe. */
export type Derivation = z.infer<typeof derivation>;

/**
 * The unit levels of `mapping`, top first: config.unit_levels when given, else the levels of its
 * hierarchies from columns, else undefined (the configuration's default).
 * @example mappingUnitLevels(parseMapping({ sources: [{ files: 'x', table: 'people', hierarchy: { levels: [{ level: 'bcu', id: 'BCU' }] } }] })) // ['bcu']
 */
export function mappingUnitLevels(mapping: Mapping): string[] | undefined {
  if (mapping.config.unit_levels) return mapping.config.unit_levels;
  const withLevels = mapping.sources.find((s) => s.hierarchy);
  return withLevels ? hierarchyLevels(withLevels.hierarchy!) : undefined;
}

/**
 * A validated mapping from its JSON text or parsed object; throws listing every problem with its path.
 * `where` names the file in messages.
 * @example parseMapping({ sources: [{ files: 'staff*.csv', table: 'people', rename: { 'Staff No': 'person_id' } }] })
 */
export function parseMapping(input: unknown, where = 'mapping'): Mapping {
  return parseJsonAs(input, mappingSchema, {
    where,
    what: 'a valid mapping',
    help: 'See docs/mappings.md for the format.',
  });
}

/**
 * Reads and validates a mapping file (JSON).
 * @example const mapping = await readMapping('examples/mappings/my-force.json')
 */
export async function readMapping(path: string): Promise<Mapping> {
  return parseMapping(await readMappingText(path), path);
}

/**
 * The text of a mapping file (a table mapping or a snapshot mapping), before parsing; throws
 * "cannot read mapping file …" naming the path when it cannot be read.
 * @example parseSnapshotMapping(await readMappingText('examples/mappings/ibm-hr-attrition.json'))
 */
export async function readMappingText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read mapping file ${path}: ${(error as Error).message}. Check the path.`,
    );
  }
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
