// The demo force's public API: the generator, its options and manifest, and the CSV contract.
export { generateDemoForce } from './generate.js';
export {
  currentManifest,
  resolveDemoOptions,
  type DemoManifest,
  type DemoOptions,
  type PlantedEffect,
  type ResolvedDemoOptions,
} from './manifest.js';
export { DEMO_COLUMNS, type DemoFileName } from './columns.js';
