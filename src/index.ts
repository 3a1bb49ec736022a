// wellbeing-kit: the one entry point notebooks and scripts import (`import { ... } from 'wellbeing-kit'`).
// Layers from the bottom up; each exports its public API only. The demo generator is not part of it
// (`wbk demo-data` writes the demo force).
export * from './shared/index.js';
export * from './time/index.js';
export * from './schema/index.js';
export * from './stats/index.js';
export * from './io/index.js';
export * from './privacy/index.js';
export * from './transforms/index.js';
export * from './risk/index.js';
export * from './scale/index.js';
export * from './charts/index.js';
export * from './display/index.js';
export * from './report/index.js';
