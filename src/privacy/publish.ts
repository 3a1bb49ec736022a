// publishTable: the one path from an aggregated table to anything shown or exported.
// Steps: check policy and spec → find additive groups → primary suppression → secondary suppression
// per measure → rates and means follow their inputs → round → log, remember in the ledger, brand.
import { table as makeTable, type ColumnTable } from 'arquero';
import { ledgerCell, type DisclosureLedger } from './ledger.js';
import { countByReason, type SuppressionEntry } from './log.js';
import { protectionIntervalOf, resolvePolicy, type DisclosurePolicy } from './policy.js';
import { contributorPatterns, primaryPatterns, type Pattern } from './primary.js';
import { issuePublishedTable, type CellStatus, type PublishedTable } from './published.js';
import { protectTable } from './relations.js';
import { checkSpec, type CellSpec } from './spec.js';
import { describedScope } from './scope.js';
import { additiveGroups } from './structure.js';

/**
 * Returns the publishable form of an aggregated table: cells that could identify someone or be
 * worked out by subtraction are null (status 'suppressed'), counts are rounded when the policy says
 * so, and the log lists hidden cells by reason (never their values).
 * Definitions: the population (spec.population, rate denominators, means' n) is the number of
 * people behind a row; a row whose population is 1 to minGroupSize − 1 is hidden whole. Counts of 1
 * to minCount − 1 are hidden. Every additive group (total row and its parts, parent and children)
 * then ends with no hidden cell recoverable from the shown ones. Rates are recomputed from their
 * numerator and denominator (× per) and hidden with either. Columns not in the spec are dropped.
 * With a ledger, cells hidden by earlier outputs are hidden again and this output's are remembered.
 * In analyst mode nothing is hidden or rounded and the result is marked notForCirculation.
 * @example
 * publishTable(byTeam, { by: ['team'], population: 'headcount', counts: ['leavers'], total: 'All',
 *   rates: [{ name: 'leaver_rate_pct', numerator: 'leavers', denominator: 'headcount', per: 100 }] })
 */
export function publishTable(
  table: ColumnTable,
  spec: CellSpec,
  policy: Partial<DisclosurePolicy> = {},
  ledger?: DisclosureLedger,
): PublishedTable {
  if (table === null || typeof table !== 'object' || typeof table.numRows !== 'function') {
    throw new Error(
      'publishTable: the first argument must be an arquero table (aggregated, one row per cell).',
    );
  }
  const rules = resolvePolicy(policy);
  const layout = checkSpec(table, spec);
  const groups = additiveGroups(table, layout, spec);
  const inputs = new Set([
    ...layout.measures.map((m) => m.column),
    ...(spec.contributors ?? []).flatMap((c) => [c.people, ...(c.top ?? [])]),
  ]);
  const values: Record<string, Float64Array> = Object.fromEntries(
    [...inputs].map((column) => [
      column,
      Float64Array.from(table.array(column) as ArrayLike<number>),
    ]),
  );
  const publish = rules.mode === 'publish';
  const patterns = publish
    ? primaryPatterns(values, layout, spec, rules, ledger)
    : new Map<string, Pattern>(layout.measures.map((m) => [m.column, new Map()]));
  if (publish) {
    const tieBreak = spec.population === undefined ? undefined : values[spec.population];
    // Each column's margins, and the relations declared within rows (spec.relations), together.
    protectTable(patterns, values, layout, groups, spec, tieBreak, protectionIntervalOf(rules));
  }
  // Rates and means hidden for their own people (spec.contributors naming them).
  const ownPatterns = publish
    ? contributorPatterns(values, spec, rules)
    : new Map<string, Pattern>();
  const base = publish ? rules.roundTo : undefined;
  const round = (v: number) => (base === undefined ? v : Math.round(v / base) * base);
  const decimalsOf = (column: string, fallback: number | undefined) =>
    publish ? (spec.decimals?.[column] ?? fallback) : undefined;
  const precise = (v: number | null, decimals: number | undefined) =>
    v === null || decimals === undefined ? v : roundDecimals(v, decimals);
  const n = table.numRows();
  const data: Record<string, unknown[]> = {};
  const status: Record<string, CellStatus[]> = {};
  const entries: SuppressionEntry[] = [];
  for (const d of layout.by) data[d] = Array.from(table.array(d) as ArrayLike<unknown>);
  const emit = (
    column: string,
    pattern: Pattern,
    value: (row: number) => number | null,
    rounded: boolean,
  ) => {
    data[column] = [];
    status[column] = [];
    for (let row = 0; row < n; row++) {
      const reason = pattern.get(row);
      if (reason !== undefined) entries.push({ cell: layout.cells[row], column, reason });
      const v = reason === undefined ? value(row) : null;
      data[column].push(v);
      status[column].push(
        reason !== undefined ? 'suppressed' : v === null ? 'empty' : rounded ? 'rounded' : 'shown',
      );
    }
  };
  for (const m of layout.measures.filter((m) => m.published)) {
    const decimals = decimalsOf(m.column, m.magnitude ? 1 : 2);
    emit(
      m.column,
      patterns.get(m.column)!,
      (row) => precise(round(values[m.column][row]), decimals),
      base !== undefined,
    );
  }
  const withOwn = (column: string, pattern: Pattern): Pattern => {
    for (const [row, reason] of ownPatterns.get(column) ?? []) {
      if (!pattern.has(row)) pattern.set(row, reason);
    }
    return pattern;
  };
  for (const r of spec.rates ?? []) {
    const pattern: Pattern = new Map(patterns.get(r.denominator));
    for (const [row, reason] of patterns.get(r.numerator)!) pattern.set(row, reason);
    const exact = rules.rates === 'from-unrounded';
    const decimals = decimalsOf(r.name, r.decimals ?? (r.per === 100 ? 1 : 2));
    emit(
      r.name,
      withOwn(r.name, pattern),
      (row) => {
        const num = exact ? values[r.numerator][row] : round(values[r.numerator][row]);
        const den = exact ? values[r.denominator][row] : round(values[r.denominator][row]);
        return den === 0 ? null : precise((num / den) * (r.per ?? 1), decimals);
      },
      false,
    );
  }
  for (const m of spec.means ?? []) {
    const means = table.array(m.name) as ArrayLike<unknown>;
    const decimals = decimalsOf(m.name, m.decimals ?? 2);
    emit(
      m.name,
      withOwn(m.name, new Map(patterns.get(m.n)!)),
      (row) => {
        const v = means[row];
        if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)))
          return null;
        if (typeof v !== 'number') {
          throw new Error(
            `publishTable: row ${row}, column "${m.name}": ${JSON.stringify(v)} is not a number. Means must be numeric or null.`,
          );
        }
        return precise(v, decimals);
      },
      false,
    );
  }
  for (const column of spec.maxima ?? []) {
    // One person's value: hidden in every row in publish mode, shown (marked) in analyst mode.
    const maxima = table.array(column) as ArrayLike<unknown>;
    const hidden: Pattern = new Map(
      publish ? Array.from({ length: n }, (_, row) => [row, 'order-statistic'] as const) : [],
    );
    emit(
      column,
      hidden,
      (row) => {
        const v = maxima[row];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      },
      false,
    );
  }
  const columns = Object.keys(status);
  for (const c of columns) data[`${c}_status`] = status[c];
  if (publish && ledger !== undefined) {
    for (const [column, pattern] of patterns) {
      for (const [row, reason] of pattern)
        ledger.record({
          column,
          cell: ledgerCell(layout.cells[row], spec.rest),
          period: spec.period,
          reason,
        });
    }
  }
  const used = new Set([...Object.keys(data), ...inputs]);
  return issuePublishedTable({
    table: makeTable(data),
    by: layout.by,
    columns,
    countColumns: layout.measures
      .filter((m) => m.published && (m.size || m.count))
      .map((m) => m.column),
    ...(spec.total === undefined ? {} : { total: spec.total }),
    ...(spec.period === undefined ? {} : { period: spec.period }),
    ...(spec.rest === undefined ? {} : { rest: Object.freeze({ ...spec.rest }) }),
    ...describedScope(spec, table),
    ...(spec.hierarchy === undefined
      ? {}
      : {
          hierarchy: Object.freeze({
            column: spec.hierarchy.column,
            parent: Object.freeze({ ...spec.hierarchy.parent }),
          }),
        }),
    // declared relations (issue 18 item 2): they travel with the table to its exports
    ...(spec.rates === undefined || spec.rates.length === 0
      ? {}
      : {
          // with the decimals each rate was rounded to, so that an audit reads it within its rounding
          rates: Object.freeze(
            spec.rates.map((r) => {
              const decimals = decimalsOf(r.name, r.decimals ?? (r.per === 100 ? 1 : 2));
              return Object.freeze({ ...r, ...(decimals === undefined ? {} : { decimals }) });
            }),
          ),
        }),
    ...(spec.relations === undefined || spec.relations.length === 0
      ? {}
      : {
          relations: Object.freeze(
            spec.relations.map((r) => Object.freeze({ total: r.total, parts: [...r.parts] })),
          ),
        }),
    ...(spec.sameAcross === undefined || Object.keys(spec.sameAcross).length === 0
      ? {}
      : {
          sameAcross: Object.freeze(
            Object.fromEntries(
              Object.entries(spec.sameAcross).map(([c, dims]) => [c, Object.freeze([...dims])]),
            ),
          ),
        }),
    log: {
      mode: rules.mode,
      entries,
      counts: countByReason(entries),
      hiddenCells: entries.length,
      minGroupSize: rules.minGroupSize,
      minCount: rules.minCount,
      freeTextMinGroupSize: rules.freeTextMinGroupSize,
      ...(base === undefined ? {} : { roundTo: base }),
      droppedColumns: table.columnNames().filter((c) => !used.has(c)),
    },
    policy: Object.freeze({ ...rules }),
    notForCirculation: !publish,
  });
}

/**
 * Rounds half away from zero to `decimals` places, without float noise (27.500000000000004 → 27.5).
 * @example roundDecimals(0.1 + 0.2, 1) // 0.3
 */
export function roundDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  const scaled = Math.abs(value) * f;
  // The nudge makes x.5 that float arithmetic left as x.4999999999999 round up, as written.
  const rounded = Math.round(scaled * (1 + 4 * Number.EPSILON)) / f;
  return value < 0 ? -rounded : rounded;
}
