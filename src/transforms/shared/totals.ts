// Margins for aggregated tables: "All" rows that sum a dimension away, for publishing with its parts.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

export interface TotalsOptions {
  /** Dimension columns of the table. */
  by: string[];
  /** Dimensions to add totals over (default: all of `by`); each gets rows with `label`. */
  over?: string[];
  /** Additive columns to sum (counts, populations, numerators, denominators). */
  sum: string[];
  /** The marker value of a total row (default 'All'); pass the same as CellSpec.total. */
  label?: string;
}

/**
 * The table with margin rows added: for every non-empty subset of `over`, rows where those
 * dimensions read `label` and the measures are summed over them (so with two dimensions: row
 * totals, column totals and the grand total). Publish the result with `total: label` so disclosure
 * control sees each total and its parts together. Non-additive columns (rates, means) must be
 * recomputed after this from the summed numerators and denominators. Rows come sorted by `by`,
 * each total after its parts. When the table has period_start and period_end, they are kept (each
 * period's own; the whole span on a total over periods).
 * @example addTotals(byUnitAndType, { by: ['unit', 'worker_type'], over: ['worker_type'], sum: ['headcount'] })
 */
export function addTotals(table: ColumnTable, options: TotalsOptions): ColumnTable {
  const { by, sum, label = 'All' } = options;
  const over = options.over ?? by;
  const missing = [...by, ...sum].filter((c) => !table.columnNames().includes(c));
  if (missing.length) {
    throw new Error(
      `addTotals: column(s) ${missing.join(', ')} missing. Found: ${table.columnNames().join(', ')}.`,
    );
  }
  const strange = over.filter((c) => !by.includes(c));
  if (strange.length)
    throw new Error(`addTotals: "over" names ${strange.join(', ')}, which are not in "by".`);
  const base = table
    .select([...by, ...sum])
    .derive(
      Object.fromEntries(
        by.map((c) => [
          c,
          aq.escape((d: Record<string, unknown>) => (d[c] === null ? null : String(d[c]))),
        ]),
      ),
    );
  const parts: ColumnTable[] = [base];
  for (let mask = 1; mask < 1 << over.length; mask++) {
    const summed = over.filter((_, i) => mask & (1 << i));
    const keep = by.filter((c) => !summed.includes(c));
    const rolled = base
      .groupby(keep)
      .rollup(Object.fromEntries(sum.map((c) => [c, aq.op.sum(c)])))
      // A sum over no rows is 0 (arquero gives undefined for the grand total of an empty table).
      .derive(
        Object.fromEntries(
          sum.map((c) => [c, aq.escape((d: Record<string, unknown>) => d[c] ?? 0)]),
        ),
      )
      .derive(Object.fromEntries(summed.map((c) => [c, aq.escape(() => label)])));
    parts.push(rolled.select([...by, ...sum]));
  }
  const all = parts.reduce((acc, t) => acc.concat(t));
  // Parts in order, each dimension's total after its parts.
  const keys = by.map((c) => all.array(c) as ArrayLike<string | null>);
  const order = Array.from({ length: all.numRows() }, (_, i) => i).sort((a, b) => {
    for (const k of keys) {
      const x = k[a];
      const y = k[b];
      if (x === y) continue;
      if (x === label) return 1;
      if (y === label) return -1;
      return String(x).localeCompare(String(y), 'en-GB', { numeric: true });
    }
    return 0;
  });
  const out = Object.fromEntries(
    all.columnNames().map((c) => [c, order.map((i) => all.get(c, i))]),
  );
  Object.assign(out, periodDates(table, out.period as unknown[] | undefined, order.length));
  return aq.table(out);
}

/**
 * period_start and period_end for the rows of the result when the input has them (so a published
 * table can say its period in words): each period's own dates, the whole span on a total over periods.
 */
function periodDates(
  table: ColumnTable,
  periods: unknown[] | undefined,
  rows: number,
): Record<string, unknown[]> {
  const names = table.columnNames();
  if (!names.includes('period_start') || !names.includes('period_end')) return {};
  const label = names.includes('period') ? (table.array('period') as ArrayLike<unknown>) : null;
  const starts = table.array('period_start') as ArrayLike<number>;
  const ends = table.array('period_end') as ArrayLike<number>;
  const of = new Map<string, [number, number]>();
  let span: [number, number] = [Infinity, -Infinity];
  for (let i = 0; i < table.numRows(); i++) {
    if (typeof starts[i] !== 'number' || typeof ends[i] !== 'number') continue;
    if (label !== null) of.set(String(label[i]), [starts[i], ends[i]]);
    span = [Math.min(span[0], starts[i]), Math.max(span[1], ends[i])];
  }
  if (!Number.isFinite(span[0])) return {};
  const at = (r: number) => (periods === undefined ? span : (of.get(String(periods[r])) ?? span));
  return {
    period_start: Array.from({ length: rows }, (_, r) => at(r)[0]),
    period_end: Array.from({ length: rows }, (_, r) => at(r)[1]),
  };
}

/**
 * `parts` with total rows added where every `by` column reads `label`: the `sum` columns are the
 * sums of the parts per period (so the table stays additive for disclosure control), every other
 * column comes from `whole` (the same summary computed over everyone at once, e.g. people counts
 * and largest contributions, which do not add up across groups). Both tables hold `by`, `period`,
 * `period_start`, `period_end`; `whole` holds one row per period with `by` set to `label`.
 * @example addTotalsWithWhole(byTeam, everyone, { by: ['unit'], label: 'All', sum: ['headcount', 'spells'] })
 */
export function addTotalsWithWhole(
  parts: ColumnTable,
  whole: ColumnTable,
  options: { by: readonly string[]; label: string; sum: readonly string[] },
): ColumnTable {
  const { by, label, sum } = options;
  const keys = ['period', 'period_start', 'period_end'];
  const summed = parts.groupby(keys).rollup(Object.fromEntries(sum.map((c) => [c, aq.op.sum(c)])));
  const rest = whole.select(whole.columnNames().filter((c) => !sum.includes(c)));
  const totals = rest
    .join(summed, [keys, keys])
    .derive(Object.fromEntries(by.map((c) => [c, aq.escape(() => label)])));
  return parts.concat(totals.select(parts.columnNames()));
}

/**
 * `summarize(people)`, plus, when `total` is set and `by` is not empty, total rows where every `by`
 * column reads `total` (addTotalsWithWhole): the `sum` columns summed over the parts, every other
 * column from `summarize` run once more over all people together (so people counts and the largest
 * contributions are exact, not summed). The summaries of people per group × period use it for
 * their `total` option.
 * @example summarizeWithWhole(people, { by: ['unit'], total: 'All', sum: ['headcount'] }, (p) => summarizeHeadcount(p, options))
 */
export function summarizeWithWhole(
  people: ColumnTable,
  options: { by: readonly string[]; total?: string; sum: readonly string[] },
  summarize: (people: ColumnTable) => ColumnTable,
): ColumnTable {
  const { by, total, sum } = options;
  const parts = summarize(people);
  if (total === undefined || by.length === 0) return parts;
  const everyone = people.derive(Object.fromEntries(by.map((c) => [c, aq.escape(() => total)])));
  return addTotalsWithWhole(parts, summarize(everyone), { by, label: total, sum });
}
