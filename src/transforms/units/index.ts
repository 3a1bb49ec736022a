// The unit hierarchy: levels, subtrees and roll-ups.
export {
  type UnitTree,
  unitTree,
  deriveUnitAtLevel,
  unitSubtree,
  unitsAtLevel,
  resolveUnit,
} from './hierarchy.js';
