// A problem found while mapping one cell (before its type is parsed): the loader rejects the row with it.
import { CellProblem } from '../../schema/parse-cell.js';

/**
 * A cell the mapping itself cannot produce (a gap in a hierarchy, a value that fails its pattern, a
 * row under no section header): a CellProblem that also carries the offending export value.
 * @example new MappingProblem('pattern', 'unit_id "Oil" does not match ^\\d{3}$ …', 'Oil')
 */
export class MappingProblem extends CellProblem {
  constructor(
    rule: string,
    message: string,
    readonly value: string,
  ) {
    super(rule, message);
  }

  /** The offending value, which the loader shows in the reject's value column. */
  override toString(): string {
    return this.value;
  }
}

/** The first MappingProblem among `values`, if any (a problem in an input propagates to the output). */
export function problemIn(values: readonly unknown[]): MappingProblem | undefined {
  for (const v of values) if (v instanceof MappingProblem) return v;
  return undefined;
}
