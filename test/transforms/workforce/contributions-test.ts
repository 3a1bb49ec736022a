import assert from 'node:assert/strict';
import {
  contributorsOf,
  PersonContributions,
  topTwo,
} from '../../../src/transforms/workforce/contributions.js';
import { GroupPeriodSums } from '../../../src/transforms/workforce/exposure.js';

const HOURS = ['hours', 'people_hours', 'hours_top1', 'hours_top2'] as const;

describe('PersonContributions', () => {
  it('counts the people with a total above 0 and keeps the two largest totals per row', () => {
    const period = { kind: 'month' as const, label: 'P', start: 0, end: 9 };
    const byPerson = new PersonContributions([HOURS]);
    const sums = new GroupPeriodSums(['unit'], [period], byPerson.measures);
    const at = sums.row(['X'], 0);
    byPerson.of(at, 'a')[0] += 3;
    byPerson.of(at, 'b')[0] += 5;
    byPerson.of(at, 'a')[0] += 4; // a: 7 in all
    byPerson.of(at, 'c')[0] += 0; // c contributes nothing
    byPerson.addTo(sums);
    assert.deepEqual(byPerson.measures, ['people_hours', 'hours_top1', 'hours_top2']);
    assert.deepEqual(sums.toTable().objects(), [
      {
        unit: 'X',
        period: 'P',
        period_start: 0,
        period_end: 9,
        people_hours: 2,
        hours_top1: 7,
        hours_top2: 5,
      },
    ]);
  });
});

describe('topTwo', () => {
  it('gives the largest and second-largest value above 0, 0 where there are fewer', () => {
    assert.deepEqual(topTwo([2, 9, 0, 4]), [9, 4]);
    assert.deepEqual(topTwo([3]), [3, 0]);
    assert.deepEqual(topTwo([0, -1]), [0, 0]);
  });
});

describe('contributorsOf', () => {
  it('declares each magnitude with its people and top-two columns', () => {
    assert.deepEqual(contributorsOf([HOURS]), [
      { column: 'hours', people: 'people_hours', top: ['hours_top1', 'hours_top2'] },
    ]);
  });
});
