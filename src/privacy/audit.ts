// Cross-table disclosure audit: hidden cells of one published table that other published tables of the
// same report give back by subtraction. Steps: index every count cell → find the additive relations
// between pairs of tables (a coarse row = the sum of fine rows) → keep those the shown figures confirm →
// propagate (one unknown per relation) → exact elimination for cells pinned by several relations.
import {
  describeRow,
  relationsBetween,
  type AuditRelation,
  type PairRelations,
} from './audit-relations.js';
import { checkAuditTable, type AuditTable, type CheckedTable } from './audit-table.js';
import { determinedCells, determinedValues, determiningCombinations } from './determinacy.js';
import type { AdditiveGroup } from './structure.js';
import { repeatGroups } from './spec.js';
import { pushTo } from '../shared/collections.js';

export type { AuditTable } from './audit-table.js';

export interface AuditOptions {
  /** Total marker of tables that declare none. Default 'All'. */
  total?: string;
  /** Largest difference between a shown total and the sum of its shown parts still taken as equal. Default 1e-6. */
  tolerance?: number;
  /** The text of a hidden cell. Default '[c]'. */
  hiddenMark?: string;
  /**
   * Relations between pairs of tables found by earlier calls, reused when both tables (and their
   * positions in the list) are unchanged: protectRun audits the same tables round after round, hiding
   * a few cells between rounds. Pass one `new AuditCache()` to every call.
   */
  cache?: AuditCache;
  /**
   * Most relations combined when naming the shown cells of the combination that pins a hidden cell
   * (AuditLeak.terms). Default COMBINATION_GROUPS. A cell pinned only by a wider combination is still
   * reported, without terms.
   */
  combinationGroups?: number;
}

/** What auditPublishedTables may keep between calls on the same tables (see AuditOptions.cache). */
export class AuditCache {
  /** A table's content (with its position in the list) → a short id. */
  readonly ids = new Map<string, number>();
  /** "coarse id|fine id" → the relations between the two tables. */
  readonly relations = new Map<string, PairRelations>();
  /** The next id to give (ids of tables no longer audited are let go, never given again). */
  nextId = 0;
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
  /**
   * For an elimination: the cells of the further relations it combines, layer by layer (relations
   * sharing a hidden cell with the layer before). Hiding one of these can be what undoes the pin when
   * every cell of the relations naming the leaked cell is hidden already.
   */
  wider?: { tableIndex: number; row: number; column: string }[][];
  /**
   * For a subtraction: the cells of every other relation that gives the cell back on its own, from
   * shown figures only (e.g. a force figure that each unit's report gives back as its unit plus the
   * rest of the organisation). Closing the relation named is not enough while one of these is open.
   */
  paths?: { tableIndex: number; row: number; column: string }[][];
  /**
   * For an elimination: the shown cells of the combination of relations that pins the cell, each
   * with its net coefficient in that combination (never 0; the same figure in two tables is two
   * terms, to be added by whoever hides them together). Hiding one whose figure's coefficients do
   * not cancel breaks the combination; a cell of `cells` outside it (e.g. inside a table whose row
   * and column totals are both combined) changes nothing. `total` marks a cell that is the total of
   * one of the relations combined.
   */
  terms?: { tableIndex: number; row: number; column: string; coef: number; total?: boolean }[];
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
  const { checked, relations: found, copies } = auditRelations(tables, options);
  // Cells: one index per (table, count column, row); the hidden copies of a figure are one unknown,
  // named by the first copy (the relations linking them say nothing more).
  const rawId = (t: number, column: string, row: number) => `${t}\u0000${column}\u0000${row}`;
  const canonical = new Map<string, string>();
  const copiesOf = new Map<string, string[]>();
  for (const group of copies) {
    const ids = group.map((c) => rawId(c.tableIndex, c.column, c.row));
    for (const id of ids) canonical.set(id, ids[0]);
    copiesOf.set(ids[0], ids.slice(1));
  }
  const cellId = (t: number, column: string, row: number) => {
    const id = rawId(t, column, row);
    return canonical.get(id) ?? id;
  };
  const relations = found.filter((rel) => !rel.copy);
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
    wider: AuditRelation[][] = [],
    paths: AuditRelation[] = [],
    terms: AuditLeak['terms'] = [],
  ) => {
    const cellsOf = (rels: AuditRelation[]) =>
      rels.flatMap((u) =>
        u.cells.map((c) => ({ tableIndex: c.table, row: c.row, column: c.column ?? u.column })),
      );
    const account = {
      via: [...new Set(used.flatMap((u) => [checked[u.coarse].name, checked[u.fine].name]))],
      how,
      relation: used.map((u) => u.text).join('; '),
      verified: used.every((u) => u.verified),
      ...(amongHidden ? { amongHidden: true as const } : {}),
      cells: cellsOf(used),
      ...(wider.length > 0 ? { wider: wider.map(cellsOf) } : {}),
      ...(paths.length > 0 ? { paths: paths.map((p) => cellsOf([p])) } : {}),
      ...(terms.length > 0 ? { terms } : {}),
    };
    // the figure is given back in every table that shows it (the same account for each copy)
    for (const copy of [id, ...(copiesOf.get(id) ?? [])]) {
      const [t, column, row] = copy.split('\u0000');
      const table = checked[Number(t)];
      const r = Number(row);
      leaks.push({
        table: table.name,
        tableIndex: table.index,
        column,
        row: r,
        cell: Object.fromEntries(table.by.map((d) => [d, table.value(d, r)])),
        ...account,
      });
    }
  };
  // What the reader knows of a cell: a shown number, a value recovered earlier, else NaN (unknown).
  const recovered = new Map<string, number>();
  const valueOf = (c: AuditRelation['cells'][number], rel: AuditRelation): number => {
    const column = c.column ?? rel.column;
    const id = cellId(c.table, column, c.row);
    if (hidden.has(id)) return recovered.get(id) ?? NaN;
    return checked[c.table].numbers.get(column)?.[c.row] ?? NaN;
  };
  // A relation's shown side: its total minus its parts, over the cells not in `unknown`.
  const shownSide = (rel: AuditRelation, unknown: (id: string) => boolean): number =>
    rel.cells.reduce((sum, c, k) => {
      const id = cellId(c.table, c.column ?? rel.column, c.row);
      return unknown(id) ? sum : sum + (k === 0 ? 1 : -1) * valueOf(c, rel);
    }, 0);
  // Zeros are shown (an empty group identifies nobody): a hidden cell the figures pin to 0 is no leak.
  const isZero = (v: number) => Math.abs(v) <= (options.tolerance ?? 1e-6);
  const unknownsOf = (rel: AuditRelation) =>
    rel.cells
      .map((c) => cellId(c.table, c.column ?? rel.column, c.row))
      .filter((id) => hidden.has(id) && !known.has(id));
  // Sweeps over the relations in order, each taking every relation left with one unknown (cells
  // recovered earlier in the sweep count as known), until a sweep recovers nothing; a relation whose
  // count of unknowns drops to one is taken later in the same sweep if it comes later, else in the next.
  const unknowns = relations.map((rel) => [...new Set(unknownsOf(rel))]);
  const left = unknowns.map((u) => u.length);
  const relationsOf = new Map<string, number[]>();
  unknowns.forEach((u, k) => u.forEach((id) => pushTo(relationsOf, id, k)));
  let due = new Uint8Array(relations.length).map((_, k) => (left[k] === 1 ? 1 : 0));
  // relations whose only hidden cell is the one they give back: each a path of its own
  const alone = due.slice();
  for (let any = due.includes(1); any;) {
    const later = new Uint8Array(relations.length);
    any = false;
    for (let k = 0; k < relations.length; k++) {
      if (!due[k] || left[k] !== 1) continue;
      const id = unknowns[k].find((u) => !known.has(u))!;
      // total − parts = 0 with one unknown: its coefficient (1 as the total, −1 per part) × it = −shown
      const rel = relations[k];
      const coef = rel.cells.reduce(
        (n, c, j) =>
          cellId(c.table, c.column ?? rel.column, c.row) === id ? n + (j === 0 ? 1 : -1) : n,
        0,
      );
      // a copy of the figure on both sides (x = x + shown): the relation says nothing of it
      if (coef === 0) continue;
      known.add(id);
      const value = -shownSide(rel, (u) => u === id) / coef;
      recovered.set(id, value);
      if (!isZero(value)) {
        // the other relations that give it back alone (through any copy of it)
        const paths = relationsOf.get(id)!.filter((j) => j !== k && alone[j] === 1);
        report(
          id,
          'subtraction',
          [rel],
          false,
          [],
          paths.map((j) => relations[j]),
        );
      }
      for (const j of relationsOf.get(id)!) {
        if (--left[j] !== 1) continue;
        if (j > k) due[j] = 1;
        else {
          later[j] = 1;
          any = true;
        }
      }
    }
    due = later;
  }
  // Cells pinned only by combining relations: exact elimination over the remaining unknowns.
  const rest = [...hidden].filter((id) => !known.has(id));
  const index = new Map(rest.map((id, i) => [id, i]));
  const groups: AdditiveGroup[] = [];
  const used: AuditRelation[][] = [];
  const zeroShown: boolean[] = [];
  const shown: number[] = [];
  for (const rel of relations) {
    const ids = rel.cells.map(
      (c) => index.get(cellId(c.table, c.column ?? rel.column, c.row)) ?? -1,
    );
    if (ids.every((i) => i < 0)) continue;
    groups.push({ kind: 'margin', total: ids[0], parts: ids.slice(1) });
    used.push([rel]);
    shown.push(shownSide(rel, (id) => index.has(id)));
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
  const groupsOf = new Map<number, number[]>();
  groups.forEach((g, k) => {
    for (const i of new Set([g.total, ...g.parts])) pushTo(groupsOf, i, k);
  });
  // the relations an elimination combines, by distance from the cell (through shared hidden cells),
  // past those naming it: up to 8 layers
  const layersFrom = (i: number): number[][] => [...groupLayers(i, groups, groupsOf, 9)].slice(1);
  const pinned = [...determinedValues(all, groups, shown)].filter(
    ([i, value]) => amongHidden.has(i) || !isZero(value),
  );
  const combinations = combinationsPinning(
    pinned.filter(([i]) => !amongHidden.has(i)).map(([i]) => i),
    groups,
    groupsOf,
    options.combinationGroups,
  );
  for (const [i] of pinned) {
    const involved = (groupsOf.get(i) ?? []).flatMap((k) => used[k]);
    const wider = layersFrom(i).map((layer) => layer.flatMap((k) => used[k]));
    // the shown cells of the combination that pins it, with their net coefficients
    const net = new Map<string, NonNullable<AuditLeak['terms']>[number]>();
    for (const [k, y] of combinations.get(i) ?? []) {
      const rel = used[k][0];
      rel.cells.forEach((c, j) => {
        const column = c.column ?? rel.column;
        if (hidden.has(cellId(c.table, column, c.row))) return;
        const key = rawId(c.table, column, c.row);
        const term = net.get(key) ?? { tableIndex: c.table, row: c.row, column, coef: 0 };
        term.coef += (j === 0 ? 1 : -1) * y;
        if (j === 0) term.total = true;
        net.set(key, term);
      });
    }
    const terms = [...net.values()].filter((t) => !isZero(t.coef));
    report(rest[i], 'elimination', involved, amongHidden.has(i), wider, [], terms);
  }
  return leaks;
}

/**
 * The tables checked and indexed, and every additive relation between their count cells that the
 * audit uses: a coarse row = the sum of fine rows (pairs of tables, including a table with itself),
 * and the relations each table declares within its rows. Shared by the exact audit and the interval
 * audit (interval.ts).
 * @example auditRelations(tables).relations.length
 */
export function auditRelations(
  tables: readonly AuditTable[],
  options: AuditOptions = {},
): { checked: CheckedTable[]; relations: AuditRelation[]; copies: AuditCell[][] } {
  const { total = 'All', tolerance = 1e-6, hiddenMark = '[c]', cache } = options;
  if (!Array.isArray(tables)) {
    throw new Error(
      'auditPublishedTables: expected an array of published tables (e.g. exportedTables(file)).',
    );
  }
  const checked = tables.map((t, i) => checkAuditTable(t, i, total, hiddenMark));
  // A table's content as a short id, for the relation cache (the same content, the same id).
  const contentId = checked.map((_, i) => {
    if (!cache) return -1;
    const text = JSON.stringify([i, tables[i], total, hiddenMark, tolerance]);
    if (!cache.ids.has(text)) cache.ids.set(text, cache.nextId++);
    return cache.ids.get(text)!;
  });
  const figures = checked.map(figureKeys);
  const between = (coarse: CheckedTable, fine: CheckedTable) => {
    const pair = { coarse: figures[coarse.index], fine: figures[fine.index] };
    if (!cache) return relationsBetween(coarse, fine, tolerance, pair);
    const key = `${contentId[coarse.index]}|${contentId[fine.index]}`;
    used.add(key);
    let rels = cache.relations.get(key);
    if (rels === undefined) {
      rels = relationsBetween(coarse, fine, tolerance, pair);
      cache.relations.set(key, rels);
    }
    return rels;
  };
  const used = new Set<string>();
  // The same relation can come from several pairs or families: keep one, confirmed if any is.
  const unique = new Map<string, AuditRelation>();
  const copies = new CopyGroups(checked);
  for (const coarse of checked) {
    for (const fine of checked) {
      const pair = between(coarse, fine);
      for (const c of pair.copies) {
        copies.join(coarse.index, c.coarseRow, fine.index, c.fineRow, c.column, c.verified);
      }
      for (const rel of pair.relations) {
        const cells = rel.cells.map((c) => `${c.table}:${c.row}`);
        const key = JSON.stringify([rel.column, cells[0], cells.slice(1).sort()]);
        const seen = unique.get(key);
        if (!seen || (rel.verified && !seen.verified)) unique.set(key, rel);
      }
    }
  }
  if (cache) {
    // what this call did not use belongs to tables as they were before a round changed them
    for (const key of cache.relations.keys()) if (!used.has(key)) cache.relations.delete(key);
    const current = new Set(contentId);
    for (const [text, id] of cache.ids) if (!current.has(id)) cache.ids.delete(text);
  }
  // a figure a table repeats down a dimension (sameAcross): its hidden copies are one figure, and a
  // shown copy gives them back
  const repeated = repeatRelations(tables, checked, copies);
  // the copies of a hidden figure, each related to the first (after the relations between rows, so
  // that the audit gives a copy back through its own table's relations before through another copy)
  const groups = copies.groups();
  const relations = [
    ...unique.values(),
    ...rowRelations(tables, checked),
    ...repeated,
    ...groups.flatMap((g) => copyLinks(checked, g.cells, g.verified)),
  ];
  return { checked, relations, copies: groups.map((g) => g.cells) };
}

/**
 * A key per row of a table, equal for rows that may show the same figures: the dimension values but
 * those at the table's total marker (a table without the dimension leaves it out), with its period
 * and slices. Whether two such rows are copies is relationsBetween's to say (tables that count
 * different people are copies only where their fully shown rows confirm it).
 */
function figureKeys(t: CheckedTable): string[] {
  return Array.from({ length: t.rows }, (_, row) => {
    const dims = t.by
      .map((d) => [d, t.dim(d, row)])
      .filter(([, v]) => v !== t.total)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify(dims);
  });
}

/**
 * Relations an elimination with provenance may take at most (AuditOptions.combinationGroups). Its
 * cost grows with the square of the relations (every row carries the combination that made it): the
 * whole part of a team-level run (15,000 relations) took 12–35 s a round, and notebook 01 at team
 * level spent over 15 minutes on one round, most of it collecting garbage.
 */
export const COMBINATION_GROUPS = 2000;

/**
 * For each of `cells`, a combination of groups that pins it (determiningCombinations), found on the
 * groups nearest the cell first: those within 1, 2, 4, … steps (through shared cells), then its whole
 * connected part, up to `maxGroups` groups. A combination of some of the groups is one of them all,
 * and most are local. A cell that only a wider combination pins gets none: its leak then names the
 * relations around it (AuditLeak.cells and wider), from which protectRun picks a complement.
 */
function combinationsPinning(
  cells: readonly number[],
  groups: readonly AdditiveGroup[],
  groupsOf: ReadonlyMap<number, readonly number[]>,
  maxGroups = COMBINATION_GROUPS,
): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  const wanted = new Set(cells);
  for (const start of cells) {
    if (out.has(start)) continue;
    const part: number[] = [];
    // solves the groups taken so far, for every wanted cell among them
    const solve = () => {
      const order = [...part].sort((a, b) => a - b);
      const partCells = new Set(
        order.flatMap((k) => [groups[k].total, ...groups[k].parts]).filter((c) => c >= 0),
      );
      const targets = new Set([...partCells].filter((c) => wanted.has(c) && !out.has(c)));
      const found = determiningCombinations(
        partCells,
        order.map((k) => groups[k]),
        targets,
      );
      for (const [c, combination] of found) {
        out.set(c, new Map([...combination].map(([j, y]) => [order[j], y])));
      }
    };
    let steps = 0;
    let solvedAt = 0;
    for (const layer of groupLayers(start, groups, groupsOf)) {
      if (part.length + layer.length > maxGroups) break;
      for (const k of layer) part.push(k);
      steps++;
      if ((steps & (steps - 1)) !== 0) continue; // 1, 2, 4, 8, … layers
      solve();
      solvedAt = steps;
      if (out.has(start)) break;
    }
    // the whole connected part, or as much of it as maxGroups allows
    if (!out.has(start) && solvedAt !== steps) solve();
  }
  return out;
}

/**
 * The groups around `cell`, layer by layer: those holding it, then those sharing a cell with the layer
 * before, and so on (at most `maxLayers` layers; all of its connected part by default).
 */
function* groupLayers(
  cell: number,
  groups: readonly AdditiveGroup[],
  groupsOf: ReadonlyMap<number, readonly number[]>,
  maxLayers = Infinity,
): Generator<number[]> {
  const seenGroups = new Set(groupsOf.get(cell) ?? []);
  const seenCells = new Set([cell]);
  for (let layer = [...seenGroups], n = 1; layer.length > 0; n++) {
    yield layer;
    if (n >= maxLayers) return;
    const next: number[] = [];
    for (const k of layer) {
      for (const c of [groups[k].total, ...groups[k].parts]) {
        if (c < 0 || seenCells.has(c)) continue;
        seenCells.add(c);
        for (const g of groupsOf.get(c) ?? []) {
          if (seenGroups.has(g)) continue;
          seenGroups.add(g);
          next.push(g);
        }
      }
    }
    layer = next;
  }
}

/** One cell of a published table: its position, row and count column. */
interface AuditCell {
  tableIndex: number;
  row: number;
  column: string;
}

/** The hidden copies of each figure, joined pair by pair (union–find over the tables' count cells). */
class CopyGroups {
  /** Number of a table's first count cell (cells by column, then row). */
  private readonly base: number[] = [];
  /** parent cell; -1 for a cell not joined to anything */
  private readonly parent: Int32Array;
  /** Roots of groups joined by a relation no fully shown group confirmed. */
  private readonly unconfirmed = new Set<number>();

  constructor(private readonly checked: readonly CheckedTable[]) {
    let n = 0;
    for (const t of checked) {
      this.base.push(n);
      n += t.countColumns.length * t.rows;
    }
    this.parent = new Int32Array(n).fill(-1);
  }

  join(
    t1: number,
    row1: number,
    t2: number,
    row2: number,
    column: string,
    verified: boolean,
  ): void {
    const a = this.find(this.cell(t1, row1, column));
    const b = this.find(this.cell(t2, row2, column));
    const [root, child] = a < b ? [a, b] : [b, a];
    if (root !== child) this.parent[child] = root;
    if (!verified || this.unconfirmed.has(child)) this.unconfirmed.add(root);
  }

  /** Each figure's copies, in table and row order, and whether every join was confirmed. */
  groups(): { cells: AuditCell[]; verified: boolean }[] {
    const out = new Map<number, AuditCell[]>();
    this.checked.forEach((t, tableIndex) => {
      const cells: AuditCell[] = [];
      t.countColumns.forEach((column, k) => {
        for (let row = 0; row < t.rows; row++) {
          if (this.parent[this.base[tableIndex] + k * t.rows + row] >= 0) {
            cells.push({ tableIndex, row, column });
          }
        }
      });
      cells.sort((x, y) => x.row - y.row);
      for (const c of cells) pushTo(out, this.find(this.cell(c.tableIndex, c.row, c.column)), c);
    });
    return [...out].map(([root, cells]) => ({ cells, verified: !this.unconfirmed.has(root) }));
  }

  private cell(table: number, row: number, column: string): number {
    const t = this.checked[table];
    const c = this.base[table] + t.countColumns.indexOf(column) * t.rows + row;
    if (this.parent[c] < 0) this.parent[c] = c;
    return c;
  }

  private find(c: number): number {
    let root = c;
    while (this.parent[root] !== root) root = this.parent[root];
    for (let x = c; x !== root;) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
}

/** The relations "first copy = copy" of one figure's copies: n − 1 for n copies. */
function copyLinks(
  checked: readonly CheckedTable[],
  [first, ...others]: AuditCell[],
  verified: boolean,
): AuditRelation[] {
  const name = (c: AuditCell) =>
    `${checked[c.tableIndex].name} (${describeRow(checked[c.tableIndex], c.row)})`;
  return others.map((c) => ({
    copy: true as const,
    coarse: first.tableIndex,
    fine: c.tableIndex,
    column: first.column,
    cells: [
      { table: first.tableIndex, row: first.row },
      { table: c.tableIndex, row: c.row },
    ],
    verified,
    text: `${name(first)} = ${name(c)} (the same figure)`,
  }));
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

/**
 * The figures each table repeats down dimensions (AuditTable.sameAcross): hidden copies are joined
 * into one figure (`copies`), and where a copy is shown, one relation "shown copy = hidden copy".
 */
function repeatRelations(
  tables: readonly AuditTable[],
  checked: readonly CheckedTable[],
  copies: CopyGroups,
): AuditRelation[] {
  const out: AuditRelation[] = [];
  tables.forEach((t, i) => {
    const c = checked[i];
    const dims = Array.from({ length: c.rows }, (_, row) => c.by.map((d) => c.dim(d, row)));
    for (const [column, across] of Object.entries(t.sameAcross ?? {})) {
      if (!c.countColumns.includes(column)) continue;
      for (const rows of repeatGroups(dims, c.by, across)) {
        const hidden = rows.filter((row) => c.hidden.get(column)![row]);
        const shown = rows.find((row) => !c.hidden.get(column)![row]);
        for (const row of hidden.slice(1)) copies.join(i, hidden[0], i, row, column, true);
        if (hidden.length === 0 || shown === undefined) continue;
        out.push({
          coarse: i,
          fine: i,
          column,
          cells: [
            { table: i, row: shown, column },
            { table: i, row: hidden[0], column },
          ],
          verified: true,
          text: `${t.name}: ${column} of ${describeRow(c, shown)} = of ${describeRow(c, hidden[0])} (declared the same across ${across.join(', ')})`,
        });
      }
    }
  });
  return out;
}
