// The rows of a roll-up over chosen levels of the unit tree: which levels, which row a unit of record
// counts in at each, and the "<parent> (not in a <level>)" rows for what is recorded above a level.
import { ancestorAt, type UnitTree } from './hierarchy.js';

/** What joins a parent's id and a level in the id of a "not in a <level>" row: `${parent}:other-${level}`. */
export const OTHER_UNIT = ':other-';

/** One row of a roll-up: its display name, level, and parent row (null for the top unit). */
export interface RollUpNode {
  name: string;
  level: string;
  parent: string | null;
}

/**
 * The rows units of record roll up into at `levels` (plus the top level) of `tree`: `path(unit)`
 * gives a unit's row at each level, top first, creating them as it goes; a unit with no ancestor at
 * a level counts in the row "<parent>:other-<level>", named "<parent name> (not in a <level>)", so
 * that every parent is exactly the sum of its children. Units not in the tree count under the top
 * unit that way. Throws, naming `where`, unless the tree has one top unit and every level exists.
 * @example const rows = new RollUpUnits(tree, ['district'], 'rollUpMatrix'); rows.path('T1') // ['F', 'D1']
 */
export class RollUpUnits {
  /** The top unit. */
  readonly root: string;
  /** The levels of the rows, top first: the top unit's level, then `levels` in tree order. */
  readonly levels: readonly string[];
  private readonly nodes = new Map<string, RollUpNode>();

  constructor(
    private readonly tree: UnitTree,
    levels: readonly string[],
    where: string,
  ) {
    this.root = topUnit(tree, where);
    const depth = levelDepths(tree);
    const unknown = levels.filter((l) => !depth.has(l));
    if (unknown.length > 0) {
      throw new Error(
        `${where}: no unit is at level ${unknown.join(', ')}. Levels: ${[...depth.keys()].join(', ')}.`,
      );
    }
    this.levels = [...new Set([tree.level.get(this.root)!, ...levels])].sort(
      (a, b) => depth.get(a)! - depth.get(b)!,
    );
    this.nodes.set(this.root, {
      name: tree.name.get(this.root) ?? this.root,
      level: this.levels[0],
      parent: null,
    });
  }

  /** The rows `unit` counts in, one per level, top first. */
  path(unit: string): string[] {
    const rows: string[] = [];
    let above = this.root;
    for (const level of this.levels) {
      let at = level === this.levels[0] ? this.root : ancestorAt(this.tree, unit, level);
      if (at === null) {
        at = `${above}${OTHER_UNIT}${level}`;
        if (!this.nodes.has(at)) {
          const name = `${this.nodes.get(above)!.name} (not in a ${level})`;
          this.nodes.set(at, { name, level, parent: above });
        }
      } else if (!this.nodes.has(at)) {
        this.nodes.set(at, { name: this.tree.name.get(at) ?? at, level, parent: above });
      }
      rows.push(at);
      above = at;
    }
    return rows;
  }

  /** The row `id` (one path() has given). */
  node(id: string): RollUpNode {
    return this.nodes.get(id)!;
  }

  /** Every row path() has given, by level (top first), then name, then id. */
  ids(): string[] {
    const { levels, nodes } = this;
    return [...nodes.keys()].sort(
      (a, b) =>
        levels.indexOf(nodes.get(a)!.level) - levels.indexOf(nodes.get(b)!.level) ||
        nodes.get(a)!.name.localeCompare(nodes.get(b)!.name) ||
        a.localeCompare(b),
    );
  }
}

/**
 * The top unit of `tree` (the one with no parent); throws, naming `where`, unless there is exactly one.
 * @example topUnit(tree, 'rollUpMatrix') // 'F'
 */
export function topUnit(tree: UnitTree, where: string): string {
  const roots = [...tree.parent].filter(([, p]) => p === null).map(([id]) => id);
  if (roots.length !== 1) {
    throw new Error(
      `${where}: the units table needs exactly one top unit (parent_id empty); found ${roots.length}: ${roots.slice(0, 5).join(', ')}. Add an organisation-level unit (e.g. the force) above them.`,
    );
  }
  return roots[0];
}

/**
 * Level → depth below the top (the smallest depth of its units).
 * @example levelDepths(tree) // Map { 'force' => 0, 'district' => 1, 'team' => 2 }
 */
export function levelDepths(tree: UnitTree): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, level] of tree.level) {
    let d = 0;
    for (let u = tree.parent.get(id) ?? null; u !== null; u = tree.parent.get(u) ?? null) d++;
    out.set(level, Math.min(out.get(level) ?? Infinity, d));
  }
  return out;
}
