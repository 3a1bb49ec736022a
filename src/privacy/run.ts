// Disclosure control over a whole run: every table of every notebook, every unit's report and the
// headline metrics, protected together. Steps: index every published count cell by its ledger key →
// a cell hidden anywhere is hidden everywhere → the cross-table audit finds hidden cells that other
// tables give back → hide one more cell of each such relation → repeat until nothing is recovered.
// The report engine reruns the jobs whose tables hold a newly hidden cell, seeding their ledgers.
import { auditPublishedTables, type AuditOptions, type AuditTable } from './audit.js';
import { DisclosureLedger, ledgerKey, type LedgerEntry } from './ledger.js';

/** What protectRun found and decided. */
export interface RunProtection {
  /** Cells every job of the run must hide from now on (add to the seed; [] when the run is safe). */
  hide: LedgerEntry[];
  /** How many rounds of audit it took (1 when the run was already safe). */
  rounds: number;
}

const HIDDEN = '[c]';

/**
 * Returns the cells that must additionally be hidden so that no hidden cell of the run's published
 * tables can be worked out from the others: a cell shown in one table but hidden in another (same
 * ledger key: column, dimension values, period label) is hidden everywhere, and for each hidden cell
 * that the cross-table audit recovers, one more shown cell of a relation that recovers it is hidden
 * (a non-zero one, the smallest first), one leak at a time, on marked copies of the tables, until the
 * audit finds nothing.
 * `tables` are the run's published tables as exported (hidden cells "[c]"), from every job.
 * @example protectRun([...force.tables, ...unitA.tables]).hide // [] when the run is safe
 */
export function protectRun(
  tables: readonly AuditTable[],
  { maxRounds = 50, ...options }: AuditOptions & { maxRounds?: number } = {},
): RunProtection {
  const copies = tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  const hide = new Map<string, LedgerEntry>();
  const keys = copies.map((t) => cellKeys(t));
  for (let round = 1; round <= maxRounds; round++) {
    let changed = false;
    // A cell hidden in one table is hidden in every table that holds the same cell.
    const hiddenKeys = new Set<string>();
    copies.forEach((t, i) => keys[i].forEach((k, cell) => isHidden(t, cell) && hiddenKeys.add(k)));
    copies.forEach((t, i) =>
      keys[i].forEach((k, cell) => {
        if (hiddenKeys.has(k) && !isHidden(t, cell)) {
          hideCell(t, cell);
          remember(hide, t, cell);
          changed = true;
        }
      }),
    );
    if (changed) continue;
    const leaks = auditPublishedTables(copies, options);
    if (leaks.length === 0) return { hide: [...hide.values()], rounds: round };
    // One leak at a time: the leaks after the first often follow from it (a recovered cell opens
    // the next relation), and one complement closes them all.
    for (const leak of leaks) {
      const pick = complementOf(copies, leak.cells);
      if (pick === undefined) continue;
      const t = copies[pick.tableIndex];
      const cell = `${pick.row}\u0000${pick.column}`;
      hideCell(t, cell);
      remember(hide, t, cell);
      changed = true;
      break;
    }
    if (!changed) {
      throw new Error(
        `protectRun: ${leaks.length} hidden cell(s) can be worked out and no shown cell is left to hide ` +
          `beside them (first: ${leaks[0].table}, ${leaks[0].column}). This is a bug: please report it.`,
      );
    }
  }
  throw new Error(
    `protectRun: the run's tables were still not protected after ${maxRounds} rounds. Please report it.`,
  );
}

/**
 * Which of `tables` hold a cell among `entries` (by ledger key): the jobs to run again with the seed.
 * @example tablesTouch(job.tables, protection.hide) // true when the job must be rerun
 */
export function tablesTouch(
  tables: readonly AuditTable[],
  entries: readonly LedgerEntry[],
): boolean {
  const wanted = new Set(entries.map((e) => ledgerKey(e.column, e.cell, e.period)));
  return tables.some((t) => [...cellKeys(t).values()].some((k) => wanted.has(k)));
}

/**
 * A ledger holding `entries` (e.g. the seed of a run pass), for openReport.
 * @example const ledger = ledgerFromEntries(JSON.parse(readFileSync(seedFile, 'utf8')))
 */
export function ledgerFromEntries(entries: readonly LedgerEntry[]): DisclosureLedger {
  const ledger = new DisclosureLedger();
  for (const e of entries) ledger.record(e);
  return ledger;
}

// cell id "row\0column" → ledger key, for every count column of the table.
function cellKeys(t: AuditTable): Map<string, string> {
  const out = new Map<string, string>();
  const by = t.by ?? [];
  const col = new Map(t.columns.map((c, j) => [c, j]));
  t.rows.forEach((row, r) => {
    const cell = Object.fromEntries(by.map((d) => [d, row[col.get(d)!] as string | number]));
    for (const c of t.countColumns ?? []) {
      if (col.has(c)) out.set(`${r}\u0000${c}`, ledgerKey(c, cell, t.period));
    }
  });
  return out;
}

function cellAt(t: AuditTable, cell: string): { row: number; j: number } {
  const [row, column] = cell.split('\u0000');
  return { row: Number(row), j: t.columns.indexOf(column) };
}

function isHidden(t: AuditTable, cell: string): boolean {
  const { row, j } = cellAt(t, cell);
  return t.rows[row][j] === HIDDEN;
}

function hideCell(t: AuditTable, cell: string): void {
  const { row, j } = cellAt(t, cell);
  t.rows[row][j] = HIDDEN;
}

function remember(hide: Map<string, LedgerEntry>, t: AuditTable, cell: string): void {
  const { row } = cellAt(t, cell);
  const column = cell.split('\u0000')[1];
  const by = t.by ?? [];
  const values = Object.fromEntries(
    by.map((d) => [d, t.rows[row][t.columns.indexOf(d)] as string | number]),
  );
  const key = ledgerKey(column, values, t.period);
  if (!hide.has(key)) {
    hide.set(key, {
      column,
      cell: values,
      ...(t.period === undefined ? {} : { period: t.period }),
      reason: 'secondary-margin',
    });
  }
}

// The shown cell of a leak's relations to hide next: non-zero first, then the smallest value, then
// the first listed (deterministic). Hidden cells are not candidates.
function complementOf(
  tables: readonly AuditTable[],
  cells: readonly { tableIndex: number; row: number; column: string }[],
): { tableIndex: number; row: number; column: string } | undefined {
  const shown = cells
    .map((c) => {
      const t = tables[c.tableIndex];
      const v = t.rows[c.row][t.columns.indexOf(c.column)];
      return { c, v: typeof v === 'number' ? v : null };
    })
    .filter((x) => x.v !== null);
  shown.sort((a, b) => (a.v! > 0 ? 0 : 1) - (b.v! > 0 ? 0 : 1) || a.v! - b.v!);
  return shown[0]?.c;
}
