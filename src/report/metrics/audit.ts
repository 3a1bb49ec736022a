// The figures of `wbk metrics --json` as tables for the cross-table disclosure audit: each section of
// attritionHeadlines and exitHeadlines becomes the published table it came from, with the counts that
// mean the same thing under the same column and dimension names, so the audit sees how they relate.
import type { AuditTable } from '../../privacy/audit.js';
import { HEADLINE_LEAVERS, leaversByTypeSpec } from '../../transforms/leavers/leavers.js';

type Json = Record<string, unknown>;
type Row = Record<string, unknown>;

/**
 * Returns the published tables behind a `wbk metrics --json` object (sections `leavers` and
 * `exit_interviews`, either may be absent), hidden values (null counts) as "[c]". Re-expressed for the
 * audit: the leaver-rate counts and the service-band counts become `leavers` in slices of `leaver_type`
 * (leavers = 'all_except_transfers', voluntary_resignations = 'voluntary_resignation', transfers_out =
 * 'transfer_out'), the vocabulary of the leavers-by-type table, so a figure hidden in one and shown in
 * another is caught. Rates, means and shares are left out: the audit works on counts.
 * @example auditPublishedTables(metricsAuditTables(JSON.parse(stdout)))
 */
export function metricsAuditTables(metrics: Json): AuditTable[] {
  if (metrics === null || typeof metrics !== 'object') {
    throw new Error('metricsAuditTables: expected the object printed by `wbk metrics --json`.');
  }
  const tables: AuditTable[] = [];
  const leavers = metrics.leavers as Json | undefined;
  if (leavers) {
    const period = String(leavers.period);
    const spec = leaversByTypeSpec().hierarchy!;
    const hierarchy = { column: spec.column, parent: { ...spec.parent } };
    const byType = Object.entries((leavers.leavers_by_type ?? {}) as Record<string, unknown>);
    const bands = (leavers.service_bands ?? []) as Row[];
    // The leaver-rate counts and the band columns are slices of leavers by type.
    const copies: [string, string, string | null][] = [
      [HEADLINE_LEAVERS, 'leavers', 'leavers'],
      ['voluntary_resignation', 'voluntary_resignations', 'voluntary_resignations'],
      ['transfer_out', 'transfers_out', null],
    ];
    tables.push(
      table('leavers.leavers_by_type', ['leaver_type'], ['leavers'], period, {
        rows: byType.map(([t, n]) => ({ leaver_type: t, leavers: n })),
        hierarchy,
      }),
      ...copies.flatMap(([type, rateColumn, bandColumn]) => [
        table(`leavers.leaver_rate.${type}`, [], ['leavers'], period, {
          rows: [{ leavers: leavers[rateColumn] }],
          slice: { leaver_type: type },
        }),
        ...(bandColumn === null
          ? []
          : [
              table(`leavers.service_bands.${type}`, ['service_band'], ['leavers'], period, {
                rows: bands.map((b) => ({ service_band: b.service_band, leavers: b[bandColumn] })),
                total: 'All',
                slice: { leaver_type: type },
              }),
            ]),
      ]),
      table('leavers.headcount_start', [], ['headcount_start'], period, {
        rows: [{ headcount_start: leavers.headcount_start }],
      }),
    );
    for (const [name, section] of Object.entries((leavers.three_year ?? {}) as Json)) {
      const groups = ((section as Json).groups ?? []) as Row[];
      if (groups.length === 0) continue;
      const by = Object.keys(groups[0]).filter((k) => typeof groups[0][k] === 'string');
      tables.push(
        table(
          `leavers.three_year.${name}`,
          by,
          ['people', 'at_risk_at_point', 'resigned_by_point'],
          period,
          { rows: groups },
        ),
      );
    }
  }
  const exits = metrics.exit_interviews as Json | undefined;
  if (exits) {
    const period = String(exits.period);
    const coverage = (exits.exit_interview_coverage ?? {}) as Json;
    tables.push(
      table('exit_interviews.coverage', ['leaver_type'], ['leavers', 'interviewed'], period, {
        rows: [
          ...((coverage.by_leaver_type ?? []) as Row[]),
          ...(coverage.all_leavers ? [coverage.all_leavers as Row] : []),
        ],
        total: 'All',
      }),
      table('exit_interviews.top_reasons', ['reason'], ['mentioned', 'primary'], period, {
        rows: ((exits.top_reasons_voluntary_resignations as Json)?.reasons ?? []) as Row[],
      }),
      table(
        'exit_interviews.reason_groups',
        ['service_band', 'reason_group'],
        ['respondents', 'citing'],
        period,
        {
          rows: ((exits.reason_groups_by_service_band as Json)?.rows ?? []) as Row[],
          total: 'All',
          sameAcross: { respondents: ['reason_group'] },
        },
      ),
    );
  }
  return tables;
}

function table(
  name: string,
  by: string[],
  counts: string[],
  period: string,
  {
    rows,
    total,
    hierarchy,
    slice,
    sameAcross,
  }: {
    rows: Row[];
    total?: string;
    sameAcross?: Record<string, string[]>;
    hierarchy?: AuditTable['hierarchy'];
    slice?: Record<string, string>;
  },
): AuditTable {
  const columns = [...by, ...counts];
  return {
    name,
    columns,
    by,
    countColumns: counts,
    period,
    ...(total ? { total } : {}),
    ...(hierarchy ? { hierarchy } : {}),
    ...(slice ? { slice } : {}),
    ...(sameAcross ? { sameAcross } : {}),
    rows: rows.map((r) =>
      columns.map((c) => {
        const v = r[c];
        if (counts.includes(c)) return v === null || v === undefined ? '[c]' : (v as number);
        return v === null || v === undefined ? null : String(v);
      }),
    ),
  };
}
