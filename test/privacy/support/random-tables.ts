// Random aggregated tables for property tests: two-way tables with margins, and unit hierarchies
// (optionally crossed with grade). Each case carries its additive groups, built here independently of
// src/privacy, so the tests check the module against their own reading of the table.
import { table as makeTable, type ColumnTable } from 'arquero';
import fc from 'fast-check';
import type { CellSpec } from '../../../src/privacy/index.js';

/** A generated table, its spec, true values per row, and its additive groups (row indices). */
export interface Case {
  table: ColumnTable;
  spec: CellSpec;
  headcount: number[];
  leavers: number[];
  groups: { total: number; parts: number[] }[];
}

/** A leaf cell: headcount (often under 5, sometimes 0) and leavers ≤ headcount. */
const leaf = fc
  .tuple(
    fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
      { weight: 5, arbitrary: fc.integer({ min: 5, max: 60 }) },
    ),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([headcount, k]) => ({ headcount, leavers: Math.floor((k / 1000) * (headcount + 1)) }));

type Leaf = { headcount: number; leavers: number };

/** Two-way tables unit × grade with row, column and grand totals ('All'). */
export const twoWayCase: fc.Arbitrary<Case> = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([r, c]) =>
    fc.array(leaf, { minLength: r * c, maxLength: r * c }).map((cells) => ({ r, c, cells })),
  )
  .map(({ r, c, cells }) => {
    const units = [...Array.from({ length: r }, (_, i) => `U${i + 1}`), 'All'];
    const grades = [...Array.from({ length: c }, (_, j) => `G${j + 1}`), 'All'];
    const at = (i: number, j: number) => i * (c + 1) + j;
    const value = (i: number, j: number, key: keyof Leaf): number =>
      i < r && j < c
        ? cells[i * c + j][key]
        : i < r
          ? sum(Array.from({ length: c }, (_, k) => value(i, k, key)))
          : sum(Array.from({ length: r }, (_, k) => value(k, j, key)));
    const rows = units.flatMap((u, i) => grades.map((g, j) => ({ u, g, i, j })));
    const groups: Case['groups'] = [];
    for (let i = 0; i <= r; i++)
      groups.push({ total: at(i, c), parts: range(c).map((j) => at(i, j)) });
    for (let j = 0; j <= c; j++)
      groups.push({ total: at(r, j), parts: range(r).map((i) => at(i, j)) });
    return build(
      rows.map((x) => [x.u, x.g]),
      rows.map((x) => value(x.i, x.j, 'headcount')),
      rows.map((x) => value(x.i, x.j, 'leavers')),
      groups,
      { by: ['unit', 'grade'], total: 'All' },
    );
  });

/** Hierarchies force → 1–3 districts → 1–4 teams each, crossed with two grades and 'All' or not. */
export const hierarchyCase: fc.Arbitrary<Case> = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .chain(([teamsPer, crossed]) => {
    const teams = sum(teamsPer);
    const width = crossed ? 2 : 1;
    return fc
      .array(leaf, { minLength: teams * width, maxLength: teams * width })
      .map((cells) => ({ teamsPer, crossed, cells }));
  })
  .map(({ teamsPer, crossed, cells }) => {
    const parent: Record<string, string> = {};
    const children: Record<string, string[]> = { F: [] };
    const teams: string[] = [];
    teamsPer.forEach((k, d) => {
      const district = `D${d + 1}`;
      parent[district] = 'F';
      children.F.push(district);
      children[district] = [];
      for (let t = 0; t < k; t++) {
        const team = `${district}T${t + 1}`;
        parent[team] = district;
        children[district].push(team);
        teams.push(team);
      }
    });
    const units = [...teams, ...children.F, 'F'];
    const grades = crossed ? ['G1', 'G2', 'All'] : ['G1'];
    const leafGrades = crossed ? 2 : 1;
    const value = (u: string, g: number, key: keyof Leaf): number =>
      g === leafGrades
        ? sum(range(leafGrades).map((k) => value(u, k, key)))
        : children[u]
          ? sum(children[u].map((child) => value(child, g, key)))
          : cells[teams.indexOf(u) * leafGrades + g][key];
    const rows = units.flatMap((u) => grades.map((_, g) => ({ u, g })));
    const at = (u: string, g: number) => units.indexOf(u) * grades.length + g;
    const groups: Case['groups'] = [];
    for (const [p, kids] of Object.entries(children)) {
      for (let g = 0; g < grades.length; g++)
        groups.push({ total: at(p, g), parts: kids.map((k) => at(k, g)) });
    }
    if (crossed)
      for (const u of units) groups.push({ total: at(u, 2), parts: [at(u, 0), at(u, 1)] });
    const spec: CellSpec = {
      by: ['unit', 'grade'],
      hierarchy: { column: 'unit', parent },
      ...(crossed ? { total: 'All' } : {}),
    };
    return build(
      rows.map((x) => [x.u, grades[x.g]]),
      rows.map((x) => value(x.u, x.g, 'headcount')),
      rows.map((x) => value(x.u, x.g, 'leavers')),
      groups,
      spec,
    );
  });

function build(
  dims: string[][],
  headcount: number[],
  leavers: number[],
  groups: Case['groups'],
  spec: Pick<CellSpec, 'by' | 'total' | 'hierarchy'>,
): Case {
  const table = makeTable({
    unit: dims.map((d) => d[0]),
    grade: dims.map((d) => d[1]),
    headcount,
    leavers,
  });
  return {
    table,
    spec: { ...spec, population: 'headcount', counts: ['leavers'] },
    headcount,
    leavers,
    groups,
  };
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
