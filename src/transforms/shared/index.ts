// Margins and definition cards shared by every transform.
export { type DefinitionCard, definitionText } from './definition.js';
export { type RowGroup, periodList } from './groups.js';
export { type TotalsOptions, addTotals, addTotalsWithWhole } from './totals.js';
