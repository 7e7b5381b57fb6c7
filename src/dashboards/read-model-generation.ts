/**
 * Answers computed once per (key, generation) in this process and shared by every request
 * that asks for that key while the generation stands — concurrent first askers share one
 * computation. Bounded: past `maxEntries` the least recently used key is dropped.
 */
export class GenerationCache<T> {
  private readonly entries = new Map<string, { generation: string; value: Promise<T> }>();

  constructor(private readonly maxEntries: number) {}

  /** The answer for `key` if one of `generation` or newer is held (nothing is computed). */
  peek(key: string, generation: string): Promise<T> | undefined {
    const hit = this.entries.get(key);
    return hit && BigInt(hit.generation) >= BigInt(generation) ? hit.value : undefined;
  }

  get(key: string, generation: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    // A newer generation's answer (cached by a later request) is as good or better.
    if (hit && BigInt(hit.generation) >= BigInt(generation)) {
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = compute();
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.entries.set(key, { generation, value });
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
