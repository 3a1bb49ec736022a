// Showing tables and charts in notebooks, and the danfo bridge.
export { type DisplayBundle, inKernel, display } from './bundle.js';
export { type DanfoFrame, loadDanfo, toDanfo, fromDanfo } from './danfo.js';
export { isDateColumn, formatDateGB, formatNumber } from './format.js';
export { noteHtml } from './note.js';
export { plotlyLibraryHtml, plotlyHtml, showPlotly } from './plotly.js';
export { type TableHtmlOptions, tableHtml, showTable } from './table.js';
export { VEGA_LITE_MIME, renderVegaLiteSvg, showVegaLite, vegaLiteBundle } from './vega.js';
