import assert from 'node:assert/strict';
import { exitSpec } from '../../../src/transforms/exits/margins.js';

describe('exitSpec', () => {
  const body = { population: 'respondents', counts: ['primary'] };

  it('puts the inner dimensions after `by` and marks the margins', () => {
    assert.deepEqual(exitSpec(['sex'], 'All', ['reason'], body), {
      by: ['sex', 'reason'],
      population: 'respondents',
      counts: ['primary'],
      total: 'All',
    });
  });
  it('uses the one `group` dimension, without a total marker, when there is no `by`', () => {
    assert.deepEqual(exitSpec([], 'All', [], body), {
      by: ['group'],
      population: 'respondents',
      counts: ['primary'],
    });
  });
  it('leaves the total marker out when margins are turned off', () => {
    assert.equal(exitSpec(['sex'], false, ['reason'], body).total, undefined);
  });
});
