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

/** The `<script>` that defines window.Plotly, read from the installed plotly.js-dist-min. */
export function plotlyLibraryHtml(): string {
  if (libraryHtml === undefined) {
    const source = readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8');
    libraryHtml = `<script type="text/javascript">${source.replace(/<\/script/gi, '<\\/script')}</script>`;
  }
  return libraryHtml;
}

/**
 * The HTML of one figure: a div and a script that draws it, preceded by plotly.js itself when
 * `includeLibrary` is true. The figure's JSON is escaped so text in it cannot close the script.
 * @example plotlyHtml({ data: [{ type: 'bar', x: ['A'], y: [3] }] }, { includeLibrary: true })
 */
export function plotlyHtml(
  figure: PlotlyFigure,
  { includeLibrary = false, height = 420 }: { includeLibrary?: boolean; height?: number } = {},
): string {
  const id = `wbk-plotly-${randomBytes(6).toString('hex')}`;
  const json = (value: unknown) => JSON.stringify(value ?? {}).replace(/</g, '\\u003c');
  const config = { responsive: true, displaylogo: false, ...(figure.config ?? {}) };
  const draw = [
    `(function () {`,
    `  var el = document.getElementById('${id}');`,
    `  if (typeof window.Plotly === 'undefined') {`,
    `    el.textContent = 'Plotly is not loaded in this page: rerun the notebook from the top (the first plotly chart embeds the library).';`,
    `    return;`,
    `  }`,
    `  window.Plotly.newPlot(el, ${json(figure.data)}, ${json(figure.layout)}, ${json(config)});`,
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
