// The heap a batch worker may grow to: enough for the leaving-risk model of a national force, shared
// among the pool's workers, and never over what node was told.
import assert from 'node:assert/strict';
import { workerHeapFlags, workerHeapMegabytes } from '../../../src/report/batch/pool.js';

describe('workerHeapMegabytes', () => {
  const GiB = 2 ** 30;
  it('gives each worker 35% of the memory shared among the workers, 4096–16384 MiB', () => {
    const told = { execArgv: [], nodeOptions: '' };
    assert.equal(workerHeapMegabytes(1, { ...told, totalBytes: 24 * GiB }), 8601); // 0.35 × 24,576
    assert.equal(workerHeapMegabytes(2, { ...told, totalBytes: 24 * GiB }), 4300);
    assert.equal(workerHeapMegabytes(4, { ...told, totalBytes: 24 * GiB }), 4096);
    assert.equal(workerHeapMegabytes(1, { ...told, totalBytes: 256 * GiB }), 16384);
  });
  it('leaves the heap alone when node is told its size (arguments or NODE_OPTIONS)', () => {
    const totalBytes = 24 * GiB;
    assert.equal(
      workerHeapMegabytes(1, { totalBytes, execArgv: ['--max-old-space-size=2048'] }),
      undefined,
    );
    assert.equal(
      workerHeapMegabytes(1, {
        totalBytes,
        execArgv: [],
        nodeOptions: '--max-old-space-size=3000',
      }),
      undefined,
    );
  });
});

describe('workerHeapFlags', () => {
  it('sets the heap size and collects once the heap has grown by half, unless node is told', () => {
    const totalBytes = 24 * 2 ** 30;
    assert.deepEqual(workerHeapFlags(1, { totalBytes, execArgv: [], nodeOptions: '' }), [
      '--max-old-space-size=8601',
      '--heap-growing-percent=50',
    ]);
    assert.deepEqual(
      workerHeapFlags(1, {
        totalBytes,
        execArgv: ['--heap-growing-percent=20'],
        nodeOptions: '--max-old-space-size=3000',
      }),
      [],
    );
  });
});
