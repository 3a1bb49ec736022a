// openReport: what every notebook does first — load the extract, resolve period, unit and disclosure
// policy from the notebook's parameters, show a header — and the publish/show calls that keep every
// table and chart of the notebook behind disclosure control.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { display } from '../display/bundle.js';
import { escapeHtml } from '../shared/html.js';
import { formatDateGB, formatNumber } from '../display/format.js';
import { noteHtml } from '../display/note.js';
import type { Dataset } from '../io/load-dataset.js';
import { loadReportData, reportPeriod } from './report-data.js';
import type { Snapshot } from '../risk/snapshot.js';
import {
  DisclosureLedger,
  ledgerFromEnvironment,
  analystBannerHtml,
  publishTable,
  resolvePolicy,
  suppressionSummaryText,
  type CellSpec,
  type DisclosurePolicy,
  type PublishedTable,
} from '../privacy/index.js';
import { periodsBetween, type Period } from '../time/periods.js';
import {
  deriveUnitAtLevel,
  resolveUnit,
  unitSubtree,
  unitTree,
  type UnitTree,
} from '../transforms/units/hierarchy.js';
import { showPublished, type ShowOptions } from './show.js';
import {
  STATUS_MIME,
  missingNeeds,
  skippedSectionHtml,
  type NotebookStatus,
  type SectionNeeds,
} from './needs.js';

/** The parameters every notebook declares in its `parameters` cell (wbk report injects them). */
export interface ReportParameters {
  dataDir: string;
  mappingFile?: string | null;
  /** FY2024-25, FY2024-25 Q1, 2024-06 … or 'latest' (the latest complete financial year in the data). */
  period?: string;
  /** Hierarchy level for unit breakdowns (default: the level below the top). */
  level?: string | null;
  /** Restrict to one unit (unit_id or name) and its subtree; the force stays as comparison. */
  unit?: string | null;
  minGroupSize?: number;
  disclosureMode?: 'publish' | 'analyst';
  /** Dates after this day are rejected at load (default today). */
  asOf?: string | null;
}

/** What a notebook works with after openReport. */
export interface ReportContext {
  title: string;
  data: Dataset;
  /**
   * A person-level snapshot (one row per person, an outcome flag, no dates) when the mapping is a
   * snapshot mapping; `data` is then empty. Null for a table mapping.
   */
  snapshot: Snapshot | null;
  tree: UnitTree;
  period: Period;
  level: string;
  /** The unit the report is for, or null for the whole organisation. */
  unit: string | null;
  /** unit_ids in scope (the unit's subtree), or null for all. */
  scope: ReadonlySet<string> | null;
  policy: DisclosurePolicy;
  ledger: DisclosureLedger;
  /** publishTable with this report's policy and ledger. */
  publish(table: ColumnTable, spec: CellSpec): PublishedTable;
  /** Shows a published table (suppressed cells marked, log under it) and marks it for export. */
  show(published: PublishedTable, options?: ShowOptions): void;
  /**
   * Adds a `unit` column for breakdowns: the name of each row's unit rolled up to the report's level; in a
   * report for one unit, rows outside its subtree become REST_OF_ORGANISATION, so that the unit, the
   * rest and (with addTotals) the whole organisation form one additive group for disclosure control.
   * Rows whose unit sits above the level, or is unknown, get null.
   */
  labelUnits(table: ColumnTable, options?: { unitColumn?: string; as?: string }): ColumnTable;
  /**
   * Whether the extract holds what a section needs (tables, columns, rows dated in the period): true
   * when it does; otherwise shows one short note (what is missing, what the section would show, which
   * mapping key feeds it) and returns false, so the notebook skips the section and goes on. A notebook
   * whose every section was skipped is reported "not applicable (needs …)", not failed.
   * @example if (report.needs('Overtime by unit', { tables: ['overtime'], shows: 'hours by unit' })) { … }
   */
  needs(section: string, needs: SectionNeeds): boolean;
  /** Shows the report's closing suppression log: every hidden cell of the report, by reason. */
  finish(): void;
  /** The extract's financial-year start, `{ fyStartMonth }` (4 = April), for periodOf and previousPeriod. */
  fy: { fyStartMonth: number };
  /** The name of the unit the report is for (its id when the units table names none), or null. */
  unitName: string | null;
  /**
   * A unit's name from the units table, or its id when the table names none.
   * @example report.nameOf('D1') // 'North District'
   */
  nameOf(unitId: string): string;
  /**
   * Whether a unit is in the report's scope: every unit in a report for the whole organisation, the
   * unit's subtree in a report for one unit; never a row without a unit (null). Inside an arquero
   * expression it is a closure, so escape the function that calls it.
   * @example staff.filter(aq.escape((d: { unit_id: string | null }) => report.inScope(d.unit_id)))
   */
  inScope(unitId: string | null): boolean;
  /**
   * The level that plays the team: `chosen` (a notebook's `teamLevel` parameter) when given, else the
   * lowest level of the units table, whatever it is called. Throws when `chosen` is not a unit level.
   * @example const teams = report.teamLevel(teamLevel) // 'team' on the demo force
   */
  teamLevel(chosen?: string | null): string;
  /**
   * The financial years (starting in the extract's month) that overlap the days from..to, in order;
   * `to` is the last day of the report's period unless given.
   * @example report.financialYears(report.period.start) // every year the period touches
   */
  financialYears(from: number, to?: number): Period[];
  /**
   * The financial years of the `years` × 365 days that end on the last day of the report's period,
   * for trends; with `wholePeriod`, every year of a longer period as well (a range, or all the data).
   * @example report.trendYears(5).map((p) => p.label) // FY2020-21 … FY2024-25 for FY2024-25
   */
  trendYears(years: number, options?: { wholePeriod?: boolean }): Period[];
  /**
   * Shows a note, its text escaped in an amber box: why a section shows less than it might.
   * @example report.note('The extract has no units table, so units cannot be compared.')
   */
  note(text: string): void;
}

/** The label of everything outside the unit in a unit report. */
export const REST_OF_ORGANISATION = 'Rest of organisation';

/**
 * Opens a report: loads the extract, resolves the period, unit and policy, shows a header.
 * @example const report = await openReport('Early leavers', { dataDir, period, minGroupSize, disclosureMode })
 */
export async function openReport(title: string, params: ReportParameters): Promise<ReportContext> {
  const { data, snapshot } = await loadReportData(
    params.dataDir,
    params.mappingFile,
    params.asOf ? { asOf: params.asOf } : {},
  );
  const tree = unitTree(data.tables.units);
  const period = reportPeriod(params.period, data, snapshot);
  const levels = data.levels;
  const level = params.level || levels[Math.min(1, levels.length - 1)];
  if (!levels.includes(level)) {
    throw new Error(
      `openReport: level "${level}" is not a unit level. Levels: ${levels.join(', ')}.`,
    );
  }
  const unit = params.unit ? resolveUnit(tree, params.unit) : null;
  const policy = resolvePolicy({
    mode: params.disclosureMode ?? 'publish',
    minGroupSize: params.minGroupSize ?? 5,
    minCount: params.minGroupSize ?? 5,
  });
  // In a rerun of `wbk report`, the ledger starts with the cells the whole run must hide (issue 18).
  const ledger = policy.mode === 'publish' ? ledgerFromEnvironment() : new DisclosureLedger();
  const published: PublishedTable[] = [];
  const fy = { fyStartMonth: data.config.fyStartMonth };
  const nameOf = (unitId: string) => tree.name.get(unitId) ?? unitId;
  const sections = { run: 0, skipped: 0, missing: [] as string[] };
  const context: ReportContext = {
    title,
    data,
    snapshot,
    tree,
    period,
    level,
    unit,
    scope: unit ? unitSubtree(tree, unit) : null,
    policy,
    ledger,
    publish(table, spec) {
      // The exports say whose rest of the organisation a unit report's rest rows are (issue 18), and
      // when a table has none, that it counts the unit's people only.
      const hasRest = (t: ColumnTable) =>
        t
          .columnNames()
          .some((c) => Array.from(t.array(c) as ArrayLike<unknown>).includes(REST_OF_ORGANISATION));
      const rest = unit
        ? {
            rest: {
              label: REST_OF_ORGANISATION,
              unit,
              ...(hasRest(table) ? {} : { within: true }),
            },
          }
        : {};
      const result = publishTable(
        table,
        { period: period.label, ...rest, ...spec },
        policy,
        ledger,
      );
      published.push(result);
      return result;
    },
    show(table, options) {
      showPublished(table, options);
    },
    labelUnits(table, { unitColumn = 'unit_id', as = 'unit' } = {}) {
      const rolled = deriveUnitAtLevel(table, tree, { level, unitColumn, as });
      const scope = context.scope;
      const nameOf = (id: string | null) =>
        id === null || id === REST_OF_ORGANISATION ? id : (tree.name.get(id) ?? id);
      if (!scope)
        return rolled.assign(
          aq.table({ [as]: Array.from(rolled.array(as) as ArrayLike<string | null>, nameOf) }),
        );
      const units = table.array(unitColumn) as ArrayLike<string | null>;
      const labels = Array.from(rolled.array(as) as ArrayLike<string | null>, (label, i) =>
        units[i] !== null && scope.has(units[i] as string) ? label : REST_OF_ORGANISATION,
      );
      return rolled.assign(aq.table({ [as]: labels.map(nameOf) }));
    },
    needs(section, needs) {
      const missing = missingNeeds(data, period, needs);
      if (missing.length === 0) {
        sections.run += 1;
        return true;
      }
      sections.skipped += 1;
      for (const m of missing) if (!sections.missing.includes(m)) sections.missing.push(m);
      display({
        'text/html': skippedSectionHtml(section, missing, needs.shows, needs.unmet),
        'text/plain': `${section}: not shown (no ${missing.join(', ')})`,
      });
      return false;
    },
    finish() {
      display({ 'text/html': closingLogHtml(published, policy), 'text/plain': 'Suppression log' });
      const status: NotebookStatus = {
        applicable: !(sections.skipped > 0 && sections.run === 0),
        missing: sections.missing,
      };
      display({ [STATUS_MIME]: status, 'text/plain': '' });
    },
    fy,
    unitName: unit === null ? null : nameOf(unit),
    nameOf,
    inScope(unitId) {
      return unitId !== null && (context.scope === null || context.scope.has(unitId));
    },
    teamLevel(chosen = null) {
      const team = chosen ?? levels[levels.length - 1];
      if (!levels.includes(team)) {
        throw new Error(`teamLevel "${team}" is not a unit level. Levels: ${levels.join(', ')}.`);
      }
      return team;
    },
    financialYears(from, to = period.end) {
      return periodsBetween(from, to, 'financial_year', fy);
    },
    trendYears(years, { wholePeriod = false } = {}) {
      const from = period.end - 365 * years + 1;
      return context.financialYears(wholePeriod ? Math.min(period.start, from) : from);
    },
    note(text) {
      display({ 'text/html': noteHtml(text), 'text/plain': text });
    },
  };
  display({ 'text/html': headerHtml(context), 'text/plain': `${title}: ${period.label}` });
  return context;
}

function headerHtml(ctx: ReportContext): string {
  const people = ctx.data.tables.people.numRows();
  const rejected = ctx.data.files.reduce((sum, f) => sum + f.rows_rejected, 0);
  const scope = ctx.unit
    ? `${ctx.tree.name.get(ctx.unit)} (${ctx.unit}), with the whole organisation for comparison`
    : 'the whole organisation';
  const lines = [
    `<h1 style="margin-bottom:4px">${escapeHtml(ctx.title)}</h1>`,
    ctx.policy.mode === 'analyst' ? analystBannerHtml() : '',
    `<p style="color:#444">Period <b>${escapeHtml(ctx.period.label)}</b> (${formatDateGB(ctx.period.start)} to ${formatDateGB(ctx.period.end)}) · `,
    `${escapeHtml(scope)} · units by ${escapeHtml(ctx.level)} · ${formatNumber(people)} employment records`,
    ctx.snapshot
      ? ` · a person-level snapshot of ${formatNumber(ctx.snapshot.table.numRows())} people (no dates)`
      : '',
    rejected
      ? ` · <b>${formatNumber(rejected)} input rows rejected at load</b> (see the data-quality report)`
      : '',
    `<br>Groups under ${ctx.policy.minGroupSize} people and counts under ${ctx.policy.minCount} are hidden ([c]), with other cells where needed to stop back-calculation.</p>`,
  ];
  return lines.join('');
}

function closingLogHtml(published: PublishedTable[], policy: DisclosurePolicy): string {
  const hidden = published.reduce((sum, p) => sum + p.log.hiddenCells, 0);
  const items = published
    .filter((p) => p.log.hiddenCells > 0 || p.log.mode === 'analyst')
    .map((p) => `<li>${escapeHtml(suppressionSummaryText(p.log))}</li>`)
    .join('');
  const head =
    policy.mode === 'analyst'
      ? 'Analyst mode — not for circulation: nothing was hidden.'
      : `${formatNumber(published.length)} published tables; ${formatNumber(hidden)} cells hidden in all.`;
  return `<section class="wbk-suppression-log"><h2>Suppression log</h2><p>${escapeHtml(head)}</p>${items ? `<ul>${items}</ul>` : ''}</section>`;
}
