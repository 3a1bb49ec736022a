import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { fromDanfo, toDanfo } from '../../src/display/danfo.js';
import { plotlyHtml } from '../../src/display/plotly.js';
import { renderVegaLiteSvg, vegaLiteBundle, VEGA_LITE_MIME } from '../../src/display/vega.js';

const bars = {
  title: 'Leavers by unit',
  data: {
    values: [
      { unit: 'A', n: 3 },
      { unit: 'B', n: 7 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'unit', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
};

describe('renderVegaLiteSvg', () => {
  it('renders one bar path per row into an SVG string', async () => {
    const svg = await renderVegaLiteSvg(bars);
    assert.ok(svg.startsWith('<svg'));
    // vega draws each bar of a rect mark as a <path> inside the mark-rect group
    const group = svg.slice(svg.indexOf('mark-rect'));
    assert.equal((group.slice(0, group.indexOf('</g>')).match(/<path/g) ?? []).length, 2);
  });

  it('refuses charts that load data from a URL', async () => {
    await assert.rejects(
      renderVegaLiteSvg({ ...bars, data: { url: 'https://example.org/data.csv' } }),
      /Charts must embed their data as data\.values/,
    );
  });
});

describe('vegaLiteBundle', () => {
  it('sends the SVG as text/html, the spec as Vega-Lite and a text fallback', async () => {
    const bundle = await vegaLiteBundle(bars);
    assert.match(String(bundle['text/html']), /^<figure class="wbk-chart wbk-vega"[^>]*><svg/);
    assert.equal((bundle[VEGA_LITE_MIME] as { mark: string }).mark, 'bar');
    assert.equal(bundle['text/plain'], '[chart] Leavers by unit');
  });
});

describe('plotlyHtml', () => {
  const figure = { data: [{ type: 'bar', x: ['</script><b>'], y: [1] }] };
  it('inlines plotly.js only when asked, and no script has a src', () => {
    const first = plotlyHtml(figure, { includeLibrary: true });
    const later = plotlyHtml(figure);
    assert.ok(first.length > 4_000_000 && first.includes('plotly.js v4.1.2'));
    assert.ok(later.length < 2_000);
    assert.ok(!/<script[^>]+src=/.test(first));
  });
  it('escapes figure text so it cannot close the script element', () => {
    const html = plotlyHtml(figure);
    assert.ok(!html.includes('</script><b>'));
    // </script> is not one of the kit's plotly tags: disarmed as text; <b> is kept, escaped for the script
    assert.ok(html.includes('&lt;/script>\\u003cb>'));
  });
});

describe('toDanfo / fromDanfo', function () {
  this.timeout(60_000);
  it('round-trips a table through a danfojs DataFrame', () => {
    const t = aq.table({ unit: ['A', 'B'], fte: [1.5, 2] });
    const df = toDanfo(t);
    assert.deepEqual(df.columns, ['unit', 'fte']);
    assert.deepEqual(fromDanfo(df).objects(), t.objects());
  });
});
