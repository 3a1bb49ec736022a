// The well-being matrix of a unit report: the unit, the rest of the organisation and the whole
// organisation as one additive group, by giving the matrix roll-up a unit tree in which everything
// outside the unit hangs from one "rest of organisation" unit.
import type { ColumnTable } from 'arquero';
import { unitSubtree, type UnitTree } from '../units/hierarchy.js';
import { summarizeWellbeingMatrix, type WellbeingMatrixOptions } from './summary.js';

/** unit_id of the rest-of-organisation unit in a scoped tree. */
export const REST_UNIT_ID = 'REST-OF-ORGANISATION';

/**
 * A unit tree for comparing `unit` with the rest of the organisation: the top unit has two children,
 * `unit` (with its subtree unchanged) and REST_UNIT_ID (named `restName`), both at the unit's level;
 * every other unit hangs directly from the rest (its level renamed so that the rest is the only unit
 * of the unit's level outside it). Rolled up with this tree, the top row is the whole organisation,
 * exactly the sum of the unit and the rest.
 * @example scopeUnitTree(report.tree, 'D1').parent.get('D2-RESP-A') // 'REST-OF-ORGANISATION'
 */
export function scopeUnitTree(
  tree: UnitTree,
  unit: string,
  { restName = 'Rest of organisation' }: { restName?: string } = {},
): UnitTree {
  const root = [...tree.parent].find(([, p]) => p === null)?.[0];
  if (!tree.parent.has(unit) || root === undefined || unit === root) {
    throw new Error(
      `scopeUnitTree: "${unit}" is not a unit below the top of the tree. Give a unit_id of the units table other than the top unit (${root ?? 'none'}).`,
    );
  }
  const inside = unitSubtree(tree, unit);
  const level = tree.level.get(unit)!;
  const parent = new Map<string, string | null>([[root, null]]);
  const levels = new Map<string, string>([[root, tree.level.get(root)!]]);
  const names = new Map<string, string>([[root, tree.name.get(root) ?? root]]);
  parent.set(REST_UNIT_ID, root);
  levels.set(REST_UNIT_ID, level);
  names.set(REST_UNIT_ID, restName);
  for (const [id, p] of tree.parent) {
    if (id === root) continue;
    names.set(id, tree.name.get(id) ?? id);
    if (inside.has(id)) {
      parent.set(id, id === unit ? root : p);
      levels.set(id, tree.level.get(id)!);
    } else {
      parent.set(id, REST_UNIT_ID);
      levels.set(id, `outside ${level}`);
    }
  }
  const order = [...tree.levels.slice(0, tree.levels.indexOf(level) + 1)];
  for (const l of new Set(levels.values())) if (!order.includes(l)) order.push(l);
  return { parent, level: levels, name: names, levels: order };
}

/**
 * The matrix cells of a unit report: the whole organisation (top row), `unit` and the rest of the
 * organisation, at the unit's level, for each period (summarizeWellbeingMatrix with scopeUnitTree).
 * Publish with wellbeingMatrixCellSpec: the hierarchy makes the three one additive group.
 * @example report.publish(cells = summarizeUnitMatrix(data.tables, report.tree, 'D1', { periods, asOf }), wellbeingMatrixCellSpec(cells))
 */
export function summarizeUnitMatrix(
  tables: Parameters<typeof summarizeWellbeingMatrix>[0],
  tree: UnitTree,
  unit: string,
  options: Omit<WellbeingMatrixOptions, 'levels'> & { restName?: string },
): ColumnTable {
  const { restName, ...rest } = options;
  const scoped = scopeUnitTree(tree, unit, restName === undefined ? {} : { restName });
  return summarizeWellbeingMatrix(tables, scoped, { ...rest, levels: [scoped.level.get(unit)!] });
}
