// Cross-table disclosure audit: hidden cells of one published table that other published tables of the
// same report give back by subtraction. Steps: index every count cell → find the additive relations
// between pairs of tables (a coarse row = the sum of fine rows) → keep those the shown figures confirm →
// propagate (one unknown per relation) → exact elimination for cells pinned by several relations.
import { relationsBetween, type AuditRelation } from './audit-relations.js';
import { checkAuditTable, type AuditTable, type CheckedTable } from './audit-table.js';
import { determinedCells } from './determinacy.js';
import type { AdditiveGroup } from './structure.js';

export type { AuditTable } from './audit-table.js';

export interface AuditOptions {
  /** Total marker of tables that declare none. Default 'All'. */
  total?: string;
  /** Largest difference between a shown total and the sum of its shown parts still taken as equal. Default 1e-6. */
  tolerance?: number;
  /** The text of a hidden cell. Default '[c]'. */
  hiddenMark?: string;
}

/** A hidden cell that the other published figures give back. */
export interface AuditLeak {
  /** Name of the table holding the hidden cell (and its position in the list). */
  table: string;
  tableIndex: number;
  column: string;
  row: number;
  /** Dimension values of the hidden cell's row. */
  cell: Record<string, string | number | boolean | null>;
  /** The tables whose figures give it back (including its own table when a margin is involved). */
  via: string[];
  /** How: one relation with a single unknown, or several combined (exact elimination). */
  how: 'subtraction' | 'elimination';
  /** A sentence naming the relation, e.g. 'leavers-by-band (service_band=All) = sum of 6 rows of …'. */
  relation: string;
  /** True when every relation used was confirmed by groups whose cells are all shown. */
  verified: boolean;
  /**
   * Set (true) on an elimination that relations among hidden, unrecovered cells (and shown zeros) pin
   * alone: the value is then 0 if every relation used holds (e.g. two readings of one hierarchy that
   * cannot both be true and that no shown group tells apart), and hiding more cells cannot change it.
   */
  amongHidden?: true;
  /** Every cell of the relations used (table index, row, count column), shown or hidden. */
  cells: { tableIndex: number; row: number; column: string }[];
}

/**
 * Returns the hidden count cells of a report's published tables that can be worked out by subtraction
 * across tables (and within a table, e.g. an 'All' row not declared as a total). Definitions: a table
 * U with the same count column as T, whose dimensions are a subset of T's (a dimension missing from U,
 * or U's total marker, means "summed over"; a hierarchy parent means "summed over its children"),
 * relates each U row to a group of T rows; the relation is used unless a group whose cells are all
 * shown contradicts it (different definitions, periods or filters). A hidden cell is leaked when a
 * relation leaves it the only unknown, repeatedly (cells recovered earlier count as known), or when
 * the relations together pin it (Gauss–Jordan elimination). Only count columns with the same name are
 * related; rates, means and differently named totals are not.
 * @example auditPublishedTables(exportedTables('reports/02-early-leavers.ipynb')) // [] when nothing leaks
 */
export function auditPublishedTables(
  tables: readonly AuditTable[],
  options: AuditOptions = {},
): AuditLeak[] {
  const { total = 'All', tolerance = 1e-6, hiddenMark = '[c]' } = options;
  if (!Array.isArray(tables)) {
    throw new Error(
      'auditPublishedTables: expected an array of published tables (e.g. exportedTables(file)).',
    );
  }
  const checked = tables.map((t, i) => checkAuditTable(t, i, total, hiddenMark));
  // The same relation can come from several pairs or families: keep one, confirmed if any is.
  const unique = new Map<string, AuditRelation>();
  for (const coarse of checked) {
    for (const fine of checked) {
      for (const rel of relationsBetween(coarse, fine, tolerance)) {
        const cells = rel.cells.map((c) => `${c.table}:${c.row}`);
        const key = JSON.stringify([rel.column, cells[0], cells.slice(1).sort()]);
        const seen = unique.get(key);
        if (!seen || (rel.verified && !seen.verified)) unique.set(key, rel);
      }
    }
  }
  const relations = [...unique.values(), ...rowRelations(tables, checked)];
  // Cells: one index per (table, count column, row).
  const cellId = (t: number, column: string, row: number) => `${t}\u0000${column}\u0000${row}`;
  const hidden = new Set<string>();
  for (const t of checked) {
    for (const column of t.countColumns) {
      t.hidden.get(column)!.forEach((h, row) => h && hidden.add(cellId(t.index, column, row)));
    }
  }
  const known = new Set<string>();
  const leaks: AuditLeak[] = [];
  const report = (
    id: string,
    how: AuditLeak['how'],
    used: AuditRelation[],
    amongHidden = false,
  ) => {
    const [t, column, row] = id.split('\u0000');
    const table = checked[Number(t)];
    const r = Number(row);
    leaks.push({
      table: table.name,
      tableIndex: table.index,
      column,
      row: r,
      cell: Object.fromEntries(table.by.map((d) => [d, table.value(d, r)])),
      via: [...new Set(used.flatMap((u) => [checked[u.coarse].name, checked[u.fine].name]))],
      how,
      relation: used.map((u) => u.text).join('; '),
      verified: used.every((u) => u.verified),
      ...(amongHidden ? { amongHidden: true as const } : {}),
      cells: used.flatMap((u) =>
        u.cells.map((c) => ({ tableIndex: c.table, row: c.row, column: c.column ?? u.column })),
      ),
    });
  };
  const unknownsOf = (rel: AuditRelation) =>
    rel.cells
      .map((c) => cellId(c.table, c.column ?? rel.column, c.row))
      .filter((id) => hidden.has(id) && !known.has(id));
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of relations) {
      const unknown = [...new Set(unknownsOf(rel))];
      if (unknown.length !== 1) continue;
      known.add(unknown[0]);
      report(unknown[0], 'subtraction', [rel]);
      changed = true;
    }
  }
  // Cells pinned only by combining relations: exact elimination over the remaining unknowns.
  const rest = [...hidden].filter((id) => !known.has(id));
  const index = new Map(rest.map((id, i) => [id, i]));
  const groups: AdditiveGroup[] = [];
  const used: AuditRelation[][] = [];
  const zeroShown: boolean[] = [];
  for (const rel of relations) {
    const ids = rel.cells.map(
      (c) => index.get(cellId(c.table, c.column ?? rel.column, c.row)) ?? -1,
    );
    if (ids.every((i) => i < 0)) continue;
    groups.push({ kind: 'margin', total: ids[0], parts: ids.slice(1) });
    used.push([rel]);
    // A relation whose shown cells are all 0 says only that hidden cells add up (0 + a = b): it
    // pins nothing to a value a shown count gives.
    zeroShown.push(
      rel.cells.every(
        (c, k) =>
          ids[k] >= 0 || Number(checked[c.table].value(c.column ?? rel.column, c.row)) === 0,
      ),
    );
  }
  const all = new Set(rest.map((_, i) => i));
  const closed = groups.filter((_, k) => zeroShown[k]);
  const amongHidden = new Set(determinedCells(all, closed));
  for (const i of determinedCells(all, groups)) {
    const involved = groups.flatMap((g, k) => ([g.total, ...g.parts].includes(i) ? used[k] : []));
    report(rest[i], 'elimination', involved, amongHidden.has(i));
  }
  return leaks;
}

/**
 * Returns one line per leak, for test failures and logs.
 * @example auditLeakText(leaks[0]) // 'leavers-by-type: leavers (period=FY2024-25, leaver_type=death) …'
 */
export function auditLeakText(leak: AuditLeak): string {
  const cell = Object.entries(leak.cell)
    .map(([d, v]) => `${d}=${String(v)}`)
    .join(', ');
  return (
    `${leak.table}: hidden ${leak.column} (${cell}) recoverable by ${leak.how}` +
    `${leak.verified ? '' : ' (relation not confirmed by shown groups)'}: ${leak.relation}`
  );
}

/**
 * The relations each table declares within its rows (total column = sum of part columns), one per
 * row, when every column is a count column of the table (declared: taken as verified).
 */
function rowRelations(
  tables: readonly AuditTable[],
  checked: readonly CheckedTable[],
): AuditRelation[] {
  const out: AuditRelation[] = [];
  tables.forEach((t, i) => {
    const c = checked[i];
    for (const rel of t.relations ?? []) {
      const columns = [rel.total, ...rel.parts];
      if (!columns.every((col) => c.countColumns.includes(col))) continue;
      for (let row = 0; row < c.rows; row++) {
        out.push({
          coarse: i,
          fine: i,
          column: rel.total,
          cells: columns.map((column) => ({ table: i, row, column })),
          verified: true,
          text: `${t.name} (row ${row}): ${rel.total} = ${rel.parts.join(' + ')} (declared)`,
        });
      }
    }
  });
  return out;
}
