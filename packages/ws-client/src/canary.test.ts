import { describe, expect, it } from 'vitest';
import { CANARY_TOKEN, findLeaks, recorded } from './test/harness.js';

describe('canary check', () => {
  it('would catch a token in anything recorded (so the per-file check can fail)', () => {
    recorded.push(`oops ${CANARY_TOKEN}`);
    expect(findLeaks()).toHaveLength(1);
    recorded.pop();
    expect(findLeaks()).toEqual([]);
  });
});
