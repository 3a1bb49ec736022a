// Vega-Lite specs and plotly figures built only from published tables.
export { type BarChartOptions, barChart, barFigure } from './bar.js';
export { type ChartRow, chartRows } from './chart-data.js';
export {
  type ExitChartOptions,
  exitReasonHeatmapChart,
  exitReasonGroupChart,
  exitReasonTrendChart,
} from './exits.js';
export { type MatrixComparisonOptions, wellbeingMatrixComparisonChart } from './matrix-compare.js';
export { type MatrixDrilldownOptions, wellbeingMatrixDrilldownFigure } from './matrix-drilldown.js';
export { type MatrixHeatmapOptions, wellbeingMatrixHeatmapChart } from './matrix-heatmap.js';
export { matrixRunningHot } from './matrix-hotlist.js';
export { type MatrixTrendOptions, matrixTemperatureTrendChart } from './matrix-trend.js';
export { type ScatterOptions, overtimeSicknessScatterFigure } from './overtime-charts.js';
export {
  type RetentionChartOptions,
  retentionCurveChart,
  retentionCurveFigure,
  type RetentionRankOptions,
  retentionRankChart,
} from './retention.js';
export { type RiskDriversChartOptions, riskDriversChart } from './risk.js';
export { type ServiceBandChartOptions, serviceBandChart } from './service.js';
export {
  type TrendChartOptions,
  sicknessTrendChart,
  type SeasonChartOptions,
  sicknessSeasonChart,
} from './sickness-charts.js';
export type { VegaLiteSpec, PlotlyFigure } from './spec.js';
export { type ThreeYearChartOptions, threeYearLikelihoodChart } from './three-year.js';
export { type WelfareChartOptions, welfareOverdueChart } from './welfare-charts.js';
