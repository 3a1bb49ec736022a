// Additive groups of a table: a total row and the rows that sum to it, from total markers and hierarchies.
import type { ColumnTable } from 'arquero';
import type { CellSpec, Layout } from './spec.js';
import { pushTo } from '../shared/collections.js';

/** One additive relation: the value in row `total` equals the sum over rows `parts`. */
export interface AdditiveGroup {
  kind: 'margin' | 'hierarchy';
  total: number;
  parts: number[];
}

/**
 * Returns every additive group of the table: for each total-marker row, the rows it sums over one
 * dimension; for each parent row of the hierarchy, its children (other dimensions equal).
 * Throws when a hierarchy has a cycle or a total differs from the sum of its parts.
 * @example additiveGroups(table, layout, { by: ['team', 'grade'], total: 'All', population: 'n' })
 */
export function additiveGroups(
  table: ColumnTable,
  layout: Layout,
  spec: CellSpec,
): AdditiveGroup[] {
  const parentOf = checkHierarchy(spec);
  const h = spec.hierarchy ? layout.by.indexOf(spec.hierarchy.column) : -1;
  const index = new Map<string, number[]>();
  const groups: AdditiveGroup[] = [];
  for (let d = 0; d < layout.by.length; d++) {
    // rows keyed by every dimension except d: the candidates for a group over d
    index.clear();
    layout.dims.forEach((dims, row) => {
      const key = JSON.stringify(dims.filter((_, i) => i !== d));
      pushTo(index, key, row);
    });
    for (const rows of index.values()) {
      for (const t of rows) {
        const value = layout.dims[t][d];
        let isPart: ((v: string) => boolean) | undefined;
        if (spec.total !== undefined && value === spec.total) {
          isPart = d === h ? (v) => v !== spec.total && !parentOf.has(v) : (v) => v !== spec.total;
          addGroup(groups, 'margin', t, rows, d, layout, isPart);
        }
        if (d === h && [...parentOf.values()].includes(value)) {
          isPart = (v) => parentOf.get(v) === value;
          addGroup(groups, 'hierarchy', t, rows, d, layout, isPart);
        }
      }
    }
  }
  groups.sort((a, b) => a.total - b.total || a.kind.localeCompare(b.kind));
  checkAdditive(table, layout, groups);
  return groups;
}

/** The child → parent map of the spec's hierarchy (empty without one); throws on a cycle. */
export function checkHierarchy(spec: CellSpec): Map<string, string> {
  const parentOf = new Map(Object.entries(spec.hierarchy?.parent ?? {}));
  for (const start of parentOf.keys()) {
    const path = [start];
    let at = parentOf.get(start);
    while (at !== undefined) {
      if (path.includes(at)) {
        throw new Error(
          `publishTable: hierarchy "${spec.hierarchy?.column}" has a cycle: ${[...path, at].join(' → ')}. ` +
            'Each value must have one parent and the chain must end at a top value.',
        );
      }
      path.push(at);
      at = parentOf.get(at);
    }
  }
  return parentOf;
}

function addGroup(
  groups: AdditiveGroup[],
  kind: AdditiveGroup['kind'],
  total: number,
  rows: number[],
  d: number,
  layout: Layout,
  isPart: (v: string) => boolean,
): void {
  const parts = rows.filter((r) => r !== total && isPart(layout.dims[r][d]));
  groups.push({ kind, total, parts });
}

function checkAdditive(table: ColumnTable, layout: Layout, groups: AdditiveGroup[]): void {
  for (const m of layout.measures) {
    const values = table.array(m.column) as ArrayLike<number>;
    for (const g of groups) {
      const sum = g.parts.reduce((s, r) => s + values[r], 0);
      if (Math.abs(values[g.total] - sum) > 1e-9 * Math.max(1, Math.abs(sum))) {
        const label = layout.by.map((d, i) => `${d}=${layout.dims[g.total][i]}`).join(', ');
        throw new Error(
          `publishTable: column "${m.column}" is not additive: the ${g.kind === 'margin' ? 'total' : 'parent'} ` +
            `row (${label}) differs from the sum of its ${g.parts.length} part rows. A missing part would be ` +
            'revealed by subtraction: include every part (an explicit "other" row if needed) or drop the total.',
        );
      }
    }
  }
}
