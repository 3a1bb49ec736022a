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
    // headcount: A (3 people) and a complement. leavers: A (its row), B (2 < 5) and a complement
    // (A + B = 2 would cap A). rate: follows its numerator and denominator. The detail stays in
    // log.counts; the text says how many and under which rules, not why each cell was hidden.
    const n = p.log.hiddenCells;
    assert.ok(n >= 8, `${n}`);
    assert.equal(p.log.counts['primary-population'], 3);
    assert.equal(
      suppressionSummaryText(p.log),
      `${n} cells hidden: groups under 5 people and counts under 5, figures with fewer than 5 people behind them or dominated by one or two, maxima, with other cells so that they ` +
        'cannot be worked out from totals or other tables.',
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
      '<p class="wbk-suppression-log">1 cell hidden: groups under 5 people and counts under 5, ' +
        'figures with fewer than 5 people behind them or dominated by one or two, maxima, with other cells so that they cannot be worked out from totals or other tables.</p>',
    );
  });
});
