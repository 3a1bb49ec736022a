import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { formatDateGB, formatNumber } from '../../src/display/format.js';
import { tableHtml } from '../../src/display/table.js';

describe('formatDateGB', () => {
  it('prints epoch days as dd/mm/yyyy', () => {
    // 2024-04-01 is 19,814 days after 1970-01-01 (54 years incl. 13 leap days: 54*365+13 = 19,723; +91 to 1 April)
    assert.equal(formatDateGB(19814), '01/04/2024');
    assert.equal(formatDateGB(0), '01/01/1970');
    assert.equal(formatDateGB(null), '');
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps at most two decimals', () => {
    assert.equal(formatNumber(1234567), '1,234,567');
    assert.equal(formatNumber(12345.678), '12,345.68');
    assert.equal(formatNumber(0.5), '0.5');
  });
});

describe('tableHtml', () => {
  const t = aq.table({
    unit: ['North <A>', 'South', 'East'],
    fte: [1234.5, 20, 3],
    start_date: [19814, 0, null],
  });

  it('right-aligns numbers with separators, prints dates dd/mm/yyyy and escapes text', () => {
    const html = tableHtml(t);
    assert.ok(html.includes('<td class="num" style="text-align:right">1,234.5</td>'));
    assert.ok(html.includes('<td>01/04/2024</td>'));
    assert.ok(html.includes('North &lt;A&gt;'));
    assert.ok(html.includes('<th class="num">fte</th>'));
    assert.ok(html.includes('<th>start_date</th>'), 'date columns are not numeric columns');
  });

  it('shows at most `limit` rows and says how many more there are', () => {
    const html = tableHtml(t, { limit: 2 });
    assert.equal((html.match(/<tr>/g) ?? []).length, 3); // header + 2 rows
    assert.ok(html.includes('1 more row (3 in all)'));
  });

  it('names missing columns and the columns it has', () => {
    assert.throws(
      () => tableHtml(t, { columns: ['unit', 'headcount'] }),
      /tableHtml: column\(s\) headcount not in the table\. Found: unit, fte, start_date\./,
    );
  });
});
