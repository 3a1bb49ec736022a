// The interval audit (issue 18): how far each hidden count of a set of published tables can move,
// given everything shown beside it — every additive relation the exact audit uses (declared within
// rows, total rows, hierarchies, the same figure in several tables), every shown rate read as its
// numerator / denominator within the rounding shown, and counts ≥ 0 — by linear programming (HiGHS,
// compiled to WebAssembly). Steps: variables and constraints → independent blocks → per block, solves
// that push every unresolved cell up or down at once, then one cell at a time.
import highsLoader, { type Highs, type Model, type SparseMatrixInput } from 'highs';
import { auditRelations, type AuditOptions, type AuditTable } from './audit.js';
import type { AuditRelation } from './audit-relations.js';
import type { CheckedTable } from './audit-table.js';
import { pushTo } from '../shared/collections.js';

/** A cell of the audited tables. */
export interface IntervalCell {
  tableIndex: number;
  row: number;
  column: string;
}

/** A hidden count whose feasible interval is narrower than the threshold (and not pinned to 0). */
export interface NarrowCell extends IntervalCell {
  lo: number;
  hi: number;
  /** The cells of every constraint naming this cell, shown or hidden: where a complement can go. */
  near: IntervalCell[];
  /** Cells of further constraints, layer by layer through hidden cells (nearest first). */
  wider: IntervalCell[][];
}

/** What narrowHiddenCells needs besides the tables. */
export interface IntervalOptions extends AuditOptions {
  /** The smallest width a hidden count's interval may have (the policy's protection interval). */
  threshold: number;
  /** A loaded HiGHS runtime (loadIntervalSolver()). */
  highs: Highs;
}

let loading: Promise<Highs> | undefined;

/**
 * Loads HiGHS once per process (a WebAssembly module; about 0.2 s the first time).
 * @example const highs = await loadIntervalSolver()
 */
export function loadIntervalSolver(): Promise<Highs> {
  // The package is CommonJS with an ES-style default in its types: its default import is the loader.
  const load = highsLoader as unknown as () => Promise<Highs>;
  if (loading === undefined) loading = load();
  return loading;
}

const EPS = 1e-6;

interface Constraint {
  vars: number[];
  coefs: number[];
  lo: number;
  hi: number;
  /** From a relation some fully shown group confirmed, or declared (rates and row relations are). */
  verified: boolean;
  /** Read from a shown rate (dropped last when a block's figures contradict each other). */
  rate?: true;
  /**
   * For a relation: the pair of tables it relates, and whether they are one table or copies of one
   * table (the same name in several reports, the same columns): such relations are blamed last.
   */
  between?: { pair: string; sameKind: boolean };
  /** Two copies of one figure (AuditRelation.copy): no place for a complement of either. */
  copy?: true;
  cells: IntervalCell[];
}

/**
 * Returns every hidden count cell of `tables` whose feasible interval, given the published figures, is
 * narrower than `threshold` and not [0, 0], with the cells a complement could be taken from.
 * Definitions: variables are the hidden cells (counts, and any hidden rate input), all ≥ 0; each
 * relation of the exact audit (auditRelations) is an equality between them and the shown figures; a
 * shown rate r of numerator n and denominator d, rounded to k decimals, says
 * per × n ∈ [(r − ½·10⁻ᵏ) × d, (r + ½·10⁻ᵏ) × d]. When the figures around a cell contradict each other
 * (a relation the shown groups never confirmed that does not hold), its block is audited again with
 * confirmed relations only, then without rates; a block still infeasible is left to the exact audit.
 * @example narrowHiddenCells(tables, { threshold: 5, highs: await loadIntervalSolver() }) // [] when safe
 */
export function narrowHiddenCells(
  tables: readonly AuditTable[],
  options: IntervalOptions,
): NarrowCell[] {
  const { threshold, highs, ...auditOptions } = options;
  const hiddenMark = auditOptions.hiddenMark ?? '[c]';
  const { checked, relations } = auditRelations(tables, auditOptions);
  const vars = new Map<string, number>();
  const varCells: IntervalCell[] = [];
  const target: boolean[] = [];
  const variable = (cell: IntervalCell, isTarget: boolean) => {
    const id = `${cell.tableIndex}\u0000${cell.row}\u0000${cell.column}`;
    let v = vars.get(id);
    if (v === undefined) {
      v = varCells.length;
      vars.set(id, v);
      varCells.push(cell);
      target.push(isTarget);
    }
    return v;
  };
  const constraints = [
    ...relations.flatMap((rel) => relationConstraint(rel, checked, variable)),
    ...tables.flatMap((t, i) => rateConstraints(t, i, hiddenMark, variable)),
  ];
  // Blocks of variables that constraints link: each is its own linear programme.
  const parent = varCells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const c of constraints) for (const v of c.vars.slice(1)) parent[find(v)] = find(c.vars[0]);
  const blocks = new Map<number, number[]>();
  constraints.forEach((c, k) => {
    const root = find(c.vars[0]);
    pushTo(blocks, root, k);
  });
  const out: NarrowCell[] = [];
  for (const ks of blocks.values()) {
    const block = ks.map((k) => constraints[k]);
    if (!block.some((c) => c.vars.some((v) => target[v]))) continue;
    const attempts = [
      () => block,
      () => consistentPart(highs, block),
      () => block.filter((c) => c.verified),
      () => block.filter((c) => c.verified && !c.rate),
    ];
    for (const next of attempts) {
      const attempt = next();
      if (attempt === null) continue;
      const bounds = blockBounds(highs, attempt, target, threshold);
      if (bounds === 'infeasible') continue;
      const byVar = new Map<number, number[]>();
      attempt.forEach((c, k) => c.vars.forEach((x) => pushTo(byVar, x, k)));
      for (const [v, [lo, hi]] of bounds) {
        out.push({ ...varCells[v], lo, hi, ...neighbourhood(v, attempt, byVar) });
      }
      break;
    }
  }
  return out;
}

type Variable = (cell: IntervalCell, isTarget: boolean) => number;

// One relation as an equality: cells[0] − Σ cells[1..] = 0, shown figures moved to the right.
function relationConstraint(
  rel: AuditRelation,
  checked: readonly CheckedTable[],
  variable: Variable,
): Constraint[] {
  const terms = new Map<number, number>();
  let rhs = 0;
  const cells: IntervalCell[] = [];
  rel.cells.forEach((c, k) => {
    const column = c.column ?? rel.column;
    const t = checked[c.table];
    const coef = k === 0 ? 1 : -1;
    const cell = { tableIndex: c.table, row: c.row, column };
    cells.push(cell);
    const shown = t.numbers.get(column)![c.row];
    if (!t.hidden.get(column)![c.row] && shown !== null) rhs -= coef * shown;
    else {
      // a hidden count is a target; a blank one (not a number, not hidden) only an unknown
      const v = variable(cell, t.hidden.get(column)![c.row]);
      terms.set(v, (terms.get(v) ?? 0) + coef);
    }
  });
  for (const [v, c] of terms) if (c === 0) terms.delete(v);
  if (terms.size === 0) return [];
  const [a, b] = [checked[rel.coarse], checked[rel.fine]];
  return [
    {
      vars: [...terms.keys()],
      coefs: [...terms.values()],
      lo: rhs,
      hi: rhs,
      verified: rel.verified,
      between: { pair: `${rel.coarse}|${rel.fine}`, sameKind: kindOf(a) === kindOf(b) },
      ...(rel.copy ? { copy: true as const } : {}),
      cells,
    },
  ];
}

// What a table counts, as far as its shape says: its own name (the last part of a run's
// "report/notebook/table" name), dimensions, count columns and whom it counts.
function kindOf(t: CheckedTable): string {
  return JSON.stringify([t.name.split('/').pop(), t.by, t.countColumns, t.who ?? null]);
}

/**
 * A block whose figures contradict each other, without the unconfirmed relations to blame: those an
 * elastic linear programme must relax to make the block add up (minimising the relaxation, a relation
 * between one table or copies of one table weighing 100 times one between tables of different kinds),
 * and with a blamed relation between tables of different kinds every unconfirmed relation of that
 * pair (the tables count different things). Keeps every relation the figures do not contradict, as a
 * reader who knows which tables agree would (rest rows of every unit's report beside a table of the
 * same column counting something else). Null when relaxing the unconfirmed relations is not enough.
 */
function consistentPart(highs: Highs, block: readonly Constraint[]): Constraint[] | null {
  const local = new Map<number, number>();
  for (const c of block) for (const v of c.vars) if (!local.has(v)) local.set(v, local.size);
  const elastic = block.map((c, k) => (c.verified ? -1 : k)).filter((k) => k >= 0);
  if (elastic.length === 0) return null;
  const n = local.size + 2 * elastic.length;
  const slackOf = new Map(elastic.map((k, e) => [k, local.size + 2 * e]));
  const cost = new Float64Array(n);
  for (const [k, s] of slackOf) {
    const w = block[k].between?.sameKind === false ? 1 : 100;
    cost[s] = w;
    cost[s + 1] = w;
  }
  // each constraint with its two slack columns (+ and −) when it may be relaxed
  const rows = block.map((c, k) => {
    const s = slackOf.get(k);
    const vars = c.vars.map((v) => local.get(v)!);
    return s === undefined
      ? { vars, coefs: c.coefs }
      : { vars: [...vars, s, s + 1], coefs: [...c.coefs, 1, -1] };
  });
  const model: Model = highs.createModel({
    numCols: n,
    numRows: block.length,
    colCost: cost,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(Infinity),
    rowLower: block.map((c) => c.lo),
    rowUpper: block.map((c) => c.hi),
    matrix: csr(rows, n),
  });
  try {
    model.options.set({ output_flag: false });
    model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
    model.run();
    if (model.getModelStatus() !== 7) return null;
    const x = model.getSolution().colValue;
    const blamed = elastic.filter((k) => x[slackOf.get(k)!] + x[slackOf.get(k)! + 1] > EPS);
    const pairs = new Set(
      blamed.flatMap((k) => (block[k].between?.sameKind === false ? [block[k].between!.pair] : [])),
    );
    const dropped = new Set(blamed);
    return block.filter(
      (c, k) => !dropped.has(k) && (c.verified || !pairs.has(c.between?.pair ?? '')),
    );
  } finally {
    model.dispose();
  }
}

// Every shown rate beside a hidden input: per × n − (r ± tol) × d on the right side of 0.
function rateConstraints(
  t: AuditTable,
  tableIndex: number,
  hiddenMark: string,
  variable: Variable,
): (Constraint & { rate: true })[] {
  const out: (Constraint & { rate: true })[] = [];
  const col = new Map(t.columns.map((c, j) => [c, j]));
  const counts = new Set(t.countColumns ?? []);
  for (const r of t.rates ?? []) {
    const j = col.get(r.name);
    if (j === undefined) continue;
    t.rows.forEach((values, row) => {
      const rate = values[j];
      if (typeof rate !== 'number' || !Number.isFinite(rate)) return;
      const input = (column: string): number | { v: number; cell: IntervalCell } => {
        const k = col.get(column);
        const value = k === undefined ? null : values[k];
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        const cell = { tableIndex, row, column };
        return { v: variable(cell, value === hiddenMark && counts.has(column)), cell };
      };
      const num = input(r.numerator);
      const den = input(r.denominator);
      if (typeof num === 'number' && typeof den === 'number') return;
      const tol = 0.5 * 10 ** -decimalsOf(rate, r.decimals);
      const per = r.per ?? 1;
      // per × n − q × d, as terms and a constant, for q = r − tol (≥ 0) and q = r + tol (≤ 0)
      const side = (q: number) => {
        const terms = new Map<number, number>();
        let constant = 0;
        if (typeof num === 'number') constant += per * num;
        else terms.set(num.v, per);
        if (typeof den === 'number') constant -= q * den;
        else terms.set(den.v, (terms.get(den.v) ?? 0) - q);
        return { terms, constant };
      };
      const low = side(rate - tol);
      const high = side(rate + tol);
      const cells = [num, den].flatMap((x) => (typeof x === 'number' ? [] : [x.cell]));
      const shownInputs = [r.numerator, r.denominator]
        .filter((c) => typeof input(c) === 'number')
        .map((column) => ({ tableIndex, row, column }));
      const base = { verified: true, rate: true as const, cells: [...cells, ...shownInputs] };
      out.push({
        ...base,
        vars: [...low.terms.keys()],
        coefs: [...low.terms.values()],
        lo: -low.constant,
        hi: Infinity,
      });
      out.push({
        ...base,
        vars: [...high.terms.keys()],
        coefs: [...high.terms.values()],
        lo: -Infinity,
        hi: -high.constant,
      });
    });
  }
  return out;
}

// Decimals a shown rate was rounded to: as declared, and never fewer than its digits show.
function decimalsOf(rate: number, declared: number | undefined): number {
  const text = String(rate);
  const shown = /e/i.test(text) ? 12 : (text.split('.')[1]?.length ?? 0);
  return Math.min(12, Math.max(shown, declared ?? 0));
}

// The interval of every target of one block, or 'infeasible'. The block is first reduced
// (reduceBlock: one column per chain of "x − y = shown figure" relations). Solves first push all
// unresolved targets up, then down, at once (each solution is a feasible point, and a cell seen at two
// values ≥ threshold apart is wide enough); then, while that settles more than 1 in 20 of those left,
// push one half up and the other down, and the reverse (the halves by a fixed hash of the target, not
// its value); a target left is then maximised alone, and minimised alone if its maximum does not
// settle it. Only narrow targets are returned. Measured on the 250,000-person force's equality table
// (one block of 11,383 hidden cells): 471 solves before the halves, 275 after, the same narrow cells.
//
// Only the costs change between solves, so the last optimal basis stays feasible: HiGHS's primal
// simplex starts from it (7–20 ms a solve on that block, against 160–250 ms for its default dual
// simplex, which starts over). 77 s → 5.6 s for the block, with the same intervals.
function blockBounds(
  highs: Highs,
  block: readonly Constraint[],
  target: readonly boolean[],
  threshold: number,
): Map<number, [number, number]> | 'infeasible' {
  const local = new Map<number, number>();
  for (const c of block) for (const v of c.vars) if (!local.has(v)) local.set(v, local.size);
  const global = [...local.keys()];
  const n = global.length;
  const reduced = reduceBlock(block, local);
  if (reduced === 'infeasible') return 'infeasible';
  const { col, off, columns, lower, rows } = reduced;
  const model: Model = highs.createModel({
    numCols: columns,
    numRows: rows.length,
    colCost: new Float64Array(columns),
    colLower: lower,
    colUpper: new Float64Array(columns).fill(Infinity),
    rowLower: rows.map((r) => r.lo),
    rowUpper: rows.map((r) => r.hi),
    matrix: csr(rows, columns),
  });
  try {
    model.options.set({ output_flag: false, simplex_strategy: 4 }); // 4: primal
    const seenLo = new Float64Array(n).fill(Infinity);
    const seenHi = new Float64Array(n).fill(-Infinity);
    const lo = new Float64Array(n).fill(NaN);
    const hi = new Float64Array(n).fill(NaN);
    const targets = global.map((v, i) => (target[v] ? i : -1)).filter((i) => i >= 0);
    // settled: two feasible values ≥ threshold apart seen, or the maximum known to be 0 or far enough
    // from a value seen, or both ends known
    const settled = (i: number) =>
      seenHi[i] - seenLo[i] >= threshold - EPS ||
      (!Number.isNaN(hi[i]) &&
        (hi[i] <= EPS || hi[i] - seenLo[i] >= threshold - EPS || !Number.isNaN(lo[i])));
    // optimises the sum of `cells` less the sum of `against`, noting every value seen: the optimum,
    // Infinity when unbounded
    const solve = (
      cells: number[],
      sense: 'maximize' | 'minimize',
      against: number[] = [],
    ): number | 'infeasible' => {
      const cost = new Float64Array(columns);
      for (const i of cells) cost[col[i]] += 1;
      for (const i of against) cost[col[i]] -= 1;
      model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, cost);
      model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
      model.run();
      const status = model.getModelStatus();
      if (status === 8) return 'infeasible';
      if (status === 10 || status === 9) return Infinity;
      if (status !== 7) {
        throw new Error(
          `interval audit: HiGHS stopped with model status ${status}. Please report it.`,
        );
      }
      const x = model.getSolution().colValue;
      for (let i = 0; i < n; i++) {
        const value = x[col[i]] + off[i];
        if (value < seenLo[i]) seenLo[i] = value;
        if (value > seenHi[i]) seenHi[i] = value;
      }
      const shift = cells.reduce((sum, i) => sum + off[i], 0);
      return against.reduce((sum, i) => sum - off[i], shift + model.getObjectiveValue());
    };
    let open = targets.filter((i) => !settled(i));
    if (open.length > 0) {
      if (solve(open, 'maximize') === 'infeasible') return 'infeasible';
      solve(open, 'minimize');
    }
    for (let round = 1; round <= 64; round++) {
      open = open.filter((i) => !settled(i));
      if (open.length < 16) break;
      const up: number[] = [];
      const down: number[] = [];
      for (const i of open) (halfOf(global[i], round) ? up : down).push(i);
      solve(up, 'maximize', down);
      solve(down, 'maximize', up);
      const left = open.filter((i) => !settled(i)).length;
      if (left > open.length * 0.95) break;
    }
    for (const i of targets) {
      if (settled(i)) continue;
      const max = solve([i], 'maximize');
      if (max === 'infeasible') return 'infeasible';
      hi[i] = max;
      if (settled(i)) continue;
      lo[i] = solve([i], 'minimize') as number;
    }
    const out = new Map<number, [number, number]>();
    for (const i of targets) {
      if (Number.isNaN(hi[i]) || Number.isNaN(lo[i]) || hi[i] <= EPS) continue;
      if (hi[i] - lo[i] < threshold - EPS) out.set(global[i], [lo[i], hi[i]]);
    }
    return out;
  } finally {
    model.dispose();
  }
}

/** A block as the linear programme solves it: x of variable i = column col[i] + off[i]. */
interface ReducedBlock {
  col: Int32Array;
  off: Float64Array;
  columns: number;
  /** A column's lower bound: every variable it stands for is ≥ 0. */
  lower: Float64Array;
  rows: Row[];
}

interface Row {
  vars: number[];
  coefs: number[];
  lo: number;
  hi: number;
}

/**
 * The same linear programme with fewer columns and rows, or 'infeasible' when its equalities
 * contradict each other. A run's reports repeat one figure in many tables (the organisation's
 * figure beside every unit's rest rows), so most relations say x − y = a shown figure (0 for two
 * copies of one figure): each chain of them becomes one column, x = column + offset (a weighted
 * union–find), and the other constraints are rewritten over the columns, dropping those left
 * constant (when they hold) and keeping one of identical ones. The feasible values of every
 * variable are unchanged.
 * @example reduceBlock([{ vars: [0, 1], coefs: [1, -1], lo: 3, hi: 3, … }], local) // x0 = x1 + 3: one column
 */
export function reduceBlock(
  block: readonly Pick<Constraint, 'vars' | 'coefs' | 'lo' | 'hi'>[],
  local: ReadonlyMap<number, number>,
): ReducedBlock | 'infeasible' {
  const n = local.size;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const delta = new Float64Array(n); // x_i = x_parent + delta_i
  const find = (i: number): number => {
    const p = parent[i];
    if (p === i) return i;
    const root = find(p);
    delta[i] += delta[p];
    parent[i] = root;
    return root;
  };
  const rest: Row[] = [];
  for (const c of block) {
    const vars = c.vars.map((v) => local.get(v)!);
    const difference =
      vars.length === 2 &&
      c.lo === c.hi &&
      c.coefs[0] === -c.coefs[1] &&
      Math.abs(c.coefs[0]) === 1;
    if (!difference) {
      rest.push({ vars, coefs: c.coefs, lo: c.lo, hi: c.hi });
      continue;
    }
    // coef × (x_a − x_b) = rhs: x_a = x_b + d
    const [a, b] = vars;
    const d = c.lo / c.coefs[0];
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) {
      if (Math.abs(delta[a] - delta[b] - d) > EPS) return 'infeasible';
      continue;
    }
    parent[ra] = rb;
    delta[ra] = delta[b] + d - delta[a];
  }
  const columnOf = new Map<number, number>();
  const col = new Int32Array(n);
  const off = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (!columnOf.has(root)) columnOf.set(root, columnOf.size);
    col[i] = columnOf.get(root)!;
    off[i] = root === i ? 0 : delta[i];
  }
  const columns = columnOf.size;
  const lower = new Float64Array(columns).fill(-Infinity);
  for (let i = 0; i < n; i++) lower[col[i]] = Math.max(lower[col[i]], -off[i]);
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const r of rest) {
    const terms = new Map<number, number>();
    let constant = 0;
    r.vars.forEach((i, k) => {
      terms.set(col[i], (terms.get(col[i]) ?? 0) + r.coefs[k]);
      constant += r.coefs[k] * off[i];
    });
    for (const [j, coef] of terms) if (Math.abs(coef) < 1e-12) terms.delete(j);
    const lo = r.lo - constant;
    const hi = r.hi - constant;
    if (terms.size === 0) {
      if (lo > EPS || hi < -EPS) return 'infeasible';
      continue;
    }
    const sorted = [...terms].sort((x, y) => x[0] - y[0]);
    const key = JSON.stringify([sorted, lo, hi]);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ vars: sorted.map(([j]) => j), coefs: sorted.map(([, c]) => c), lo, hi });
  }
  return { col, off, columns, lower, rows };
}

/** Rows as HiGHS's compressed sparse rows over `numCols` columns. */
function csr(rows: readonly Pick<Row, 'vars' | 'coefs'>[], numCols: number): SparseMatrixInput {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    indices.push(...r.vars);
    values.push(...r.coefs);
    starts.push(indices.length);
  }
  return { format: 'csr', numRows: rows.length, numCols, starts, indices, values };
}

// The cells of the smallest constraints naming variable v (a rate and its denominator, a row's
// columns: what pins v most tightly), then of every other constraint of its block, nearest first:
// a constraint's distance is the sum of the sizes of the constraints crossed to reach it from v (a
// copy link costs 1), so a row of 4 one step out through a relation of 6 comes before a column over
// 1,500 units naming v itself. Constraints at the same distance form one layer; up to 64 layers.
// There a complement that widens v's interval is most likely. (Layers by steps alone took the
// complement from a column over 1,500 units, or from any of 1,219 rows one step out, for a group's
// three smallest worker types whose not-stated counts add to 2, where a row of the group's larger
// worker types widens it: the same 50 narrow counts round after round on the 250,000-person
// equality table.)
function neighbourhood(
  v: number,
  block: readonly Constraint[],
  byVar: ReadonlyMap<number, readonly number[]>,
): { near: IntervalCell[]; wider: IntervalCell[][] } {
  const naming = byVar.get(v) ?? [];
  // (a copy of the figure is no place for its complement: the copy's own constraints are further on)
  const size = (k: number) => (block[k].copy ? Infinity : block[k].cells.length);
  const cost = (k: number) => (block[k].copy ? 1 : block[k].cells.length);
  const smallest = naming.reduce((m, k) => Math.min(m, size(k)), Infinity);
  const nearest = new Set(naming.filter((k) => size(k) === smallest));
  const near = [...nearest].flatMap((k) => block[k].cells);
  const best = new Map<number, number>();
  const queue = new MinQueue();
  for (const k of naming) {
    best.set(k, cost(k));
    queue.push(cost(k), k);
  }
  const done = new Set<number>();
  const layers = new Map<number, number[]>();
  while (queue.size > 0 && layers.size < 64) {
    const [d, k] = queue.pop();
    if (done.has(k) || d > best.get(k)!) continue;
    done.add(k);
    if (!block[k].copy && !nearest.has(k)) pushTo(layers, d, k);
    for (const x of block[k].vars) {
      if (x === v) continue;
      for (const j of byVar.get(x) ?? []) {
        const next = d + cost(j);
        if (done.has(j) || next >= (best.get(j) ?? Infinity)) continue;
        best.set(j, next);
        queue.push(next, j);
      }
    }
  }
  const wider = [...layers.values()].map((ks) => ks.flatMap((k) => block[k].cells));
  return { near, wider };
}

/** A binary min-heap of (priority, item) pairs of numbers. */
class MinQueue {
  readonly #keys: number[] = [];
  readonly #items: number[] = [];

  get size(): number {
    return this.#keys.length;
  }

  push(key: number, item: number): void {
    const keys = this.#keys;
    const items = this.#items;
    let i = keys.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      items[i] = items[parent];
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  pop(): [number, number] {
    const keys = this.#keys;
    const items = this.#items;
    const top: [number, number] = [keys[0], items[0]];
    const lastKey = keys.pop()!;
    const lastItem = items.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        keys[i] = keys[child];
        items[i] = items[child];
        i = child;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return top;
  }
}

/** Which half of a split a variable falls in, in round `round`: a fixed hash, blind to values. */
function halfOf(variable: number, round: number): boolean {
  return ((Math.imul(variable + round * 7919, 0x9e3779b1) >>> 16) & 1) === 1;
}
