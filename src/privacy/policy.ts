// The disclosure policy: thresholds, rounding and mode, with defaults and the checks every entry point runs.

/** How rates are published when counts are rounded (see docs/disclosure-control.md). */
export type RatePolicy = 'from-unrounded' | 'suppress-with-count';

/** The rules applied to every aggregated output. */
export interface DisclosurePolicy {
  /** `publish` hides cells; `analyst` hides nothing and marks the output not for circulation. */
  mode: 'publish' | 'analyst';
  /** A group (population, denominator, mean's n) of 1 to minGroupSize − 1 people is hidden. Default 5. */
  minGroupSize: number;
  /** A count or numerator of 1 to minCount − 1 is hidden. Zeros are shown. Default 5. */
  minCount: number;
  /** When set, shown counts and populations are rounded to the nearest multiple (halves up). */
  roundTo?: number;
  /**
   * `from-unrounded`: rates use the exact numerator and denominator.
   * `suppress-with-count`: rates use the published (rounded) figures, so they reveal nothing the
   * counts do not. Either way a rate is hidden whenever its numerator or denominator is hidden.
   */
  rates: RatePolicy;
  /** Thresholds for outputs derived from free text (both group size and counts). Default 10. */
  freeTextMinGroupSize: number;
  /**
   * How far a hidden sensitive cell must stay from being pinned: the published figures must allow
   * it to be this much larger than its true value, or zero. Default: minGroupSize.
   */
  protectionInterval?: number;
}

/**
 * The smallest minimum group size publish mode accepts. With a minimum of 1 nothing is hidden; with 2,
 * a reader who is in a group of two knows the other person's value (themselves + one other), and a
 * group of one is that person: both make a published table a list of individuals.
 */
export const PUBLISH_MIN_GROUP_SIZE = 3;

/**
 * Why publish mode refuses a minimum group size: one sentence naming the setting, the value and the fix,
 * for the CLI and resolvePolicy alike.
 * @example publishMinimumProblem('--min-group-size', 2) // '--min-group-size 2 is below 3 …'
 */
export function publishMinimumProblem(setting: string, value: number): string {
  return (
    `${setting} ${value} is below ${PUBLISH_MIN_GROUP_SIZE}, the smallest minimum publish mode accepts: ` +
    'with groups of 1 or 2 shown, a reader recognises the one person in a group, or, being one of two, ' +
    `works out the other's value. Use ${PUBLISH_MIN_GROUP_SIZE} or more (the default is 5), or analyst mode, ` +
    'whose outputs are marked not for circulation'
  );
}

/** The kit's default policy: publish mode, groups and counts under 5 hidden, no rounding. */
export const DEFAULT_POLICY: Readonly<DisclosurePolicy> = Object.freeze({
  mode: 'publish',
  minGroupSize: 5,
  minCount: 5,
  rates: 'from-unrounded',
  freeTextMinGroupSize: 10,
});

/**
 * Returns the complete policy: DEFAULT_POLICY overridden by `overrides`, checked.
 * Throws when a value is out of range, naming the option and the fix.
 * @example resolvePolicy({ minCount: 10, roundTo: 5 }) // ONS-style "10-5" rule
 */
export function resolvePolicy(overrides: Partial<DisclosurePolicy> = {}): DisclosurePolicy {
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  );
  const policy: DisclosurePolicy = { ...DEFAULT_POLICY, ...defined };
  const problems: string[] = [];
  const known = new Set([
    'mode',
    'minGroupSize',
    'minCount',
    'roundTo',
    'rates',
    'freeTextMinGroupSize',
    'protectionInterval',
  ]);
  for (const key of Object.keys(overrides)) {
    if (!known.has(key))
      problems.push(`unknown option "${key}" (options: ${[...known].join(', ')})`);
  }
  if (policy.mode !== 'publish' && policy.mode !== 'analyst') {
    problems.push(`mode must be 'publish' or 'analyst', got ${JSON.stringify(policy.mode)}`);
  }
  if (policy.rates !== 'from-unrounded' && policy.rates !== 'suppress-with-count') {
    problems.push(
      `rates must be 'from-unrounded' or 'suppress-with-count', got ${JSON.stringify(policy.rates)}`,
    );
  }
  checkInteger(problems, 'minGroupSize', policy.minGroupSize, 1);
  if (
    policy.mode === 'publish' &&
    Number.isInteger(policy.minGroupSize) &&
    policy.minGroupSize >= 1 &&
    policy.minGroupSize < PUBLISH_MIN_GROUP_SIZE
  ) {
    problems.push(publishMinimumProblem('minGroupSize', policy.minGroupSize));
  }
  checkInteger(problems, 'minCount', policy.minCount, 0);
  checkInteger(problems, 'freeTextMinGroupSize', policy.freeTextMinGroupSize, 1);
  if (policy.roundTo !== undefined) checkInteger(problems, 'roundTo', policy.roundTo, 1);
  if (policy.protectionInterval !== undefined) {
    checkInteger(problems, 'protectionInterval', policy.protectionInterval, 0);
  }
  if (problems.length > 0) {
    throw new Error(
      `disclosure policy: ${problems.join('; ')}. Fix the policy options you passed.`,
    );
  }
  return policy;
}

/** The protection interval in force: the explicit option, else the minimum group size. */
export function protectionIntervalOf(policy: DisclosurePolicy): number {
  return policy.protectionInterval ?? policy.minGroupSize;
}

function checkInteger(problems: string[], name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    problems.push(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
}
