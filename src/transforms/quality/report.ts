// The data-quality report of one load: per file rows read/loaded/rejected, rejects and warnings by rule,
// completeness per column, date coverage per table, and equality-data completeness by unit and worker
// type with the "comparison unreliable" flags that later analyses honour (isComparisonReliable).
import { table, type ColumnTable } from 'arquero';
import type { Dataset } from '../../io/load-dataset.js';
import type { PublishedTable } from '../../privacy/published.js';
import { ancestorAt, unitTree } from '../units/hierarchy.js';
import { summarizeCompleteness, summarizeCoverage } from './columns.js';
import {
  ALL,
  EQUALITY_CHARACTERISTICS,
  summarizeEqualityCompleteness,
  type EqualityCharacteristic,
} from './equality.js';
import { optionalColumn } from '../../shared/columns.js';

export interface DataQualityOptions {
  /** Unknown share (not stated + missing, 0–1) above which a comparison is unreliable. Default 0.2. */
  unreliableThreshold?: number;
  /** Unit level of the equality breakdown; default the level below the top (raw unit_id without units). */
  level?: string | null;
  /**
   * unit_ids of a unit report's subtree (report.scope): people outside it are pooled in the equality
   * table as `restLabel`, so a unit's report shows its own unit, the rest and the whole organisation
   * only. Default null: every unit.
   */
  scope?: ReadonlySet<string> | null;
  /** Label of the people outside `scope`. Default 'Rest of organisation' (as report.labelUnits). */
  restLabel?: string;
}

/** The data-quality report: plain tables, each with a CellSpec in data-quality-cards.ts. */
export interface DataQuality {
  threshold: number;
  /** The unit level of `equality`, or null when units were not loaded (raw unit_id is used). */
  level: string | null;
  /** Per file: file, table, rows_read, rows_loaded, rows_rejected, warnings. */
  loads: ColumnTable;
  /** kind (rejected | warning), table ("(file)" for file-level notes), rule, problems. */
  issues: ColumnTable;
  completeness: ColumnTable;
  coverage: ColumnTable;
  equality: ColumnTable;
  /** Things the reader should know about how the report was built (e.g. a broken hierarchy). */
  notes: string[];
}

/**
 * The data-quality report of a loaded dataset (see DataQuality for the tables). Equality data are
 * measured on every row of people (employment spells, leavers included), by unit rolled up to
 * `level` and worker type, with "All" totals; `comparison_unreliable` is unknown / people > threshold.
 * With `scope`, people outside the unit's subtree are one group, `restLabel`.
 * @example const dq = summarizeDataQuality(data, { unreliableThreshold: 0.2, level: 'district' })
 */
export function summarizeDataQuality(
  dataset: Pick<Dataset, 'tables' | 'files' | 'rejects' | 'warnings' | 'config' | 'levels'>,
  {
    unreliableThreshold = 0.2,
    level,
    scope = null,
    restLabel = 'Rest of organisation',
  }: DataQualityOptions = {},
): DataQuality {
  const missing = ['tables', 'files', 'rejects', 'warnings', 'config'].filter(
    (k) => (dataset as unknown as Record<string, unknown>)?.[k] === undefined,
  );
  if (missing.length > 0) {
    throw new Error(
      `summarizeDataQuality: the dataset lacks ${missing.join(', ')}. Pass the result of loadDataset().`,
    );
  }
  if (!(unreliableThreshold >= 0 && unreliableThreshold <= 1)) {
    throw new Error(
      `summarizeDataQuality: unreliableThreshold must be a share between 0 and 1 (0.2 = 20%), got ${unreliableThreshold}.`,
    );
  }
  const notes: string[] = [];
  const people = dataset.tables.people;
  const { units: rolled, level: used } = unitsAtLevel(dataset, level ?? null, notes);
  const ids = optionalColumn<string | null>(people, 'unit_id');
  const units =
    scope === null
      ? rolled
      : rolled.map((u, i) => (ids?.[i] != null && scope.has(ids[i]!) ? u : restLabel));
  return {
    threshold: unreliableThreshold,
    level: used,
    loads: table({
      file: dataset.files.map((f) => f.file),
      table: dataset.files.map((f) => f.table),
      rows_read: dataset.files.map((f) => f.rows_read),
      rows_loaded: dataset.files.map((f) => f.rows_loaded),
      rows_rejected: dataset.files.map((f) => f.rows_rejected),
      warnings: dataset.files.map((f) => f.warnings),
    }),
    issues: issuesByRule(dataset.rejects, dataset.warnings),
    completeness: summarizeCompleteness(dataset.tables),
    coverage: summarizeCoverage(dataset.tables),
    equality: summarizeEqualityCompleteness({ people, units, threshold: unreliableThreshold }),
    notes,
  };
}

export interface ComparisonQuery {
  characteristic: EqualityCharacteristic;
  /** A unit at the report's level; omitted or null: the whole organisation. */
  unitId?: string | null;
  /** A worker type; omitted or null: all worker types. */
  workerType?: string | null;
}

/**
 * Whether a comparison by `characteristic` is reliable for the group: false when the unknown share
 * (not stated + missing) exceeds the report's threshold, or the group has no people. Throws when the
 * characteristic is not measured or the unit is not a unit of the report's level.
 * @example if (!isComparisonReliable(dq, { unitId: 'D1', characteristic: 'sex' })) skipSexBreakdown()
 */
export function isComparisonReliable(dq: DataQuality, query: ComparisonQuery): boolean {
  return comparisonRow(dq, query, 'isComparisonReliable')?.reliable ?? false;
}

/**
 * Throws, saying why and how to proceed, when a comparison by `characteristic` is unreliable for the
 * group (see isComparisonReliable); returns nothing otherwise.
 * @example checkComparisonReliable(dq, { characteristic: 'ethnicity_group' }) // throws when > 20% unknown
 */
export function checkComparisonReliable(dq: DataQuality, query: ComparisonQuery): void {
  const row = comparisonRow(dq, query, 'checkComparisonReliable');
  if (row?.reliable) return;
  const group = `${query.unitId ?? 'the whole organisation'}${query.workerType ? ` (${query.workerType})` : ''}`;
  throw new Error(
    row === undefined
      ? `comparison by ${query.characteristic} refused for ${group}: nobody in the people table is in this group.`
      : `comparison by ${query.characteristic} refused for ${group}: ${row.pct.toFixed(1)}% of ${row.people} people have it not stated or missing, above the ${dq.threshold * 100}% threshold. Improve the recording of ${query.characteristic} (see the data-quality report), or compare at a level where it is complete.`,
  );
}

/**
 * For a published equality table (publish `dq.equality` with EQUALITY_SPEC), a verdict per row computed
 * from the published figures only: "reliable", "unreliable (N% unknown)" or "not shown". The unknown
 * share is unknown_pct, or (people − recorded) / people when the rate is hidden but both are shown.
 * @example showTable(equalityVerdicts(report.publish(dq.equality, EQUALITY_SPEC), dq.threshold))
 */
export function equalityVerdicts(published: PublishedTable, threshold: number): ColumnTable {
  const t = published.table;
  if (!['unknown_pct', 'people', 'recorded'].every((c) => t.columnNames().includes(c))) {
    throw new Error(
      'equalityVerdicts: the published table lacks unknown_pct, people or recorded. Publish dq.equality with EQUALITY_SPEC.',
    );
  }
  const pct = t.array('unknown_pct') as ArrayLike<number | null>;
  const people = t.array('people') as ArrayLike<number | null>;
  const recorded = t.array('recorded') as ArrayLike<number | null>;
  const verdict = Array.from({ length: t.numRows() }, (_, i) => {
    let p = pct[i];
    // the rate may be hidden while people and recorded are shown: their difference is the unknowns
    const n = people[i];
    const r = recorded[i];
    if (typeof p !== 'number' && typeof n === 'number' && typeof r === 'number' && n > 0) {
      p = ((n - r) / n) * 100;
    }
    if (typeof p !== 'number' || !Number.isFinite(p)) return 'not shown';
    return p > threshold * 100 ? `unreliable (${Math.round(p)}% unknown)` : 'reliable';
  });
  return t.select(...published.by).assign(table({ comparison: verdict }));
}

function comparisonRow(dq: DataQuality, query: ComparisonQuery, where: string) {
  if (!(EQUALITY_CHARACTERISTICS as readonly string[]).includes(query?.characteristic)) {
    throw new Error(
      `${where}: characteristic "${query?.characteristic}" is not measured. Use one of ${EQUALITY_CHARACTERISTICS.join(', ')}.`,
    );
  }
  const units = dq.equality.array('unit_id') as ArrayLike<string>;
  const unit = query.unitId ?? ALL;
  if (unit !== ALL && !Array.from(units).includes(unit)) {
    throw new Error(
      `${where}: unit "${unit}" has no row in the data-quality report, whose units are at level ${dq.level ?? 'unit_id'}. Give a unit at that level (e.g. ${Array.from(
        new Set(Array.from(units)),
      )
        .slice(0, 5)
        .join(', ')}), or rebuild the report with summarizeDataQuality(data, { level }).`,
    );
  }
  const worker = query.workerType ?? ALL;
  const rows = dq.equality
    .params({ u: unit, w: worker, c: query.characteristic })
    .filter(
      (d: Record<string, string>, $: Record<string, string>) =>
        d.unit_id === $.u && d.worker_type === $.w && d.characteristic === $.c,
    )
    .objects() as { people: number; unknown_pct: number; comparison_unreliable: boolean }[];
  if (rows.length === 0) return undefined;
  const [row] = rows;
  return { reliable: !row.comparison_unreliable, pct: row.unknown_pct, people: row.people };
}

function unitsAtLevel(
  dataset: Pick<Dataset, 'tables' | 'config' | 'levels'>,
  level: string | null,
  notes: string[],
): { units: (string | null)[]; level: string | null } {
  const people = dataset.tables.people;
  const raw = people.columnNames().includes('unit_id')
    ? (Array.from(people.array('unit_id') as ArrayLike<string | null>) as (string | null)[])
    : new Array<string | null>(people.numRows()).fill(null);
  const levels = dataset.levels;
  const wanted = level ?? levels[Math.min(1, levels.length - 1)];
  if (!levels.includes(wanted)) {
    throw new Error(
      `summarizeDataQuality: level "${wanted}" is not a unit level. Levels: ${levels.join(', ')}.`,
    );
  }
  if (dataset.tables.units.numRows() === 0) {
    notes.push('No units were loaded, so equality data are shown by unit_id as exported.');
    return { units: raw, level: null };
  }
  try {
    const tree = unitTree(dataset.tables.units);
    return { units: raw.map((u) => ancestorAt(tree, u, wanted)), level: wanted };
  } catch (error) {
    notes.push(
      `The unit hierarchy is broken (${(error as Error).message}), so equality data are shown by unit_id as exported.`,
    );
    return { units: raw, level: null };
  }
}

function issuesByRule(rejects: ColumnTable, warnings: ColumnTable): ColumnTable {
  const counts = new Map<string, number>();
  for (const [kind, issues] of [
    ['rejected', rejects],
    ['warning', warnings],
  ] as const) {
    const tables = issues.array('table') as ArrayLike<string>;
    const rules = issues.array('rule') as ArrayLike<string>;
    for (let i = 0; i < issues.numRows(); i++) {
      const key = JSON.stringify([kind, tables[i] || '(file)', rules[i]]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rows = [...counts].map(([key, n]) => {
    const [kind, name, rule] = JSON.parse(key) as [string, string, string];
    return [kind, name, rule, n] as const;
  });
  rows.sort(
    (a, b) =>
      a[0].localeCompare(b[0]) ||
      b[3] - a[3] ||
      a[1].localeCompare(b[1]) ||
      a[2].localeCompare(b[2]),
  );
  return table({
    kind: rows.map((r) => r[0]),
    table: rows.map((r) => r[1]),
    rule: rows.map((r) => r[2]),
    problems: rows.map((r) => r[3]),
  });
}
