// Keyword themes in exit-interview comments: counts of leavers whose comment mentions a theme.
// The comment text is read here and nowhere else: no text, word or snippet is returned.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { exitGroups, exitSpec, outputColumns, pct, type ExitGroupOptions } from './margins.js';
import { checkColumns } from '../../shared/columns.js';

/** Themes: theme name → keywords or phrases (matched case-insensitively at the start of a word). */
export type ExitThemes = Readonly<Record<string, readonly string[]>>;

/** Default themes for police and public-sector exit comments; replace them through configuration. */
export const DEFAULT_EXIT_THEMES: ExitThemes = {
  workload: ['workload', 'caseload', 'queue of jobs', 'investigations at once', 'short'],
  rest_days_and_overtime: ['rest day', 'overtime', 'leave i could not take', 'hours over'],
  management: ['manager', 'supervis', 'sergeant', 'senior leader', 'one-to-one'],
  stress_and_wellbeing: ['stress', 'burnt out', 'burnout', 'mental health', 'sleeping', 'coping'],
  pay: ['pay', 'salary', 'pension', 'cost of living', 'package'],
  flexibility_and_caring: ['flexib', 'part-time', 'school hours', 'childcare', 'caring'],
  culture: ['culture', 'banter', 'treated', 'behaviour', 'unwelcoming', 'listened to'],
  training_and_support: ['training', 'tutoring', 'out of my depth', 'support when i started'],
};

export const EXIT_COMMENT_THEMES: DefinitionCard = {
  id: 'exit_comment_themes',
  title: 'Themes in exit-interview comments',
  definition:
    'Share of interviewed leavers who left a comment and whose comment contains at least one keyword of the theme (case-insensitive, matched at the start of a word, so "supervis" matches supervisor and supervision).',
  numerator: 'commenters whose comment mentions the theme',
  denominator: 'interviewed leavers with a non-empty comment (commenters)',
  unit: '% of commenters',
  notes:
    'Counts only: comment text never leaves this function. Keyword matching misses negations and synonyms; read it as a pointer, not a measure. Published under the stricter free-text threshold.',
};

/**
 * Per group × theme: by… (or `group`), theme, commenters, mentioning, mentioning_pct (× 100 /
 * commenters); groups without commenters are left out. Comments are read from `exitInterviews`
 * through the leavers' `interview_row` and never copied into the result.
 * @example summarizeExitThemes(leavers, data.tables.exit_interviews, { by: ['service_band'] })
 */
export function summarizeExitThemes(
  leavers: ColumnTable,
  exitInterviews: ColumnTable,
  {
    by = [],
    total = 'All',
    themes = DEFAULT_EXIT_THEMES,
  }: ExitGroupOptions & { themes?: ExitThemes } = {},
): ColumnTable {
  const fn = 'summarizeExitThemes';
  checkColumns(fn, leavers, ['interview_row'], {
    fix: 'Build the table with deriveExitLeavers().',
  });
  checkColumns(fn, exitInterviews, ['comments'], {
    fix: 'Pass data.tables.exit_interviews from loadDataset().',
  });
  const names = Object.keys(themes);
  const bad = names.filter(
    (n) =>
      !Array.isArray(themes[n]) ||
      themes[n].length === 0 ||
      themes[n].some((k) => !String(k).trim()),
  );
  if (names.length === 0 || bad.length > 0) {
    throw new Error(
      `${fn}: every theme needs non-empty keywords; check ${bad.join(', ') || '(no themes given)'}. Example: { workload: ['workload', 'caseload'] }.`,
    );
  }
  const patterns = names.map(
    (n) => new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${themes[n].map(escape).join('|')})`, 'iu'),
  );
  const at = leavers.array('interview_row') as ArrayLike<number | null>;
  const comments = exitInterviews.array('comments') as ArrayLike<string | null>;
  const hits = names.map(() => new Uint8Array(leavers.numRows()));
  const commented = new Uint8Array(leavers.numRows());
  for (let i = 0; i < leavers.numRows(); i++) {
    const j = at[i];
    const text = j === null || j === undefined ? '' : (comments[j] ?? '').trim();
    if (text === '') continue;
    commented[i] = 1;
    patterns.forEach((p, t) => (hits[t][i] = p.test(text) ? 1 : 0));
  }
  const { dims, groups } = exitGroups(fn, leavers, by, total);
  const out = outputColumns([...dims, 'theme', 'commenters', 'mentioning', 'mentioning_pct']);
  for (const g of groups) {
    const rows = g.rows.filter((i) => commented[i]);
    if (rows.length === 0) continue;
    names.forEach((name, t) => {
      const n = rows.filter((i) => hits[t][i]).length;
      dims.forEach((d, k) => out[d].push(g.values[k]));
      out.theme.push(name);
      out.commenters.push(rows.length);
      out.mentioning.push(n);
      out.mentioning_pct.push(pct(n, rows.length));
    });
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeExitThemes' output: free text, so the stricter free-text thresholds apply.
 * @example report.publish(themes, exitThemesSpec(['service_band']))
 */
export function exitThemesSpec(
  by: string[] = [],
  { total = 'All' }: { total?: string | false } = {},
): CellSpec {
  return exitSpec(by, total, ['theme'], {
    who: 'leavers whose exit interview has a free-text comment, in the group of the row',
    population: 'commenters',
    counts: ['mentioning'],
    rates: [
      { name: 'mentioning_pct', numerator: 'mentioning', denominator: 'commenters', per: 100 },
    ],
    freeText: true,
  });
}

function escape(keyword: string): string {
  return keyword
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}
