// A units hierarchy proposed from an export's own columns (region, command, department, team…, with
// their code and name columns): levels in the file's column order, each kept only when it divides the
// units above it further, codes unique in their level when each has one parent. Used by draftMapping.
import { normaliseName } from './draft-columns.js';

/** Words that name an organisational unit, at the end of a header (before any code/id/name). */
const UNIT_WORDS =
  /(region|area|command|division|district|bcu|department|dept|directorate|section|team|station|unit|branch|ics|org|organisation|organization|institute|costcentre|location|site|force|trust|squad|sector|borough)$/;

/** Values of a flag or an agreement scale, never of a unit (TRUE/FALSE, Yes/No, SA/A/N/D). */
const FLAG = /^(true|false|yes|no|y|n|0|1|-|sa|a|d|sd|m|n\/a|na|x)$/i;

/** One level proposed: its name, the code column, the name column when there is one, uniqueness. */
export interface ProposedLevel {
  level: string;
  id: string;
  name?: string;
  unique: boolean;
}

/** The proposal: levels top first, and what was left out and why. */
export interface ProposedHierarchy {
  levels: ProposedLevel[];
  notes: string[];
  /** Columns the hierarchy reads (codes and names). */
  columns: string[];
}

/**
 * The hierarchy `header` (with `rows`, the sampled values by column) suggests, or undefined when no
 * column names a unit. `taken` are columns already matched to other model columns.
 * @example proposeHierarchy(['BCU', 'Team', 'Team Name'], rows, new Set())?.levels.map((l) => l.level) // ['bcu', 'team']
 */
export function proposeHierarchy(
  header: readonly string[],
  rows: readonly string[][],
  taken: ReadonlySet<string>,
): ProposedHierarchy | undefined {
  const groups = new Map<string, { id?: number; name?: number; first: number; label: string }>();
  header.forEach((h, i) => {
    if (taken.has(h)) return;
    const n = normaliseName(h);
    const m = /^(.*?)(code|id|no|number|name|desc|description)$/.exec(n);
    const stem = m && m[1] !== '' ? m[1] : n;
    if (!UNIT_WORDS.test(stem) || h.trim().split(/[\s_.]+/).length > 4) return;
    if (rows.every((r) => r[i] === '' || FLAG.test(r[i]))) return;
    const g = groups.get(stem) ?? { first: i, label: levelName(h) };
    if (m && m[1] !== '' && /name|desc/.test(m[2])) g.name ??= i;
    else g.id ??= i;
    groups.set(stem, g);
  });
  const ordered = [...groups.entries()]
    .map(([, g]) => ({
      label: g.label,
      id: g.id ?? g.name!,
      name: g.id === undefined ? undefined : g.name,
    }))
    .sort((a, b) => a.id - b.id);
  if (ordered.length === 0) return undefined;
  // Two columns in one-to-one correspondence (a code and its name, e.g. DeptID and Department) are one
  // level: the one with numbers or a code-like name is the id, the other its name.
  const pairNotes: string[] = [];
  for (let k = ordered.length - 1; k > 0; k--) {
    const [a, b] = [ordered[k - 1], ordered[k]];
    if (a.name !== undefined || b.name !== undefined) continue;
    const disagree = Math.max(strays(rows, a.id, b.id), strays(rows, b.id, a.id));
    if (disagree > 0.02 * rows.length) continue;
    const codeLike = (i: number) =>
      /(code|id|no|number)$/.test(normaliseName(header[i])) ||
      rows.every((r) => r[i] === '' || /^[A-Z0-9]{1,8}$/i.test(r[i]));
    const [id, name] = codeLike(a.id) && !codeLike(b.id) ? [a, b] : [b, a];
    ordered.splice(k - 1, 2, { label: name.label, id: id.id, name: name.id });
    if (disagree > 0) {
      pairNotes.push(
        `${header[id.id]} and ${header[name.id]} name the same units, but ${disagree} row(s) pair them differently from the rest: check them (the code wins)`,
      );
    }
  }
  const notes: string[] = [...pairNotes];
  const levels: ProposedLevel[] = [];
  const chain: number[] = [];
  let units = 1;
  for (const g of ordered) {
    const count = distinctPaths(rows, [...chain, g.id]);
    if (count <= units) {
      notes.push(
        `${header[g.id]} does not divide the units above it further (it classifies them across the hierarchy), so it is not a level; add it as one if wanted.`,
      );
      continue;
    }
    const unique = chain.length === 0 || oneParent(rows, g.id, chain[chain.length - 1]);
    levels.push({
      level: g.label,
      id: header[g.id],
      ...(g.name !== undefined && { name: header[g.name] }),
      unique,
    });
    if (!unique) {
      notes.push(
        `${header[g.id]} repeats under several ${header[chain[chain.length - 1]]} values, so each pair is a unit of its own (ids carry the path).`,
      );
    }
    chain.push(g.id);
    units = count;
    if (levels.length === 6) {
      notes.push('the kit takes six levels at most: later unit columns are left out');
      break;
    }
  }
  const columns = levels.flatMap((l) => (l.name ? [l.id, l.name] : [l.id]));
  return { levels, notes, columns };
}

/** Distinct combinations of the values of `at` among the rows with a value in the last of them. */
function distinctPaths(rows: readonly string[][], at: number[]): number {
  const seen = new Set<string>();
  for (const row of rows) {
    if (row[at[at.length - 1]] === '') continue;
    seen.add(at.map((i) => row[i]).join('\u0000'));
  }
  return seen.size;
}

/** Rows whose `b` value is not the commonest one for their `a` value (0 when a → b is a function). */
function strays(rows: readonly string[][], a: number, b: number): number {
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row[a] === '' || row[b] === '') continue;
    const inner = counts.get(row[a]) ?? new Map<string, number>();
    inner.set(row[b], (inner.get(row[b]) ?? 0) + 1);
    counts.set(row[a], inner);
  }
  let n = 0;
  for (const inner of counts.values()) {
    const values = [...inner.values()];
    n += values.reduce((x, y) => x + y, 0) - Math.max(...values);
  }
  return n;
}

/** Whether every value of column `child` appears under one value of column `parent`. */
function oneParent(rows: readonly string[][], child: number, parent: number): boolean {
  const seen = new Map<string, string>();
  for (const row of rows) {
    if (row[child] === '') continue;
    const known = seen.get(row[child]);
    if (known === undefined) seen.set(row[child], row[parent]);
    else if (known !== row[parent]) return false;
  }
  return true;
}

/** A level name from a header: snake_case, without a code/id/name ending ("NHSE_REGION_CODE" → nhse_region). */
function levelName(header: string): string {
  const snake = header
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return snake.replace(/_?(code|id|no|number|name|desc|description)$/, '') || snake || 'unit';
}
