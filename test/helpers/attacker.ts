// A curious reader of a published run, written without src/privacy: it reads every exported CSV (and
// the JSON beside it), writes every relation it can find between the figures as linear constraints
// (declared relations within rows, total rows and hierarchies, a figure repeated down a dimension,
// the same figure in several files, rates × denominators) and asks a linear programme how far each hidden count can move.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import highsLoader, { type Highs } from 'highs';

// HiGHS (University of Edinburgh, compiled to WebAssembly): an exact-enough simplex that does not
// call a consistent system of a few hundred relations infeasible (javascript-lp-solver did).
const highs = await (highsLoader as unknown as () => Promise<Highs>)();

const HIDDEN = '[c]';

/** What the JSON beside an exported CSV says about the table (only the fields the attacker uses). */
export interface Sidecar {
  name?: string;
  /** Whom the table counts, in words. */
  who?: string;
  by?: string[];
  countColumns?: string[];
  total?: string;
  hierarchy?: { column: string; parent: Record<string, string> };
  period?: string;
  relations?: { total: string; parts: string[] }[];
  /** Count columns repeated across dimensions: column → the dimensions it does not vary with. */
  sameAcross?: Record<string, string[]>;
  rates?: {
    name: string;
    numerator: string;
    denominator: string;
    per?: number;
    decimals?: number;
  }[];
  /** In a unit's report: the label of the rows counting everyone outside the unit, and the unit. */
  rest?: { label: string; unit: string; within?: boolean };
}

/** One published table: where it came from, its header and rows as text, and its sidecar. */
export interface PublishedFile {
  file: string;
  columns: string[];
  rows: string[][];
  meta: Sidecar;
}

/** A linear fact: Σ coefficient × variable (op) rhs, where shown figures are already moved to rhs. */
interface Fact {
  terms: Map<string, number>;
  op: 'equal' | 'max' | 'min';
  rhs: number;
  source: string;
}

/** A hidden count the attacker bounded. */
export interface Bound {
  id: string;
  file: string;
  row: number;
  column: string;
  lo: number;
  hi: number;
}

/** Reads a CSV as written by the kit (RFC 4180, quotes doubled). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every exported CSV under `dir` (recursively) with its sidecar JSON. */
export function readPublishedRun(dir: string): PublishedFile[] {
  const out: PublishedFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.csv')) {
        const [columns, ...rows] = parseCsv(readFileSync(p, 'utf8'));
        const side = p.replace(/\.csv$/, '.json');
        let meta: Sidecar = {};
        try {
          meta = JSON.parse(readFileSync(side, 'utf8')) as Sidecar;
        } catch {
          meta = {};
        }
        out.push({ file: path.relative(dir, p), columns, rows, meta });
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * The attack: variables are hidden counts (and unpublished rate inputs), facts are the relations.
 * `addFile` for each published table, then `bounds()`.
 */
export class Attacker {
  readonly facts: Fact[] = [];
  /** Hidden published count cells: variable id → where. */
  readonly hidden = new Map<string, { file: string; row: number; column: string }>();
  /** Every count cell by its meaning (column, period, dimensions other than totals): [file, value|id]. */
  readonly #byMeaning = new Map<
    string,
    { file: string; value: number | string; who: string; within: string }[]
  >();
  #files = 0;

  /** Adds one published table's figures and relations. */
  addFile(f: PublishedFile): void {
    const fileId = `${this.#files++}:${f.file}`;
    const meta = f.meta;
    const col = new Map(f.columns.map((c, j) => [c, j]));
    const total = meta.total ?? 'All';
    const by = meta.by ?? [];
    const counts = (meta.countColumns ?? []).filter((c) => col.has(c));
    const rateInputs = (meta.rates ?? []).flatMap((r) => [r.numerator, r.denominator]);
    const relationColumns = (meta.relations ?? []).flatMap((r) => [r.total, ...r.parts]);
    const additive = [...new Set([...counts, ...rateInputs, ...relationColumns])];
    // term(row, column): a number when shown, else a variable id
    const term = (row: number, column: string): number | string => {
      const j = col.get(column);
      if (j === undefined) return `${fileId}|${row}|${column}|unpublished`;
      const text = f.rows[row][j];
      if (text === HIDDEN) {
        const id = `${fileId}|${row}|${column}`;
        if (counts.includes(column)) this.hidden.set(id, { file: f.file, row, column });
        return id;
      }
      const v = Number(text);
      return text === '' || !Number.isFinite(v) ? `${fileId}|${row}|${column}|blank` : v;
    };
    const dims = (row: number) => by.map((d) => f.rows[row][col.get(d)!]);
    // 1. relations declared within rows
    f.rows.forEach((_, row) => {
      for (const rel of meta.relations ?? []) {
        this.#sum(
          [
            [term(row, rel.total), 1],
            ...rel.parts.map((p): [number | string, number] => [term(row, p), -1]),
          ],
          `${f.file} row ${row}: ${rel.total} = ${rel.parts.join(' + ')}`,
        );
      }
    });
    // 2. total rows: for each dimension, the total row is the sum of the other rows with the same
    // other dimensions (top-level values only when the dimension has a hierarchy); a hierarchy parent
    // is the sum of its children.
    const parent = new Map(Object.entries(meta.hierarchy?.parent ?? {}));
    // for each dimension, the rows alike in every other dimension
    const alike = by.map((_, k) => {
      const groups = new Map<string, number[]>();
      f.rows.forEach((_, row) => {
        const key = JSON.stringify(dims(row).filter((_, i) => i !== k));
        groups.set(key, [...(groups.get(key) ?? []), row]);
      });
      return groups;
    });
    by.forEach((d, k) => {
      const groups = alike[k];
      const isH = meta.hierarchy?.column === d;
      for (const rows of groups.values()) {
        for (const t of rows) {
          const v = dims(t)[k];
          let parts: number[] = [];
          if (v === total)
            parts = rows.filter((r) => dims(r)[k] !== total && !(isH && parent.has(dims(r)[k])));
          else if (isH && [...parent.values()].includes(v))
            parts = rows.filter((r) => parent.get(dims(r)[k]) === v);
          else continue;
          for (const c of additive) {
            this.#sum(
              [[term(t, c), 1], ...parts.map((r): [number | string, number] => [term(r, c), -1])],
              `${f.file}: ${c} total row ${t} over ${d}`,
            );
          }
        }
      }
    });
    // 3. rates × denominators: rate = num / den × per, shown to some decimals.
    f.rows.forEach((_, row) => {
      for (const r of meta.rates ?? []) {
        const j = col.get(r.name);
        if (j === undefined) continue;
        const text = f.rows[row][j];
        const rate = Number(text);
        if (text === '' || text === HIDDEN || !Number.isFinite(rate)) continue;
        // the decimals it was rounded to: as the sidecar declares, and at least as many as shown
        const shown = text.includes('.') ? text.split('.')[1].length : 0;
        const decimals = Math.max(shown, r.decimals ?? 0);
        const tol = decimals >= 12 ? 1e-9 : 0.5 * 10 ** -decimals;
        const per = r.per ?? 1;
        const num = term(row, r.numerator);
        const den = term(row, r.denominator);
        const src = `${f.file} row ${row}: ${r.name} = ${r.numerator} / ${r.denominator} × ${per}`;
        // num × per − (rate ± tol) × den between 0 and 0
        this.#linear(
          [
            [num, per],
            [den, -(rate + tol)],
          ],
          'max',
          0,
          src,
        );
        this.#linear(
          [
            [num, per],
            [den, -(rate - tol)],
          ],
          'min',
          0,
          src,
        );
      }
    });
    // 4. a figure repeated down a dimension (a group's headcount on each of its characteristic or
    // reason rows): declared by the sidecar (sameAcross), or seen — the shown figures of the column
    // never differ across that dimension, and at least two groups show it twice, not 0
    by.forEach((d, k) => {
      const groups = alike[k];
      for (const c of additive) {
        let agree = 0;
        let differ = false;
        for (const rows of groups.values()) {
          const shown = rows
            .map((r) => term(r, c))
            .filter((v): v is number => typeof v === 'number');
          if (shown.some((v) => Math.abs(v - shown[0]) > 1e-9)) differ = true;
          else if (shown.length >= 2 && shown[0] !== 0) agree++;
        }
        const declared = meta.sameAcross?.[c]?.includes(d) ?? false;
        if (!declared && (differ || agree < 2)) continue;
        for (const rows of groups.values()) {
          for (const r of rows.slice(1)) {
            this.#sum(
              [
                [term(rows[0], c), 1],
                [term(r, c), -1],
              ],
              `${f.file}: ${c} the same in rows ${rows[0]} and ${r} (across ${d})`,
            );
          }
        }
      }
    });
    // 5. remember every count cell by meaning, to tie the same figure across files
    const period = meta.period ?? '';
    f.rows.forEach((_, row) => {
      const d = dims(row);
      const named = by
        .map((name, i) => [name, d[i]])
        .filter(([, v]) => v !== total)
        .sort(([a], [b]) => a.localeCompare(b));
      // A row relative to the report's own unit (the rest of the organisation) means something else in
      // another unit's report: it is tied only within reports of the same unit.
      const relative = meta.rest && d.includes(meta.rest.label) ? meta.rest.unit : '';
      // A unit report's table without rest rows may count the unit's people only, or copy the
      // organisation's figures; tables that say they count different people may differ too: such
      // pairs are tied only where the figures they both show agree (tieAcrossFiles).
      const within = meta.rest?.within ? meta.rest.unit : '';
      for (const c of counts) {
        const key = JSON.stringify([c, by.includes('period') ? '' : period, named, relative]);
        const list = this.#byMeaning.get(key) ?? [];
        list.push({ file: fileId, value: term(row, c), who: meta.who ?? '', within });
        this.#byMeaning.set(key, list);
      }
    });
  }

  /**
   * Ties the same figure across files (same column, period and dimensions, a missing dimension read as
   * its total), for every pair of files whose shown figures in common never disagree — and, where the
   * files say they count different people or one is a unit report's table without rest rows, agree
   * on at least one shown non-zero figure.
   */
  tieAcrossFiles(): void {
    const pairs = new Map<
      string,
      { ok: boolean; agree: number; tentative: boolean; keys: string[] }
    >();
    for (const [key, list] of this.#byMeaning) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          if (list[a].file === list[b].file) continue;
          const pk = JSON.stringify([list[a].file, list[b].file].sort());
          const p = pairs.get(pk) ?? { ok: true, agree: 0, tentative: false, keys: [] };
          const [x, y] = [list[a].value, list[b].value];
          if (typeof x === 'number' && typeof y === 'number') {
            if (Math.abs(x - y) > 1e-6) p.ok = false;
            else if (x !== 0) p.agree++;
          }
          if (list[a].who !== list[b].who || list[a].within !== list[b].within) p.tentative = true;
          p.keys.push(key);
          pairs.set(pk, p);
        }
      }
    }
    for (const [pk, p] of pairs) {
      if (!p.ok || (p.tentative && p.agree === 0)) continue;
      const [fa, fb] = JSON.parse(pk) as [string, string];
      for (const key of p.keys) {
        const list = this.#byMeaning.get(key)!;
        const a = list.find((e) => e.file === fa)!;
        const b = list.find((e) => e.file === fb)!;
        this.#sum(
          [
            [a.value, 1],
            [b.value, -1],
          ],
          `same figure ${key} in ${fa} and ${fb}`,
        );
      }
    }
  }

  /**
   * The feasible interval of every hidden published count, solved component by component. With
   * `threshold`, a count is not solved exactly once two feasible points at least `threshold` apart have
   * been seen (its lo/hi are then those points: the interval is at least that wide), which saves most
   * of the solves on a large run.
   */
  bounds(threshold?: number): Bound[] {
    // components of variables linked by facts
    const parentOf = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parentOf.get(r) !== r) r = parentOf.get(r)!;
      parentOf.set(x, r);
      return r;
    };
    for (const fact of this.facts) {
      const vars = [...fact.terms.keys()];
      for (const v of vars) if (!parentOf.has(v)) parentOf.set(v, v);
      for (const v of vars.slice(1)) parentOf.set(find(v), find(vars[0]));
    }
    const factsOf = new Map<string, Fact[]>();
    for (const fact of this.facts) {
      const root = find([...fact.terms.keys()][0]);
      factsOf.set(root, [...(factsOf.get(root) ?? []), fact]);
    }
    const hiddenOf = new Map<string, string[]>();
    const out: Bound[] = [];
    for (const id of this.hidden.keys()) {
      if (!parentOf.has(id)) out.push({ id, ...this.hidden.get(id)!, lo: 0, hi: Infinity });
      else hiddenOf.set(find(id), [...(hiddenOf.get(find(id)) ?? []), id]);
    }
    for (const [root, ids] of hiddenOf) {
      const range = this.#ranges(factsOf.get(root) ?? [], ids, threshold);
      for (const id of ids) out.push({ id, ...this.hidden.get(id)!, ...range.get(id)! });
    }
    return out;
  }

  // One component as one HiGHS model, its objective changed between solves (HiGHS starts each solve
  // from the last basis). Without a threshold every target is minimised and maximised alone.
  #ranges(
    facts: Fact[],
    targets: string[],
    threshold?: number,
  ): Map<string, { lo: number; hi: number }> {
    const column = new Map<string, number>();
    for (const f of facts)
      for (const v of f.terms.keys()) if (!column.has(v)) column.set(v, column.size);
    const n = column.size;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const f of facts) {
      for (const [v, c] of f.terms) {
        indices.push(column.get(v)!);
        values.push(c);
      }
      starts.push(indices.length);
    }
    const model = highs.createModel({
      numCols: n,
      numRows: facts.length,
      colCost: new Float64Array(n),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(Infinity),
      rowLower: facts.map((f) => (f.op === 'max' ? -Infinity : f.rhs)),
      rowUpper: facts.map((f) => (f.op === 'min' ? Infinity : f.rhs)),
      matrix: { format: 'csr', numRows: facts.length, numCols: n, starts, indices, values },
    });
    try {
      model.options.set({ output_flag: false });
      const at = targets.map((t) => column.get(t)!);
      const seen = at.map(() => ({ lo: Infinity, hi: -Infinity }));
      const exact = at.map(() => ({ lo: NaN, hi: NaN }));
      const run = (weights: Map<number, number>, sense: 'maximize' | 'minimize'): number => {
        const cost = new Float64Array(n);
        for (const [j, w] of weights) cost[j] = w;
        model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
        model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
        model.run();
        const status = model.getModelStatus();
        if (status === 8) {
          throw new Error(
            `attacker: the published figures around ${targets[0]} contradict each other (relations: ` +
              `${[...new Set(facts.map((f) => f.source))].slice(0, 8).join('; ')})`,
          );
        }
        if (status === 9 || status === 10) return sense === 'maximize' ? Infinity : 0;
        if (status !== 7)
          throw new Error(`attacker: HiGHS model status ${status} for ${targets[0]}`);
        const x = model.getSolution().colValue;
        at.forEach((j, k) => {
          seen[k].lo = Math.min(seen[k].lo, x[j]);
          seen[k].hi = Math.max(seen[k].hi, x[j]);
        });
        return model.getObjectiveValue();
      };
      const wide = (k: number) => threshold !== undefined && seen[k].hi - seen[k].lo >= threshold;
      if (threshold !== undefined) {
        // push every open target up, then down, at once: one pair of solves settles most of them
        for (let pass = 0; pass < 3; pass++) {
          const open = at.filter((_, k) => !wide(k));
          if (open.length === 0) break;
          run(new Map(open.map((j) => [j, 1])), 'maximize');
          run(new Map(open.map((j) => [j, 1])), 'minimize');
        }
      }
      at.forEach((j, k) => {
        if (wide(k)) return;
        exact[k].hi = run(new Map([[j, 1]]), 'maximize');
        if (!wide(k)) exact[k].lo = run(new Map([[j, 1]]), 'minimize');
      });
      return new Map(
        targets.map((t, k) => [
          t,
          {
            lo: Number.isNaN(exact[k].lo) ? seen[k].lo : exact[k].lo,
            hi: Number.isNaN(exact[k].hi) ? seen[k].hi : exact[k].hi,
          },
        ]),
      );
    } finally {
      model.dispose();
    }
  }

  #sum(terms: [number | string, number][], source: string): void {
    this.#linear(terms, 'equal', 0, source);
  }

  #linear(terms: [number | string, number][], op: Fact['op'], rhs: number, source: string): void {
    const vars = new Map<string, number>();
    let r = rhs;
    for (const [t, c] of terms) {
      if (typeof t === 'number') r -= c * t;
      else vars.set(t, (vars.get(t) ?? 0) + c);
    }
    for (const [v, c] of vars) if (c === 0) vars.delete(v);
    if (vars.size === 0) return;
    this.facts.push({ terms: vars, op, rhs: r, source });
  }
}

/**
 * Hidden counts whose feasible interval is narrower than `threshold` (a hidden cell pinned to 0 is
 * allowed: an empty group identifies nobody).
 * @example narrowCells(attacker.bounds(), 5) // [] when the run holds
 */
export function narrowCells(bounds: readonly Bound[], threshold: number): Bound[] {
  const EPS = 1e-6;
  return bounds.filter((b) => b.hi > EPS && b.hi - b.lo < threshold - EPS);
}
