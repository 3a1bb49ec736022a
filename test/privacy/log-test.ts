import assert from 'node:assert/strict';
import { table } from 'arquero';
import {
  publishTable,
  suppressionSummaryHtml,
  suppressionSummaryText,
} from '../../src/privacy/index.js';

const byTeam = table({
  team: ['A', 'B', 'C', 'D', 'All'],
  headcount: [3, 12, 20, 30, 65],
  leavers: [0, 2, 5, 6, 13],
});
const spec = {
  by: ['team'],
  population: 'headcount',
  counts: ['leavers'],
  total: 'All',
  rates: [{ name: 'leaver_rate_pct', numerator: 'leavers', denominator: 'headcount', per: 100 }],
};

describe('suppressionSummaryText', () => {
  it('counts hidden cells by reason', () => {
    const p = publishTable(byTeam, spec);
    // headcount: A (3 people), B (complement). leavers: A (its row), B (2 < 5), C (complement: A + B = 2
    // would cap A). rate: follows its numerator and denominator, so A, B, C.
    // population reasons: A ×3; small count: B leavers, B rate; back-calculation: B headcount, C ×2.
    assert.equal(
      suppressionSummaryText(p.log),
      '8 cells hidden: 3 in groups under 5 people, 2 counts under 5, 3 to stop back-calculation from totals.',
    );
  });

  it('says when nothing was hidden, and when counts were rounded', () => {
    const p = publishTable(
      table({ team: ['A'], headcount: [12] }),
      { by: ['team'], population: 'headcount' },
      { roundTo: 5 },
    );
    assert.equal(
      suppressionSummaryText(p.log),
      'No cells hidden. Counts rounded to the nearest 5; totals may not add up.',
    );
  });

  it('marks analyst mode', () => {
    const p = publishTable(byTeam, spec, { mode: 'analyst' });
    assert.equal(
      suppressionSummaryText(p.log),
      'Analyst mode — not for circulation: no cells hidden, no rounding. Publish before sharing.',
    );
  });
});

describe('suppressionSummaryHtml', () => {
  it('wraps the summary in a paragraph', () => {
    const p = publishTable(table({ team: ['A', 'B'], headcount: [3, 12] }), {
      by: ['team'],
      population: 'headcount',
    });
    assert.equal(
      suppressionSummaryHtml(p.log),
      '<p class="wbk-suppression-log">1 cell hidden: 1 in groups under 5 people.</p>',
    );
  });
});
