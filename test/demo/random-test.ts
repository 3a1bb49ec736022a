import assert from 'node:assert/strict';
import { Rng } from '../../src/demo/random.js';

const N = 100_000;

function draws(rng: Rng, f: (r: Rng) => number): number[] {
  return Array.from({ length: N }, () => f(rng));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('Rng', () => {
  it('repeats the same sequence for the same seed and key', () => {
    const a = new Rng(42, 7);
    const b = new Rng(42, 7);
    for (let i = 0; i < 1000; i++) assert.equal(a.uniform(), b.uniform());
  });

  it('gives different sequences for different keys and seeds', () => {
    const first = (seed: number, key: number): number[] =>
      draws(new Rng(seed, key), (r) => r.uniform()).slice(0, 5);
    assert.notDeepEqual(first(42, 7), first(42, 8));
    assert.notDeepEqual(first(42, 7), first(43, 7));
  });

  it('draws uniforms in [0, 1) with mean 1/2', () => {
    const xs = draws(new Rng(1), (r) => r.uniform());
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    // The mean of N uniforms has sd sqrt(1/12 / N) = 0.00091; allow 5 sd.
    assert.ok(Math.abs(mean(xs) - 0.5) < 0.0046);
  });

  it('draws integers covering both ends of the range', () => {
    const xs = draws(new Rng(2), (r) => r.int(3, 5));
    assert.deepEqual([...new Set(xs)].sort(), [3, 4, 5]);
  });

  it('draws standard normals with mean 0 and sd 1', () => {
    const xs = draws(new Rng(3), (r) => r.normal());
    const m = mean(xs);
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
    // sd of the mean is 1/sqrt(N) = 0.0032; sd of the sample sd is about 1/sqrt(2N) = 0.0022; 5 sd each.
    assert.ok(Math.abs(m) < 0.016, `mean ${m}`);
    assert.ok(Math.abs(sd - 1) < 0.011, `sd ${sd}`);
  });

  it('draws Poisson counts and exponentials with the asked mean', () => {
    // Poisson(3): sd of the mean sqrt(3/N) = 0.0055; exponential(rate 2): mean 0.5, sd of mean 0.5/sqrt(N) = 0.0016.
    assert.ok(Math.abs(mean(draws(new Rng(4), (r) => r.poisson(3))) - 3) < 0.028);
    assert.ok(Math.abs(mean(draws(new Rng(5), (r) => r.exponential(2))) - 0.5) < 0.008);
  });

  it('picks weighted keys in proportion to their weights and never a zero weight', () => {
    const rng = new Rng(6);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < N; i++) counts[rng.weighted({ a: 1, b: 3, c: 0 })]++;
    assert.equal(counts.c, 0);
    // P(b) = 3/4; sd of the share sqrt(0.75 * 0.25 / N) = 0.0014; 5 sd.
    assert.ok(Math.abs(counts.b / N - 0.75) < 0.007);
  });

  it('says what is wrong when every weight is 0', () => {
    assert.throws(() => new Rng(1).weighted({ a: 0 }), /every weight is 0; give at least one > 0/);
  });
});
