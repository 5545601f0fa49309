import type { MockFault, MockFaultOptions } from '../types.js';

interface FaultEntry {
  readonly fault: MockFault;
  readonly connectionId: string | undefined;
  remaining: number;
}

/** Fault kinds that act when a request arrives or its answer leaves. */
export type CallFaultType = 'drop' | 'close' | 'delay' | 'noAnswer' | 'malformed' | 'unknownReqId';

const WS_CLOSE_CODE_ALLOWED = (code: number): boolean =>
  (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
  (code >= 3000 && code <= 4999);

/**
 * Throws a `RangeError` when a fault cannot be applied as described (bad close code, close reason
 * over 123 bytes, negative delay).
 */
export function assertValidFault(fault: MockFault, options: MockFaultOptions): void {
  if (fault.type === 'close' && !WS_CLOSE_CODE_ALLOWED(fault.code)) {
    throw new RangeError(
      `Close code ${fault.code} cannot be sent; use 1000-1014 (not 1004-1006) or 3000-4999.`,
    );
  }
  // ws throws on a longer reason from inside the message handler, where nothing could catch it.
  if (fault.type === 'close' && Buffer.byteLength(fault.reason ?? '') > 123)
    throw new RangeError('A close reason is at most 123 bytes (UTF-8).');
  if (fault.type === 'delay' && !(fault.ms >= 0))
    throw new RangeError('A delay fault needs ms >= 0.');
  if (options.times !== undefined && !(options.times >= 1))
    throw new RangeError('times must be >= 1.');
}

/** The faults in force, each scoped to one connection or all, with an optional use count. */
export class FaultRegistry {
  private entries: FaultEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  add(fault: MockFault, options: MockFaultOptions): () => void {
    const entry: FaultEntry = {
      fault,
      connectionId: options.connectionId,
      remaining: options.times ?? Infinity,
    };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((candidate) => candidate !== entry);
    };
  }

  clear(): void {
    this.entries = [];
  }

  /** Takes (counts one use of) the first handshake fault in force, if any. */
  takeHandshakeFault():
    Extract<MockFault, { type: 'refuseHandshake' | 'stallHandshake' }> | undefined {
    const entry = this.entries.find(
      (candidate) =>
        candidate.fault.type === 'refuseHandshake' || candidate.fault.type === 'stallHandshake',
    );
    if (entry === undefined) return undefined;
    this.use(entry);
    return entry.fault as Extract<MockFault, { type: 'refuseHandshake' | 'stallHandshake' }>;
  }

  /** Takes (counts one use of) the first fault of a New API kind in force, if any. */
  takeFault<Type extends 'refuseRefresh' | 'otpServerError' | 'otpAlreadyUsed'>(
    type: Type,
  ): Extract<MockFault, { type: Type }> | undefined {
    if (this.entries.length === 0) return undefined;
    const entry = this.entries.find((candidate) => candidate.fault.type === type);
    if (entry === undefined) return undefined;
    this.use(entry);
    return entry.fault as Extract<MockFault, { type: Type }>;
  }

  /**
   * Takes the first fault of one of `types` that applies to `call` on `connectionId`. A fault
   * without `call`/`onCall` does not match here: it acted once, when injected.
   */
  takeCallFault(
    types: readonly CallFaultType[],
    connectionId: string,
    call: string | undefined,
  ): MockFault | undefined {
    if (this.entries.length === 0) return undefined;
    const entry = this.entries.find((candidate) => {
      if (!(types as readonly string[]).includes(candidate.fault.type)) return false;
      if (candidate.connectionId !== undefined && candidate.connectionId !== connectionId)
        return false;
      const target = faultCall(candidate.fault);
      return target !== undefined && target === call;
    });
    if (entry === undefined) return undefined;
    this.use(entry);
    return entry.fault;
  }

  /** Whether a `stallStream` fault holds back the updates of `call` on `connectionId` (not consumed). */
  stalls(connectionId: string, call: string): boolean {
    return this.entries.some(
      ({ fault, connectionId: scope }) =>
        fault.type === 'stallStream' &&
        fault.call === call &&
        (scope === undefined || scope === connectionId),
    );
  }

  private use(entry: FaultEntry): void {
    entry.remaining -= 1;
    if (entry.remaining <= 0)
      this.entries = this.entries.filter((candidate) => candidate !== entry);
  }
}

/** The call a fault waits for, or undefined when it acts at once. */
function faultCall(fault: MockFault): string | undefined {
  switch (fault.type) {
    case 'drop':
    case 'close':
      return fault.onCall;
    case 'delay':
    case 'noAnswer':
    case 'unknownReqId':
    case 'malformed':
      return fault.call;
    default:
      return undefined;
  }
}
