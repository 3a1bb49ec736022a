// Render docs/data-model.md from the schema, so the doc cannot drift from what the loaders enforce.
import { SCHEMA, TABLE_NAMES, PERSON_TABLES } from './tables.js';
import type { ColumnSpec } from './types.js';
import {
  EXIT_REASONS,
  HIGH_RISK_ROLES,
  type DatasetConfig,
  resolveConfig,
  allowedValues,
} from './vocabularies.js';

/**
 * The Markdown text of docs/data-model.md: conventions, then per table what a row is, its key and a
 * column table (type, required, allowed values or range, flags, description).
 * Flags: P = personal (identifies a person), S = sensitive (special category), F = free text.
 * @example writeFileSync('docs/data-model.md', renderDataModelDoc())
 */
export function renderDataModelDoc(config: DatasetConfig = resolveConfig()): string {
  const out: string[] = [
    '# The canonical data model',
    '',
    '<!-- Generated from src/schema by renderDataModelDoc(); do not edit by hand.',
    '     Regenerate: npx tsx test/schema/write-data-model-doc.ts -->',
    '',
    'Every loader produces these tables; every analysis reads them. One schema in `src/schema/` drives',
    'validation, the TypeScript row types (`PersonRow`, `SicknessRow`, …) and this page.',
    '',
    '## Conventions',
    '',
    '- Files: one per table, named `<table>.csv` (or mapped from any export with a mapping file,',
    '  see [mappings.md](mappings.md)); CSV headers are the column names below.',
    '- Dates: ISO `yyyy-mm-dd` in files; in tables, integer epoch days (days since 1970-01-01, UTC).',
    '- Booleans `true`/`false`; lists separated by `;`; times `HH:MM` (24-hour clock); empty = missing.',
    '- Identifiers are text: leading zeros are kept. Person ids may be pseudonymised at load (HMAC-SHA256).',
    '- Each row is loaded or rejected with its file, line, column, value, rule and how to fix it;',
    '  per file, rows read = rows loaded + rows rejected.',
    `- Rows of ${PERSON_TABLES.join(', ')} must name a person_id present in people.`,
    '- Flags: **P** personal (identifies or could re-identify a person), **S** sensitive (special-category',
    '  or protected-characteristic data), **F** free text (never leaves the analyst’s notebook).',
    '',
    '## Configurable vocabularies',
    '',
    config.unitLevels.length > 0
      ? `- Unit levels (declared): ${config.unitLevels.join(' > ')}.`
      : '- Unit levels: any names, any depth; their order is read from the units table (each parent above its children).',
    `- High-risk roles (extensible): ${HIGH_RISK_ROLES.join(', ')}.`,
    `- Exit reasons (extensible): ${EXIT_REASONS.join(', ')}.`,
    '',
  ];
  for (const name of TABLE_NAMES) {
    const schema = SCHEMA[name];
    out.push(`## ${name}`, '', schema.description, '');
    out.push(
      `Key: ${schema.key.length > 0 ? schema.key.join(' + ') : 'none (rows may repeat)'}.`,
      '',
    );
    out.push('| column | type | required | allowed | flags | description |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const [column, spec] of Object.entries(schema.columns) as [string, ColumnSpec][]) {
      out.push(
        `| ${column} | ${spec.type} | ${spec.required ? 'yes' : ''} | ${allowedText(spec, config)} | ${flags(spec)} | ${spec.description} |`,
      );
    }
    out.push('');
  }
  out.push(...rulesSection());
  return out.join('\n');
}

function allowedText(spec: ColumnSpec, config: DatasetConfig): string {
  if (spec.vocabulary !== undefined) return `${spec.vocabulary} vocabulary`;
  const values = allowedValues(spec, config);
  if (values !== undefined) return values.join(', ');
  if (spec.min === undefined && spec.max === undefined) return '';
  const low = spec.min === undefined ? '' : `${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`;
  const high = spec.max === undefined ? '' : `${spec.exclusiveMax ? '<' : '≤'} ${spec.max}`;
  return [low, high].filter((s) => s !== '').join(', ');
}

function flags(spec: ColumnSpec): string {
  return [spec.personal && 'P', spec.sensitive && 'S', spec.freeText && 'F']
    .filter(Boolean)
    .join(' ');
}

function rulesSection(): string[] {
  return [
    '## Validation rules',
    '',
    'Rejects (the row is quarantined):',
    '',
    '| rule | meaning |',
    '| --- | --- |',
    '| required | a required column is empty |',
    '| type | not a number / whole number / true-false / HH:MM time |',
    '| invalid_date | not a date in the expected format, or a date that does not exist (31/02/2023) |',
    '| allowed_values | a value outside the column’s vocabulary |',
    '| out_of_range | a number outside its bounds (fte in (0, 1.5], overtime hours in (0, 24], …) |',
    '| date_after_as_of | a date after the as-of date (except period_end, and the planned ends below) |',
    '| end_before_start | an end date before its start (spell, posting, period; service start after start) |',
    '| end_date_without_leaver_type, leaver_type_without_end_date | leaver_type is required exactly when end_date is set |',
    '| indicator_without_value | a unit indicator with neither value nor numerator and denominator |',
    '| unit_is_own_parent | a unit names itself as parent |',
    '| duplicate_key | a second row with the same key (the first is kept) |',
    '| overlapping_spell | a sickness spell overlapping an earlier spell of the same person |',
    '| unknown_parent, unit_cycle, parent_rejected | a parent_id naming no unit, units whose parents loop, a unit below a rejected one |',
    '| unknown_person, person_rejected | person_id not in people, or its people row was rejected (named) |',
    '| field_count, empty_row, invalid_encoding, unreadable_record | the record itself is malformed |',
    '| unclosed_quote, record_too_long | a CSV quote that does not close, a record over 1 MiB: that line is rejected, the next is read |',
    '| xlsx_error_cell, formula_without_value, xlsx_bad_cell | an Excel error (#N/A), a formula saved without its result, an unreadable cell |',
    '| unreadable_file | a file that cannot be read at all, or stops part-way (not a workbook, a zip bomb, no header): one reject for the file |',
    '',
    'Warnings (the row is loaded): planned_end_date (an end after the as-of date: loaded as not ended yet,',
    'people.end_date with leaver_type, postings.to_date, sickness.end_date), long_overtime_day (over 16 hours),',
    'times_disagree_with_hours, rtw_interview_before_absence, implausible_age, unknown_unit,',
    'duplicate_unit_name, reserved_unit_name, and file-level unmapped_column, missing_column,',
    'unmatched_file, people_missing, linked_file, link_not_followed.',
    '',
  ];
}
