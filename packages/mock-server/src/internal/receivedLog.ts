import type { MockReceivedMessage } from '../types.js';

/** The redacted record of received messages, bounded so long runs (benchmarks) stay flat in memory. */
export class ReceivedLog {
  private entries: MockReceivedMessage[] = [];

  constructor(private readonly maxEntries: number) {}

  add(entry: MockReceivedMessage): void {
    if (this.maxEntries <= 0) return;
    this.entries.push(entry);
    // Trim in batches: one splice per maxEntries/2 pushes instead of a shift per push.
    if (this.entries.length >= this.maxEntries * 1.5)
      this.entries = this.entries.slice(-this.maxEntries);
  }

  all(): readonly MockReceivedMessage[] {
    if (this.entries.length > this.maxEntries) this.entries = this.entries.slice(-this.maxEntries);
    return this.entries;
  }

  forConnection(connectionId: string | undefined): MockReceivedMessage[] {
    const all = this.all();
    return connectionId === undefined
      ? [...all]
      : all.filter((entry) => entry.connectionId === connectionId);
  }

  clear(): void {
    this.entries = [];
  }
}
