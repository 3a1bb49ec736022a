// The additive relations between two published tables that the cross-table audit uses: a row of the
// coarse table equals the sum of a group of rows of the fine table, in one count column.
import type { CheckedTable } from './audit-table.js';
import { pushTo } from '../shared/collections.js';

/** One relation: cells[0] (in the coarse table) = the sum of cells[1..] (in the fine table). */
export interface AuditRelation {
  coarse: number;
  fine: number;
  column: string;
  /** cells[k].column, when given, overrides `column` (a relation between columns of one row). */
  cells: { table: number; row: number; column?: string }[];
  /** Confirmed: some group of this kind has every cell shown, and all such groups add up. */
  verified: boolean;
  text: string;
  /**
   * Set on a relation between two hidden copies of one figure (the same count column and figure key,
   * relationsBetween's `figures`): the audit relates every copy to one of them instead.
   */
  copy?: true;
}

/** A relation found, written out only when kept: cells[0] in the coarse table = the sum of the rest. */
interface Found {
  row: number;
  group: number[];
  column: string;
  /** Both cells hidden copies of one figure. */
  copy: boolean;
  text: () => string;
}

/** Two hidden copies of one figure, in a coarse and a fine table (see relationsBetween). */
export interface CopyPair {
  coarseRow: number;
  fineRow: number;
  column: string;
  verified: boolean;
}

/** What relationsBetween finds between two tables. */
export interface PairRelations {
  relations: AuditRelation[];
  /** Hidden copies of one figure the relations equate (with `figures`): related through one copy. */
  copies: CopyPair[];
}

interface Meaning {
  /** Which fine dimensions the coarse row fixes (alternatives share this). */
  fixed: string;
  ok: boolean;
  confirmed: boolean;
  rels: Map<string, Found>;
}

/** How a dimension of the fine table that the coarse row sums over is matched. */
interface Level {
  label: string;
  /**
   * What the sum stands for: 'all' values of the dimension, 'leaves' of its hierarchy (the same when the
   * table lists every child, which is confirmed separately), or one root of its hierarchy.
   */
  meaning: string;
  keep(value: string): boolean;
}

/**
 * Returns the relations "a row of `coarse` = the sum of a group of rows of `fine`" for every count
 * column the two tables share, one family per way of summing the fine table's other dimensions (its
 * total rows, its top-level values, its hierarchy leaves or a root of its hierarchy). A family whose
 * fully shown groups do not add up is dropped: the tables then count different things.
 * With `figures` (per row of each table, a key equal for rows showing the same figure, e.g. a force
 * figure in every unit's report): a coarse cell whose copy in the fine table the kept relations equate
 * it with gives only that relation (in `copies` when both are hidden); its other relations are the
 * fine table's own with the copy. The copies of a figure then relate through one of them, not each
 * pair of reports.
 * @example relationsBetween(bandsTable, typesTable, 1e-6)
 */
export function relationsBetween(
  coarse: CheckedTable,
  fine: CheckedTable,
  tolerance: number,
  figures?: { coarse: readonly string[]; fine: readonly string[] },
): PairRelations {
  const out: AuditRelation[] = [];
  const columns = coarse.countColumns.filter((c) => fine.countColumns.includes(c));
  if (columns.length === 0) return { relations: out, copies: [] };
  const values = new Map(fine.by.map((d) => [d, new Set(rowsOf(fine).map((r) => fine.dim(d, r)))]));
  // For each coarse row: the fine rows it may match, dimension by dimension (null: not expressible).
  const wanted = rowsOf(coarse).map((r) => {
    const want = constraints(coarse, fine, r, values);
    // Within one table, a hierarchy parent is also the sum of its children (publishTable checked it).
    return want === null ? [] : [want, ...(coarse === fine ? childrenOf(coarse, r, want) : [])];
  });
  const families = product(fine.by.map((d) => levelsOf(fine, d)));
  // Relations with the same meaning (per fine dimension: fixed by the coarse row, every value, or one
  // root of the hierarchy) stand or fall together over every shared column: one contradiction by
  // fully shown cells drops them all, one confirmation confirms them all.
  const meanings = new Map<string, Meaning>();
  // coarse cell "row:column" → the meanings that equate it with its copy in the fine table
  const copiedBy = new Map<string, Meaning[]>();
  const fineDims = fine.by.map((d) => rowsOf(fine).map((f) => fine.dim(d, f)));
  for (const levels of families) {
    // The fine rows each (coarse row, alternative) sums, the same in every column: found once,
    // through an index of the fine rows by the dimensions the coarse row fixes.
    const groupOf = groupFinder(fine.rows, fineDims, levels);
    const groups = wanted.map((alternatives) =>
      alternatives.map((want) => groupOf(fine.by.map((d) => want.get(d)))),
    );
    for (const column of columns) {
      const cv = coarse.numbers.get(column)!;
      const ch = coarse.hidden.get(column)!;
      const fv = fine.numbers.get(column)!;
      const fh = fine.hidden.get(column)!;
      for (let r = 0; r < coarse.rows; r++) {
        if (!(ch[r] || cv[r] !== null)) continue;
        for (const [w, want] of wanted[r].entries()) {
          const pattern = fine.by.map((d, k) =>
            want.has(d)
              ? want.get(d)!.size > 1 || !want.get(d)!.has(coarse.dim(d, r))
                ? '<'
                : '='
              : levels[k].meaning,
          );
          const key = JSON.stringify(pattern);
          const m = meanings.get(key) ?? {
            fixed: JSON.stringify(pattern.map((p) => p === '=')),
            ok: true,
            confirmed: false,
            rels: new Map(),
          };
          meanings.set(key, m);
          if (!m.ok) continue;
          const group = groups[r][w];
          if (coarse === fine && group.includes(r)) continue;
          const isCopy =
            figures !== undefined &&
            coarse !== fine &&
            group.length === 1 &&
            figures.coarse[r] === figures.fine[group[0]];
          if (isCopy) pushTo(copiedBy, `${r}:${column}`, m);
          if (group.some((f) => !fh[f] && fv[f] === null)) continue; // a part that is not a number
          if (group.length === 0) {
            if (cv[r] !== null && cv[r]! > tolerance) m.ok = false;
            continue;
          }
          if (!ch[r] && group.every((f) => !fh[f])) {
            const sum = group.reduce((s, f) => s + fv[f]!, 0);
            if (Math.abs(sum - cv[r]!) > tolerance) m.ok = false;
            else m.confirmed = true;
            continue;
          }
          // Shown parts above a shown total: the hidden parts would be below zero, so the tables count
          // different things (e.g. people in post and employment spells, both "people").
          if (!ch[r] && group.reduce((s, f) => s + (fh[f] ? 0 : fv[f]!), 0) > cv[r]! + tolerance) {
            m.ok = false;
            continue;
          }
          const bothHidden = isCopy && ch[r] && fh[group[0]];
          // the sentence is written only for a relation kept (most found are dropped or copies)
          const text = () => {
            const how = fine.by
              .map((d, k) => !want.has(d) && levels[k].label && `${d}: ${levels[k].label}`)
              .filter(Boolean)
              .join(', ');
            return (
              `${coarse.name} (${describeRow(coarse, r)}) = sum of ${group.length} row${group.length > 1 ? 's' : ''} ` +
              `of ${fine.name}${how ? ` [${how}]` : ''}`
            );
          };
          m.rels.set(`${column}:${r}:${group.join(',')}`, {
            row: r,
            group,
            column,
            copy: bothHidden,
            text,
          });
        }
      }
    }
  }
  const kept = [...meanings.values()].filter((m) => m.ok);
  // When one meaning is confirmed, its unconfirmed alternatives (the same dimensions summed to another
  // root of the hierarchy) are not what the tables count.
  const confirmed = new Set(kept.filter((m) => m.confirmed).map((m) => m.fixed));
  // Tables that say they count different people (e.g. people in post, employment spells followed),
  // or a unit report's table without rest rows (the unit's people, or a copy of the organisation's
  // figures) and a table of another report, meet only where fully shown groups confirm it.
  const others =
    (coarse.who !== undefined && fine.who !== undefined && coarse.who !== fine.who) ||
    ![...coarse.within].some((u) => fine.within.has(u));
  const used = (m: Meaning) => m.ok && (m.confirmed || !(others || confirmed.has(m.fixed)));
  const copies: CopyPair[] = [];
  for (const m of kept) {
    if (!used(m)) continue;
    for (const f of m.rels.values()) {
      if (f.copy) {
        copies.push({
          coarseRow: f.row,
          fineRow: f.group[0],
          column: f.column,
          verified: m.confirmed,
        });
        continue;
      }
      // a coarse cell equated with its copy: its other relations are the fine table's own
      const copied = copiedBy.get(`${f.row}:${f.column}`)?.some(used) ?? false;
      if (copied && (f.group.length !== 1 || figures!.fine[f.group[0]] !== figures!.coarse[f.row]))
        continue;
      out.push({
        coarse: coarse.index,
        fine: fine.index,
        column: f.column,
        cells: [
          { table: coarse.index, row: f.row },
          ...f.group.map((g) => ({ table: fine.index, row: g })),
        ],
        verified: m.confirmed,
        text: f.text(),
      });
    }
  }
  return { relations: out, copies };
}

/**
 * For one way of summing (a level per fine dimension): the fine rows matching a coarse row's wanted
 * values (per fine dimension, the values it must take, or undefined when the level decides), in row
 * order. Rows are indexed once per set of fixed dimensions, so a pair of tables costs the sum of
 * their rows, not the product.
 */
function groupFinder(
  rows: number,
  dims: readonly string[][],
  levels: readonly Level[],
): (want: readonly (ReadonlySet<string> | undefined)[]) => number[] {
  const indexes = new Map<string, Map<string, number[]>>();
  return (want) => {
    const fixed = dims.map((_, k) => want[k] !== undefined);
    const pattern = fixed.map(Number).join('');
    const index = indexes.get(pattern) ?? new Map<string, number[]>();
    if (!indexes.has(pattern)) {
      indexes.set(pattern, index);
      for (let f = 0; f < rows; f++) {
        if (!dims.every((values, k) => fixed[k] || levels[k].keep(values[f]))) continue;
        pushTo(
          index,
          JSON.stringify(dims.flatMap((values, k) => (fixed[k] ? [values[f]] : []))),
          f,
        );
      }
    }
    const keys = product(want.flatMap((w) => (w === undefined ? [] : [[...w]])));
    if (keys.length === 1) return index.get(JSON.stringify(keys[0])) ?? [];
    return keys.flatMap((key) => index.get(JSON.stringify(key)) ?? []).sort((a, b) => a - b);
  };
}

function rowsOf(t: CheckedTable): number[] {
  return Array.from({ length: t.rows }, (_, i) => i);
}

/** The values each fine dimension must take for coarse row r, or null when r cannot be expressed. */
function constraints(
  coarse: CheckedTable,
  fine: CheckedTable,
  r: number,
  fineValues: Map<string, Set<string>>,
): Map<string, Set<string>> | null {
  const want = new Map<string, Set<string>>();
  for (const d of coarse.by) {
    const v = coarse.dim(d, r);
    if (v === coarse.total) continue;
    const present = fineValues.get(d);
    if (present === undefined) return null; // a dimension the fine table does not have
    if (present.has(v)) {
      want.set(d, new Set([v]));
      continue;
    }
    if (d !== coarse.hierarchyColumn || fine.slice.has(d)) return null;
    const leaves = leavesUnder(coarse.parent, v).filter((x) => present.has(x));
    if (leaves.length === 0) return null;
    want.set(d, new Set(leaves));
  }
  return want;
}

/** For a hierarchy parent matched as itself: the alternative that matches its children instead. */
function childrenOf(
  coarse: CheckedTable,
  r: number,
  want: Map<string, Set<string>>,
): Map<string, Set<string>>[] {
  const d = coarse.hierarchyColumn;
  if (d === null || !want.has(d)) return [];
  const v = coarse.dim(d, r);
  const children = [...coarse.parent.entries()].filter(([, p]) => p === v).map(([c]) => c);
  if (children.length === 0 || !want.get(d)!.has(v)) return [];
  return [new Map([...want, [d, new Set(children)]])];
}

/** The descendants of `value` that have no children of their own. */
function leavesUnder(parent: Map<string, string>, value: string): string[] {
  const children = [...parent.entries()].filter(([, p]) => p === value).map(([c]) => c);
  return children.flatMap((c) => {
    const below = leavesUnder(parent, c);
    return below.length ? below : [c];
  });
}

/** Ways of summing a fine dimension that the coarse row does not fix, present in the table. */
function levelsOf(t: CheckedTable, d: string): Level[] {
  // A slice is one value, never a sum over the dimension: it matches only a row that fixes it.
  if (t.slice.has(d)) return [{ label: '', meaning: 'slice', keep: () => false }];
  const h = d === t.hierarchyColumn;
  const levels: Level[] = [
    { label: '', meaning: 'all', keep: (v) => v !== t.total && !(h && t.parent.has(v)) },
    { label: t.total, meaning: 'all', keep: (v) => v === t.total },
  ];
  if (h) {
    const parents = new Set(t.parent.values());
    levels.push({
      label: 'leaves',
      meaning: 'leaves',
      keep: (v) => v !== t.total && !parents.has(v),
    });
    for (const p of parents) {
      if (!t.parent.has(p)) levels.push({ label: p, meaning: p, keep: (v) => v === p });
    }
  }
  const present = new Set(rowsOf(t).map((r) => t.dim(d, r)));
  return levels.filter((l) => [...present].some((v) => l.keep(v)));
}

function product<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

/** A row of a table in words: its dimension values, e.g. 'unit=D1, period=FY2024-25'. */
export function describeRow(t: CheckedTable, r: number): string {
  return t.by.map((d) => `${d}=${t.dim(d, r)}`).join(', ') || 'the only row';
}
