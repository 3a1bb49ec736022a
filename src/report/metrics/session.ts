// The headline figures' share of a run's disclosure control: every table a headline builder publishes
// goes through one ledger (which `wbk report` seeds with what the run's other reports hid) and is kept,
// in the form notebooks export, so the run protects wbk metrics' tables together with its notebooks'.
import type { ColumnTable } from 'arquero';
import {
  DisclosureLedger,
  publishTable,
  type CellSpec,
  type DisclosurePolicy,
  type LedgerEntry,
  type PublishedTable,
} from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import type { ExportTable } from '../exports.js';
import { exportTable, SUPPRESSED_MARK } from '../show.js';

/** What every headline builder is given: the period, the policy (publish by default) and the run's session. */
export interface HeadlineInput {
  period: Period;
  policy?: Partial<DisclosurePolicy>;
  /** The run's ledger and the tables published (default: a session of its own). */
  session?: HeadlineSession;
}

/**
 * Throws naming the builder when `period` is not a Period (e.g. a label passed as is), with how to
 * make one (`example`, a label the builder's unit of time suits).
 * @example checkHeadlinePeriod('exitHeadlines', options.period, 'FY2023-24')
 */
export function checkHeadlinePeriod(fn: string, period: Period | undefined, example: string): void {
  if (!period || !Number.isInteger(period.start) || !Number.isInteger(period.end)) {
    throw new Error(
      `${fn}: options.period must be a Period, e.g. parsePeriod('${example}'); got ${JSON.stringify(period)}.`,
    );
  }
}

/** The ledger the headline tables are published under, and each table published so far. */
export interface HeadlineSession {
  readonly ledger: DisclosureLedger;
  /** What the ledger held when the session started (the run's seed), for recomputing a section. */
  readonly seed: readonly LedgerEntry[];
  readonly tables: ExportTable[];
  /**
   * Results computed before the ledger matters (the matrix counts …), by name: kept across the
   * sessions of one run that differ only in their ledger, so a rerun with more cells hidden only
   * publishes again. Empty for a session of its own.
   */
  readonly computed: Map<string, unknown>;
}

/**
 * A session for the headline builders: `ledger` (default empty) hides again what an earlier output
 * of the run hid; `tables` collects what they publish.
 * @example const session = headlineSession(ledgerFromEntries(seed)); attritionHeadlines(data, { period, session })
 */
export function headlineSession(
  ledger: DisclosureLedger = new DisclosureLedger(),
  computed: Map<string, unknown> = new Map(),
): HeadlineSession {
  return { ledger, seed: ledger.entries(), tables: [], computed };
}

/**
 * What `compute` returns, computed once per `key` in the session's `computed` (and so once per run
 * when the run passes the same map to every session). Give a key naming everything the result
 * depends on besides the data and the run's options.
 * @example const cells = reuseComputed(session, 'matrix.cells', () => summarizeWellbeingMatrix(...))
 */
export function reuseComputed<T>(session: HeadlineSession, key: string, compute: () => T): T {
  if (session.computed.has(key)) return session.computed.get(key) as T;
  const result = compute();
  session.computed.set(key, result);
  return result;
}

/**
 * publishTable under the session's ledger; the result is also kept in the session as `name`.
 * @example publishHeadline(session, 'leavers.by_type', table, spec, rules)
 */
export function publishHeadline(
  session: HeadlineSession,
  name: string,
  table: ColumnTable,
  spec: CellSpec,
  policy: Partial<DisclosurePolicy>,
): PublishedTable {
  const published = publishTable(table, spec, policy, session.ledger);
  session.tables.push({ ...exportTable(published, name), exported: false });
  return published;
}

/**
 * Replaces the rows of the table kept as `name` with the rows the figures finally show (a section that
 * takes a copy's status from another section), hidden values (null) as "[c]", so the run audits what
 * is shown. Rows are matched by position; columns by name.
 * @example reviseHeadline(session, 'exit_interviews.coverage', coverageRows)
 */
export function reviseHeadline(
  session: HeadlineSession,
  name: string,
  rows: readonly Record<string, unknown>[],
): void {
  const table = session.tables.findLast((t) => t.name === name);
  if (!table || table.rows.length !== rows.length) {
    throw new Error(
      `reviseHeadline: no table "${name}" of ${rows.length} rows in the session (a bug: revise only a table just published).`,
    );
  }
  table.rows = table.rows.map((row, i) =>
    table.columns.map((c, j) => {
      if (!(c in rows[i])) return row[j];
      const v = rows[i][c];
      return v === null || v === undefined ? SUPPRESSED_MARK : (v as string | number | boolean);
    }),
  );
}
