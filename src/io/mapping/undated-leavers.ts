// Leavers of unknown date: a source that holds only leavers (an exit survey) may declare
// "undated_leavers": "warn", so that a leaver whose start or end date is unknown loads with a warning
// instead of being rejected. loadDataset keeps such rows in tables.undated_leavers, out of people (no
// headcount or spell sees them); exit tables pooled over all the data count them.
import type { TableName } from '../../schema/tables.js';
import type { ParsedRow, RowProblem } from '../../schema/validate-row.js';
import type { MappingSource } from './mapping.js';

/** How the loader treats a source's undated leavers: which columns it lets be empty, and the row check. */
export interface UndatedLeavers {
  /** Required columns that may be empty (on a leaver's row). */
  optional: ReadonlySet<string>;
  /** The row's problems and warnings once the row rules have run. */
  review(
    row: ParsedRow,
    problems: RowProblem[],
  ): { problems: RowProblem[]; warnings: RowProblem[] };
}

/**
 * The undated-leaver treatment of `source` for `table`, or undefined when it does not apply (the
 * default, "reject", or a table other than people).
 * @example undatedLeavers(source, 'people')?.optional.has('start_date') // true with "warn"
 */
export function undatedLeavers(
  source: MappingSource,
  table: TableName,
): UndatedLeavers | undefined {
  if (source.undated_leavers !== 'warn' || table !== 'people') return undefined;
  return {
    optional: new Set(['start_date']),
    review(row, problems) {
      const warnings: RowProblem[] = [];
      const leaver = row.leaver_type;
      if (leaver === null) {
        if (row.start_date === null) {
          return {
            problems: [
              ...problems,
              {
                rule: 'required',
                column: 'start_date',
                value: '',
                message:
                  'start_date is required but empty (only a leaver may lack it in this source). Fill it in the source, or map the column that holds it.',
              },
            ],
            warnings,
          };
        }
        return { problems, warnings };
      }
      const undated = (column: string) => ({
        rule: 'undated_leaver',
        column,
        value: '',
        message: `${leaver} with no ${column}: loaded as a leaver of unknown date (the mapping allows undated leavers), into tables.undated_leavers rather than people. It counts in exit tables pooled over all the data, never in a period's figures or a headcount.`,
      });
      if (row.start_date === null) warnings.push(undated('start_date'));
      const kept = problems.filter((p) => p.rule !== 'leaver_type_without_end_date');
      if (kept.length < problems.length || row.end_date === null)
        warnings.push(undated('end_date'));
      return { problems: kept, warnings };
    },
  };
}
