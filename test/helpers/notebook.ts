// Build small notebooks for runner tests: a list of cells in, an nbformat 4 document written to disk.
import { writeFileSync } from 'node:fs';
import type { NotebookJson } from '../../src/report/parameters.js';

export interface CellInput {
  source: string;
  tags?: string[];
  markdown?: boolean;
}

/** An nbformat 4 notebook for the tslab kernel holding the given cells. */
export function makeNotebook(cells: CellInput[]): NotebookJson {
  return {
    cells: cells.map((cell, i) => ({
      id: `cell-${i}`,
      cell_type: cell.markdown ? 'markdown' : 'code',
      source: cell.source,
      metadata: cell.tags ? { tags: cell.tags } : {},
      ...(cell.markdown ? {} : { outputs: [], execution_count: null }),
    })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Writes the notebook to `file` and returns the path. */
export function writeNotebook(file: string, cells: CellInput[]): string {
  writeFileSync(file, JSON.stringify(makeNotebook(cells), null, 1));
  return file;
}
