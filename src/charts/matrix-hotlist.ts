// The "running hot" list of the well-being matrix as an HTML table: units, temperature, trend and
// the indicators driving them, from a scored published matrix only.
import { escapeHtml } from '../shared/html.js';
import { analystBannerHtml } from '../privacy/index.js';
import { checkScoredMatrix, type ScoredMatrix } from '../transforms/matrix/scored.js';

/**
 * The units running hot in the period (temperature at or above the hot threshold), hottest first,
 * with their temperature, the previous period's, the trend and the drivers; or a sentence saying
 * none is, from a scored matrix (scoreMatrix). Also returns their unit_ids, for a trend chart. `units`
 * limits the list to those unit_ids (a unit report), the scores coming from every published row.
 * @example const hot = matrixRunningHot(scoreMatrix(published, { tree: report.tree, period: 'FY2024-25' })); display({ 'text/html': hot.html })
 */
export function matrixRunningHot(
  matrix: ScoredMatrix,
  options: { units?: readonly string[] } = {},
): { html: string; units: string[] } {
  checkScoredMatrix(matrix, 'matrixRunningHot');
  const rows = (matrix.temperatures.objects() as Record<string, unknown>[]).filter(
    (r) =>
      r.running_hot === true &&
      (options.units === undefined || options.units.includes(String(r.unit_id))),
  );
  const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '–');
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(String(r.unit_name))}</td><td>${fmt(r.temperature)}</td><td>${fmt(r.previous_temperature)}</td>` +
        `<td>${escapeHtml(String(r.trend_label ?? r.trend ?? '–'))}</td><td>${escapeHtml(String(r.drivers))}</td></tr>`,
    )
    .join('');
  const html = rows.length
    ? `<table class="wbk-published"><thead><tr><th>unit</th><th>temperature</th><th>previous</th><th>trend</th><th>driven by</th></tr></thead><tbody>${body}</tbody></table>`
    : '<p>No unit is running hot in this period.</p>';
  return {
    html: (matrix.notForCirculation ? analystBannerHtml() : '') + html,
    units: rows.map((r) => String(r.unit_id)),
  };
}
