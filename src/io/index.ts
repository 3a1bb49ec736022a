// Reading an extract through a mapping into the canonical tables, with every row loaded or rejected.
export {
  type DataStart,
  type DataWindow,
  dataEnd,
  dataWindow,
  formatDataWindow,
  latestCompleteFinancialYear,
  recordsStart,
} from './coverage.js';
export { type FolderNote, globToRegExp, listFiles, scanFolder } from './glob.js';
export { type LoadIssue, issuesTable, writeRejectsCsv } from './issues.js';
export { type LoadOptions, type Dataset, loadDataset } from './load-dataset.js';
export {
  type Mapping,
  type MappingInput,
  type MappingSource,
  type Derivation,
  parseMapping,
  readMapping,
} from './mapping/mapping.js';
export { resolvePseudonymKey } from './mapping/pseudonymise.js';
export { type CsvOptions, readCsv } from './readers/csv.js';
export { READABLE_EXTENSIONS, openRecords } from './readers/index.js';
export { readJson, readNdjson } from './readers/json.js';
export type { RawRecord, RecordSource, ReadOptions } from './readers/record-source.js';
export { readXlsx } from './readers/xlsx.js';
export { formatLoadSummary } from './summary.js';
