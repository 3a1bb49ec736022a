// The LP audit an attacker (or a statistical office) runs: the smallest and largest value a hidden cell
// can take given every published value, non-negative cells and the table's additive groups.
import lpSolver from 'javascript-lp-solver';

// The package's types are read as CommonJS under NodeNext (default = module object); at run time the
// ESM build's default export is the solver itself. Accept either.
type Solver = { Solve(model: object): unknown };
const solver = ((lpSolver as unknown as { default?: Solver }).default ?? lpSolver) as Solver;

/** Feasible range [lo, hi] of hidden cell `target` (hi = Infinity when unbounded). */
export function feasibleRange(
  target: number,
  published: readonly (number | null)[],
  groups: readonly { total: number; parts: number[] }[],
): [number, number] {
  const constraints: Record<string, { equal: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  published.forEach((v, row) => {
    if (v === null) variables[`x${row}`] = {};
  });
  groups.forEach((g, k) => {
    const terms: [number, number][] = [
      [g.total, 1],
      ...g.parts.map((p): [number, number] => [p, -1]),
    ];
    let rhs = 0;
    let hidden = false;
    for (const [row, coefficient] of terms) {
      const v = published[row];
      if (v === null) {
        variables[`x${row}`][`g${k}`] = (variables[`x${row}`][`g${k}`] ?? 0) + coefficient;
        hidden = true;
      } else {
        rhs -= coefficient * v;
      }
    }
    if (hidden) constraints[`g${k}`] = { equal: rhs };
  });
  variables[`x${target}`].objective = 1;
  const solve = (opType: 'max' | 'min') => {
    const result = solver.Solve({ optimize: 'objective', opType, constraints, variables }) as {
      feasible: boolean;
      bounded?: boolean;
      result: number;
    };
    if (!result.feasible)
      throw new Error('LP audit: published table is infeasible (bug in the audit)');
    if (result.bounded === false) return opType === 'max' ? Infinity : 0;
    return result.result;
  };
  return [solve('min'), solve('max')];
}
