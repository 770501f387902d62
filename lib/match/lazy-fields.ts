/**
 * What loadIndex leaves for first use (string arrays decode on first read, term maps build on
 * first lookup), and warmIndex, which builds it all ahead of the first query.
 */
import type { ClaimIndexCore } from './index-core';

/**
 * Map<string, number> from each string of an array to its position, built on first use:
 * termId over ~60k terms costs a few ms, which the load should not pay (the background
 * builds it right after loading, off the critical path; see warmIndex).
 */
export class LazyInverse extends Map<string, number> {
  private ready = false;
  constructor(private readonly of: () => readonly string[]) {
    super();
  }
  private build(): void {
    this.ready = true;
    const a = this.of();
    for (let i = 0; i < a.length; i++) super.set(a[i] as string, i);
  }
  override get(key: string): number | undefined {
    if (!this.ready) this.build();
    return super.get(key);
  }
  override has(key: string): boolean {
    if (!this.ready) this.build();
    return super.has(key);
  }
  override get size(): number {
    if (!this.ready) this.build();
    return super.size;
  }
  override set(key: string, value: number): this {
    if (!this.ready) this.build();
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    if (!this.ready) this.build();
    return super.delete(key);
  }
  override clear(): void {
    this.ready = true;
    super.clear();
  }
  override forEach(
    cb: (value: number, key: string, map: Map<string, number>) => void,
    thisArg?: unknown,
  ): void {
    if (!this.ready) this.build();
    super.forEach(cb, thisArg);
  }
  override entries(): MapIterator<[string, number]> {
    if (!this.ready) this.build();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    if (!this.ready) this.build();
    return super.keys();
  }
  override values(): MapIterator<number> {
    if (!this.ready) this.build();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * Builds whatever loadIndex left for first use (string arrays, the term map), so the first
 * query does not pay for it: the background calls it right after loading, off the critical
 * path. Cost ~10 ms for the bundled set.
 */
export function warmIndex(index: ClaimIndexCore): void {
  const walk = (o: object): void => {
    for (const k in o) {
      const v: unknown = (o as Record<string, unknown>)[k]; // runs a lazy getter
      if (v instanceof Map) void v.size;
      else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
        walk(v);
    }
  };
  walk(index);
}
