import assert from 'node:assert/strict';
import { formatTimeOfDay, minutesOfDay, shiftHours } from '../../src/time/clock.js';

describe('minutesOfDay', () => {
  it('counts minutes after midnight', () => {
    assert.equal(minutesOfDay('07:30'), 7 * 60 + 30);
    assert.equal(minutesOfDay('7:05'), 425);
    assert.equal(minutesOfDay('24:00'), 1440);
  });
  it('returns NaN for times that do not exist', () => {
    for (const text of ['24:01', '12:60', '7.30', ''])
      assert.ok(Number.isNaN(minutesOfDay(text)), text);
  });
});

describe('formatTimeOfDay', () => {
  it('writes HH:MM', () => {
    assert.equal(formatTimeOfDay(425), '07:05');
  });
  it('rejects minutes outside a day', () => {
    assert.throws(
      () => formatTimeOfDay(1441),
      /formatTimeOfDay: expected whole minutes 0–1440, got 1441\./,
    );
  });
});

describe('shiftHours', () => {
  it('takes an end before the start as the next day', () => {
    assert.equal(shiftHours('22:00', '06:00'), 8); // 2 h to midnight + 6 h
    assert.equal(shiftHours('09:00', '17:30'), 8.5);
  });
  it('rejects text that is not a time', () => {
    assert.throws(
      () => shiftHours('9am', '17:00'),
      /shiftHours: expected two times written HH:MM, got "9am" and "17:00"\./,
    );
  });
});
