// The data a report runs on: a table mapping loads the extract (cached for the run); a snapshot
// mapping (one row per person, an outcome flag, no dates — e.g. IBM's attrition file) gives an empty
// extract, so every dated section says what it lacks, plus the snapshot for the leaving-risk card.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolvePeriod } from '../io/coverage.js';
import { loadDataset, type Dataset } from '../io/load-dataset.js';
import {
  isSnapshotMapping,
  loadSnapshot,
  parseSnapshotMapping,
  type Snapshot,
} from '../risk/snapshot.js';
import type { Period } from '../time/periods.js';
import { loadDatasetCached } from './dataset-cache.js';

/** An extract as a report sees it: the canonical tables, and the snapshot when the mapping is one. */
export interface ReportData {
  data: Dataset;
  /** The person-level snapshot of a snapshot mapping; null for a table mapping. */
  snapshot: Snapshot | null;
}

/**
 * Loads the extract for a report. With a snapshot mapping the canonical tables are empty (one implicit
 * top unit) and `snapshot` holds the rows; otherwise loadDatasetCached.
 * @example const { data, snapshot } = await loadReportData('../shared/data/real/ibm-hr-attrition', 'examples/mappings/ibm-hr-attrition.json')
 */
export async function loadReportData(
  dir: string,
  mappingFile: string | null | undefined,
  options: { asOf?: string } = {},
): Promise<ReportData> {
  const json = mappingFile ? readJson(mappingFile) : null;
  if (json === null || !isSnapshotMapping(json)) {
    const data = await loadDatasetCached(dir, {
      ...(mappingFile ? { mapping: mappingFile } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
    });
    return { data, snapshot: null };
  }
  const snapshot = await loadSnapshot(dir, parseSnapshotMapping(json, mappingFile!));
  const empty = mkdtempSync(path.join(tmpdir(), 'wbk-snapshot-'));
  try {
    const data = await loadDataset(empty, options.asOf ? { asOf: options.asOf } : {});
    return { data, snapshot };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

/**
 * The period of a report: resolvePeriod for dated data; for a snapshot (no dates) one day, the as-of
 * date, labelled as a snapshot.
 * @example reportPeriod('all', data, snapshot).label // 'snapshot (no dates)'
 */
export function reportPeriod(
  text: string | null | undefined,
  data: Dataset,
  snapshot: Snapshot | null,
): Period {
  if (snapshot === null) return resolvePeriod(text, data);
  return { kind: 'all', label: 'snapshot (no dates)', start: data.asOf, end: data.asOf };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // not JSON: loadDataset reports it with the mapping's own message
  }
}
