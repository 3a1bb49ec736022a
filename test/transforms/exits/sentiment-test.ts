import assert from 'node:assert/strict';
import {
  exitSentimentSpec,
  summarizeExitSentiment,
} from '../../../src/transforms/exits/sentiment.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import { publishTable } from '../../../src/privacy/index.js';
import { parsePeriod } from '../../../src/time/periods.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { exitInterviews, exitPeople } from '../../fixtures/exits/exit-fixture.js';

const leavers = () =>
  deriveExitLeavers(exitPeople(), exitInterviews(), { periods: parsePeriod('FY2024-25') });

describe('summarizeExitSentiment', () => {
  it('shares and mean among those who answered each question', () => {
    // recommend: P1 2, P2 4, P3 5, P8 3 (P4 blank) → 4 answers, 2 of them 4–5, mean 14 / 4 = 3.5.
    // return: P1 no, P2 yes, P4 yes, P8 no (P3 blank) → 4 answers, 2 yes.
    tableEqual(summarizeExitSentiment(leavers()), {
      group: ['All'],
      respondents: [5],
      recommend_answers: [4],
      recommend_positive: [2],
      recommend_positive_pct: [50],
      recommend_mean: [3.5],
      return_answers: [4],
      return_yes: [2],
      return_yes_pct: [50],
    });
  });

  it('gives null shares and mean to a group where nobody answered', () => {
    const t = summarizeExitSentiment(leavers(), { by: ['person_id'], total: false });
    const p4 = t.objects().find((r) => (r as { person_id: string }).person_id === 'P4') as Record<
      string,
      unknown
    >;
    assert.deepEqual(
      [p4.recommend_answers, p4.recommend_mean, p4.recommend_positive_pct],
      [0, null, null],
    );
  });

  it('publishes the mean with its number of answers as n', () => {
    const spec = exitSentimentSpec();
    assert.deepEqual(spec.means, [{ name: 'recommend_mean', n: 'recommend_answers' }]);
    const published = publishTable(summarizeExitSentiment(leavers()), spec, {
      minGroupSize: 5,
      minCount: 1,
    });
    // 4 answers < 5: a mean's n under the minimum hides the whole row, its 5 respondents included.
    assert.deepEqual(
      [published.table.get('recommend_mean', 0), published.table.get('respondents', 0)],
      [null, null],
    );
  });
});
