// The unit hierarchy: ancestors at a level, subtrees, and parent maps for roll-ups and disclosure control.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { levelOrder } from '../../io/units.js';
import { optionalColumn } from '../../shared/columns.js';
import { pushTo } from '../../shared/collections.js';

/** The unit hierarchy read from a `units` table, with lookups used by every roll-up. */
export interface UnitTree {
  /** unit_id → parent_id (null at the top). */
  parent: ReadonlyMap<string, string | null>;
  /** unit_id → level name. */
  level: ReadonlyMap<string, string>;
  /** unit_id → display name. */
  name: ReadonlyMap<string, string>;
  /** Level names from the top down (read from the parents; any names, any depth). */
  levels: readonly string[];
}

// Trees are read-only: one per units table (arquero tables are immutable), so every report of a
// batch run (src/report/batch) that opens the same extract shares it.
const trees = new WeakMap<ColumnTable, UnitTree>();

/**
 * The hierarchy of a `units` table (unit_id, parent_id, name, level). Throws on a cycle or on a
 * parent_id that is not a unit, naming the unit. Memoised per table.
 * @example const tree = unitTree(data.tables.units)
 */
export function unitTree(units: ColumnTable): UnitTree {
  let tree = trees.get(units);
  if (!tree) {
    tree = readUnitTree(units);
    trees.set(units, tree);
  }
  return tree;
}

function readUnitTree(units: ColumnTable): UnitTree {
  const missing = ['unit_id', 'parent_id', 'level'].filter((c) => !units.columnNames().includes(c));
  if (missing.length) {
    throw new Error(
      `unitTree: the units table lacks ${missing.join(', ')}. Found: ${units.columnNames().join(', ')}.`,
    );
  }
  const ids = units.array('unit_id') as ArrayLike<string>;
  const parents = units.array('parent_id') as ArrayLike<string | null>;
  const levels = units.array('level') as ArrayLike<string>;
  const names = optionalColumn<string | null>(units, 'name');
  const parent = new Map<string, string | null>();
  const level = new Map<string, string>();
  const name = new Map<string, string>();
  for (let i = 0; i < units.numRows(); i++) {
    parent.set(ids[i], parents[i] || null);
    level.set(ids[i], levels[i]);
    name.set(ids[i], names?.[i] || ids[i]);
  }
  for (const [id, p] of parent) {
    if (p !== null && !parent.has(p))
      throw new Error(`unitTree: unit "${id}" has parent_id "${p}", which is not a unit.`);
    const seen = new Set([id]);
    for (let up = p; up !== null; up = parent.get(up) ?? null) {
      if (seen.has(up))
        throw new Error(`unitTree: the hierarchy loops through unit "${id}". Fix parent_id.`);
      seen.add(up);
    }
  }
  const rows = [...parent].map(([unit_id, parent_id]) => ({
    unit_id,
    parent_id,
    level: level.get(unit_id)!,
  }));
  return { parent, level, name, levels: levelOrder(rows).levels };
}

/**
 * The level just below the top (the default level of breakdowns), or the top when there is one level.
 * @example defaultLevel(tree) // 'bcu' for force > bcu > station
 */
export function defaultLevel(tree: UnitTree): string {
  return tree.levels[Math.min(1, tree.levels.length - 1)];
}

/**
 * The lowest level of the hierarchy (teams, stations, wards: where people work day to day).
 * @example lowestLevel(tree) // 'station' for force > bcu > station
 */
export function lowestLevel(tree: UnitTree): string {
  return tree.levels[tree.levels.length - 1];
}

/**
 * The level below `level` (itself when it is the lowest).
 * @example levelBelow(tree, 'bcu') // 'station'
 */
export function levelBelow(tree: UnitTree, level: string): string {
  const i = tree.levels.indexOf(level);
  return tree.levels[Math.min(i + 1, tree.levels.length - 1)];
}

/**
 * The ancestor of `unitId` (itself included) whose level is `level`, or null when the unit sits
 * above that level or is unknown.
 * @example ancestorAt(tree, 'S017', 'bcu') // 'B2'
 */
export function ancestorAt(tree: UnitTree, unitId: string | null, level: string): string | null {
  for (let u = unitId; u !== null && u !== undefined; u = tree.parent.get(u) ?? null) {
    if (!tree.parent.has(u)) return null;
    if (tree.level.get(u) === level) return u;
  }
  return null;
}

/**
 * Adds a column holding each row's unit rolled up to `level` (null when above it or unknown).
 * @example deriveUnitAtLevel(people, tree, { level: 'bcu' }) // adds bcu_id
 */
export function deriveUnitAtLevel(
  table: ColumnTable,
  tree: UnitTree,
  {
    level,
    unitColumn = 'unit_id',
    as = `${level}_id`,
  }: { level: string; unitColumn?: string; as?: string },
): ColumnTable {
  if (!table.columnNames().includes(unitColumn)) {
    throw new Error(
      `deriveUnitAtLevel: column "${unitColumn}" is missing. Found: ${table.columnNames().join(', ')}.`,
    );
  }
  checkLevel(tree, level, 'deriveUnitAtLevel');
  const cache = new Map<string | null, string | null>();
  const units = table.array(unitColumn) as ArrayLike<string | null>;
  const out = new Array<string | null>(table.numRows());
  for (let i = 0; i < out.length; i++) {
    const u = units[i];
    let a = cache.get(u);
    if (a === undefined) cache.set(u, (a = ancestorAt(tree, u, level)));
    out[i] = a;
  }
  return table.assign(aq.table({ [as]: out }));
}

/**
 * Every unit in the subtree under `unitId`, itself included.
 * @example unitSubtree(tree, 'B2').has('S017') // true
 */
export function unitSubtree(tree: UnitTree, unitId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const [id, p] of tree.parent) if (p !== null) pushTo(children, p, id);
  const out = new Set<string>();
  const stack = [unitId];
  while (stack.length) {
    const u = stack.pop()!;
    out.add(u);
    stack.push(...(children.get(u) ?? []));
  }
  return out;
}

/** Units at a level, sorted by name. */
export function unitsAtLevel(tree: UnitTree, level: string): string[] {
  checkLevel(tree, level, 'unitsAtLevel');
  return [...tree.level.entries()]
    .filter(([, l]) => l === level)
    .map(([id]) => id)
    .sort(
      (a, b) => (tree.name.get(a) ?? a).localeCompare(tree.name.get(b) ?? b) || a.localeCompare(b),
    );
}

/**
 * The unit a user named, by unit_id or by name (case-insensitive); throws listing the units at
 * that level when nothing matches or a name is ambiguous.
 * @example resolveUnit(tree, 'north bcu')
 */
export function resolveUnit(tree: UnitTree, nameOrId: string): string {
  if (tree.parent.has(nameOrId)) return nameOrId;
  const wanted = nameOrId.trim().toLowerCase();
  const hits = [...tree.name.entries()]
    .filter(([, n]) => n.toLowerCase() === wanted)
    .map(([id]) => id);
  if (hits.length === 1) return hits[0];
  const sample = [...tree.name.entries()].slice(0, 12).map(([id, n]) => `${n} (${id})`);
  throw new Error(
    hits.length > 1
      ? `unit "${nameOrId}" is ambiguous: ${hits.join(', ')}. Give its unit_id instead.`
      : `no unit is called "${nameOrId}". Give a unit_id or a name from the units table, e.g. ${sample.join(', ')}.`,
  );
}

/** The parent map of the units from `fromLevel` up to the top, for a disclosure-control HierarchySpec. */
export function parentMap(tree: UnitTree): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, p] of tree.parent) if (p !== null) out[id] = p;
  return out;
}

/**
 * The parent map a table's rows give, for a disclosure-control HierarchySpec: each value of
 * `column` → the value of `parentColumn` in its row (rows with an empty parent are the top).
 * @example parentMapOfRows(cells, 'unit_id', 'parent_id') // { D1: 'F', T1: 'D1', … }
 */
export function parentMapOfRows(
  table: ColumnTable,
  column: string,
  parentColumn: string,
): Record<string, string> {
  const parent: Record<string, string> = {};
  const ids = table.array(column) as ArrayLike<string>;
  const parents = table.array(parentColumn) as ArrayLike<string | null>;
  for (let i = 0; i < ids.length; i++) if (parents[i] !== null) parent[ids[i]] = parents[i]!;
  return parent;
}

function checkLevel(tree: UnitTree, level: string, where: string): void {
  const levels = [...new Set(tree.level.values())];
  if (!levels.includes(level)) {
    throw new Error(
      `${where}: no unit is at level "${level}". Levels in the units table: ${levels.join(', ')}.`,
    );
  }
}
