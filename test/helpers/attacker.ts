// A curious reader of a published run, written without src/privacy: it reads every exported CSV (and
// the JSON beside it), writes every relation it can find between the figures as linear constraints
// (declared relations within rows, total rows and hierarchies, the same figure in several files,
// rates × denominators) and asks a linear programme how far each hidden count can move.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import highsLoader from 'highs';

// HiGHS (University of Edinburgh, compiled to WebAssembly): an exact-enough simplex that does not
// call a consistent system of a few hundred relations infeasible (javascript-lp-solver did).
type Highs = { solve(problem: string): { Status: string; ObjectiveValue: number } };
const highs = (await (highsLoader as unknown as () => Promise<Highs>)()) as Highs;

const HIDDEN = '[c]';

/** What the JSON beside an exported CSV says about the table (only the fields the attacker uses). */
export interface Sidecar {
  name?: string;
  by?: string[];
  countColumns?: string[];
  total?: string;
  hierarchy?: { column: string; parent: Record<string, string> };
  period?: string;
  relations?: { total: string; parts: string[] }[];
  rates?: { name: string; numerator: string; denominator: string; per?: number }[];
  /** In a unit's report: the label of the rows counting everyone outside the unit, and the unit. */
  rest?: { label: string; unit: string };
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
  readonly #byMeaning = new Map<string, { file: string; value: number | string }[]>();
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
    by.forEach((d, k) => {
      const groups = new Map<string, number[]>();
      f.rows.forEach((_, row) => {
        const key = JSON.stringify(dims(row).filter((_, i) => i !== k));
        groups.set(key, [...(groups.get(key) ?? []), row]);
      });
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
        const decimals = text.includes('.') ? text.split('.')[1].length : 0;
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
    // 4. remember every count cell by meaning, to tie the same figure across files
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
      for (const c of counts) {
        const key = JSON.stringify([c, by.includes('period') ? '' : period, named, relative]);
        const list = this.#byMeaning.get(key) ?? [];
        list.push({ file: fileId, value: term(row, c) });
        this.#byMeaning.set(key, list);
      }
    });
  }

  /**
   * Ties the same figure across files (same column, period and dimensions, a missing dimension read as
   * its total), for every pair of files whose shown figures in common never disagree.
   */
  tieAcrossFiles(): void {
    const pairs = new Map<string, { ok: boolean; keys: string[] }>();
    for (const [key, list] of this.#byMeaning) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          if (list[a].file === list[b].file) continue;
          const pk = JSON.stringify([list[a].file, list[b].file].sort());
          const p = pairs.get(pk) ?? { ok: true, keys: [] };
          const [x, y] = [list[a].value, list[b].value];
          if (typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) > 1e-6)
            p.ok = false;
          p.keys.push(key);
          pairs.set(pk, p);
        }
      }
    }
    for (const [pk, p] of pairs) {
      if (!p.ok) continue;
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

  /** The feasible interval of every hidden published count, solved component by component. */
  bounds(): Bound[] {
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
    const out: Bound[] = [];
    for (const [id, where] of this.hidden) {
      if (!parentOf.has(id)) {
        out.push({ id, ...where, lo: 0, hi: Infinity });
        continue;
      }
      const facts = factsOf.get(find(id)) ?? [];
      out.push({
        id,
        ...where,
        lo: this.#solve(id, facts, 'min'),
        hi: this.#solve(id, facts, 'max'),
      });
    }
    return out;
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

  #solve(target: string, facts: Fact[], opType: 'min' | 'max'): number {
    // CPLEX LP format; every variable is a count or a sum of counts: 0 ≤ x (the format's default)
    const names = new Map<string, string>();
    const name = (v: string) => {
      if (!names.has(v)) names.set(v, `x${names.size}`);
      return names.get(v)!;
    };
    const term = (c: number, v: string) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${name(v)}`;
    const rows = facts.map((f, k) => {
      const op = f.op === 'equal' ? '=' : f.op === 'max' ? '<=' : '>=';
      return ` f${k}: ${[...f.terms].map(([v, c]) => term(c, v)).join(' ')} ${op} ${f.rhs}`;
    });
    const problem = [
      opType === 'max' ? 'Maximize' : 'Minimize',
      ` obj: ${name(target)}`,
      'Subject To',
      ...rows,
      'End',
    ].join('\n');
    const result = highs.solve(problem);
    if (result.Status === 'Infeasible') {
      throw new Error(
        `attacker: the published figures around ${target} contradict each other (relations: ` +
          `${[...new Set(facts.map((f) => f.source))].slice(0, 8).join('; ')})`,
      );
    }
    if (result.Status === 'Unbounded') return opType === 'max' ? Infinity : 0;
    if (result.Status !== 'Optimal')
      throw new Error(`attacker: HiGHS says ${result.Status} for ${target}`);
    return result.ObjectiveValue;
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
