// Would leavers recommend the organisation as an employer, and would they come back?
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { exitGroups, exitSpec, outputColumns, pct, type ExitGroupOptions } from './margins.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export const EXIT_SENTIMENT: DefinitionCard = {
  id: 'exit_sentiment',
  title: 'Would recommend, would return',
  definition:
    'Among interviewed leavers who answered: the share who would recommend the organisation as an employer (4 or 5 on the 1–5 scale), the mean score, and the share who would consider returning.',
  numerator: 'answers of 4–5 (recommend); answers of yes (return)',
  denominator: 'interviewed leavers who answered that question',
  unit: '% of those answering; mean on the 1–5 scale',
  notes: 'Unanswered questions are left out of that question’s denominator.',
};

/**
 * Per group: by… (or `group`), respondents, recommend_answers, recommend_positive (4–5),
 * recommend_positive_pct, recommend_mean (null when nobody answered), return_answers, return_yes,
 * return_yes_pct; groups without respondents are left out.
 * @example summarizeExitSentiment(leavers, { by: ['leaver_type'] })
 */
export function summarizeExitSentiment(
  leavers: ColumnTable,
  { by = [], total = 'All' }: ExitGroupOptions = {},
): ColumnTable {
  const fn = 'summarizeExitSentiment';
  checkColumns(fn, leavers, ['interviewed', 'would_recommend', 'would_return'], {
    fix: 'Build the table with deriveExitLeavers().',
  });
  const interviewed = leavers.array('interviewed') as ArrayLike<boolean>;
  const score = numbers(leavers, 'would_recommend');
  const back = leavers.array('would_return') as ArrayLike<boolean | null>;
  const { dims, groups } = exitGroups(fn, leavers, by, total);
  const out = outputColumns([
    ...dims,
    'respondents',
    'recommend_answers',
    'recommend_positive',
    'recommend_positive_pct',
    'recommend_mean',
    'return_answers',
    'return_yes',
    'return_yes_pct',
  ]);
  for (const g of groups) {
    const rows = g.rows.filter((i) => interviewed[i]);
    if (rows.length === 0) continue;
    const scored = rows.filter((i) => score[i] !== null);
    const positive = scored.filter((i) => score[i]! >= 4).length;
    const sum = scored.reduce((s, i) => s + score[i]!, 0);
    const answered = rows.filter((i) => back[i] !== null);
    const yes = answered.filter((i) => back[i] === true).length;
    dims.forEach((d, k) => out[d].push(g.values[k]));
    out.respondents.push(rows.length);
    out.recommend_answers.push(scored.length);
    out.recommend_positive.push(positive);
    out.recommend_positive_pct.push(pct(positive, scored.length));
    out.recommend_mean.push(scored.length > 0 ? sum / scored.length : null);
    out.return_answers.push(answered.length);
    out.return_yes.push(yes);
    out.return_yes_pct.push(pct(yes, answered.length));
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeExitSentiment's output for the same `by` (and total label).
 * @example report.publish(sentiment, exitSentimentSpec(['leaver_type']))
 */
export function exitSentimentSpec(
  by: string[] = [],
  { total = 'All' }: { total?: string | false } = {},
): CellSpec {
  return exitSpec(by, total, [], {
    who: 'leavers who answered the exit interview’s recommend and return questions, in the group of the row',
    population: 'respondents',
    counts: ['recommend_positive', 'return_yes'],
    rates: [
      {
        name: 'recommend_positive_pct',
        numerator: 'recommend_positive',
        denominator: 'recommend_answers',
        per: 100,
      },
      { name: 'return_yes_pct', numerator: 'return_yes', denominator: 'return_answers', per: 100 },
    ],
    means: [{ name: 'recommend_mean', n: 'recommend_answers' }],
  });
}
