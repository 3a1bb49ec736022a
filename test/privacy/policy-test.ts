import assert from 'node:assert/strict';
import { DEFAULT_POLICY, protectionIntervalOf, resolvePolicy } from '../../src/privacy/index.js';

describe('resolvePolicy', () => {
  it('fills every option from the defaults', () => {
    assert.deepEqual(resolvePolicy(), {
      mode: 'publish',
      minGroupSize: 5,
      minCount: 5,
      rates: 'from-unrounded',
      freeTextMinGroupSize: 10,
    });
  });

  it('keeps overrides and ignores options passed as undefined', () => {
    const policy = resolvePolicy({ minCount: 10, roundTo: 5, minGroupSize: undefined });
    assert.equal(policy.minCount, 10);
    assert.equal(policy.roundTo, 5);
    assert.equal(policy.minGroupSize, DEFAULT_POLICY.minGroupSize);
  });

  it('rejects out-of-range values and unknown options, listing each', () => {
    assert.throws(
      () =>
        resolvePolicy({
          minGroupSize: 0,
          roundTo: 2.5,
          mode: 'draft' as 'publish',
          minGroup: 3,
        } as never),
      {
        message:
          'disclosure policy: unknown option "minGroup" (options: mode, minGroupSize, minCount, roundTo, rates, ' +
          "freeTextMinGroupSize, protectionInterval); mode must be 'publish' or 'analyst', got \"draft\"; " +
          'minGroupSize must be an integer ≥ 1, got 0; roundTo must be an integer ≥ 1, got 2.5. ' +
          'Fix the policy options you passed.',
      },
    );
  });
});

describe('resolvePolicy: the smallest minimum publish mode accepts', () => {
  it('refuses a minimum group size of 1 or 2 in publish mode, saying why', () => {
    for (const minGroupSize of [1, 2]) {
      assert.throws(
        () => resolvePolicy({ minGroupSize }),
        (error: Error) => {
          assert.match(error.message, new RegExp(`minGroupSize ${minGroupSize} is below 3`));
          assert.match(error.message, /recognises the one person/);
          assert.match(error.message, /analyst mode/);
          return true;
        },
      );
    }
    assert.throws(() => resolvePolicy({ mode: 'publish', minGroupSize: 2, minCount: 5 }));
  });

  it('accepts 3 in publish mode and anything from 1 in analyst mode', () => {
    assert.equal(resolvePolicy({ minGroupSize: 3 }).minGroupSize, 3);
    assert.equal(resolvePolicy({ mode: 'analyst', minGroupSize: 1 }).minGroupSize, 1);
    assert.equal(resolvePolicy({ mode: 'analyst', minGroupSize: 2 }).minGroupSize, 2);
  });
});

describe('protectionIntervalOf', () => {
  it('defaults to the minimum group size', () => {
    assert.equal(protectionIntervalOf(resolvePolicy({ minGroupSize: 7 })), 7);
    assert.equal(protectionIntervalOf(resolvePolicy({ protectionInterval: 3 })), 3);
  });
});
