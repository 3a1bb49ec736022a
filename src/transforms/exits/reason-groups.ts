// Reason groups (configuration): sets of reasons such as "controllable" or "dissatisfaction", and the
// share of interviewed leavers citing at least one reason of each group.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import {
  exitGroups,
  exitSpec,
  outputColumns,
  pct,
  REASON_RESPONDENTS,
  respondentsOf,
  type ExitGroupOptions,
} from './margins.js';
import { checkColumns } from '../../shared/columns.js';
import { EXIT_REASONS } from '../../schema/vocabularies.js';

/** Reason groups: group name → the reasons that belong to it. */
export type ExitReasonGroups = Readonly<Record<string, readonly string[]>>;

type ExitReason = (typeof EXIT_REASONS)[number];

/** Reasons that pull people away rather than push them out: not what the employer can change. */
const PULL_FACTORS: readonly ExitReason[] = [
  'relocation',
  'family_and_caring',
  'better_offer',
  'retirement',
  'health',
  'other',
];

/**
 * The kit's default groups over its reason vocabulary. controllable: what the employer can change.
 * dissatisfaction: reasons that express dissatisfaction with the job or the employer (not pull
 * factors such as a better offer, relocation or family).
 */
export const DEFAULT_EXIT_REASON_GROUPS: ExitReasonGroups = {
  controllable: EXIT_REASONS.filter((r) => !PULL_FACTORS.includes(r)),
  dissatisfaction: [
    'workload',
    'management_and_supervision',
    'wellbeing_and_stress',
    'work_life_balance',
    'culture_and_treatment',
    'training_and_support',
    'role_not_as_expected',
  ] satisfies readonly ExitReason[],
};

export const EXIT_REASON_GROUP_SHARE: DefinitionCard = {
  id: 'exit_reason_group_share',
  title: 'Leavers citing a group of reasons',
  definition:
    'Share of interviewed leavers who cited at least one reason of the group (primary or other). Groups are configuration: each names its reasons.',
  numerator: 'interviewed leavers citing any reason of the group',
  denominator:
    'interviewed leavers in the group (respondents); a respondent who gave no reason counts as not citing',
  unit: '% of respondents',
};

/**
 * Reason groups from configuration lines "name: reason, reason, …" (e.g. a notebook parameter);
 * throws on a line without a name or reasons, or a reason not in `vocabulary` when one is given.
 * @example parseExitReasonGroups(['dissatisfaction: workload, work_life_balance'])
 */
export function parseExitReasonGroups(
  lines: readonly string[],
  vocabulary?: readonly string[],
): ExitReasonGroups {
  const groups: Record<string, string[]> = {};
  for (const line of lines) {
    const m = /^\s*([a-z0-9_]+)\s*:\s*(.+)$/.exec(line);
    const reasons = m
      ? m[2]
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)
      : [];
    if (!m || reasons.length === 0) {
      throw new Error(
        `parseExitReasonGroups: "${line}" is not a reason group. Write "name: reason, reason", e.g. "controllable: workload, pay_and_benefits".`,
      );
    }
    const unknown = vocabulary ? reasons.filter((r) => !vocabulary.includes(r)) : [];
    if (unknown.length > 0) {
      throw new Error(
        `parseExitReasonGroups: group "${m[1]}" names ${unknown.join(', ')}, not in the exit-reason vocabulary (${vocabulary!.join(', ')}). Correct the spelling, or add the reason with config.extra_exit_reasons in the mapping.`,
      );
    }
    groups[m[1]] = reasons;
  }
  return groups;
}

/**
 * One row per group × reason group: by… (or `group`), reason_group, respondents, citing,
 * citing_pct (citing / respondents × 100); groups without respondents are left out.
 * @example summarizeExitReasonGroups(leavers, { by: ['service_band'], groups: DEFAULT_EXIT_REASON_GROUPS })
 */
export function summarizeExitReasonGroups(
  leavers: ColumnTable,
  {
    by = [],
    total = 'All',
    groups = DEFAULT_EXIT_REASON_GROUPS,
  }: ExitGroupOptions & { groups?: ExitReasonGroups } = {},
): ColumnTable {
  const fn = 'summarizeExitReasonGroups';
  checkColumns(fn, leavers, ['interviewed', 'reasons'], {
    fix: 'Build the table with deriveExitLeavers().',
  });
  const names = Object.keys(groups);
  if (
    names.length === 0 ||
    names.some((n) => !Array.isArray(groups[n]) || groups[n].length === 0)
  ) {
    throw new Error(
      `${fn}: every reason group needs at least one reason; got ${JSON.stringify(groups)}.`,
    );
  }
  const interviewed = leavers.array('interviewed') as ArrayLike<boolean>;
  const cited = leavers.array('reasons') as ArrayLike<string[]>;
  const { dims, groups: rowGroups } = exitGroups(fn, leavers, by, total);
  const out = outputColumns([...dims, 'reason_group', 'respondents', 'citing', 'citing_pct']);
  for (const g of rowGroups) {
    const rows = respondentsOf(g.rows, interviewed);
    if (rows.length === 0) continue;
    for (const name of names) {
      const members = groups[name];
      const citing = rows.filter((i) => cited[i].some((r) => members.includes(r))).length;
      dims.forEach((d, k) => out[d].push(g.values[k]));
      out.reason_group.push(name);
      out.respondents.push(rows.length);
      out.citing.push(citing);
      out.citing_pct.push(pct(citing, rows.length));
    }
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeExitReasonGroups' output for the same `by` (and total label).
 * @example report.publish(shares, exitReasonGroupsSpec(['service_band']))
 */
export function exitReasonGroupsSpec(
  by: string[] = [],
  { total = 'All' }: { total?: string | false } = {},
): CellSpec {
  return exitSpec(by, total, ['reason_group'], {
    who: REASON_RESPONDENTS,
    population: 'respondents',
    counts: ['citing'],
    sameAcross: { respondents: ['reason_group'] },
    rates: [{ name: 'citing_pct', numerator: 'citing', denominator: 'respondents', per: 100 }],
  });
}
