// Growable columns for the rows a DuckDB scan brings back (tens of millions of overtime claims): numbers
// and booleans in typed arrays, text as codes into its distinct values, so a cell costs a few bytes
// instead of a JS value. Finished, a column becomes an Arrow column holding the same values.
import {
  bool,
  columnFromValues,
  dictionary,
  float64,
  int8,
  int16,
  int32,
  utf8,
  type Column,
  type DataType,
  type IntType,
} from '@uwdata/flechette';

/** Rows per chunk of a builder: chunks are joined once, when the column is finished. */
const CHUNK = 1 << 16;

type Mode = 'empty' | 'number' | 'text' | 'boolean' | 'any';

/**
 * A column of loader values (string, number, boolean, null, or anything else such as lists) built
 * row by row. Numbers go into a Float64Array, booleans into a Uint8Array, text into Int32 codes of
 * its distinct values (so equal texts are one string); a column mixing kinds falls back to a JS
 * array. `at(i)` reads a row back as it was pushed.
 * @example const c = new ColumnBuilder(); c.push('P1'); c.push(null); c.at(0) // 'P1'
 */
export class ColumnBuilder {
  private mode: Mode = 'empty';
  private size = 0;
  private chunks: (Float64Array | Int32Array | Uint8Array)[] = [];
  private current: Float64Array | Int32Array | Uint8Array | null = null;
  /** Text: the distinct values, by code, and their codes. */
  private texts: string[] = [];
  private codeOf = new Map<string, number>();
  /** Numbers: whether every value is a whole number in the Int32 range, and their range. */
  private integral = true;
  private min = Infinity;
  private max = -Infinity;
  /** Numbers: rows holding null (NaN is a value, so nulls are marked apart). */
  private nullRows: Uint8Array[] | null = null;
  private any: unknown[] | null = null;

  get length(): number {
    return this.size;
  }

  push(value: unknown): void {
    if (this.mode === 'any') {
      this.any!.push(value);
      this.size++;
      return;
    }
    if (value === null || value === undefined) {
      this.pushNull();
      return;
    }
    const kind =
      typeof value === 'number'
        ? 'number'
        : typeof value === 'string'
          ? 'text'
          : typeof value === 'boolean'
            ? 'boolean'
            : 'any';
    if (this.mode === 'empty' && kind !== 'any') this.start(kind);
    if (kind !== this.mode) {
      this.toAny();
      this.push(value);
      return;
    }
    const slot = this.slot();
    if (kind === 'number') {
      const v = value as number;
      if (this.integral && !(Number.isInteger(v) && v >= -2147483648 && v <= 2147483647))
        this.integral = false;
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
      (this.current as Float64Array)[slot] = v;
    } else if (kind === 'text') {
      let code = this.codeOf.get(value as string);
      if (code === undefined) {
        code = this.texts.length;
        this.texts.push(value as string);
        this.codeOf.set(value as string, code);
      }
      (this.current as Int32Array)[slot] = code;
    } else {
      (this.current as Uint8Array)[slot] = value ? 1 : 0;
    }
    this.size++;
  }

  /** The value of row `i`, as pushed. */
  at(i: number): unknown {
    if (this.mode === 'any') return this.any![i];
    if (this.mode === 'empty') return null;
    const chunk = this.chunks[i >>> 16];
    const j = i & (CHUNK - 1);
    if (this.mode === 'number') {
      return this.nullRows?.[i >>> 16]?.[j] ? null : (chunk as Float64Array)[j];
    }
    if (this.mode === 'text') {
      const code = (chunk as Int32Array)[j];
      return code < 0 ? null : this.texts[code];
    }
    const b = (chunk as Uint8Array)[j];
    return b === 2 ? null : b === 1;
  }

  /**
   * The column as an Arrow column of the type arquero's toArrow would choose for the same values
   * (whole numbers in the smallest of Int8, Int16, Int32 that holds them, else Float64; Bool;
   * dictionary-encoded Utf8 with the smallest index type that holds its distinct values and a null;
   * inferred for anything else). The builder is emptied as the column is built.
   */
  toArrow(): Column<unknown> {
    if (this.mode === 'any' || this.mode === 'empty') {
      const values = this.mode === 'any' ? this.any! : new Array<null>(this.size).fill(null);
      this.any = null;
      return columnFromValues(values);
    }
    const type: DataType =
      this.mode === 'number'
        ? this.integral
          ? smallestInt(Math.max(Math.abs(this.min) - 1, this.max))
          : float64()
        : this.mode === 'text'
          ? dictionary(utf8(), smallestInt(this.texts.length + 1))
          : bool();
    const column = columnFromValues((visit: (value: unknown) => void) => {
      for (let i = 0; i < this.size; i++) visit(this.at(i));
    }, type);
    this.chunks = [];
    this.current = null;
    this.nullRows = null;
    return column;
  }

  private start(kind: 'number' | 'text' | 'boolean'): void {
    // the nulls pushed so far, in the new kind's storage
    const leading = this.size;
    this.mode = kind;
    this.size = 0;
    this.chunks = [];
    this.current = null;
    for (let i = 0; i < leading; i++) this.pushNull();
  }

  private pushNull(): void {
    if (this.mode === 'empty') {
      this.size++;
      return;
    }
    const slot = this.slot();
    if (this.mode === 'number') {
      (this.current as Float64Array)[slot] = 0;
      this.nullRows ??= [];
      const k = this.size >>> 16;
      this.nullRows[k] ??= new Uint8Array(CHUNK);
      this.nullRows[k][slot] = 1;
    } else if (this.mode === 'text') {
      (this.current as Int32Array)[slot] = -1;
    } else {
      (this.current as Uint8Array)[slot] = 2;
    }
    this.size++;
  }

  /** The slot of the next row in the current chunk (a new chunk when it is full). */
  private slot(): number {
    const j = this.size & (CHUNK - 1);
    if (j === 0) {
      this.current =
        this.mode === 'number'
          ? new Float64Array(CHUNK)
          : this.mode === 'text'
            ? new Int32Array(CHUNK)
            : new Uint8Array(CHUNK);
      this.chunks.push(this.current);
    }
    return j;
  }

  private toAny(): void {
    const values = new Array<unknown>(this.size);
    for (let i = 0; i < this.size; i++) values[i] = this.at(i);
    this.mode = 'any';
    this.any = values;
    this.chunks = [];
    this.current = null;
    this.nullRows = null;
  }
}

/** The smallest signed integer type holding 0 … `v` (and −v − 1). */
function smallestInt(v: number): IntType {
  return v < 1 << 7 ? int8() : v < 1 << 15 ? int16() : int32();
}

/**
 * Growable whole numbers (line numbers of a file) in Int32 chunks.
 * @example const lines = new IntBuilder(); lines.push(2); lines.at(0) // 2
 */
export class IntBuilder {
  private chunks: Int32Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    const j = this.size & (CHUNK - 1);
    if (j === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[this.chunks.length - 1][j] = value;
    this.size++;
  }

  at(i: number): number {
    return this.chunks[i >>> 16][i & (CHUNK - 1)];
  }

  set(i: number, value: number): void {
    this.chunks[i >>> 16][i & (CHUNK - 1)] = value;
  }
}
