// Names, levels and parents of the units in a published matrix, read from the unit tree (published
// tables keep only unit_id, so the hierarchy stays one additive dimension).
import type { UnitTree } from '../units/hierarchy.js';
import { OTHER_UNIT } from '../units/roll-up.js';

/** What a matrix row's unit is: display name, level, and its nearest ancestor among the rows. */
export interface MatrixUnit {
  name: string;
  level: string;
  parent: string | null;
}

/**
 * For each unit id of a matrix: its name and level from the tree, and its parent (the nearest
 * ancestor that is also among `ids`; null for the top row). Rows "<parent>:other-<level>" (counts
 * recorded above that level) are named "<parent name> (not in a <level>)".
 * @example matrixUnitInfo(report.tree, ['FORCE', 'D1', 'D2']).get('D1') // { name: 'North District', level: 'district', parent: 'FORCE' }
 */
export function matrixUnitInfo(tree: UnitTree, ids: Iterable<string>): Map<string, MatrixUnit> {
  const present = new Set(ids);
  const out = new Map<string, MatrixUnit>();
  for (const id of present) {
    const cut = id.lastIndexOf(OTHER_UNIT);
    if (cut > 0) {
      const parent = id.slice(0, cut);
      const level = id.slice(cut + OTHER_UNIT.length);
      out.set(id, {
        name: `${nameOf(tree, parent)} (not in a ${level})`,
        level,
        parent: present.has(parent) ? parent : nearest(tree, parent, present),
      });
      continue;
    }
    if (!tree.parent.has(id)) {
      throw new Error(
        `matrixUnitInfo: unit "${id}" is not in the units table. Score the matrix with the tree it was rolled up with (report.tree).`,
      );
    }
    out.set(id, {
      name: nameOf(tree, id),
      level: tree.level.get(id)!,
      parent: nearest(tree, id, present),
    });
  }
  return out;
}

function nearest(tree: UnitTree, id: string, present: ReadonlySet<string>): string | null {
  for (let u = tree.parent.get(id) ?? null; u !== null; u = tree.parent.get(u) ?? null) {
    if (present.has(u)) return u;
  }
  return null;
}

function nameOf(tree: UnitTree, id: string): string {
  if (tree.name.has(id)) return tree.name.get(id)!;
  const cut = id.lastIndexOf(OTHER_UNIT);
  return cut > 0
    ? `${nameOf(tree, id.slice(0, cut))} (not in a ${id.slice(cut + OTHER_UNIT.length)})`
    : id;
}
