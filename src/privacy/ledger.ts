// A session's memory of hidden cells, so later outputs hide the same cells again (stops differencing).
import type { SuppressionReason } from './log.js';
import type { RestOf } from './spec.js';

/** One remembered hidden cell: column, dimension values, optional period label, first reason. */
export interface LedgerEntry {
  column: string;
  cell: Readonly<Record<string, string | number>>;
  period?: string;
  reason: SuppressionReason;
}

/**
 * Remembers which cells (column + dimension values + period) were hidden by earlier publishTable
 * calls of a session. A later output that contains the same cell hides it again (reason 'ledger'),
 * and its secondary suppression then protects it there too. Holds keys only, never values.
 * Cells match when the column name, every dimension name and value, and the period label are equal.
 * @example
 * const ledger = new DisclosureLedger();
 * publishTable(q1, spec, {}, ledger);
 * publishTable(q1ByGrade, spec2, {}, ledger); // hides again what q1 hid
 */
export class DisclosureLedger {
  readonly #hidden = new Map<string, LedgerEntry>();

  /** Whether this cell was hidden by an earlier output. */
  has(column: string, cell: Readonly<Record<string, string | number>>, period?: string): boolean {
    return this.#hidden.has(ledgerKey(column, cell, period));
  }

  /** Remembers a hidden cell (the first reason recorded is kept). */
  record(entry: LedgerEntry): void {
    const key = ledgerKey(entry.column, entry.cell, entry.period);
    if (!this.#hidden.has(key)) {
      this.#hidden.set(key, { ...entry, cell: Object.freeze({ ...entry.cell }) });
    }
  }

  /** Number of remembered cells. */
  get size(): number {
    return this.#hidden.size;
  }

  /** The remembered cells, in the order first hidden. */
  entries(): LedgerEntry[] {
    return [...this.#hidden.values()];
  }

  /** Forgets everything (start of a new, unrelated session). */
  clear(): void {
    this.#hidden.clear();
  }
}

/** The key a cell is remembered under: column, period, and dimension names/values sorted by name. */
export function ledgerKey(
  column: string,
  cell: Readonly<Record<string, string | number>>,
  period?: string,
): string {
  const dims = Object.keys(cell)
    .sort()
    .map((name) => [name, String(cell[name])]);
  return JSON.stringify([column, period ?? null, dims]);
}

/**
 * The cell as the ledger keys it: in a unit's report, a dimension value naming the rest of the
 * organisation (`rest.label`) stands for everyone outside `rest.unit`, so it is keyed with that unit
 * (another unit's rest counts other people, and hiding one need not hide the other).
 * @example ledgerCell({ unit: 'Rest' }, { label: 'Rest', unit: 'T1' }) // { unit: 'Rest\u0000T1' }
 */
export function ledgerCell(
  cell: Readonly<Record<string, string | number>>,
  rest: RestOf | undefined,
): Readonly<Record<string, string | number>> {
  if (rest === undefined || !Object.values(cell).includes(rest.label)) return cell;
  return Object.fromEntries(
    Object.entries(cell).map(([d, v]) => [d, v === rest.label ? `${v}\u0000${rest.unit}` : v]),
  );
}
