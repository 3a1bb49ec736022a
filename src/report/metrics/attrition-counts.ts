// The leaver counts of the headline figures (by type, the leaver-rate row, the service bands) published
// so that one figure has one status: a count shown in one table is never hidden in another.
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../../io/load-dataset.js';
import {
  ledgerFromEntries,
  publishTable,
  type LedgerEntry,
  resolvePolicy,
  type CellSpec,
  type DisclosurePolicy,
  type PublishedTable,
} from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import {
  HEADLINE_LEAVERS,
  leaverRatesSpec,
  leaversByTypeSpec,
  summarizeLeaverRates,
  summarizeLeaversByType,
} from '../../transforms/leavers/leavers.js';
import {
  JL6_EDGES,
  serviceAtLeavingSpec,
  summarizeServiceAtLeaving,
} from '../../transforms/leavers/service.js';
import { addTotals } from '../../transforms/shared/totals.js';

export type Row = Record<string, string | number | null>;

/**
 * Returns the published leavers per Home Office leaver type of `period` as the headline figures show
 * them (`wbk metrics`): the count, or null when hidden in any of the leaver tables (types, leaver
 * rate, service bands). Other headline sections that repeat these counts (exit-interview coverage by
 * leaver type) take their status from here, so that no copy gives a hidden one back.
 * @example headlineLeaverCounts(data, { period: parsePeriod('FY2023-24') }).voluntary_resignation // 14 or null
 */
export function headlineLeaverCounts(
  data: Dataset,
  options: {
    period: Period;
    policy?: Partial<DisclosurePolicy>;
    serviceBandEdges?: number[];
    /** Cells the run hid before the headline figures (default none). */
    seed?: readonly LedgerEntry[];
  },
): Record<string, number | null> {
  const { period, policy = {}, serviceBandEdges = [...JL6_EDGES] } = options ?? {};
  if (!period || !Number.isInteger(period.start) || !data?.tables?.people) {
    throw new Error(
      'headlineLeaverCounts: pass a Dataset from loadDataset() and { period: parsePeriod(…) }.',
    );
  }
  const rules = resolvePolicy(policy);
  const ledger = ledgerFromEntries(options.seed ?? []);
  const publish = (_name: string, table: ColumnTable, spec: CellSpec): Row[] =>
    rowsOf(publishTable(table, { period: period.label, ...spec }, rules, ledger));
  const { typeRows } = publishLeaverCounts(
    data.tables.people,
    period,
    serviceBandEdges,
    publish,
    [],
  );
  return Object.fromEntries(
    typeRows.map((r) => [String(r.leaver_type), r.leavers as number | null]),
  );
}

/**
 * Publishes leavers by type, the leaver-rate row and the service bands (with their All row), then
 * withholds every copy of a count that one of them hides (see withholdCopies).
 */
export function publishLeaverCounts(
  people: ColumnTable,
  period: Period,
  serviceBandEdges: number[],
  publish: (name: string, table: ColumnTable, spec: CellSpec) => Row[],
  notes: string[],
): { typeRows: Row[]; rates: Row[]; bands: Row[] } {
  const typeRows = publish(
    'leavers_by_type',
    summarizeLeaversByType(people, { periods: period }),
    leaversByTypeSpec(),
  );
  const rates = publish(
    'leaver_rate',
    summarizeLeaverRates(people, { periods: period }),
    leaverRatesSpec(),
  );
  const bands = publish(
    'service_bands',
    addTotals(summarizeServiceAtLeaving(people, { period, edges: serviceBandEdges }), {
      by: ['service_band'],
      sum: ['leavers', 'voluntary_resignations'],
    }),
    serviceAtLeavingSpec([], { total: 'All' }),
  );
  withholdCopies(
    notes,
    typeRows,
    rates[0],
    bands.find((b) => b.service_band === 'All'),
  );
  return { typeRows, rates, bands };
}

/** The rates a count of the leaver-rate table is the numerator of. */
const RATES_OF: Record<string, string[]> = {
  leavers: ['leaver_rate_pct', 'turnover_two_point_pct', 'turnover_time_weighted_pct'],
  voluntary_resignations: ['voluntary_rate_pct'],
  transfers_out: [],
};

/**
 * Hides (in place) every copy of a figure that one of the leaver tables hides: the type row, the
 * leaver-rate count (and the rates built on it) and the 'All' row of the service bands. The headline
 * leavers, voluntary resignations and transfers out each appear in two or three of them under
 * different names, which the ledger cannot match. Hiding more never reveals anything.
 */
function withholdCopies(notes: string[], types: Row[], rate?: Row, bandsAll?: Row): void {
  const copies: [string, string, string | null][] = [
    [HEADLINE_LEAVERS, 'leavers', 'leavers'],
    ['voluntary_resignation', 'voluntary_resignations', 'voluntary_resignations'],
    ['transfer_out', 'transfers_out', null],
  ];
  for (const [type, rateColumn, bandColumn] of copies) {
    const cells: [Row | undefined, string][] = [
      [types.find((r) => r.leaver_type === type), 'leavers'],
      [rate, rateColumn],
      [bandColumn === null ? undefined : bandsAll, bandColumn ?? ''],
    ];
    const present = cells.filter(([row, c]) => row !== undefined && c in row) as [Row, string][];
    const hidden = present.filter(([row, c]) => row[c] === null).length;
    if (hidden === 0 || hidden === present.length) continue;
    for (const [row, c] of present) row[c] = null;
    if (rate) for (const r of RATES_OF[rateColumn]) rate[r] = null;
    notes.push(
      `${type}: hidden in one leaver table, so its copies in the others are withheld too.`,
    );
  }
}

/** Published rows as plain objects: dimensions and measures, hidden cells null. */
export function rowsOf(pt: PublishedTable): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < pt.table.numRows(); i++) {
    const row: Row = {};
    for (const d of pt.by) row[d] = pt.table.get(d, i) as string | number;
    for (const c of pt.columns) {
      const v = pt.table.get(c, i) as number | null;
      row[c] =
        pt.table.get(`${c}_status`, i) === 'suppressed' ||
        v === undefined ||
        (typeof v === 'number' && Number.isNaN(v))
          ? null
          : v;
    }
    out.push(row);
  }
  return out;
}
