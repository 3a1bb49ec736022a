// Plotly figures offline: plotly.js is inlined into the notebook once, never fetched from a CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import type { PlotlyFigure } from '../charts/spec.js';
import { display, displaySession } from './bundle.js';

const require = createRequire(import.meta.url);
let libraryHtml: string | undefined;
/** The display session (one per notebook run) whose output already carries plotly.js. */
let libraryShownIn = -1;

/** The attribute that marks the inline plotly.js script (the report writer moves it to a shared file). */
export const PLOTLY_LIBRARY_MARK = 'data-wbk-library="plotly"';

/** The `<script>` that defines window.Plotly, read from the installed plotly.js-dist-min. */
export function plotlyLibraryHtml(): string {
  if (libraryHtml === undefined) {
    const source = readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8');
    libraryHtml = `<script type="text/javascript" ${PLOTLY_LIBRARY_MARK}>${source.replace(/<\/script/gi, '<\\/script')}</script>`;
  }
  return libraryHtml;
}

// The tags of plotly's HTML subset the kit itself writes: line breaks, bold, italics, sub/superscript,
// and <extra></extra> in hover templates. Links (<a href>) and styled spans are never the kit's.
const KIT_TAG = /^<(?:br\s*\/?|\/?(?:b|i|em|sub|sup|extra))>/i;

/**
 * A figure with every text made safe for plotly's own HTML subset: in every string of the traces and
 * the layout, a `<` that does not open one of the kit's formatting tags (`<br>`, `<b>`, `<i>`, `<em>`,
 * `<sub>`, `<sup>`, `<extra>`) becomes `&lt;`, so a unit named `<a href="…">West</a>` is shown as that
 * text, never as a live link or styled span, even where a chart or notebook forgot plotlyText().
 * @example plotlySafeFigure({ data: [{ type: 'bar', x: ['<a href="x">A</a>'], y: [3] }] }).data[0].x // ['&lt;a href="x">A&lt;/a>']
 */
export function plotlySafeFigure(figure: PlotlyFigure): PlotlyFigure {
  const safe = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/</g, (lt, at: number) => (KIT_TAG.test(value.slice(at)) ? lt : '&lt;'));
    }
    if (Array.isArray(value)) return value.map(safe);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safe(v)]));
    }
    return value;
  };
  return {
    ...figure,
    data: figure.data.map((trace) => safe(trace) as Record<string, unknown>),
    ...(figure.layout ? { layout: safe(figure.layout) as Record<string, unknown> } : {}),
  };
}

/**
 * The HTML of one figure: a div and a script that draws it, preceded by plotly.js itself when
 * `includeLibrary` is true. The figure's JSON is escaped so text in it cannot close the script, and its
 * texts pass through plotlySafeFigure so none becomes a link in the page.
 * @example plotlyHtml({ data: [{ type: 'bar', x: ['A'], y: [3] }] }, { includeLibrary: true })
 */
export function plotlyHtml(
  figure: PlotlyFigure,
  { includeLibrary = false, height = 420 }: { includeLibrary?: boolean; height?: number } = {},
): string {
  const id = `wbk-plotly-${randomBytes(6).toString('hex')}`;
  const safe = plotlySafeFigure(figure);
  const json = (value: unknown) => JSON.stringify(value ?? {}).replace(/</g, '\\u003c');
  const config = { responsive: true, displaylogo: false, ...(figure.config ?? {}) };
  const draw = [
    `(function () {`,
    `  var el = document.getElementById('${id}');`,
    `  if (typeof window.Plotly === 'undefined') {`,
    `    el.textContent = 'Plotly is not loaded in this page: rerun the notebook from the top (the first plotly chart embeds the library).';`,
    `    return;`,
    `  }`,
    `  window.Plotly.newPlot(el, ${json(safe.data)}, ${json(safe.layout)}, ${json(config)});`,
    `})();`,
  ].join('\n');
  return [
    includeLibrary ? plotlyLibraryHtml() : '',
    `<div id="${id}" class="wbk-chart wbk-plotly" style="width:100%;height:${height}px"></div>`,
    `<script type="text/javascript">${draw}</script>`,
  ].join('');
}

/**
 * Shows an interactive plotly figure. The first call in a kernel session inlines plotly.js
 * (about 4.8 MB, once per notebook); later calls reuse it. Pass `{ includeLibrary: true }` to force it.
 * @example showPlotly({ data: [{ type: 'scatter', x: [1, 2], y: [3, 1] }], layout: { title: 'Trend' } })
 */
export function showPlotly(
  figure: PlotlyFigure,
  options: { includeLibrary?: boolean; height?: number } = {},
): void {
  const includeLibrary = options.includeLibrary ?? libraryShownIn !== displaySession();
  libraryShownIn = displaySession();
  const title = (figure.layout?.title as { text?: string } | string | undefined) ?? 'figure';
  display({
    'text/html': plotlyHtml(figure, { ...options, includeLibrary }),
    'text/plain': `[interactive chart] ${typeof title === 'string' ? title : (title.text ?? 'figure')}`,
  });
}
