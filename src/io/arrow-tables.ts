// Tables whose columns are Arrow columns (typed numbers, dictionary-encoded text), as the big event
// tables of a load at scale are: arquero reads them in place, and they are written to Arrow IPC as
// they are, without a copy of every value into a JS array first.
import { closeSync, openSync, writeSync } from 'node:fs';
import { fromArrow, toArrow, type ColumnTable } from 'arquero';
import { tableFromColumns, tableToIPC, type Column, type Table } from '@uwdata/flechette';

const sources = new WeakMap<ColumnTable, Table>();

/**
 * An arquero table over Arrow `columns` (in that order), reading them in place.
 * @example arrowTable([['hours', columnFromValues([1.5, 2])]]).array('hours') // Float64Array [1.5, 2]
 */
export function arrowTable(columns: [name: string, column: Column<unknown>][]): ColumnTable {
  const arrow = tableFromColumns(Object.fromEntries(columns));
  const table = fromArrow(arrow as unknown as Parameters<typeof fromArrow>[0]);
  sources.set(table, arrow);
  return table;
}

/**
 * Writes `table` to `file` as an Arrow IPC stream, piece by piece: a table made by arrowTable is
 * written from its Arrow columns as they are; any other through arquero's toArrow.
 * @example writeArrowFile('overtime.arrow', data.tables.overtime)
 */
export function writeArrowFile(file: string, table: ColumnTable): void {
  const arrow = sources.get(table) ?? toArrow(table);
  const fd = openSync(file, 'w', 0o600);
  try {
    const sink = {
      write(bytes: Uint8Array) {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      },
      pad(count: number) {
        writeSync(fd, new Uint8Array(count));
      },
      finish() {
        return null;
      },
    };
    tableToIPC(arrow, { format: 'stream', sink } as Parameters<typeof tableToIPC>[1]);
  } finally {
    closeSync(fd);
  }
}
