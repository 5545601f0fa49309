import type { MockRateLimit } from '../types.js';
import type { DerivWireError } from './session.js';

/**
 * A fixed-window request budget for one connection. `ping` is exempt, as on Deriv, so clients can
 * keep a socket alive while they back off.
 */
export class RateLimiter {
  private windowStart = 0;
  private count = 0;

  constructor(private readonly limit: MockRateLimit | false) {}

  /** Counts one request; returns the `RateLimit` error once the window's budget is spent. */
  take(call: string, now: number): DerivWireError | undefined {
    const limit = this.limit;
    if (limit === false || call === 'ping') return undefined;
    if (now - this.windowStart >= limit.windowMs) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    if (this.count <= limit.maxRequests) return undefined;
    return { code: 'RateLimit', message: `You have reached the rate limit for ${call}.` };
  }
}
