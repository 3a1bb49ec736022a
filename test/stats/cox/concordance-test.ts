import assert from 'node:assert/strict';
import { concordance } from '../../../src/stats/cox/concordance.js';
import { prepareCoxData } from '../../../src/stats/cox/input.js';

describe('concordance', () => {
  it('counts pairs over risk sets by hand, with tied exits and tied scores', () => {
    // tiny-ties.csv with lp = night_shift (any positive slope orders the same way).
    // Month 2: p1 (1) vs p3..p8 → 3 concordant (p6, p7, p8 have 0), 3 tied on lp;
    //          p2 (0) vs p3..p8 → 3 discordant, 3 tied. p1-p2 exit together: tied_y.
    // Month 3: p3 (1) vs p4..p8 → 3 concordant, 2 tied. Month 5: p5 (1) vs p7, p8 → 2 concordant;
    //          p6 (0) vs p7, p8 → 2 tied; p5-p6: tied_y. C = (8 + 10/2) / (8 + 3 + 10) = 13/21.
    const x = [1, 0, 1, 1, 1, 0, 0, 0];
    const data = prepareCoxData({
      time: [2, 2, 3, 4, 5, 5, 6, 7],
      event: [1, 1, 1, 0, 1, 1, 0, 0],
      X: x.map((v) => [v]),
      names: ['night_shift'],
    });
    assert.deepEqual(concordance(data, x), {
      concordance: 13 / 21,
      concordant: 8,
      discordant: 3,
      tied_x: 10,
      tied_y: 2,
      tied_xy: 0,
    });
  });

  it('leaves out of a risk set those who entered after the exit time (left truncation)', () => {
    // A exits at 2 (lp 1); B enters at 3 (lp 2), so B is not at risk at 2; C is (censored at 4, lp 0.5).
    // Only A-C is comparable and concordant; counting B would add a discordant pair.
    const data = prepareCoxData({
      entry: [0, 3, 0],
      time: [2, 5, 4],
      event: [1, 1, 0],
      X: [[1], [2], [0.5]],
      names: ['x'],
    });
    assert.deepEqual(concordance(data, [1, 2, 0.5]), {
      concordance: 1,
      concordant: 1,
      discordant: 0,
      tied_x: 0,
      tied_y: 0,
      tied_xy: 0,
    });
  });
});
