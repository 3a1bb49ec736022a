// The unit hierarchy an extract implies: its level names in order, and one top unit always. Steps:
// read units → no units table: one implicit top unit (with the units people name as its children) →
// several tops, unknown parents or loops: an implicit top above them → level order from parent→child
// pairs (any names, any depth) → warnings for what was completed.
import { table as toTable, type ColumnTable } from 'arquero';

/** unit_id of the implicit top unit added when an extract has no single top unit. */
export const IMPLICIT_TOP_ID = ':organisation';
/** Display name of the implicit top unit. */
export const IMPLICIT_TOP_NAME = 'Whole organisation';

/** A note about how the hierarchy was completed (becomes a load warning). */
export interface UnitNote {
  rule: 'implicit_top_unit' | 'unknown_parent' | 'unit_loop' | 'inconsistent_levels';
  unit_id: string;
  message: string;
}

/** The units table completed to one top unit, the level names from the top down, and notes. */
export interface CompletedUnits {
  units: ColumnTable;
  levels: string[];
  notes: UnitNote[];
}

interface UnitRow {
  unit_id: string;
  parent_id: string | null;
  name: string | null;
  level: string;
}

/**
 * Completes the unit hierarchy of an extract: with no units, one implicit top unit (level
 * 'organisation') whose children are the units that `people` name (level 'unit'); with several top
 * units, parents that are not units, or a loop of parents, an implicit top unit above them. Levels
 * are ordered by their parent→child pairs (a level above another in any branch comes first), so any
 * names and depths work; `declared` (the mapping's `unit_levels`) fixes the order when given.
 * @example completeUnits(data.tables.units, data.tables.people).levels // ['force', 'bcu', 'station']
 */
export function completeUnits(
  units: ColumnTable,
  people?: ColumnTable,
  declared: readonly string[] = [],
): CompletedUnits {
  const notes: UnitNote[] = [];
  const rows = readUnits(units);
  if (rows.length === 0) {
    const named = people ? distinctUnitIds(people) : [];
    const level = freeName('organisation', []);
    const top: UnitRow = {
      unit_id: IMPLICIT_TOP_ID,
      parent_id: null,
      name: IMPLICIT_TOP_NAME,
      level,
    };
    const children = named.map((id) => ({
      unit_id: id,
      parent_id: IMPLICIT_TOP_ID,
      name: id,
      level: 'unit',
    }));
    notes.push({
      rule: 'implicit_top_unit',
      unit_id: IMPLICIT_TOP_ID,
      message:
        `the extract has no units, so one top unit "${IMPLICIT_TOP_NAME}" stands for the whole organisation` +
        (named.length ? `, with the ${named.length} unit id(s) that people name below it` : '') +
        '. Add a units table (or a hierarchy in the mapping) to report by unit.',
    });
    const all = [top, ...children];
    return { units: unitsTable(all), levels: children.length ? [level, 'unit'] : [level], notes };
  }
  const byId = new Map(rows.map((r) => [r.unit_id, r]));
  for (const r of rows) {
    if (r.parent_id !== null && !byId.has(r.parent_id)) {
      notes.push({
        rule: 'unknown_parent',
        unit_id: r.unit_id,
        message: `unit ${r.unit_id} has parent_id ${r.parent_id}, which is not a unit; it is placed under the top of the hierarchy. Add the parent to units or correct parent_id.`,
      });
      r.parent_id = null;
    }
  }
  for (const r of rows) {
    const seen = new Set<string>([r.unit_id]);
    let up = r.parent_id;
    while (up !== null) {
      if (!seen.has(up)) {
        seen.add(up);
        up = byId.get(up)?.parent_id ?? null;
        continue;
      }
      // Only a unit on the loop is cut from its parent; one above it waits for that cut.
      if (up !== r.unit_id) break;
      notes.push({
        rule: 'unit_loop',
        unit_id: r.unit_id,
        message: `the parents of unit ${r.unit_id} loop back to it; it is placed under the top of the hierarchy. Fix parent_id so that every chain ends at the top unit.`,
      });
      r.parent_id = null;
      break;
    }
  }
  const tops = rows.filter((r) => r.parent_id === null);
  if (tops.length > 1) {
    const level = freeName(
      'organisation',
      rows.map((r) => r.level),
    );
    rows.unshift({ unit_id: IMPLICIT_TOP_ID, parent_id: null, name: IMPLICIT_TOP_NAME, level });
    for (const t of tops) t.parent_id = IMPLICIT_TOP_ID;
    notes.push({
      rule: 'implicit_top_unit',
      unit_id: IMPLICIT_TOP_ID,
      message: `${tops.length} units have no parent (${tops
        .slice(0, 5)
        .map((t) => t.unit_id)
        .join(
          ', ',
        )}${tops.length > 5 ? ', …' : ''}), so one top unit "${IMPLICIT_TOP_NAME}" is placed above them.`,
    });
  }
  const { levels, conflict } = levelOrder(rows, declared);
  if (conflict) notes.push(conflict);
  return { units: unitsTable(rows), levels, notes };
}

/**
 * The level names of a hierarchy from the top down: a level that is the parent of another in any
 * branch comes before it; levels in no such relation keep the order of their shallowest unit. With
 * `declared`, that order is used (levels not declared follow it).
 * @example levelOrder(rows, []).levels // ['force', 'district', 'team']
 */
export function levelOrder(
  rows: readonly { unit_id: string; parent_id: string | null; level: string }[],
  declared: readonly string[] = [],
): { levels: string[]; conflict?: UnitNote } {
  const byId = new Map(rows.map((r) => [r.unit_id, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: { unit_id: string; parent_id: string | null }): number => {
    let d = 0;
    for (
      let up = r.parent_id;
      up !== null && d <= rows.length;
      up = byId.get(up)?.parent_id ?? null
    )
      d++;
    return d;
  };
  const above = new Map<string, Set<string>>();
  const firstSeen: string[] = [];
  for (const r of rows) {
    const d = depthOf(r);
    if (!depth.has(r.level) || d < depth.get(r.level)!) depth.set(r.level, d);
    if (!firstSeen.includes(r.level)) firstSeen.push(r.level);
    const p = r.parent_id === null ? undefined : byId.get(r.parent_id);
    if (p && p.level !== r.level) {
      if (!above.has(r.level)) above.set(r.level, new Set());
      above.get(r.level)!.add(p.level);
    }
  }
  const present = [...depth.keys()];
  const rank = (l: string) => [depth.get(l)!, firstSeen.indexOf(l)];
  const byDepth = [...present].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  // Kahn's algorithm over "parent level before child level", shallowest first among the free ones.
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < present.length) {
    const next = byDepth.find(
      (l) => !placed.has(l) && [...(above.get(l) ?? [])].every((p) => placed.has(p)),
    );
    if (next === undefined) break;
    order.push(next);
    placed.add(next);
  }
  let conflict: UnitNote | undefined;
  if (order.length < present.length) {
    const stuck = byDepth.filter((l) => !placed.has(l));
    conflict = {
      rule: 'inconsistent_levels',
      unit_id: rows.find((r) => stuck.includes(r.level))?.unit_id ?? '',
      message: `levels ${stuck.join(', ')} are each above the other in some branch of the hierarchy; they are ordered by depth. Give each level one place (or declare config.unit_levels).`,
    };
    order.push(...stuck);
  }
  if (declared.length === 0) return conflict ? { levels: order, conflict } : { levels: order };
  const levels = [
    ...declared.filter((l) => present.includes(l)),
    ...order.filter((l) => !declared.includes(l)),
  ];
  return conflict ? { levels, conflict } : { levels };
}

function readUnits(units: ColumnTable): UnitRow[] {
  if (units.numRows() === 0) return [];
  const get = (c: string) =>
    units.columnNames().includes(c) ? (units.array(c) as ArrayLike<string | null>) : undefined;
  const ids = get('unit_id')!;
  const parents = get('parent_id');
  const names = get('name');
  const levels = get('level');
  return Array.from({ length: units.numRows() }, (_, i) => ({
    unit_id: ids[i] as string,
    parent_id: parents?.[i] || null,
    name: names?.[i] ?? null,
    level: levels?.[i] || 'unit',
  }));
}

function distinctUnitIds(people: ColumnTable): string[] {
  if (!people.columnNames().includes('unit_id')) return [];
  const ids = new Set<string>();
  const values = people.array('unit_id') as ArrayLike<string | null>;
  for (let i = 0; i < values.length; i++) if (values[i]) ids.add(values[i] as string);
  return [...ids].sort();
}

function freeName(wanted: string, taken: readonly string[]): string {
  let name = wanted;
  for (let n = 2; taken.includes(name); n++) name = `${wanted}_${n}`;
  return name;
}

function unitsTable(rows: readonly UnitRow[]): ColumnTable {
  return toTable({
    unit_id: rows.map((r) => r.unit_id),
    parent_id: rows.map((r) => r.parent_id),
    name: rows.map((r) => r.name),
    level: rows.map((r) => r.level),
  });
}
