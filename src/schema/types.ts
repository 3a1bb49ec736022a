// The vocabulary of the schema: column types, column specs, table schemas, and the row types they imply.

/**
 * Types a column can have, and how each is held in a loaded table:
 * string, enum and time (HH:MM) as strings; integer, number and date (epoch days) as numbers;
 * boolean as true/false; list as an array of strings (written ';'-separated in files).
 */
export type ColumnType =
  'string' | 'integer' | 'number' | 'date' | 'boolean' | 'enum' | 'list' | 'time';

/** Vocabularies that configuration may extend (high-risk roles, exit reasons) or declare (unit levels). */
export type VocabularyName = 'high_risk_role' | 'exit_reason' | 'unit_level';

/** One column of a canonical table. */
export interface ColumnSpec {
  readonly type: ColumnType;
  /** One sentence for the data-model doc: what the value means, its unit. */
  readonly description: string;
  /** A row without a value here is rejected. */
  readonly required?: boolean;
  /** Allowed values of an enum column, or of each item of a list column. */
  readonly values?: readonly string[];
  /** The allowed values come from this configurable vocabulary (defaults in vocabularies.ts). */
  readonly vocabulary?: VocabularyName;
  /** Numeric bounds; `exclusiveMin`/`exclusiveMax` make the bound itself invalid. */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** A date that may lie after the as-of date (e.g. the end of a reporting period). */
  readonly futureAllowed?: boolean;
  /** Identifies or could re-identify a person (ids, birth year): pseudonymise or aggregate before sharing. */
  readonly personal?: boolean;
  /** Special-category or protected-characteristic data (sex, ethnicity, disability, health). */
  readonly sensitive?: boolean;
  /** Free text: may hold anything; never leaves the analyst's notebook. */
  readonly freeText?: boolean;
}

/** One canonical table: its columns in file order, its key and what one row is. */
export interface TableSchema {
  readonly name: string;
  /** What one row is, for the doc. */
  readonly description: string;
  /** Columns whose values together identify a row; a repeat is rejected as a duplicate. Empty: no key. */
  readonly key: readonly string[];
  readonly columns: { readonly [column: string]: ColumnSpec };
}

/** The value type of a column, without missing values. */
export type CellValue<C extends ColumnSpec> = C['type'] extends 'integer' | 'number' | 'date'
  ? number
  : C['type'] extends 'boolean'
    ? boolean
    : C['type'] extends 'list'
      ? string[]
      : C extends { vocabulary: VocabularyName }
        ? string
        : C extends { values: readonly (infer V extends string)[] }
          ? V
          : string;

/** One row of a table as JS values: required columns always have a value, others may be null. */
export type RowOf<T extends TableSchema> = {
  -readonly [K in keyof T['columns']]: T['columns'][K] extends { required: true }
    ? CellValue<T['columns'][K]>
    : CellValue<T['columns'][K]> | null;
};
