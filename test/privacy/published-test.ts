import assert from 'node:assert/strict';
import { table } from 'arquero';
import {
  analystBannerHtml,
  checkPublishedTable,
  isPublishedTable,
  publishTable,
  publishedTableHtml,
} from '../../src/privacy/index.js';

const spec = { by: ['team'], population: 'headcount' };
const t = table({ team: ['A', 'B<'], headcount: [3, 1200] });

describe('isPublishedTable', () => {
  it('accepts what publishTable returns and rejects look-alikes', () => {
    const p = publishTable(t, spec);
    assert.equal(isPublishedTable(p), true);
    assert.equal(isPublishedTable({ ...p }), false);
    assert.equal(isPublishedTable(t), false);
    assert.equal(isPublishedTable(null), false);
  });

  it('returns a frozen object', () => {
    assert.equal(Object.isFrozen(publishTable(t, spec)), true);
  });
});

describe('checkPublishedTable', () => {
  it('names the caller and the fix', () => {
    assert.throws(() => checkPublishedTable(t, 'attritionTrendChart'), {
      message:
        'attritionTrendChart: expected a PublishedTable. Pass the aggregated table through publishTable(table, spec) ' +
        '(or publishTable(..., { mode: "analyst" }) for a not-for-circulation view) first.',
    });
  });
});

describe('analystBannerHtml', () => {
  it('says analyst mode, not for circulation', () => {
    assert.match(
      analystBannerHtml(),
      /^<div class="wbk-analyst-banner"[^>]*>Analyst mode — not for circulation<\/div>$/,
    );
  });
});

describe('publishedTableHtml', () => {
  it('shows hidden cells as [c], escapes text and puts the log under the table', () => {
    assert.equal(
      publishedTableHtml(publishTable(t, spec)),
      '<table class="wbk-published"><thead><tr><th>team</th><th>headcount</th></tr></thead><tbody>' +
        '<tr><td>A</td><td class="wbk-suppressed" title="hidden to protect privacy">[c]</td></tr>' +
        '<tr><td>B&lt;</td><td>1,200</td></tr></tbody></table>' +
        '<p class="wbk-suppression-log">1 cell hidden: groups under 5 people and counts under 5, figures with fewer than 5 people behind them or dominated by one or two, maxima, with other cells so that they cannot be worked out from totals or other tables.</p>',
    );
  });

  it('starts with the banner in analyst mode', () => {
    const html = publishedTableHtml(publishTable(t, spec, { mode: 'analyst' }));
    assert.ok(html.startsWith(analystBannerHtml()));
    assert.match(html, /<td>A<\/td><td>3<\/td>/);
  });
});
