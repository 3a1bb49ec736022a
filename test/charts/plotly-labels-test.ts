// A unit's name reaches plotly labels, hover text, legends and titles; plotly draws its own HTML subset
// there (<a href> becomes a live link). These tests check the figures the charts build (every text
// from the data is literal) and, in Chromium, that a rendered report has no link from the data.
/* eslint-disable @typescript-eslint/no-explicit-any -- figures are plain JSON read field by field */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as aq from 'arquero';
import { publishTable } from '../../src/privacy/index.js';
import { barFigure } from '../../src/charts/bar.js';
import { overtimeSicknessScatterFigure } from '../../src/charts/overtime-charts.js';
import { plotlyText } from '../../src/charts/spec.js';
import { plotlyHtml, plotlyLibraryHtml, plotlySafeFigure } from '../../src/display/plotly.js';
import { launchBrowser } from '../helpers/browser.js';

const HOSTILE = '<a href="https://example.org">West</a>';
const STYLED = '<span style="font-size:60px">East</span>';

const published = publishTable(
  aq.table({
    unit: [HOSTILE, STYLED, 'North & South'],
    period: ['FY1', 'FY1', 'FY1'],
    headcount: [20, 25, 30],
    spells: [10, 11, 12],
  }),
  {
    by: ['unit', 'period'],
    population: 'headcount',
    counts: ['spells'],
    rates: [{ name: 'rate', numerator: 'spells', denominator: 'headcount', per: 100 }],
  },
);

/** Every string anywhere in a figure. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('plotly labels from the data', () => {
  it('plotlyText turns & < > into entities', () => {
    assert.equal(plotlyText(HOSTILE), '&lt;a href="https://example.org"&gt;West&lt;/a&gt;');
    assert.equal(plotlyText('North & South'), 'North &amp; South');
  });

  it('barFigure puts unit names on the axis, legend and title as literal text', () => {
    const figure = barFigure(published, {
      category: 'unit',
      value: 'headcount',
      title: `Headcount in ${HOSTILE}`,
    }) as any;
    assert.deepEqual(figure.data[0].x, [
      '&lt;a href="https://example.org"&gt;West&lt;/a&gt;',
      '&lt;span style="font-size:60px"&gt;East&lt;/span&gt;',
      'North &amp; South',
    ]);
    assert.equal(
      figure.layout.title.text,
      'Headcount in &lt;a href="https://example.org"&gt;West&lt;/a&gt;',
    );
    for (const text of strings(figure)) assert.doesNotMatch(text, /<(a|span)\b/i, text);
  });

  it('the scatter names units in hover text as literal text', () => {
    const figure = overtimeSicknessScatterFigure(published, {
      label: 'unit',
      x: 'headcount',
      y: 'rate',
      title: 't',
    }) as any;
    for (const text of strings(figure)) assert.doesNotMatch(text, /<(a|span)\b/i, text);
    assert.ok(figure.data[0].text.includes('&lt;a href="https://example.org"&gt;West&lt;/a&gt;'));
  });

  it("plotlySafeFigure keeps the kit's own <br> <b> <sub> <extra> and disarms every other tag", () => {
    const safe = plotlySafeFigure({
      data: [
        {
          type: 'bar',
          x: [HOSTILE, 'A'],
          y: [1, 2],
          name: STYLED,
          hovertemplate: '%{x}<br><b>%{y}</b><extra></extra>',
        },
      ],
      layout: { title: { text: `Leavers<br><sub>1 hidden</sub> ${HOSTILE}` } },
    }) as any;
    assert.deepEqual(safe.data[0].x, ['&lt;a href="https://example.org">West&lt;/a>', 'A']);
    assert.equal(safe.data[0].name, '&lt;span style="font-size:60px">East&lt;/span>');
    assert.equal(safe.data[0].hovertemplate, '%{x}<br><b>%{y}</b><extra></extra>');
    assert.equal(
      safe.layout.title.text,
      'Leavers<br><sub>1 hidden</sub> &lt;a href="https://example.org">West&lt;/a>',
    );
    assert.deepEqual(safe.data[0].y, [1, 2]);
  });
});

describe('plotly labels from the data, in Chromium', function () {
  this.timeout(120_000);

  it('a rendered chart has no link and no styled span from the data; the name shows as text', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-plotly-'));
    const browser = await launchBrowser();
    try {
      // The chart as the kit draws it, a raw figure (as a notebook might build) through plotlyHtml,
      // and a control drawn by plotly directly, which must show that the attack works unescaped.
      const bars = barFigure(published, { category: 'unit', value: 'headcount', title: HOSTILE });
      const raw = { data: [{ type: 'bar', x: [HOSTILE, STYLED], y: [3, 4], name: HOSTILE }] };
      const control = `<div id="control" style="width:600px;height:300px"></div><script>Plotly.newPlot('control', ${JSON.stringify(raw.data).replace(/</g, '\\u003c')}, {title: {text: ${JSON.stringify(HOSTILE).replace(/</g, '\\u003c')}}});</script>`;
      const file = path.join(dir, 'report.html');
      writeFileSync(
        file,
        `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${plotlyLibraryHtml()}<div id="kit">${plotlyHtml(bars)}${plotlyHtml(raw)}</div>${control}</body></html>`,
      );
      const page = await browser.newPage();
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
      const seen = (await page.evaluate(`(() => {
        const links = (root) => Array.from(root.querySelectorAll('a')).filter((a) =>
          /example\\.org/.test((a.getAttribute('href') || '') + (a.getAttribute('xlink:href') || ''))).length;
        const styled = (root) => Array.from(root.querySelectorAll('tspan')).filter((t) =>
          /font-size:\\s*60px/.test(t.getAttribute('style') || '')).length;
        const kit = document.getElementById('kit');
        const control = document.getElementById('control');
        return {
          kitCharts: kit.querySelectorAll('.main-svg').length,
          kitLinks: links(kit),
          kitStyled: styled(kit),
          kitText: kit.textContent || '',
          controlLinks: links(control),
        };
      })()`)) as {
        kitCharts: number;
        kitLinks: number;
        kitStyled: number;
        kitText: string;
        controlLinks: number;
      };
      assert.ok(seen.controlLinks >= 1, 'the control (plotly without escaping) draws a live link');
      assert.ok(seen.kitCharts >= 2, 'the kit charts were drawn');
      assert.equal(seen.kitLinks, 0, 'a link from the data in a kit chart');
      assert.equal(seen.kitStyled, 0, 'a styled span from the data in a kit chart');
      assert.ok(seen.kitText.includes(HOSTILE), 'the unit name is shown as the text it is');
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
