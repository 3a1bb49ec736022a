// Model matrices from arquero tables, coded as R's model.matrix does, and a check for aliased columns.
import type { ColumnTable } from 'arquero';

/** A numeric design: rows of X, the R-style column names and, per column, the variable (term) it codes. */
export interface DesignMatrix {
  X: number[][];
  names: string[];
  terms: string[];
}

export interface DesignOptions {
  /** Table columns to use, in order: numbers as is; strings and booleans as treatment contrasts. */
  columns: readonly string[];
  /** Reference level per categorical column; default the first level in sorted order (R's default). */
  reference?: Readonly<Record<string, string>>;
  /** Prepend an "(Intercept)" column of ones (true for fitLogistic, false for fitCox). */
  intercept?: boolean;
}

/** A numeric design by column: one array per column of X, a value per table row. */
export interface DesignColumns {
  columns: Float64Array[];
  names: string[];
  terms: string[];
}

/**
 * Design matrix from a table: numeric columns as is, each categorical column as 0/1 indicators for
 * every level but the reference (R's contr.treatment), named column + level as R names them
 * (`worker_type` with levels officer < pcso < staff gives `worker_typepcso`, `worker_typestaff`).
 * Levels sort by code point (R in the C locale); booleans are levels FALSE < TRUE (`flagTRUE`).
 * @example designMatrix(people, { columns: ['age_years', 'worker_type'], reference: { worker_type: 'staff' } })
 */
export function designMatrix(table: ColumnTable, options: DesignOptions): DesignMatrix {
  const { columns, names, terms } = designColumns(table, options);
  const X = Array.from({ length: table.numRows() }, (_, i) => columns.map((col) => col[i]));
  return { X, names, terms };
}

/**
 * designMatrix by column: the same values, names and terms, one Float64Array per column of X (8 bytes
 * a cell: millions of person-months fit where an array per row would not).
 * @example designColumns(people, { columns: ['age_years'] }).columns[1] // Float64Array of ages
 */
export function designColumns(
  table: ColumnTable,
  { columns, reference = {}, intercept = true }: DesignOptions,
): DesignColumns {
  const found = table.columnNames();
  const missing = columns.filter((c) => !found.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `designMatrix: column(s) ${missing.map((c) => `"${c}"`).join(', ')} missing. Found: ${found.join(', ')}. Check the names in options.columns.`,
    );
  }
  const n = table.numRows();
  const blocks: { names: string[]; term: string; values: Float64Array[] }[] = [];
  if (intercept)
    blocks.push({
      names: ['(Intercept)'],
      term: '(Intercept)',
      values: [new Float64Array(n).fill(1)],
    });
  for (const column of columns) {
    const values = table.array(column) as unknown[];
    let numeric = true;
    for (let row = 0; row < n; row++) {
      const v = values[row];
      const ok =
        (typeof v === 'number' && Number.isFinite(v)) ||
        typeof v === 'string' ||
        typeof v === 'boolean';
      if (!ok) {
        throw new Error(
          `designMatrix: column "${column}", row ${row}: value ${String(v)} is not a finite number, string or boolean. Filter or impute missing values before fitting (R would drop the row).`,
        );
      }
      if (typeof v !== 'number') numeric = false;
    }
    if (numeric) {
      blocks.push({
        names: [column],
        term: column,
        values: [Float64Array.from(values as number[])],
      });
    } else {
      blocks.push(treatmentContrasts(column, values, reference[column]));
    }
  }
  return {
    columns: blocks.flatMap((b) => b.values),
    names: blocks.flatMap((b) => b.names),
    terms: blocks.flatMap((b) => b.names.map(() => b.term)),
  };
}

/**
 * Throws `<where>: …` naming the row (and column) at fault unless every row of X has one finite
 * number per name: the check fitLogistic and fitCox make of a design before fitting it.
 * @example checkDesignRows('fitLogistic', [[1, 0], [1, NaN]], ['(Intercept)', 'x']) // throws: X row 1, column "x": value NaN …
 */
export function checkDesignRows(
  where: string,
  X: readonly (readonly number[])[],
  names: readonly string[],
): void {
  const p = names.length;
  X.forEach((row, i) => {
    if (row.length !== p) {
      throw new Error(
        `${where}: row ${i} of X has ${row.length} values but names lists ${p} columns (${names.join(', ')}).`,
      );
    }
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) {
        throw new Error(
          `${where}: X row ${i}, column "${names[j]}": value ${v} is not a finite number. Filter or impute it first.`,
        );
      }
    });
  });
}

/**
 * Indices of columns that are (numerically) linear combinations of earlier columns, each with the
 * earlier columns it depends on; empty when X has full column rank. Tolerance 1e-7 relative to the
 * column's norm, as R's QR in lm/glm.
 * @example aliasedColumns([[1, 1], [1, 1], [1, 1]]) // [{ column: 1, dependsOn: [0] }]
 */
export function aliasedColumns(X: readonly (readonly number[])[], tolerance = 1e-7) {
  return aliasedColumnsOf(
    X.length,
    X[0]?.length ?? 0,
    (j, x) => {
      for (let i = 0; i < x.length; i++) x[i] = X[i][j];
    },
    tolerance,
  );
}

/**
 * aliasedColumns of a matrix of n rows and p columns given by column: `fill(j, x)` writes column j
 * into x (length n), so a design held by column need not be copied into rows.
 * @example aliasedColumnsOf(3, 2, (j, x) => x.fill(1)) // [{ column: 1, dependsOn: [0] }]
 */
export function aliasedColumnsOf(
  n: number,
  p: number,
  fill: (j: number, x: Float64Array) => void,
  tolerance = 1e-7,
) {
  const basis: Float64Array[] = []; // orthonormal vectors of the kept columns
  const kept: number[] = [];
  const found: { column: number; dependsOn: number[] }[] = [];
  const x = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    fill(j, x);
    const r = Float64Array.from(x);
    const loadings = basis.map((q) => {
      const c = dot(q, r); // modified Gram-Schmidt: project the running residual
      for (let i = 0; i < n; i++) r[i] -= c * q[i];
      return c;
    });
    const norm = Math.sqrt(dot(r, r));
    const size = Math.sqrt(dot(x, x));
    if (norm <= tolerance * Math.max(size, 1e-300)) {
      const dependsOn = kept.filter((_, k) => Math.abs(loadings[k]) > 1e-8 * size);
      found.push({ column: j, dependsOn });
    } else {
      for (let i = 0; i < n; i++) r[i] /= norm;
      basis.push(r);
      kept.push(j);
    }
  }
  return found;
}

function treatmentContrasts(column: string, values: unknown[], ref: string | undefined) {
  // R's logicals print as FALSE / TRUE, hence its column names flagTRUE
  const labels = values.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)));
  const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (levels.length < 2) {
    throw new Error(
      `designMatrix: column "${column}" has a single level (${levels[0]}); a categorical column needs 2 or more. Drop it from options.columns.`,
    );
  }
  const base = ref ?? levels[0];
  if (!levels.includes(base)) {
    throw new Error(
      `designMatrix: reference level "${base}" for column "${column}" does not occur. Levels: ${levels.join(', ')}. Set options.reference.${column} to one of them.`,
    );
  }
  const others = levels.filter((l) => l !== base);
  return {
    names: others.map((l) => `${column}${l}`),
    term: column,
    values: others.map((l) => Float64Array.from(labels, (v) => (v === l ? 1 : 0))),
  };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
