// Reports: the notebook context, showing and exporting published tables, metrics, the runner.
export {
  type ReportParameters,
  type ReportContext,
  REST_OF_ORGANISATION,
  openReport,
} from './context.js';
export {
  type ExportTable,
  writeTableXlsx,
  exportedTables,
  writeNotebookExports,
} from './exports.js';
export { type InputFile, type RunRecord, indexPageHtml } from './index-page.js';
export {
  type RunNotebookOptions,
  type NotebookProgress,
  type NotebookRun,
  runNotebook,
} from './jupyter/run-notebook.js';
export { type RunNotebooksOptions, listNotebooks, runNotebooks } from './jupyter/run-notebooks.js';
export { exitHeadlines } from './metrics/exits.js';
export {
  type HeadlineOptions,
  type Headlines,
  type SkippedSection,
  headlineFigures,
} from './metrics/headlines.js';
export { matrixHeadlines } from './metrics/matrix.js';
export {
  type ParameterSpec,
  type NotebookJson,
  type NotebookCell,
  type ParameterValue,
  readParameters,
} from './parameters.js';
export { type ShowOptions, showPublished, exportTable } from './show.js';
export {
  type UnitIndicators,
  unitIndicatorsOf,
  publishIndicatorRates,
  publishSuppliedValues,
  indicatorTrendPeriods,
  publishIndicatorMatrix,
} from './unit-indicators.js';
