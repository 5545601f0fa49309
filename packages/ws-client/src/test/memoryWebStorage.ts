/** A `Storage` (Web Storage API) in memory, counting its calls, for storage tests without a browser. */
export class MemoryWebStorage implements Storage {
  readonly #items = new Map<string, string>();
  calls = 0;

  get length(): number {
    return this.#items.size;
  }

  clear(): void {
    this.calls += 1;
    this.#items.clear();
  }

  getItem(key: string): string | null {
    this.calls += 1;
    return this.#items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.calls += 1;
    this.#items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.calls += 1;
    this.#items.set(key, value);
  }
}
