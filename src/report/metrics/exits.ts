// Headline exit-interview figures for `wbk metrics --json`: coverage, top reasons and the share citing
// each reason group by service band, every figure published (suppressed values are null).
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../../io/load-dataset.js';
import { ledgerFromEntries, type CellSpec, type PublishedTable } from '../../privacy/index.js';
import {
  EXIT_INTERVIEW_COVERAGE,
  exitCoverageSpec,
  summarizeExitCoverage,
} from '../../transforms/exits/coverage.js';
import { deriveExitLeavers } from '../../transforms/exits/leavers.js';
import {
  DEFAULT_EXIT_REASON_GROUPS,
  EXIT_REASON_GROUP_SHARE,
  exitReasonGroupsSpec,
  summarizeExitReasonGroups,
  type ExitReasonGroups,
} from '../../transforms/exits/reason-groups.js';
import {
  EXIT_REASONS_CITED,
  exitReasonsSpec,
  summarizeExitReasons,
} from '../../transforms/exits/reasons.js';
import { headlineLeaverCounts } from './attrition-counts.js';
import {
  headlineSession,
  publishHeadline,
  reviseHeadline,
  checkHeadlinePeriod,
  type HeadlineInput,
} from './session.js';
import { HEADLINE_LEAVERS, NON_HEADLINE_LEAVER_TYPES } from '../../transforms/leavers/leavers.js';
import { JL6_EDGES } from '../../transforms/leavers/service.js';
import { LEAVER_TYPES } from '../../schema/vocabularies.js';

type Row = Record<string, string | number | null>;

/**
 * Published headline figures of the exit interviews of `period`, as plain JSON: coverage by leaver
 * type (transfers out excluded, as in the Home Office headlines), the five reasons most cited by
 * interviewed voluntary resigners, and the share of them citing each reason group by service band.
 * Every table goes through publishTable with one ledger; hidden values are null and counted in notes.
 * @example exitHeadlines(data, { period: parsePeriod('FY2023-24'), serviceBandEdges: [3, 7, 11] })
 */
export function exitHeadlines(
  data: Dataset,
  options: HeadlineInput & {
    serviceBandEdges?: number[];
    reasonGroups?: ExitReasonGroups;
  },
): object {
  const {
    period,
    policy = {},
    serviceBandEdges = [...JL6_EDGES],
    reasonGroups = DEFAULT_EXIT_REASON_GROUPS,
  } = options;
  checkHeadlinePeriod('exitHeadlines', period, 'FY2023-24');
  const session = options.session ?? headlineSession();
  const publish = (name: string, t: ColumnTable, spec: CellSpec) =>
    publishHeadline(
      session,
      `exit_interviews.${name}`,
      t,
      { ...spec, period: period.label },
      policy,
    );
  const headline = LEAVER_TYPES.filter((t) => !NON_HEADLINE_LEAVER_TYPES.includes(t));
  const leavers = deriveExitLeavers(data.tables.people, data.tables.exit_interviews, {
    periods: period,
    serviceBandEdges,
    leaverTypes: headline,
    fyStartMonth: data.config.fyStartMonth,
  });
  const coverage = publish(
    'coverage',
    summarizeExitCoverage(leavers, { by: ['leaver_type'] }),
    exitCoverageSpec(['leaver_type']),
  );
  const resigners = leavers
    .params({ t: 'voluntary_resignation' })
    .filter((d: { leaver_type: string }, $: { t: string }) => d.leaver_type === $.t);
  const reasons = publish(
    'reasons',
    summarizeExitReasons(resigners, { total: false }),
    exitReasonsSpec([], { total: false }),
  );
  const groups = publish(
    'reason_groups',
    summarizeExitReasonGroups(resigners, { by: ['service_band'], groups: reasonGroups }),
    exitReasonGroupsSpec(['service_band']),
  );
  // The leavers per type repeat the leaver section's counts: take their status from there, so that
  // neither section's shown copy gives back the other's hidden one.
  const authority = headlineLeaverCounts(data, {
    period,
    policy,
    serviceBandEdges,
    seed: session.seed,
  });
  // A copy the run's ledger hides stays hidden (protectRun then hides the leaver section's one too).
  const runHid = ledgerFromEntries(session.seed);
  const coverageRows = rows(coverage).map((r) => {
    const type = r.leaver_type === 'All' ? HEADLINE_LEAVERS : String(r.leaver_type);
    const shown = authority[type];
    if (shown === null || shown === undefined) return { ...r, leavers: null, coverage_pct: null };
    const cell = Object.fromEntries(coverage.by.map((d) => [d, r[d] as string | number]));
    if (r.leavers === null && runHid.has('leavers', cell, period.label)) return r;
    return r.leavers === null ? { ...r, leavers: shown } : r;
  });
  reviseHeadline(session, 'exit_interviews.coverage', coverageRows);
  const top = rows(reasons)
    .filter((r) => r.mentioned !== null && Number(r.mentioned) > 0)
    .sort((a, b) => Number(b.mentioned) - Number(a.mentioned))
    .slice(0, 5)
    .map(({ reason, mentioned, mentioned_pct, primary, primary_pct }) => ({
      reason,
      mentioned,
      mentioned_pct,
      primary,
      primary_pct,
    }));
  const tables = [coverage, reasons, groups];
  const hidden = tables.reduce((s, t) => s + t.log.hiddenCells, 0);
  return {
    period: period.label,
    disclosure: {
      mode: coverage.log.mode,
      min_group_size: coverage.log.minGroupSize,
      min_count: coverage.log.minCount,
      hidden_cells: hidden,
    },
    exit_interview_coverage: {
      definition: EXIT_INTERVIEW_COVERAGE.definition,
      all_leavers: coverageRows.find((r) => r.leaver_type === 'All') ?? null,
      by_leaver_type: coverageRows.filter((r) => r.leaver_type !== 'All'),
    },
    top_reasons_voluntary_resignations: { definition: EXIT_REASONS_CITED.definition, reasons: top },
    reason_groups_by_service_band: {
      definition: EXIT_REASON_GROUP_SHARE.definition,
      service_band_edges_years: serviceBandEdges,
      groups: reasonGroups,
      rows: rows(groups),
    },
    notes: [
      'Transfers out are excluded, as in the Home Office headline leaver counts.',
      'Reasons and reason groups: interviewed voluntary resignations whose end_date falls in the period.',
      hidden > 0
        ? `${hidden} values are null: hidden by disclosure control (small groups or counts, or to stop back-calculation).`
        : 'No value was hidden by disclosure control.',
      'Top reasons list only reasons whose count is shown.',
      'Leavers per leaver type are shown or hidden exactly as in the leavers section, whose counts they repeat.',
    ],
  };
}

/** The published rows without status columns: hidden values are already null. */
function rows(published: PublishedTable): Row[] {
  const keep = [...published.by, ...published.columns];
  return (published.table.objects() as Row[]).map((r) =>
    Object.fromEntries(keep.map((c) => [c, r[c] ?? null])),
  );
}
