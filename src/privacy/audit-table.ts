// A published table as the cross-table audit reads it, checked and indexed (see audit.ts).

/**
 * A published table as the audit reads it: the shape of a report's exported tables (ExportTable
 * adds their caption and export flags), and of the headline tables of wbk metrics.
 */
export interface AuditTable {
  name: string;
  columns: string[];
  /** Values; a hidden (suppressed) cell is the string "[c]". */
  rows: (string | number | boolean | null)[][];
  /**
   * Dimension columns (the first columns; the others are measures). Default: the columns before the
   * first count column.
   */
  by?: string[];
  /**
   * Additive count columns (population, counts, group sizes); only these are audited, and in publish
   * mode none may be 1 to minGroupSize − 1.
   */
  countColumns?: string[];
  /**
   * The total marker of the table's spec: a row with it in a dimension is the sum over that
   * dimension (default options.total, 'All').
   */
  total?: string;
  /** The hierarchy of the table's spec: child value → parent value in one dimension column. */
  hierarchy?: { column: string; parent: Record<string, string> };
  /**
   * The period label of the table's spec, what every row is about when period is not a dimension:
   * read as a slice \`period\` of that value.
   */
  period?: string;
  /**
   * Dimensions the whole table is about one value of (e.g. { leaver_type: 'transfer_out' }): they meet
   * the same dimension of other tables, but the table is never read as their sum over it.
   */
  slice?: Record<string, string>;
  /**
   * In a unit's report: rows labelled `rest.label` count everyone outside `rest.unit`; `within`
   * when the table has no such rows and counts the unit's people only. The audit reads rest rows as
   * that unit's rest, never as the same figure as another unit report's rest (as the ledger keys
   * them: ledgerCell).
   */
  rest?: { label: string; unit: string; within?: boolean };
  /**
   * Set on a table that stands for identical copies published in several reports (protectRun): the
   * units whose reports hold a copy counting within the unit (rest.within), '' for a copy in the
   * organisation's report or beside rest rows. The audit relates it as any of its copies would.
   */
  copiesIn?: string[];
  /**
   * Whom the table counts, in words (the spec's `who`; issue 14). Tables that say they count
   * different people are related only through relations their fully shown groups confirm.
   */
  who?: string;
  /** Relations within every row declared by the spec: column total = the sum of columns parts. */
  relations?: { total: string; parts: string[] }[];
  /**
   * Count columns whose figure repeats down dimensions (the spec's sameAcross): column → the
   * dimensions it does not vary with. Rows that differ only in those show one figure.
   */
  sameAcross?: Record<string, string[]>;
  /**
   * The spec's rates (name = numerator / denominator × per, rounded to `decimals`; the inputs may be
   * unpublished): the interval audit reads a shown rate as a relation between its numerator and
   * denominator.
   */
  rates?: {
    name: string;
    numerator: string;
    denominator: string;
    per?: number;
    decimals?: number;
  }[];
}

/** A table checked and indexed for the audit. */
export interface CheckedTable {
  index: number;
  name: string;
  by: string[];
  countColumns: string[];
  total: string;
  /** child → parent of the hierarchy column, if any. */
  parent: Map<string, string>;
  hierarchyColumn: string | null;
  /** Whom the table counts (AuditTable.who), when it says. */
  who: string | undefined;
  /**
   * The unit whose report holds the table when it has no rest rows (rest.within), else '' (the
   * organisation's figures); several for a table standing for copies in several reports (copiesIn).
   */
  within: ReadonlySet<string>;
  /** Dimensions with one value for the whole table, never summed over. */
  slice: ReadonlySet<string>;
  rows: number;
  /** Dimension value of a row as a string ('' for null). */
  dim(column: string, row: number): string;
  value(column: string, row: number): string | number | boolean | null;
  /** Per count column: the shown number, or null when hidden or not a number. */
  numbers: Map<string, (number | null)[]>;
  hidden: Map<string, boolean[]>;
}

export function checkAuditTable(
  t: AuditTable,
  index: number,
  defaultTotal: string,
  hiddenMark: string,
): CheckedTable {
  const where = `auditPublishedTables: table ${index} ("${t?.name}")`;
  if (!t || !Array.isArray(t.columns) || !Array.isArray(t.rows)) {
    throw new Error(`${where} needs columns and rows (the shape exportedTables() returns).`);
  }
  const countColumns = (t.countColumns ?? []).filter((c) => t.columns.includes(c));
  const first = Math.min(...countColumns.map((c) => t.columns.indexOf(c)), t.columns.length);
  const declared = t.by ?? t.columns.slice(0, first);
  const missing = [...declared, ...(t.countColumns ?? [])].filter((c) => !t.columns.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `${where}: column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} ` +
        `not in its columns (${t.columns.join(', ')}). Pass the table as exported.`,
    );
  }
  const col = new Map(t.columns.map((c, j) => [c, j]));
  // A table about one period (not a dimension) is a slice of that period.
  const slice = new Map(Object.entries(t.slice ?? {}).filter(([d]) => !declared.includes(d)));
  if (t.period !== undefined && !declared.includes('period')) slice.set('period', t.period);
  const by = [...declared, ...slice.keys()];
  const rest = t.rest;
  const get = (c: string, row: number) => {
    if (slice.has(c)) return slice.get(c)!;
    const v = t.rows[row][col.get(c)!] ?? null;
    return rest !== undefined && v === rest.label && declared.includes(c)
      ? `${rest.label}\u0000${rest.unit}`
      : v;
  };
  const numbers = new Map<string, (number | null)[]>();
  const hidden = new Map<string, boolean[]>();
  for (const c of countColumns) {
    const j = col.get(c)!;
    hidden.set(
      c,
      t.rows.map((r) => r[j] === hiddenMark),
    );
    numbers.set(
      c,
      t.rows.map((r) =>
        typeof r[j] === 'number' && Number.isFinite(r[j]) ? (r[j] as number) : null,
      ),
    );
  }
  return {
    index,
    name: t.name,
    by,
    countColumns,
    total: t.total ?? defaultTotal,
    parent: new Map(Object.entries(t.hierarchy?.parent ?? {})),
    hierarchyColumn: t.hierarchy?.column ?? null,
    who: typeof t.who === 'string' ? t.who : undefined,
    within: new Set(t.copiesIn ?? [t.rest?.within ? t.rest.unit : '']),
    slice: new Set(slice.keys()),
    rows: t.rows.length,
    dim: (c, row) => {
      const v = get(c, row);
      return v === null ? '' : String(v);
    },
    value: get,
    numbers,
    hidden,
  };
}
