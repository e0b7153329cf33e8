import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/core/export/collectGarbage.js';

describe('collectGarbage', () => {
  it('really collects, without --expose-gc, and leaves no gc() behind in the program', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    const ref = (() => new WeakRef({ large: new Array(1000).fill('x') }))();
    // A WeakRef's target lives at least until the current job ends.
    await tick();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    collectGarbage(); // and again, from the cached function
  });
});
