// Rejects and warnings of a load: one entry per problem, with file, line, column, value, rule and a fix;
// turned into arquero tables and written to CSV for the people who correct the source.
import { writeFile } from 'node:fs/promises';
import { desc, table, toCSV, type ColumnTable } from 'arquero';

/** One problem found while loading. `line` is null for problems with a whole file. */
export interface LoadIssue {
  file: string;
  line: number | null;
  table: string;
  column: string;
  value: string;
  rule: string;
  message: string;
}

/** Columns of the rejects and warnings tables, in order. */
export const ISSUE_COLUMNS = [
  'file',
  'line',
  'table',
  'column',
  'value',
  'rule',
  'message',
] as const;

/**
 * An arquero table of issues, sorted by file then line (file-level issues first).
 * @example issuesTable([{ file: 'people.csv', line: 3, table: 'people', column: 'fte', value: '2', rule: 'out_of_range', message: '…' }])
 */
export function issuesTable(issues: LoadIssue[]): ColumnTable {
  const sorted = [...issues].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
  );
  const columns: Record<string, unknown[]> = {};
  for (const name of ISSUE_COLUMNS) columns[name] = sorted.map((issue) => issue[name]);
  return table(columns);
}

/**
 * Writes a rejects (or warnings) table to a UTF-8 CSV file with a header line, for whoever fixes the source.
 * @example await writeRejectsCsv(dataset.rejects, 'out/rejects.csv')
 */
export async function writeRejectsCsv(rejects: ColumnTable, path: string): Promise<void> {
  const missing = ISSUE_COLUMNS.filter((c) => !rejects.columnNames().includes(c));
  if (missing.length > 0) {
    throw new Error(
      `writeRejectsCsv: the table lacks column(s) ${missing.join(', ')}. Pass dataset.rejects or dataset.warnings.`,
    );
  }
  await writeFile(path, toCSV(rejects.select(...ISSUE_COLUMNS)), 'utf8');
}

/**
 * Counts of issues by table and rule, most frequent first (a headline view of rejects or warnings).
 * @example countIssuesByRule(dataset.rejects).objects() // [{ table: 'overtime', rule: 'out_of_range', n: 3 }]
 */
export function countIssuesByRule(issues: ColumnTable): ColumnTable {
  if (issues.numRows() === 0) return table({ table: [], rule: [], n: [] });
  return issues.groupby('table', 'rule').count({ as: 'n' }).orderby(desc('n'), 'table', 'rule');
}
