// Notebook parameters, papermill's convention: one cell tagged `parameters` holds typed defaults;
// the runner validates the values it is given and inserts an `injected-parameters` cell after it.

/** One declared parameter: `let name: type = default; // help` in the parameters cell. */
export interface ParameterSpec {
  name: string;
  type: string;
  defaultSource: string;
  help: string;
}

/** The parts of a notebook (nbformat 4) the runner reads and writes. */
export interface NotebookJson {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: unknown[];
  execution_count?: number | null;
  id?: string;
}

export type ParameterValue = string | number | boolean | null | string[];

const DECLARATION = /^\s*let\s+([A-Za-z_$][\w$]*)\s*:\s*([^=]+?)\s*=\s*(.+?);\s*(?:\/\/\s*(.*))?$/;

/** The source of a cell as one string. */
export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

/**
 * The parameters a notebook declares, from its one cell tagged `parameters`.
 * Each declaration is one line: `let name: type = default; // help`.
 * @example readParameters(notebook) // [{ name: 'dataDir', type: 'string', … }]
 */
export function readParameters(notebook: NotebookJson, where = 'notebook'): ParameterSpec[] {
  const index = parameterCellIndex(notebook, where);
  const specs: ParameterSpec[] = [];
  for (const line of cellSource(notebook.cells[index]).split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('//')) continue;
    const match = DECLARATION.exec(line);
    if (!match) {
      throw new Error(
        `${where}: the parameters cell has a line the runner cannot read: "${trimmed}". ` +
          'Write each parameter on one line as `let name: type = default; // what it is`.',
      );
    }
    specs.push({
      name: match[1],
      type: match[2].trim(),
      defaultSource: match[3].trim(),
      help: match[4] ?? '',
    });
  }
  return specs;
}

/** The index of the one cell tagged `parameters`; throws when there is none or more than one. */
export function parameterCellIndex(notebook: NotebookJson, where = 'notebook'): number {
  const found = notebook.cells
    .map((cell, i) => ((cell.metadata?.tags ?? []).includes('parameters') ? i : -1))
    .filter((i) => i >= 0);
  if (found.length !== 1) {
    throw new Error(
      `${where}: expected exactly one cell tagged "parameters", found ${found.length}. ` +
        'Tag the cell holding the typed defaults (in Jupyter: View > Cell toolbar > Tags).',
    );
  }
  return found[0];
}

/**
 * A copy of the notebook with an `injected-parameters` cell after the parameters cell, after
 * checking every name and value against the declarations. Unknown names and wrong types throw an
 * error listing the valid parameters with their types and defaults.
 * @example injectParameters(nb, { dataDir: '../data/demo', minGroupSize: 10 })
 */
export function injectParameters(
  notebook: NotebookJson,
  values: Record<string, ParameterValue>,
  where = 'notebook',
): NotebookJson {
  const specs = readParameters(notebook, where);
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const problems: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const spec = byName.get(name);
    if (!spec) problems.push(`unknown parameter "${name}"`);
    else if (!valueFitsType(value, spec.type)) {
      problems.push(`parameter "${name}" must be ${spec.type}, got ${JSON.stringify(value)}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${where}: ${problems.join('; ')}.\nValid parameters:\n${describeParameters(specs)}`,
    );
  }
  const lines = Object.entries(values).map(
    ([name, value]) => `${name} = ${JSON.stringify(value)};`,
  );
  const injected: NotebookCell = {
    cell_type: 'code',
    // `void 0` last: tslab prints the value of a cell's last expression.
    source: ['// Parameters injected by wbk report', ...lines, 'void 0;'].join('\n'),
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    execution_count: null,
  };
  const index = parameterCellIndex(notebook, where);
  const cells = notebook.cells.filter(
    (cell) => !(cell.metadata?.tags ?? []).includes('injected-parameters'),
  );
  const at = cells.indexOf(notebook.cells[index]) + 1;
  return { ...notebook, cells: [...cells.slice(0, at), injected, ...cells.slice(at)] };
}

/**
 * Whether a cell is code the notebook's author wrote (not the injected-parameters cell): the cells
 * that error messages number.
 * @example notebook.cells.filter(isAuthorCode).length
 */
export function isAuthorCode(cell: NotebookCell): boolean {
  return cell.cell_type === 'code' && !(cell.metadata?.tags ?? []).includes('injected-parameters');
}

/** The parameter list as `wbk report --help-notebook` prints it: name, type, default, help. */
export function describeParameters(specs: ParameterSpec[]): string {
  const width = Math.max(...specs.map((spec) => spec.name.length));
  return specs
    .map(
      (spec) =>
        `  ${spec.name.padEnd(width)}  ${spec.type} = ${spec.defaultSource}${spec.help ? `  (${spec.help})` : ''}`,
    )
    .join('\n');
}

/** Whether a JSON value fits a parameter type written in TypeScript's notation (a small subset). */
export function valueFitsType(value: ParameterValue, type: string): boolean {
  return type.split('|').some((part) => fitsOne(value, part.trim()));
}

function fitsOne(value: ParameterValue, type: string): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'null') return value === null;
  if (type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  const literal = /^'([^']*)'$|^"([^"]*)"$/.exec(type);
  if (literal) return value === (literal[1] ?? literal[2]);
  return false;
}
