// Units from columns: a source's "hierarchy" names one export column per level (top down); each row's
// values build the path of units above it, every unit seen is collected once, and the row gets the id
// of its lowest unit. Ids carry their level (region:Y56), so two levels may share a name.
import { z } from 'zod';
import { MappingProblem } from './problem.js';

const levelName = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'a level name is snake_case (a-z, 0-9, _), e.g. "region" or "area"');

/** One level of a hierarchy from columns. */
const hierarchyLevel = z.strictObject({
  /** The level's name (any: region, bcu, station, …). */
  level: levelName,
  /** Export column holding the unit's code (or its name when there is no code). */
  id: z.string().min(1),
  /** Export column holding the unit's display name (default: the code). */
  name: z.string().min(1).optional(),
  /** The codes identify a unit on their own (unique in the level), not only under their parent. */
  unique: z.boolean().default(false),
  /** A code must match this regular expression (e.g. ^\\d{3}$), else the row is rejected (rule pattern). */
  pattern: z.string().min(1).optional(),
});

/** The `hierarchy` key of a source. */
export const hierarchySchema = z.strictObject({
  levels: z.array(hierarchyLevel).min(1).max(6),
  /** One unit above every unit of the first level (e.g. the whole force), written in the mapping. */
  top: z
    .strictObject({ id: z.string().min(1), name: z.string().optional(), level: levelName })
    .optional(),
});

export type Hierarchy = z.infer<typeof hierarchySchema>;

/** One unit the hierarchy found, with where it was first seen. */
export interface FoundUnit {
  unit_id: string;
  parent_id: string | null;
  name: string | null;
  level: string;
  file: string;
}

/** The units found by every hierarchy of one load, in the order first seen, and their warnings. */
export class UnitRegistry {
  readonly units = new Map<string, FoundUnit>();
  readonly warnings: { unit: FoundUnit; message: string }[] = [];
  private readonly renamed = new Set<string>();

  /**
   * The units found, first seen first; where two units of one level share a name (Acute in two
   * regions), each such name is followed by its parent's name in brackets: "Acute (London)".
   */
  qualified(): FoundUnit[] {
    const all = [...this.units.values()];
    const key = (u: FoundUnit) => `${u.level}\u0000${u.name ?? ''}`;
    const seen = new Map<string, number>();
    for (const u of all) seen.set(key(u), (seen.get(key(u)) ?? 0) + 1);
    return all.map((u) => {
      if (u.name === null || (seen.get(key(u)) ?? 0) < 2 || u.parent_id === null) return u;
      const parent = this.units.get(u.parent_id);
      return { ...u, name: `${u.name} (${parent?.name ?? u.parent_id})` };
    });
  }

  /** Adds `unit` unless known; returns the known unit (whose parent may differ from `unit`'s). */
  add(unit: FoundUnit): FoundUnit {
    const known = this.units.get(unit.unit_id);
    if (known === undefined) {
      this.units.set(unit.unit_id, unit);
      return unit;
    }
    if (unit.name !== null && known.name !== unit.name && !this.renamed.has(unit.unit_id)) {
      this.renamed.add(unit.unit_id);
      this.warnings.push({
        unit: known,
        message: `unit ${unit.unit_id} is named "${known.name}" and also "${unit.name}" (in ${unit.file}); the first name is kept. Make the names agree in the export, or ignore this if the unit was renamed.`,
      });
    }
    return known;
  }
}

/**
 * The level names of `hierarchy`, top first (the top's level, then each level's).
 * @example hierarchyLevels({ levels: [{ level: 'bcu', id: 'BCU' }] }) // ['bcu']
 */
export function hierarchyLevels(hierarchy: Hierarchy): string[] {
  return [...(hierarchy.top ? [hierarchy.top.level] : []), ...hierarchy.levels.map((l) => l.level)];
}

/**
 * A getter giving each record the unit_id of its lowest unit (registering every unit on its path), or
 * a MappingProblem: `hierarchy_gap` when a level is empty but one below it is not, `unit_moved` when
 * a unit with a unique code appears under a second parent. Null when every level is empty and there
 * is no top.
 * @example unitGetter(hierarchy, registry, (c) => header.indexOf(c), 'staff.csv')(values)
 */
export function unitGetter(
  hierarchy: Hierarchy,
  registry: UnitRegistry,
  column: (name: string) => number,
  file: string,
): (values: unknown[]) => unknown {
  const levels = hierarchy.levels.map((l) => ({
    ...l,
    at: column(l.id),
    nameAt: l.name === undefined ? undefined : column(l.name),
    regex: l.pattern === undefined ? undefined : new RegExp(l.pattern),
  }));
  const top = hierarchy.top;
  if (top !== undefined) {
    registry.add({
      unit_id: top.id,
      parent_id: null,
      name: top.name ?? null,
      level: top.level,
      file,
    });
  }
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  return (values) => {
    const codes = levels.map((l) => text(values[l.at]));
    const depth = codes.findIndex((c) => c === '');
    const used = depth === -1 ? codes.length : depth;
    const below = codes.findIndex((c, i) => i > used && c !== '');
    if (below !== -1) {
      const empty = levels[used];
      return new MappingProblem(
        'hierarchy_gap',
        `${levels[below].level} "${codes[below]}" is given but ${empty.level} (column ${empty.id}) is empty, so the unit's place in the hierarchy is unknown. Fill ${empty.id} in the export.`,
        codes[below],
      );
    }
    const bad = levels.findIndex((l, k) => k < used && l.regex && !l.regex.test(codes[k]));
    if (bad !== -1) {
      return new MappingProblem(
        'pattern',
        `${levels[bad].level} "${codes[bad]}" (column ${levels[bad].id}) does not match ${levels[bad].pattern}, the pattern the mapping requires. Correct the source, or map this value with "values".`,
        codes[bad],
      );
    }
    let parent: string | null = top?.id ?? null;
    const path: string[] = [];
    for (let k = 0; k < used; k++) {
      const level = levels[k];
      path.push(escapePart(codes[k]));
      const id = `${level.level}:${level.unique ? escapePart(codes[k]) : path.join('/')}`;
      const name = level.nameAt === undefined ? codes[k] : text(values[level.nameAt]) || codes[k];
      const known = registry.add({
        unit_id: id,
        parent_id: parent,
        name,
        level: level.level,
        file,
      });
      if (known.parent_id !== parent) {
        return new MappingProblem(
          'unit_moved',
          `${level.level} "${codes[k]}" is under ${known.parent_id ?? 'no unit'} in ${known.file} but under ${parent ?? 'no unit'} here. Correct the export, or remove "unique" from the level so that each parent has a unit of its own.`,
          codes[k],
        );
      }
      parent = id;
    }
    return parent;
  };
}

/** A code as one part of a path id: "/" and "%" escaped so that parts never run together. */
function escapePart(code: string): string {
  return code.replace(/%/g, '%25').replace(/\//g, '%2F');
}
