// Indicators supplied pre-aggregated per unit and period (unit_indicators): by level, rolled up, as a matrix.
export * from './unit-indicators.js';
