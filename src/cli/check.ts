// wbk check: load and validate a data folder, print the load summary (or JSON), exit 1 if any row was rejected.
import {
  checkExtract,
  isLoadEngine,
  type LoadEngine,
  type ExtractCheck,
} from '../io/load-dataset.js';
import { formatLoadSummary } from '../io/summary.js';
import { formatDate, resolveAsOf } from '../time/dates.js';
import { checkMappingFile, dataFolder, readFlags } from './args.js';
import { UsageError, type Command } from './command.js';

const USAGE = `Usage: wbk check --data DIR [--mapping FILE] [--as-of DATE] [--engine auto|memory|duckdb] [--json]

Loads every file of DIR (through the mapping, or <table>.csv files without one), validates each row,
and prints per file the rows read, loaded and rejected, then the commonest problems.

  --data DIR       folder holding the exports (required)
  --mapping FILE   mapping file (JSON) adapting the exports to the model; see docs/mappings.md
  --as-of DATE     dates after this day (yyyy-mm-dd) are rejected; default today
  --engine E       who reads the big event files (overtime, sickness, …): duckdb scans them with
                   DuckDB and checks one by one only the rows it cannot vouch for; memory reads
                   every row in JS; auto (default) uses duckdb above 256 MiB of such files.
                   Same rows loaded and rejected, same messages, either way.
  --json           print one JSON object: per file its table, counts and rejects

Exit code: 0 when no row was rejected, 1 when some were, 2 when the arguments are unusable.
Pseudonymisation keys come from the mapping's key_file or $WBK_PSEUDONYM_KEY.`;

export const checkCommand: Command = {
  summary: 'load and validate a data folder; print the load summary and rejected rows',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(argv);
    const dataset = await checkExtract(args.data, {
      mapping: args.mapping,
      asOf: args.asOf,
      engine: args.engine,
    });
    // the summary passes extract text through terminalSafe; JSON escapes what a terminal would obey
    console.log(
      args.json
        ? jsonTerminalSafe(JSON.stringify(checkReport(dataset), null, 2))
        : formatLoadSummary(dataset),
    );
    return dataset.rejects.numRows() === 0 ? 0 : 1;
  },
};

/**
 * The `wbk check --json` object: as_of, and per file its table, rows_read, rows_loaded, rows_rejected,
 * warnings and rejects (line, column, value, rule, message), plus the file-level warnings.
 * @example checkReport(await loadDataset('data/demo')).files[0].rows_read
 */
export function checkReport(dataset: Omit<ExtractCheck, 'engine' | 'scanned'>) {
  const rejects = dataset.rejects.objects() as Record<string, unknown>[];
  const warnings = dataset.warnings.objects() as Record<string, unknown>[];
  return {
    as_of: formatDate(dataset.asOf),
    pseudonymised: dataset.pseudonymised,
    files: dataset.files.map((f) => ({
      file: f.file,
      table: f.table,
      rows_read: f.rows_read,
      rows_loaded: f.rows_loaded,
      rows_rejected: f.rows_rejected,
      warnings: f.warnings,
      rejects: rejects
        .filter((r) => r.file === f.file)
        .map(({ line, column, value, rule, message }) => ({ line, column, value, rule, message })),
    })),
    file_warnings: warnings.filter((w) => w.line === null),
  };
}

/**
 * JSON text with the controls JSON.stringify leaves as they are (DEL, U+0080–U+009F with the 8-bit
 * CSI among them, and the line separators) written as \u escapes: the same value, safe on a terminal.
 */
function jsonTerminalSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function parseArgs(argv: string[]): {
  data: string;
  mapping?: string;
  asOf?: string;
  engine?: LoadEngine;
  json: boolean;
} {
  const out: {
    data?: string;
    mapping?: string;
    asOf?: string;
    engine?: LoadEngine;
    json: boolean;
  } = { json: false };
  readFlags(argv, (flag, value) => {
    if (flag === '--data') out.data = value();
    else if (flag === '--mapping') out.mapping = value();
    else if (flag === '--as-of') out.asOf = value();
    else if (flag === '--engine') {
      const engine = value();
      if (!isLoadEngine(engine)) {
        throw new UsageError(`--engine must be auto, memory or duckdb, got "${engine}".`);
      }
      out.engine = engine;
    } else if (flag === '--json') out.json = true;
    else return false;
    return true;
  });
  const data = dataFolder(out.data);
  checkMappingFile(out.mapping);
  if (out.asOf !== undefined) {
    try {
      resolveAsOf(out.asOf);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return { ...out, data };
}
