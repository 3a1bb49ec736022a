// The people behind a magnitude (hours, days lost) per group × period: how many contribute and the
// two largest single contributions, which disclosure control needs to judge dominance.
import type { ContributorSpec } from '../../privacy/index.js';
import type { GroupPeriodSums } from './exposure.js';

/** A magnitude with the columns of the people behind it: [column, people column, top-1, top-2]. */
export type ContributionColumns = readonly [string, string, string, string];

/**
 * Each person's running total of every magnitude, per row of a GroupPeriodSums; `addTo` turns them
 * into the people and top-two columns.
 * @example const c = new PersonContributions([['overtime_hours', 'people_overtime_hours', 'overtime_hours_top1', 'overtime_hours_top2']]); c.of(at, 'P1')[0] += 3; c.addTo(sums)
 */
export class PersonContributions {
  private readonly rows = new Map<number, Map<string, number[]>>();

  constructor(readonly columns: readonly ContributionColumns[]) {}

  /** The measures addTo fills: each magnitude's people, top-1 and top-2 columns. */
  get measures(): string[] {
    return this.columns.flatMap(([, people, top1, top2]) => [people, top1, top2]);
  }

  /** `person`'s totals in row `at`, one per magnitude in the order of `columns` (0 at first); add to them. */
  of(at: number, person: string): number[] {
    const people = this.rows.get(at) ?? new Map<string, number[]>();
    this.rows.set(at, people);
    const own = people.get(person) ?? this.columns.map(() => 0);
    people.set(person, own);
    return own;
  }

  /**
   * Adds to `sums`, for every row and magnitude: the people with a total above 0, and the largest
   * and second-largest single total (0 when there are fewer people).
   */
  addTo(sums: GroupPeriodSums): void {
    for (const [at, people] of this.rows) {
      this.columns.forEach(([, column, top1, top2], k) => {
        const given = [...people.values()].map((v) => v[k]).filter((v) => v > 0);
        const [first, second] = topTwo(given);
        sums.add(at, column, given.length);
        sums.add(at, top1, first);
        sums.add(at, top2, second);
      });
    }
  }
}

/**
 * The largest and second-largest of the values above 0 (0 where there are fewer): the top
 * contributions the dominance rule compares with a total.
 * @example topTwo([2, 9, 0, 4]) // [9, 4]
 */
export function topTwo(values: readonly number[]): [number, number] {
  const given = values.filter((v) => v > 0).sort((a, b) => b - a);
  return [given[0] ?? 0, given[1] ?? 0];
}

/**
 * The CellSpec contributors of magnitudes: each column with its people and top-two columns.
 * @example contributorsOf([['fte_days_lost', 'people_losing_days', 'fte_days_lost_top1', 'fte_days_lost_top2']])
 */
export function contributorsOf(columns: readonly ContributionColumns[]): ContributorSpec[] {
  return columns.map(([column, people, top1, top2]) => ({
    column,
    people,
    top: [top1, top2] as const,
  }));
}
