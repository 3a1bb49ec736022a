// The canonical model: tables, columns, vocabularies, row validation and the data-model doc.
export { renderDataModelDoc } from './render-doc.js';
export {
  SCHEMA,
  type TableName,
  TABLE_NAMES,
  PERSON_TABLES,
  type UnitRow,
  type PersonRow,
  type PostingRow,
  type ExitInterviewRow,
  type OvertimeRow,
  type SicknessRow,
  type OhReferralRow,
  type WelfareCheckRow,
  type UnitIndicatorRow,
  type RowOfTable,
  tableSchema,
  isTableName,
  emptyTable,
  schemaDifference,
} from './tables.js';
export type {
  ColumnType,
  VocabularyName,
  ColumnSpec,
  TableSchema,
  CellValue,
  RowOf,
} from './types.js';
export {
  type StagedTable,
  type DatasetProblem,
  checkDataset,
  RESERVED_UNIT_NAMES,
} from './validate-dataset.js';
export {
  WORKER_TYPES,
  LEAVER_TYPES,
  SEXES,
  ETHNICITY_GROUPS,
  DISABILITY_VALUES,
  HIGH_RISK_ROLES,
  EXIT_REASONS,
  COMPENSATION_TYPES,
  SICKNESS_REASONS,
  WELFARE_KINDS,
  type DatasetConfig,
  resolveConfig,
  allowedValues,
  vocabulary,
  ETHNIC_MINORITY_GROUPS,
} from './vocabularies.js';
