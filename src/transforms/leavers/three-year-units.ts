// The 3-year point unit by unit: for each unit, the focus group (e.g. women) against the reference
// group (e.g. men) of the same unit, so a unit where one group resigns early stands out.
// Steps: split the retention data by unit → summarizeThreeYearResignation per unit → keep the focus row.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DataQuality } from '../quality/report.js';
import { groupRows, MISSING_GROUP } from '../shared/groups.js';
import { summarizeThreeYearResignation, threeYearSpec } from './three-year.js';
import { checkColumns } from '../../shared/columns.js';

export interface ThreeYearByUnitOptions {
  /** Column holding each spell's unit at the comparison level (e.g. from deriveUnitAtLevel). */
  unitColumn: string;
  /** Characteristic column (default 'sex'). */
  by?: string;
  /** The group compared with the reference (default 'female'). */
  focus?: string;
  /** Reference group (default as summarizeThreeYearResignation: male / white). */
  reference?: string;
  minGroupSize?: number;
  /** Data-quality report at the same unit level: its comparison_unreliable verdicts are honoured. */
  dq?: DataQuality;
}

/** One row per unit for the focus group, and why other units were refused. */
export interface ThreeYearByUnit {
  /** Columns: the unit column, then summarizeThreeYearResignation's columns for the focus group. */
  table: ColumnTable;
  /** "unit: reason" for every unit whose comparison was refused. */
  refused: string[];
}

/**
 * Per unit of `unitColumn` (spells without a unit left out): the focus group's probability of resigning
 * within 3 years and its relative likelihood against the reference group of the same unit. Units where
 * the comparison is refused (equality data unreliable) are listed in `refused`; units without anyone
 * of the focus group are left out.
 * @example summarizeThreeYearByUnit(deriveUnitAtLevel(retention, tree, { level: 'department' }), { unitColumn: 'department_id' })
 */
export function summarizeThreeYearByUnit(
  retention: ColumnTable,
  options: ThreeYearByUnitOptions,
): ThreeYearByUnit {
  const { unitColumn, by = 'sex', focus = 'female', reference, minGroupSize, dq } = options;
  checkColumns('summarizeThreeYearByUnit', retention, [unitColumn, by]);
  const parts: ColumnTable[] = [];
  const refused: string[] = [];
  for (const group of groupRows(retention, [unitColumn])) {
    const unit = group.values[0];
    if (unit === MISSING_GROUP) continue;
    const rows = retention.reify(group.rows);
    const result = summarizeThreeYearResignation(rows, {
      by,
      ...(reference === undefined ? {} : { reference }),
      ...(minGroupSize === undefined ? {} : { minGroupSize }),
      ...(dq ? { dataQuality: { dq, unitId: unit } } : {}),
    });
    if (result.refused) {
      refused.push(`${unit}: ${result.refused}`);
      continue;
    }
    const t = result.table;
    const keep = Array.from(t.array(by) as ArrayLike<string>).flatMap((v, i) =>
      v === focus ? [i] : [],
    );
    if (keep.length === 0) continue;
    const focusRows = t.reify(keep);
    parts.push(
      toTable({ [unitColumn]: keep.map(() => unit) }).assign(
        focusRows.select(focusRows.columnNames().filter((c) => c !== by)),
      ),
    );
  }
  const table =
    parts.length > 0
      ? parts.reduce((a, b) => a.concat(b))
      : toTable({ [unitColumn]: [] as string[] });
  return { table, refused };
}

/**
 * CellSpec of the table of summarizeThreeYearByUnit (the unit column as the dimension).
 * @example report.publish(result.table, threeYearByUnitSpec('department_id'))
 */
export function threeYearByUnitSpec(unitColumn: string): CellSpec {
  return threeYearSpec(unitColumn);
}
