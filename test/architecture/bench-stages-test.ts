// npm run bench times the kit's analyses by the source files it names: after a restructuring those
// names must follow, or the bench silently reports every stage "not available" (as it once did).
import assert from 'node:assert/strict';
import { STAGES, unavailable } from '../../bench/stage.js';

describe('the benchmark stages', () => {
  it('name source files that exist, so every stage runs', () => {
    assert.ok(STAGES.length >= 6);
    assert.deepEqual(
      STAGES.map((s) => [s.name, unavailable(s)]).filter(([, why]) => why !== null),
      [],
    );
  });
});
