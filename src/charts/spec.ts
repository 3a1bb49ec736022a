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
