// The load summary for people: per file what was read, loaded and rejected; then rejects and warnings by rule.
import { terminalSafe } from '../shared/terminal.js';
import { formatDate } from '../time/dates.js';
import { countIssuesByRule } from './issues.js';
import type { Dataset, ExtractCheck } from './load-dataset.js';

/**
 * A plain-text load summary: one line per file (rows read = loaded + rejected, warnings), totals,
 * the as-of date, then the commonest reject and warning rules (at most `top` of each). Text from the
 * extract (file names, values in messages) passes through terminalSafe: no control character is printed.
 * @example console.log(formatLoadSummary(await loadDataset('data/demo')))
 */
export function formatLoadSummary(
  dataset: Omit<Dataset, 'tables'> & Partial<Pick<ExtractCheck, 'scanned'>>,
  { top = 10 }: { top?: number } = {},
): string {
  const header = ['file', 'table', 'read', 'loaded', 'rejected', 'warnings'];
  const rows = dataset.files.map((f) => [
    terminalSafe(f.file),
    f.table,
    String(f.rows_read),
    String(f.rows_loaded),
    String(f.rows_rejected),
    String(f.warnings),
  ]);
  const total = (key: 'rows_read' | 'rows_loaded' | 'rows_rejected' | 'warnings') =>
    String(dataset.files.reduce((sum, f) => sum + f[key], 0));
  rows.push([
    'total',
    '',
    total('rows_read'),
    total('rows_loaded'),
    total('rows_rejected'),
    total('warnings'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [
    `Loaded ${dataset.files.length} file(s) as of ${formatDate(dataset.asOf)}${dataset.pseudonymised ? ' (person ids pseudonymised)' : ''}.`,
    ...(dataset.scanned?.length
      ? [
          `Scanned with DuckDB (rows it vouched for; the others checked one by one): ${dataset.scanned
            .map((s) => `${terminalSafe(s.file)} ${s.vouched} of ${s.rows}`)
            .join(', ')}.`,
        ]
      : []),
    '',
    line(header),
    ...rows.map(line),
  ];
  if (dataset.files.length === 0)
    out.push('', 'No file matched: check the folder and the mapping.');
  for (const [title, issues] of [
    ['Rejected rows by rule', dataset.rejects],
    ['Warnings by rule', dataset.warnings],
  ] as const) {
    if (issues.numRows() === 0) continue;
    const counts = countIssuesByRule(issues).objects() as {
      table: string;
      rule: string;
      n: number;
    }[];
    const example = firstMessages(issues);
    out.push('', `${title}:`);
    for (const { table, rule, n } of counts.slice(0, top)) {
      out.push(
        `  ${String(n).padStart(6)}  ${table || '(file)'} ${rule}: e.g. ${terminalSafe(example.get(`${table}/${rule}`) ?? '')}`,
      );
    }
    if (counts.length > top) out.push(`  … and ${counts.length - top} more rule(s).`);
  }
  return out.join('\n');
}

function firstMessages(issues: Dataset['rejects']): Map<string, string> {
  const tables = issues.array('table') as string[];
  const rules = issues.array('rule') as string[];
  const messages = issues.array('message') as string[];
  const first = new Map<string, string>();
  for (let i = 0; i < tables.length; i++) {
    const key = `${tables[i]}/${rules[i]}`;
    if (!first.has(key)) first.set(key, messages[i]);
  }
  return first;
}
