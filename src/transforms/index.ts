// The transforms: one folder per domain, each with its public API in its index.ts.
export * from './shared/index.js';
export * from './units/index.js';
export * from './workforce/index.js';
export * from './leavers/index.js';
export * from './exits/index.js';
export * from './sickness/index.js';
export * from './overtime/index.js';
export * from './welfare/index.js';
export * from './matrix/index.js';
export * from './person-period/index.js';
export * from './quality/index.js';
export * from './indicators/index.js';
