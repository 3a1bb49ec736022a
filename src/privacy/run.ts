// Disclosure control over a whole run: every table of every notebook and every unit's report,
// protected together. Steps: index every published count cell by its ledger key →
// a cell hidden anywhere is hidden everywhere → the cross-table audit finds hidden cells that other
// tables give back, exactly or within a narrow interval → hide one more cell of each such relation →
// repeat until nothing is recovered.
// The report engine reruns the jobs whose tables hold a newly hidden cell, seeding their ledgers.
import { readFileSync } from 'node:fs';
import { AuditCache, auditPublishedTables, type AuditOptions, type AuditTable } from './audit.js';
import { loadIntervalSolver, narrowHiddenCells, type IntervalCell } from './interval.js';
import { DisclosureLedger, ledgerCell, ledgerKey, type LedgerEntry } from './ledger.js';
import { pushTo } from '../shared/collections.js';

/** One round of protectRun, as reported to its `onRound` callback (progress on long runs). */
export interface RunRound {
  round: number;
  /** Hidden figures given back this round, exactly or within a narrow interval, that got a complement. */
  fixed: number;
  /** Cells hidden so far beyond what the tables hid on their own. */
  hidden: number;
  /** Seconds since protectRun started. */
  seconds: number;
}

/** What protectRun found and decided. */
export interface RunProtection {
  /** Cells every job of the run must hide from now on (add to the seed; [] when the run is safe). */
  hide: LedgerEntry[];
  /** How many rounds of audit it took (1 when the run was already safe). */
  rounds: number;
}

const HIDDEN = '[c]';

/**
 * Returns the cells that must additionally be hidden so that no hidden cell of the run's published
 * tables can be worked out from the others: a cell shown in one table but hidden in another (same
 * ledger key: column, dimension values, period label) is hidden everywhere, and for each hidden cell
 * that the cross-table audit recovers, one more shown cell of a relation that recovers it is hidden
 * (non-zero, chosen without looking at its value), on marked copies of the tables, until the audit
 * finds nothing. When the exact audit finds nothing, the interval audit (narrowHiddenCells: counts ≥ 0,
 * shown rates within their rounding) must find every hidden count free to move by `threshold` (the
 * policy's protection interval, default 5) or pinned to 0; a narrower one gets a complement the same
 * way.
 * To scale to a whole run (every notebook, every unit's report), tables are grouped into components
 * that can relate (a count column in common, the same period), only components that changed are
 * audited again, and every leak whose relations do not overlap a leak already fixed in the round is
 * fixed in the same round.
 * `tables` are the run's published tables as exported (hidden cells "[c]"), from every job.
 * @example protectRun([...force.tables, ...unitA.tables]).hide // [] when the run is safe
 */
export async function protectRun(
  tables: readonly AuditTable[],
  {
    maxRounds,
    threshold = 5,
    onRound,
    ...options
  }: AuditOptions & {
    maxRounds?: number;
    threshold?: number;
    /** Called after every round (e.g. to show progress on a long run). */
    onRound?: (round: RunRound) => void;
  } = {},
): Promise<RunProtection> {
  const started = performance.now();
  const highs = await loadIntervalSolver();
  const copies = tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  const hide = new Map<string, LedgerEntry>();
  // the same figure in several tables: a dimension at its total and the period read as absent
  const keys = copies.map((t) => cellKeys(t, { figure: true }));
  // cells by ledger key, to hide a cell everywhere at once
  const where = new Map<string, [number, string][]>();
  keys.forEach((m, i) => m.forEach((k, cell) => pushTo(where, k, [i, cell])));
  // Identical tables of several reports (e.g. the extract's load summary in every unit's report) are
  // audited once: the copies hold the same cells under the same keys, so they are hidden in step.
  const { audited, standsFor } = identicalTables(copies);
  const components = componentsOf(audited.map((i) => copies[i])).map((c) =>
    c.map((k) => audited[k]),
  );
  const componentOf = new Map<number, number>();
  components.forEach((c, k) =>
    c.forEach((i) => standsFor[i].forEach((j) => componentOf.set(j, k))),
  );
  // the table audited for table i and its copies, saying which reports hold them
  const auditedAs = (i: number): AuditTable => {
    if (standsFor[i].length === 1) return copies[i];
    const units = standsFor[i].map((j) => (copies[j].rest?.within ? copies[j].rest!.unit : ''));
    return { ...copies[i], copiesIn: [...new Set(units)] };
  };
  // a cell's identity in overlap checks: its ledger key (the same figure in two tables is one cell)
  const idOf = (t: number, r: number, c: string) =>
    keys[t].get(`${r}\u0000${c}`) ?? `${t}\u0000${r}\u0000${c}`;
  // An elimination's shown terms, added up by figure (hidden together, a figure's terms cancel
  // or not together): those whose sum is not 0 break the combination that pins the cell.
  // Parts before totals, as for any complement (a total hidden hides more of the picture).
  const breakersOf = (
    cells: IntervalCell[],
    terms: readonly { coef: number; total?: boolean }[],
  ): (IntervalCell & { total: boolean })[] => {
    const net = new Map<string, { cell: IntervalCell; coef: number; total: boolean }>();
    cells.forEach((cell, k) => {
      const id = idOf(cell.tableIndex, cell.row, cell.column);
      const entry = net.get(id) ?? { cell, coef: 0, total: false };
      entry.coef += terms[k].coef;
      entry.total ||= terms[k].total === true;
      net.set(id, entry);
    });
    return [...net.values()]
      .filter((e) => Math.abs(e.coef) > 1e-9)
      .map((e) => ({ ...e.cell, total: e.total }));
  };
  const dirty = new Set(components.map((_, k) => k));
  // per component, the relations between tables a round did not change (a cache keeps only those of
  // the tables it last audited)
  const caches = components.map(() => new AuditCache());
  const hideEverywhere = (i: number, cell: string) => {
    const key = keys[i].get(cell);
    const places: [number, string][] = key === undefined ? [[i, cell]] : where.get(key)!;
    for (const [j, c] of places) {
      if (isHidden(copies[j], c)) continue;
      hideCell(copies[j], c);
      remember(hide, copies[j], c);
      dirty.add(componentOf.get(j)!);
    }
  };
  // A cell hidden in one table is hidden in every table that holds the same cell.
  copies.forEach((t, i) =>
    keys[i].forEach((_, cell) => isHidden(t, cell) && hideEverywhere(i, cell)),
  );
  // Every round that fixes a leak hides at least one more cell, so the rounds end by the time every
  // cell is hidden: that is the bound. (A fixed 50 was too few for a run of every team's report:
  // the demo force's 84 team reports of notebook 06 need 59 rounds of one or two complements each.)
  const bound = maxRounds ?? 1 + keys.reduce((n, m) => n + m.size, 0);
  for (let round = 1; round <= bound; round++) {
    const audit = [...dirty];
    dirty.clear();
    let leaksFound = 0;
    for (const k of audit) {
      let fixable = 0;
      const members = components[k];
      const own = members.map(auditedAs);
      // the component's table positions → the run's
      const inRun = (cells: readonly IntervalCell[]) =>
        cells.map((c) => ({ ...c, tableIndex: members[c.tableIndex] }));
      // Many fixes per round, but not two whose relations overlap: one complement often closes both.
      const touched = new Set<string>();
      // Hides one shown count for a cell given back: from the relations naming it (layers[0]), else
      // its own row (with `rowFirst`), else the further relations it combines, nearest first (e.g. the
      // force's districts behind a unit report's rest), else its row, else its table. False when
      // nothing is left to hide.
      const fix = (
        home: number,
        row: number,
        column: string,
        layers: IntervalCell[][],
        paths: IntervalCell[][] = [],
        breakers: (IntervalCell & { total: boolean })[] = [],
        rowFirst = true,
      ): boolean => {
        const self = idOf(home, row, column);
        // Overlap by ledger key: the same cell in two tables is one cell. (Letting leaks of one
        // hidden figure through otherwise disjoint relations be fixed together hid 653 cells in a
        // team-level run's notebook 05 instead of 392: one complement often closes both.)
        const ids = (breakers.length > 0 ? breakers : layers[0]).map((c) =>
          idOf(c.tableIndex, c.row, c.column),
        );
        if (breakers.length > 0) ids.push(self);
        // Given back only through a copy of itself (the same figure in another table): the copy's
        // own leak is fixed, and with it this one.
        const copyOnly = layers[0].length > 0 && ids.every((id) => id === self);
        if (copyOnly || ids.some((id) => touched.has(id))) return false;
        const near = neighbours(copies[home], home, row);
        const none = { tableIndex: home, row: -1, column: '' }; // stands in for a relation's total
        let pick =
          complementOf(copies, keys, [none, ...breakers.filter((c) => !c.total)]) ??
          complementOf(copies, keys, [none, ...breakers]) ??
          complementOf(copies, keys, layers[0]);
        const sameRow = () =>
          complementOf(copies, keys, [none, ...near.filter((c) => c.row === row)]);
        if (rowFirst) pick ??= sameRow();
        for (const layer of layers.slice(1)) pick ??= complementOf(copies, keys, [none, ...layer]);
        if (!rowFirst) pick ??= sameRow();
        // the table at large only when no relation around the cell shows anything: a cell of a row
        // far off widens nothing (the 250,000-person equality table hid ~10 such cells a round for
        // the same 18 narrow counts, a group's three smallest worker types with ≤ 4 not stated)
        pick ??= complementOf(copies, keys, [none, ...near]);
        if (pick === undefined) return false;
        ids.forEach((id) => touched.add(id));
        hideEverywhere(pick.tableIndex, `${pick.row}\u0000${pick.column}`);
        // every other path that gives the cell back from shown figures alone loses one too, unless a
        // complement chosen in this round already hides one of its cells
        for (const path of paths) {
          const open = path.filter((c) => idOf(c.tableIndex, c.row, c.column) !== self);
          if (open.some((c) => isHidden(copies[c.tableIndex], `${c.row}\u0000${c.column}`)))
            continue;
          const next = complementOf(copies, keys, open);
          if (next === undefined) continue;
          open.forEach((c) => touched.add(idOf(c.tableIndex, c.row, c.column)));
          hideEverywhere(next.tableIndex, `${next.row}\u0000${next.column}`);
        }
        return true;
      };
      // 1. exact recovery (subtraction, elimination). A cell that relations among hidden cells alone
      // pin (auditPublishedTables' amongHidden) is left: hiding more cannot change that, and hiding its
      // row and table cell by cell only over-suppressed (and did not finish in 50 rounds).
      const cache = caches[k];
      const leaks = auditPublishedTables(own, { ...options, cache });
      const pinned = new Set<string>();
      for (const leak of leaks) {
        const at = `${leak.tableIndex}\u0000${leak.row}\u0000${leak.column}`;
        if (leak.amongHidden) {
          pinned.add(at);
          continue;
        }
        const layers = [inRun(leak.cells), ...(leak.wider ?? []).map(inRun)];
        const paths = (leak.paths ?? []).map(inRun);
        const breakers = breakersOf(inRun(leak.terms ?? []), leak.terms ?? []);
        if (fix(members[leak.tableIndex], leak.row, leak.column, layers, paths, breakers))
          fixable++;
      }
      // 2. when nothing is recovered exactly: intervals (counts ≥ 0, shown rates × denominators) —
      // every hidden count must be able to move by the threshold, or be 0.
      if (fixable === 0) {
        for (const n of narrowHiddenCells(own, { ...options, cache, threshold, highs })) {
          if (pinned.has(`${n.tableIndex}\u0000${n.row}\u0000${n.column}`)) continue;
          const layers = [inRun(n.near), ...n.wider.map(inRun)];
          // the relations around it, nearest first, before the other columns of its row: a row can
          // hold figures no relation ties to the count
          if (fix(members[n.tableIndex], n.row, n.column, layers, [], [], false)) fixable++;
        }
      }
      leaksFound += fixable;
    }
    onRound?.({
      round,
      fixed: leaksFound,
      hidden: hide.size,
      seconds: (performance.now() - started) / 1000,
    });
    if (leaksFound === 0 && dirty.size === 0) return { hide: [...hide.values()], rounds: round };
  }
  throw new Error(
    `protectRun: the run's tables were still not protected after ${bound} rounds. Please report it.`,
  );
}

/**
 * Which of `tables` hold a cell among `entries` (by ledger key): the jobs to run again with the seed.
 * @example tablesTouch(job.tables, protection.hide) // true when the job must be rerun
 */
export function tablesTouch(
  tables: readonly AuditTable[],
  entries: readonly LedgerEntry[],
  { shownOnly = false }: { shownOnly?: boolean } = {},
): boolean {
  const wanted = new Set(entries.map((e) => ledgerKey(e.column, e.cell, e.period)));
  return tables.some((t) =>
    [...cellKeys(t).entries()].some(
      ([cell, k]) => wanted.has(k) && !(shownOnly && isHidden(t, cell)),
    ),
  );
}

/** The environment variable naming a JSON file of ledger entries that openReport seeds its ledger with. */
export const DISCLOSURE_SEED_ENV = 'WBK_DISCLOSURE_SEED';

/**
 * A ledger seeded from the file named by WBK_DISCLOSURE_SEED (set by `wbk report` when it reruns a
 * notebook so that the whole run hides the same cells), or an empty ledger when it is not set.
 * Throws naming the file when it cannot be read as a list of ledger entries.
 * @example const ledger = ledgerFromEnvironment()
 */
export function ledgerFromEnvironment(env: NodeJS.ProcessEnv = process.env): DisclosureLedger {
  const file = env[DISCLOSURE_SEED_ENV];
  if (!file) return new DisclosureLedger();
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${DISCLOSURE_SEED_ENV}: cannot read "${file}" (${(error as Error).message}). It is written by ` +
        'wbk report for its reruns; unset the variable to run a notebook on its own.',
    );
  }
  if (!Array.isArray(entries)) {
    throw new Error(`${DISCLOSURE_SEED_ENV}: "${file}" must hold a JSON list of ledger entries.`);
  }
  return ledgerFromEntries(entries as LedgerEntry[]);
}

/**
 * A ledger holding `entries` (e.g. the seed of a run pass), for openReport.
 * @example const ledger = ledgerFromEntries(JSON.parse(readFileSync(seedFile, 'utf8')))
 */
export function ledgerFromEntries(entries: readonly LedgerEntry[]): DisclosureLedger {
  const ledger = new DisclosureLedger();
  for (const e of entries) ledger.record(e);
  return ledger;
}

// cell id "row\0column" → ledger key, for every count column of the table. With `figure`, the key of
// the figure the cell shows, alike in every table that shows it: a dimension at the table's total
// marker is left out (leavers of all worker types are the leavers of a table without worker type), and
// so is a period dimension holding the table's period, and so are the dimensions a repeated figure does
// not vary with (sameAcross: a group's headcount on each of its characteristic rows).
function cellKeys(t: AuditTable, { figure = false } = {}): Map<string, string> {
  const out = new Map<string, string>();
  const by = t.by ?? [];
  const col = new Map(t.columns.map((c, j) => [c, j]));
  t.rows.forEach((row, r) => {
    const entries = by.map((d) => [d, row[col.get(d)!] as string | number] as const);
    let period = t.period;
    let kept = entries;
    if (figure) {
      period ??= entries.find(([d]) => d === 'period')?.[1] as string | undefined;
      kept = entries.filter(
        ([d, v]) => v !== t.total && !(d === 'period' && period !== undefined && v === period),
      );
    }
    const cell = ledgerCell(Object.fromEntries(kept), t.rest);
    for (const c of t.countColumns ?? []) {
      if (!col.has(c)) continue;
      // a figure repeated down dimensions (sameAcross) is one figure in all its rows
      const across = figure ? (t.sameAcross?.[c] ?? []) : [];
      const named = across.length === 0 ? cell : withoutDims(cell, across);
      out.set(`${r}\u0000${c}`, ledgerKey(c, named, period));
    }
  });
  return out;
}

function withoutDims(
  cell: Readonly<Record<string, string | number>>,
  dims: readonly string[],
): Record<string, string | number> {
  return Object.fromEntries(Object.entries(cell).filter(([d]) => !dims.includes(d)));
}

function cellAt(t: AuditTable, cell: string): { row: number; j: number } {
  const [row, column] = cell.split('\u0000');
  return { row: Number(row), j: t.columns.indexOf(column) };
}

function isHidden(t: AuditTable, cell: string): boolean {
  const { row, j } = cellAt(t, cell);
  return t.rows[row][j] === HIDDEN;
}

// Hides a count and, as publishTable does, every rate of its row that it is an input of.
function hideCell(t: AuditTable, cell: string): void {
  const { row, j } = cellAt(t, cell);
  t.rows[row][j] = HIDDEN;
  const column = t.columns[j];
  for (const r of t.rates ?? []) {
    const k = t.columns.indexOf(r.name);
    if (k >= 0 && (r.numerator === column || r.denominator === column)) t.rows[row][k] = HIDDEN;
  }
}

function remember(hide: Map<string, LedgerEntry>, t: AuditTable, cell: string): void {
  const { row } = cellAt(t, cell);
  const column = cell.split('\u0000')[1];
  const by = t.by ?? [];
  const values = ledgerCell(
    Object.fromEntries(by.map((d) => [d, t.rows[row][t.columns.indexOf(d)] as string | number])),
    t.rest,
  );
  const key = ledgerKey(column, values, t.period);
  if (!hide.has(key)) {
    hide.set(key, {
      column,
      cell: values,
      ...(t.period === undefined ? {} : { period: t.period }),
      reason: 'secondary-margin',
    });
  }
}

// The shown cell of a leak's relations to hide next, chosen without looking at its value beyond
// "not zero" (issue 18: the smallest gave itself away): non-zero first, then parts before totals
// (the first cell of each relation is its total), then a fixed hash of the cell's ledger key.
function complementOf(
  tables: readonly AuditTable[],
  keys: readonly Map<string, string>[],
  cells: readonly { tableIndex: number; row: number; column: string }[],
): { tableIndex: number; row: number; column: string } | undefined {
  const seen = new Set<string>();
  const candidates = cells
    .map((c, k) => {
      const t = tables[c.tableIndex];
      const v = c.row < 0 ? null : t.rows[c.row][t.columns.indexOf(c.column)];
      const key = keys[c.tableIndex].get(`${c.row}\u0000${c.column}`) ?? `${c.tableIndex}:${c.row}`;
      return { c, v: typeof v === 'number' ? v : null, total: k === 0 ? 1 : 0, h: hash(key) };
    })
    .filter((x) => {
      const id = `${x.c.tableIndex}:${x.c.row}:${x.c.column}`;
      if (x.v === null || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  candidates.sort(
    (a, b) => (a.v! > 0 ? 0 : 1) - (b.v! > 0 ? 0 : 1) || a.total - b.total || a.h - b.h,
  );
  return candidates[0]?.c;
}

/** The count cells of a table, those of row `row` first (candidates when a leak names no shown cell). */
function neighbours(
  t: AuditTable,
  tableIndex: number,
  row: number,
): { tableIndex: number; row: number; column: string }[] {
  const columns = (t.countColumns ?? []).filter((c) => t.columns.includes(c));
  const rows = [row, ...t.rows.map((_, r) => r).filter((r) => r !== row)];
  return rows.flatMap((r) => columns.map((column) => ({ tableIndex, row: r, column })));
}

/** FNV-1a hash of a string (a fixed, value-blind order). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Tables with the same content but their names (and, for a table without rest rows, the unit whose
 * report holds it): the first of each kind (`audited`), and for it every table it stands for. A copy
 * counting within its unit and one beside rest rows are kept apart (the audit relates them
 * differently).
 */
function identicalTables(tables: readonly AuditTable[]): {
  audited: number[];
  standsFor: number[][];
} {
  const first = new Map<string, number>();
  const standsFor: number[][] = tables.map(() => []);
  tables.forEach((t, i) => {
    const { name: _name, rest, ...content } = t;
    // whose rest it is matters only where rest rows are shown
    const restRows = rest !== undefined && t.rows.some((r) => r.includes(rest.label));
    const text = JSON.stringify([content, restRows ? rest : null, rest?.within === true]);
    const k = first.get(text) ?? i;
    first.set(text, k);
    standsFor[k].push(i);
  });
  return { audited: [...first.values()], standsFor };
}

/**
 * Groups tables that can relate in the audit: a count column in common and the same period label
 * (a table with a `period` dimension meets every period of its columns). Returns table indices.
 */
function componentsOf(tables: readonly AuditTable[]): number[][] {
  const parent = tables.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const byColumn = new Map<string, { sliced: Map<string, number>; any: number[] }>();
  tables.forEach((t, i) => {
    const hasPeriodDim = (t.by ?? []).includes('period');
    for (const c of t.countColumns ?? []) {
      if (!t.columns.includes(c)) continue;
      const entry = byColumn.get(c) ?? { sliced: new Map<string, number>(), any: [] as number[] };
      byColumn.set(c, entry);
      if (hasPeriodDim) entry.any.push(i);
      else {
        const p = t.period ?? '';
        const first = entry.sliced.get(p);
        if (first === undefined) entry.sliced.set(p, i);
        else union(first, i);
      }
    }
  });
  for (const { sliced, any } of byColumn.values()) {
    for (const i of any) {
      for (const j of sliced.values()) union(i, j);
      if (any.length > 0) union(i, any[0]);
    }
  }
  const groups = new Map<number, number[]>();
  tables.forEach((_, i) => pushTo(groups, find(i), i));
  return [...groups.values()];
}
