// The two chart forms the kit builds: a Vega-Lite specification and a plotly figure. Charts return them;
// display/ renders them.

/** A Vega-Lite specification (kept loose here; chart helpers build typed ones). */
export type VegaLiteSpec = Record<string, unknown>;

/** A plotly figure: traces, layout and config as plotly.js takes them. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/**
 * Text from the data (a unit's name, a group, a title that may hold one) made literal for plotly.
 * Plotly draws its own HTML subset in labels, titles, hover text and legends (`<a href>` becomes a live
 * link, `<b>`, `<span style>` apply): `& < >` become entities, which plotly shows as the characters.
 * @example plotlyText('<a href="https://example.org">West</a>') // '&lt;a href="https://example.org"&gt;West&lt;/a&gt;'
 */
export function plotlyText(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
